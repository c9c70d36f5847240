import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration never imports application code.

// Inbound SMS are routed by the number that received them (issue 17): each school may have its own SMS number,
// stored normalised (+47 and 8 digits, a short code's digits, or + and a foreign number) and unique, so an SMS
// from an unknown number goes to the office of the school it was sent to. An SMS to no school's number is kept as
// 'unroutable': stored and logged, never shown in any school's queue.
const statements = `
  alter table school add column sms_number text unique
    check (sms_number ~ '^(\\+[1-9][0-9]{7,14}|[1-9][0-9]{3,5})$');

  alter table inbound_sms add column school_id bigint references school;
  alter table inbound_sms drop constraint inbound_sms_status_check;
  alter table inbound_sms add constraint inbound_sms_status_check
    check (status in ('placed', 'queued', 'attached', 'dismissed', 'unroutable'));
  create index inbound_sms_school_queued_idx on inbound_sms (school_id) where status = 'queued';
`;

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements
    .split(/;\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}
