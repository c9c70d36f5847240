import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration never imports application code.

// Forms and questionnaires (G13, S9): staff build a form, send it to the guardians of a group; one answer per child.
const statements = `
  create table form (
    id bigint generated always as identity primary key,
    school_id bigint not null references school,
    audience_kind text not null check (audience_kind in ('school', 'trinn', 'class', 'teaching_group', 'composite_group', 'sfo')),
    audience_id bigint not null,
    audience_trinn integer check ((audience_kind = 'trinn') = (audience_trinn is not null)),
    title text not null check (length(title) between 1 and 200),
    description text not null default '' check (length(description) <= 4000),
    deadline date not null,
    created_by bigint not null references person,
    created_at timestamptz not null default now(),
    sent_at timestamptz
  );
  create index form_school_idx on form (school_id, created_at desc);
  create index form_creator_idx on form (created_by, created_at desc);

  create table form_question (
    id bigint generated always as identity primary key,
    form_id bigint not null references form on delete cascade,
    position integer not null,
    kind text not null check (kind in ('single', 'multiple', 'text', 'date', 'yes_no')),
    label text not null check (length(label) between 1 and 500),
    required boolean not null default false,
    options text[] not null default '{}',
    unique (form_id, position)
  );

  create table form_recipient (
    form_id bigint not null references form,
    pupil_id bigint not null references person,
    primary key (form_id, pupil_id)
  );
  create index form_recipient_pupil_idx on form_recipient (pupil_id);

  create table form_answer (
    form_id bigint not null references form,
    pupil_id bigint not null references person,
    answered_by bigint not null references person,
    answers jsonb not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (form_id, pupil_id),
    foreign key (form_id, pupil_id) references form_recipient
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
