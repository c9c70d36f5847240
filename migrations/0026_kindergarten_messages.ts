import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration never imports application code.

// Messages to a kindergarten department (issue 13, items 1 and 5): a guardian writes from the child's message book to
// the child's department (avdeling), whose pedagogical leader and staff and the kindergarten's styrer read and answer.
// Such a thread (kind 'kindergarten') belongs to a department instead of a school: message_thread.school_id becomes
// nullable, and exactly one of school_id and kindergarten_department_id is set. The department's threads are read
// newest first from message_thread_department_idx (the staff inbox and unread count, like message_thread_school_idx).
// The kindergarten's people write in three new capacities.
const statements = `
  alter table message_thread alter column school_id drop not null;
  alter table message_thread add column kindergarten_department_id bigint references kindergarten_department;
  alter table message_thread drop constraint message_thread_kind_check;
  alter table message_thread add constraint message_thread_kind_check
    check (kind in ('contact_teacher', 'school_office', 'sfo', 'teacher', 'kindergarten'));
  alter table message_thread add constraint message_thread_unit_check
    check ((school_id is null) <> (kindergarten_department_id is null)
      and (kind = 'kindergarten') = (kindergarten_department_id is not null));
  create index message_thread_department_idx on message_thread (kindergarten_department_id, last_message_at desc, id desc)
    where kindergarten_department_id is not null;
  alter table message drop constraint message_author_capacity_check;
  alter table message add constraint message_author_capacity_check
    check (author_capacity in ('guardian', 'contact_teacher', 'leadership', 'teacher', 'sfo_leader', 'sfo_staff',
      'kindergarten_leader', 'pedagogical_leader', 'kindergarten_staff', 'unknown'));
`;

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements
    .split(/;\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}
