import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration never imports application code.

// D9 (issue 16, item 5): the audit log is append-only. Rows are written by recordAudit and never changed: a trigger
// refuses every update, delete and truncate, whoever asks (the app's own database user included).
const statements = [
  `create function audit_log_append_only() returns trigger language plpgsql as $$
  begin
    raise exception 'audit_log is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
  end $$`,
  `create trigger audit_log_append_only before update or delete on audit_log
    for each statement execute function audit_log_append_only()`,
  `create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_append_only()`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
