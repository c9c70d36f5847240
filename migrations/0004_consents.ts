import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration never imports application code.

const statements = `
  create table consent_type (
    id bigint generated always as identity primary key,
    municipality_id bigint not null references municipality,
    school_id bigint references school,
    parent_id bigint references consent_type,
    key text not null check (key ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
    name_nb text not null,
    name_nn text not null,
    name_en text not null,
    description_nb text not null default '',
    description_nn text not null default '',
    description_en text not null default '',
    position integer not null default 0,
    active boolean not null default true,
    created_at timestamptz not null default now(),
    check (parent_id is null or parent_id <> id),
    unique (municipality_id, key)
  );
  create index consent_type_school_idx on consent_type (school_id);

  create table consent_answer (
    pupil_id bigint not null references person,
    guardian_id bigint not null references person,
    consent_type_id bigint not null references consent_type,
    state text not null check (state in ('given', 'refused')),
    answered_at timestamptz not null default now(),
    primary key (pupil_id, guardian_id, consent_type_id)
  );
  create index consent_answer_type_idx on consent_answer (consent_type_id);
  create index consent_answer_guardian_idx on consent_answer (guardian_id);

  create table consent_event (
    id bigint generated always as identity primary key,
    at timestamptz not null default now(),
    pupil_id bigint not null references person,
    guardian_id bigint not null references person,
    consent_type_id bigint not null references consent_type,
    changed_by bigint references person,
    from_state text not null check (from_state in ('given', 'refused', 'unanswered')),
    to_state text not null check (to_state in ('given', 'refused', 'unanswered')),
    reason text check (reason is null or reason in ('answer', 'general_withdrawn'))
  );
  create index consent_event_pupil_idx on consent_event (pupil_id, at desc);

  create table general_consent (
    guardian_id bigint primary key references person,
    state text not null check (state in ('given', 'withdrawn')),
    decided_at timestamptz not null default now()
  );

  create table general_consent_event (
    id bigint generated always as identity primary key,
    at timestamptz not null default now(),
    guardian_id bigint not null references person,
    from_state text not null check (from_state in ('given', 'withdrawn', 'unanswered')),
    to_state text not null check (to_state in ('given', 'withdrawn'))
  );
  create index general_consent_event_guardian_idx on general_consent_event (guardian_id, at desc);

  create table general_consent_deferral (
    session_id text primary key references session on delete cascade,
    created_at timestamptz not null default now()
  );
`;

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements
    .split(/;\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}
