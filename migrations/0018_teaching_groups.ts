import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration never imports application code.

// The school office's teaching groups (issue 11): a group can be closed (closed_on: no longer offered for new
// members, staff grants or lessons). The office closes a group only when it has no members (the domain refuses
// otherwise), so a closed group never gives a teacher reach to a pupil.
const statements = `
  alter table teaching_group add column closed_on date;
`;

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements
    .split(/;\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}
