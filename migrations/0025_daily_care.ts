import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration never imports application code.

// Daily care in SFO and kindergarten (issue 13; G11, S10, K1). One engine for two kinds of unit:
//
// - A kindergarten (barnehage) is owned by a municipality or a private owner (municipality.kind) and has departments
//   (avdelinger). A child is enrolled in a department (kindergarten_enrolment), not in a class. Its staff are
//   staff_membership rows with kindergarten_id: 'kindergarten_leader' (styrer), 'pedagogical_leader' (leads one
//   department: department_id) and 'kindergarten_staff' (barnehagelærer / assistent; department_id optional).
// - The daily care data is the child's, whichever unit the child has a place in now (an SFO place, sfo_enrolment, or
//   a kindergarten place): the regular week (care_week_day), a change for one date (care_day_change: other times,
//   absent, or a day off), holidays (care_holiday), who may fetch the child (care_pickup_person) and whether the child
//   may walk home alone (care_child), and one row per child and date for what happened (care_day: the guardian's
//   message for the day and note, the staff's note, check-in and check-out with who did it and who fetched the child).
// - Each unit sets the deadline for changes (change_deadline_days before the day, at change_deadline_time) and its
//   opening hours (a stay plan is within them).
const statements = `
  create table kindergarten (
    id bigint generated always as identity primary key,
    municipality_id bigint not null references municipality,
    name text not null,
    org_number text unique check (org_number ~ '^[0-9]{9}$'),
    hovudmaal text not null default 'nb' check (hovudmaal in ('nb', 'nn')),
    address_line text,
    postal_code text,
    postal_place text,
    email text,
    phone text,
    opens_at time not null default '07:00',
    closes_at time not null default '16:30',
    change_deadline_days smallint not null default 1 check (change_deadline_days between 0 and 14),
    change_deadline_time time not null default '12:00',
    created_at timestamptz not null default now(),
    check (opens_at < closes_at)
  );
  create index kindergarten_municipality_idx on kindergarten (municipality_id);

  create table kindergarten_department (
    id bigint generated always as identity primary key,
    kindergarten_id bigint not null references kindergarten,
    name text not null,
    age_group text not null default 'mixed' check (age_group in ('small', 'big', 'mixed')),
    unique (kindergarten_id, name)
  );

  create table kindergarten_enrolment (
    id bigint generated always as identity primary key,
    child_id bigint not null references person,
    department_id bigint not null references kindergarten_department,
    percent smallint not null default 100 check (percent between 10 and 100),
    starts_on date not null,
    ends_on date,
    check (ends_on is null or starts_on <= ends_on)
  );
  create index kindergarten_enrolment_child_idx on kindergarten_enrolment (child_id);
  create index kindergarten_enrolment_department_period_idx on kindergarten_enrolment (department_id, starts_on, ends_on);

  alter table sfo
    add column opens_at time not null default '07:30',
    add column closes_at time not null default '16:30',
    add column change_deadline_days smallint not null default 1 check (change_deadline_days between 0 and 14),
    add column change_deadline_time time not null default '12:00';

  alter table staff_membership
    add column kindergarten_id bigint references kindergarten,
    add column department_id bigint references kindergarten_department;
  alter table staff_membership drop constraint staff_membership_role_check;
  alter table staff_membership drop constraint staff_membership_check;
  alter table staff_membership add constraint staff_membership_role_check
    check (role in ('school_owner', 'leadership', 'contact_teacher', 'teacher', 'sfo_leader', 'sfo_staff',
      'kindergarten_leader', 'pedagogical_leader', 'kindergarten_staff'));
  alter table staff_membership add constraint staff_membership_school_check
    check ((role in ('school_owner', 'kindergarten_leader', 'pedagogical_leader', 'kindergarten_staff')) = (school_id is null));
  alter table staff_membership add constraint staff_membership_kindergarten_check
    check ((role in ('kindergarten_leader', 'pedagogical_leader', 'kindergarten_staff')) = (kindergarten_id is not null));
  alter table staff_membership add constraint staff_membership_department_check
    check (case role when 'pedagogical_leader' then department_id is not null
      when 'kindergarten_staff' then true else department_id is null end);
  create index staff_membership_kindergarten_idx on staff_membership (kindergarten_id) where kindergarten_id is not null;

  create table care_week_day (
    child_id bigint not null references person,
    weekday smallint not null check (weekday between 1 and 5),
    arrives_at time not null,
    leaves_at time not null,
    updated_by bigint references person,
    updated_at timestamptz not null default now(),
    primary key (child_id, weekday),
    check (arrives_at < leaves_at)
  );

  create table care_day_change (
    child_id bigint not null references person,
    on_date date not null,
    kind text not null check (kind in ('times', 'absent', 'off')),
    arrives_at time,
    leaves_at time,
    created_by bigint references person,
    created_at timestamptz not null default now(),
    primary key (child_id, on_date),
    check ((kind = 'times') = (arrives_at is not null and leaves_at is not null)),
    check (arrives_at is null or arrives_at < leaves_at)
  );

  create table care_holiday (
    id bigint generated always as identity primary key,
    child_id bigint not null references person,
    starts_on date not null,
    ends_on date not null,
    created_by bigint references person,
    created_at timestamptz not null default now(),
    check (starts_on <= ends_on)
  );
  create index care_holiday_child_idx on care_holiday (child_id, starts_on);

  create table care_child (
    child_id bigint primary key references person,
    walks_alone boolean not null default false,
    walks_alone_from time,
    updated_by bigint references person,
    updated_at timestamptz not null default now(),
    check (walks_alone or walks_alone_from is null)
  );

  create table care_pickup_person (
    id bigint generated always as identity primary key,
    child_id bigint not null references person,
    name text not null check (length(name) between 1 and 200),
    phone text,
    relation text not null default '',
    created_by bigint references person,
    created_at timestamptz not null default now()
  );
  create index care_pickup_person_child_idx on care_pickup_person (child_id);

  create table care_day (
    child_id bigint not null references person,
    on_date date not null,
    sfo_id bigint references sfo,
    kindergarten_id bigint references kindergarten,
    pickup_message text not null default '',
    guardian_note text not null default '',
    guardian_note_by bigint references person,
    staff_note text not null default '',
    staff_note_by bigint references person,
    checked_in_at timestamptz,
    checked_in_by bigint references person,
    checked_out_at timestamptz,
    checked_out_by bigint references person,
    picked_up_by text not null default '',
    updated_at timestamptz not null default now(),
    primary key (child_id, on_date),
    check (checked_out_at is null or checked_in_at is not null),
    check (checked_out_at is null or checked_in_at <= checked_out_at)
  );
  create index care_day_sfo_idx on care_day (sfo_id, on_date) where sfo_id is not null;
  create index care_day_kindergarten_idx on care_day (kindergarten_id, on_date) where kindergarten_id is not null
`;

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements
    .split(/;\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}
