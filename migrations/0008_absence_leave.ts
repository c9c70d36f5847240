import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration never imports application code.

// Absence (G6, S4), its follow-up, and leave of absence (G7, S8).
const statements = `
  alter table municipality add column absence_follow_up_time text not null default '10:00'
    check (absence_follow_up_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$');

  create table absence_report (
    id bigint generated always as identity primary key,
    pupil_id bigint not null references person,
    school_id bigint not null references school,
    reported_by bigint not null references person,
    kind text not null check (kind in ('days', 'lessons')),
    from_date date not null,
    to_date date not null,
    reason text not null check (reason in ('sjuk', 'lege', 'gravferd', 'sjukehus', 'annet')),
    note text check (length(note) <= 300),
    documented boolean not null default false,
    created_at timestamptz not null default now(),
    withdrawn_at timestamptz,
    withdrawn_by bigint references person,
    check (from_date <= to_date),
    check (kind = 'days' or from_date = to_date)
  );
  create index absence_report_pupil_idx on absence_report (pupil_id, from_date);
  create index absence_report_school_idx on absence_report (school_id, from_date);

  create table absence_report_lesson (
    absence_report_id bigint not null references absence_report on delete cascade,
    lesson_id bigint not null references lesson,
    primary key (absence_report_id, lesson_id)
  );

  create table attendance (
    id bigint generated always as identity primary key,
    pupil_id bigint not null references person,
    school_id bigint not null references school,
    date date not null,
    lesson_id bigint references lesson,
    status text not null check (status in ('present', 'absent', 'late')),
    registered_by bigint not null references person,
    registered_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique nulls not distinct (pupil_id, date, lesson_id)
  );
  create index attendance_school_date_idx on attendance (school_id, date);

  create table absence_follow_up (
    pupil_id bigint not null references person,
    date date not null,
    school_id bigint not null references school,
    created_at timestamptz not null default now(),
    primary key (pupil_id, date)
  );

  create table leave_application (
    id bigint generated always as identity primary key,
    pupil_id bigint not null references person,
    school_id bigint not null references school,
    applicant_id bigint not null references person,
    reason text not null check (reason in ('reise', 'religion', 'arrangement', 'familie', 'annet')),
    from_date date not null,
    to_date date not null,
    school_days integer not null check (school_days >= 0),
    justification text not null check (length(justification) between 1 and 2000),
    rules_confirmed_at timestamptz not null,
    status text not null check (status in ('awaiting_guardians', 'submitted', 'granted', 'partly_granted', 'refused', 'declined', 'withdrawn')),
    created_at timestamptz not null default now(),
    submitted_at timestamptz,
    decided_at timestamptz,
    decided_by bigint references person,
    decision_reasons text,
    granted_from date,
    granted_to date,
    granted_days integer,
    check (from_date <= to_date),
    check (granted_from is null or (granted_from <= granted_to and granted_from >= from_date and granted_to <= to_date))
  );
  create index leave_application_pupil_idx on leave_application (pupil_id, from_date);
  create index leave_application_school_status_idx on leave_application (school_id, status);

  create table leave_confirmation (
    leave_application_id bigint not null references leave_application,
    guardian_id bigint not null references person,
    answer text check (answer in ('confirmed', 'declined')),
    answered_at timestamptz,
    primary key (leave_application_id, guardian_id)
  );

  create table leave_decision_document (
    leave_application_id bigint not null references leave_application,
    guardian_id bigint not null references person,
    document_id bigint not null references document,
    primary key (leave_application_id, guardian_id)
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
