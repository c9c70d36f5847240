import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration never imports application code.

// Applications as one thing (issue 10): what every kind shares — the pupil, the school (and for SFO kinds the SFO),
// the applicant, the status, the decision — lives in `application`; each kind keeps only its own details in a
// table keyed by application_id. Leave (0008) is moved here with the SAME ids, so links to /leave-applications/:id
// in old notifications and letters still find their application.
const statements = `
  create table application (
    id bigint generated always as identity primary key,
    kind text not null constraint application_kind_check check (kind in ('leave')),
    pupil_id bigint not null references person,
    school_id bigint not null references school,
    sfo_id bigint references sfo,
    applicant_id bigint not null references person,
    status text not null check (status in ('awaiting_guardians', 'submitted', 'granted', 'partly_granted', 'refused', 'declined', 'withdrawn')),
    created_at timestamptz not null default now(),
    submitted_at timestamptz,
    decided_at timestamptz,
    decided_by bigint references person,
    decision_reasons text
  );
  create index application_school_queue_idx on application (school_id, status, submitted_at, id);
  create index application_sfo_queue_idx on application (sfo_id, status, submitted_at, id) where sfo_id is not null;
  create index application_pupil_idx on application (pupil_id, created_at);

  insert into application (id, kind, pupil_id, school_id, applicant_id, status, created_at, submitted_at, decided_at, decided_by, decision_reasons)
    overriding system value
    select id, 'leave', pupil_id, school_id, applicant_id, status, created_at, submitted_at, decided_at, decided_by, decision_reasons
    from leave_application;

  select setval(pg_get_serial_sequence('application', 'id'), greatest(
    coalesce((select max(id) from application), 0),
    (select case when is_called then last_value else last_value - 1 end from leave_application_id_seq)
  ) + 1, false);

  create table application_confirmation (
    application_id bigint not null references application,
    guardian_id bigint not null references person,
    answer text check (answer in ('confirmed', 'declined')),
    answered_at timestamptz,
    primary key (application_id, guardian_id)
  );
  insert into application_confirmation (application_id, guardian_id, answer, answered_at)
    select leave_application_id, guardian_id, answer, answered_at from leave_confirmation;
  drop table leave_confirmation;

  create table application_document (
    application_id bigint not null references application,
    guardian_id bigint not null references person,
    document_id bigint not null references document,
    primary key (application_id, guardian_id)
  );
  insert into application_document (application_id, guardian_id, document_id)
    select leave_application_id, guardian_id, document_id from leave_decision_document;
  drop table leave_decision_document;

  alter table leave_application alter column id drop identity;
  alter table leave_application rename column id to application_id;
  alter table leave_application add constraint leave_application_application_id_fkey foreign key (application_id) references application;
  alter table leave_application
    drop column pupil_id, drop column school_id, drop column applicant_id, drop column status, drop column created_at,
    drop column submitted_at, drop column decided_at, drop column decided_by, drop column decision_reasons;
`;

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements
    .split(/;\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}
