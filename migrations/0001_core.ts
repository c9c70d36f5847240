import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration never imports application code.

const statements = `
    create table municipality (
      id bigint generated always as identity primary key,
      name text not null,
      org_number text not null unique check (org_number ~ '^[0-9]{9}$'),
      kind text not null default 'kommune' check (kind in ('kommune', 'private_owner')),
      leave_limit_days integer not null default 10 check (leave_limit_days between 0 and 190),
      created_at timestamptz not null default now()
    );

    create table school (
      id bigint generated always as identity primary key,
      municipality_id bigint not null references municipality,
      name text not null,
      org_number text not null unique check (org_number ~ '^[0-9]{9}$'),
      hovudmaal text not null check (hovudmaal in ('nb', 'nn')),
      address_line text,
      postal_code text,
      postal_place text,
      email text,
      phone text,
      created_at timestamptz not null default now()
    );
    create index school_municipality_idx on school (municipality_id);

    create table sfo (
      id bigint generated always as identity primary key,
      school_id bigint not null references school,
      name text not null
    );
    create index sfo_school_idx on sfo (school_id);

    create table school_year (
      id bigint generated always as identity primary key,
      municipality_id bigint not null references municipality,
      name text not null,
      starts_on date not null,
      ends_on date not null,
      check (starts_on < ends_on),
      unique (municipality_id, starts_on)
    );

    create table class (
      id bigint generated always as identity primary key,
      school_id bigint not null references school,
      school_year_id bigint not null references school_year,
      name text not null,
      trinn integer not null check (trinn between 1 and 10),
      unique (school_id, school_year_id, name)
    );

    create table teaching_group (
      id bigint generated always as identity primary key,
      school_id bigint not null references school,
      school_year_id bigint not null references school_year,
      name text not null,
      subject text not null,
      unique (school_id, school_year_id, name)
    );

    create table composite_group (
      id bigint generated always as identity primary key,
      school_id bigint not null references school,
      school_year_id bigint not null references school_year,
      name text not null,
      unique (school_id, school_year_id, name)
    );

    create table person (
      id bigint generated always as identity primary key,
      fodselsnummer text unique check (fodselsnummer ~ '^[0-9]{11}$'),
      feide_id text unique,
      given_name text not null,
      family_name text not null,
      address_line text,
      postal_code text,
      postal_place text,
      address_protection text not null default 'none'
        check (address_protection in ('none', 'fortrolig', 'strengt_fortrolig')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index person_family_name_idx on person (family_name, given_name);

    create table enrolment (
      id bigint generated always as identity primary key,
      pupil_id bigint not null references person,
      school_id bigint not null references school,
      class_id bigint not null references class,
      starts_on date not null,
      ends_on date,
      check (ends_on is null or starts_on <= ends_on)
    );
    create index enrolment_pupil_idx on enrolment (pupil_id);
    create index enrolment_class_idx on enrolment (class_id);
    create index enrolment_school_idx on enrolment (school_id);

    create table teaching_group_member (
      teaching_group_id bigint not null references teaching_group,
      pupil_id bigint not null references person,
      primary key (teaching_group_id, pupil_id)
    );
    create index teaching_group_member_pupil_idx on teaching_group_member (pupil_id);

    create table composite_group_member (
      composite_group_id bigint not null references composite_group,
      pupil_id bigint not null references person,
      primary key (composite_group_id, pupil_id)
    );
    create index composite_group_member_pupil_idx on composite_group_member (pupil_id);

    create table sfo_enrolment (
      id bigint generated always as identity primary key,
      sfo_id bigint not null references sfo,
      pupil_id bigint not null references person,
      starts_on date not null,
      ends_on date,
      check (ends_on is null or starts_on <= ends_on)
    );
    create index sfo_enrolment_pupil_idx on sfo_enrolment (pupil_id);
    create index sfo_enrolment_sfo_idx on sfo_enrolment (sfo_id);

    create table guardian_relation (
      id bigint generated always as identity primary key,
      pupil_id bigint not null references person,
      guardian_id bigint not null references person,
      relation text not null
        check (relation in ('mor', 'far', 'medmor', 'fostermor', 'fosterfar', 'stemor', 'stefar', 'annet')),
      parental_responsibility boolean not null default true,
      blocked boolean not null default false,
      contact_person_only boolean not null default false,
      check (pupil_id <> guardian_id),
      check (not (contact_person_only and parental_responsibility)),
      unique (pupil_id, guardian_id)
    );
    create index guardian_relation_guardian_idx on guardian_relation (guardian_id);

    create table staff_membership (
      id bigint generated always as identity primary key,
      person_id bigint not null references person,
      municipality_id bigint not null references municipality,
      school_id bigint references school,
      sfo_id bigint references sfo,
      role text not null
        check (role in ('school_owner', 'leadership', 'contact_teacher', 'teacher', 'sfo_leader', 'sfo_staff')),
      title text,
      starts_on date not null default current_date,
      ends_on date,
      check ((role = 'school_owner') = (school_id is null)),
      check ((role in ('sfo_leader', 'sfo_staff')) = (sfo_id is not null))
    );
    create index staff_membership_person_idx on staff_membership (person_id);
    create index staff_membership_school_idx on staff_membership (school_id);

    create table staff_assignment (
      id bigint generated always as identity primary key,
      staff_membership_id bigint not null references staff_membership on delete cascade,
      class_id bigint references class,
      teaching_group_id bigint references teaching_group,
      composite_group_id bigint references composite_group,
      check (num_nonnulls(class_id, teaching_group_id, composite_group_id) = 1)
    );
    create index staff_assignment_membership_idx on staff_assignment (staff_membership_id);
    create index staff_assignment_class_idx on staff_assignment (class_id);
    create index staff_assignment_group_idx on staff_assignment (teaching_group_id);

    create table contact_info (
      person_id bigint primary key references person,
      email text,
      mobile text check (mobile is null or mobile ~ '^\\+47[49][0-9]{7}$'),
      phone text,
      sms_enabled boolean not null default true,
      verified_at timestamptz,
      updated_at timestamptz not null default now()
    );
`;

export async function up(db: Kysely<any>): Promise<void> {
  // PGlite runs one statement per query, so run them one by one (all inside the migrator's transaction).
  for (const statement of statements
    .split(/;\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}
