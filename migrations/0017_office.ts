import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration never imports application code.

// The school office's screens (issue 11): a class can be closed (closed_on: no longer offered for admissions;
// only when no pupil is enrolled in it now or later), an ended enrolment says why it ended, and no pupil ever
// has two open enrolments (ends_on null) at once. A move between classes ends the old enrolment the day before
// the new one starts ('class_change'). Independent of 0016 (the Folkeregisteret import).
const statements = `
  alter table class add column closed_on date;

  alter table enrolment add column end_reason text
    check (end_reason in ('moved', 'changed_school', 'finished', 'class_change'));
  alter table enrolment add constraint enrolment_end_reason_needs_end check (end_reason is null or ends_on is not null);
  create unique index enrolment_one_open_per_pupil on enrolment (pupil_id) where ends_on is null;
`;

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements
    .split(/;\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}
