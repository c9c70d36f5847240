import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration never imports application code.

// Consents for kindergarten children (issue 13, K1): a consent type applies to schools or to kindergartens
// (applies_to). A school owner's kindergarten types (kindergarten_id null) are asked in every kindergarten it owns;
// a kindergarten's own types (kindergarten_id set) only there. The answers, the history and the general consent are
// the same tables as for school children (consent_answer.pupil_id is the child, a person).
const statements = `
  alter table consent_type
    add column applies_to text not null default 'school' check (applies_to in ('school', 'kindergarten')),
    add column kindergarten_id bigint references kindergarten;
  alter table consent_type add constraint consent_type_unit_check
    check (case applies_to when 'school' then kindergarten_id is null else school_id is null end);
  create index consent_type_kindergarten_idx on consent_type (kindergarten_id) where kindergarten_id is not null
`;

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements
    .split(/;\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}
