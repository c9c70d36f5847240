import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration never imports application code.

// Folkeregisteret import (issue 11, D1/D2). A guardian relation records whether the guardian lives with the child
// (same bostedsadresse in the register) and whether the import owns it (from_register: the import may remove it
// when the register no longer names that parent; relations the school office adds are never touched).
// Every import run is kept with its change report (one row per change and school; never a protected address).
const statements = `
  alter table guardian_relation add column lives_with_child boolean not null default false;
  alter table guardian_relation add column from_register boolean not null default false;

  create table freg_import_run (
    id bigint generated always as identity primary key,
    source text not null,
    started_at timestamptz not null,
    finished_at timestamptz not null,
    actor_person_id bigint references person,
    documents integer not null,
    rows_changed integer not null,
    persons_created integer not null,
    persons_updated integer not null,
    relations_changed integer not null
  );

  create table freg_change (
    id bigint generated always as identity primary key,
    run_id bigint not null references freg_import_run on delete cascade,
    school_id bigint references school,
    kind text not null check (kind in ('new_person', 'identity_changed', 'name_changed', 'address_changed',
      'new_protection', 'protection_removed', 'new_guardian', 'gone_guardian', 'responsibility_lost',
      'responsibility_gained', 'moved_out', 'death')),
    person_id bigint not null references person,
    pupil_id bigint references person,
    details jsonb not null default '{}'
  );
  create index freg_change_run_school_idx on freg_change (run_id, school_id);
`;

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements
    .split(/;\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}
