import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration never imports application code.

// The scheduled jobs read only what is new (issue 18, item 8). The absence follow-up (every minute) reads today's
// absent registrations: a partial index on the date of the 'absent' rows makes its cost today's absences, not every
// registration of the year (~2M rows by December at municipality scale); its two "not covered" checks find the
// home reports and the granted leave in force today by their end date (reports and leave that ended are most of
// them, and they stay from year to year) instead of reading them all. The session housekeeping deletes sessions
// past their absolute or idle expiry: an index on each lets it find them (a BitmapOr) instead of reading them all.
const statements = `
  create index attendance_absent_date_idx on attendance (date, pupil_id) where status = 'absent';
  create index absence_report_in_force_idx on absence_report (to_date, pupil_id) where withdrawn_at is null;
  create index leave_application_granted_idx on leave_application (granted_to, application_id) where granted_to is not null;
  create index session_expires_idx on session (expires_at);
  create index session_last_active_idx on session (last_active_at);
`;

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements
    .split(/;\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}
