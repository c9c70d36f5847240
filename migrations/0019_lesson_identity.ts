import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration never imports application code.

// The timetable (issue 11): a lesson's identity is its class or teaching group, weekday and start time. The school
// office's CSV import updates the lesson with the same identity instead of adding a second one, so a second apply
// of the same file changes nothing; the office's own form refuses two lessons of one class or group at overlapping
// times. These indexes hold the identity even against two requests at once.
const statements = `
  create unique index lesson_class_slot_key on lesson (class_id, weekday, starts_at) where class_id is not null;
  create unique index lesson_group_slot_key on lesson (teaching_group_id, weekday, starts_at)
    where teaching_group_id is not null;
`;

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements
    .split(/;\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}
