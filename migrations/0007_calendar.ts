import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration never imports application code.

// Skolerute: only the exceptions are stored (holidays and planning days) per school owner. A school day is a
// weekday (Mon–Fri) inside one of the owner's school years that has no row here.
const statements = `
  create table school_calendar_day (
    municipality_id bigint not null references municipality,
    date date not null,
    kind text not null check (kind in ('holiday', 'planning_day')),
    name text,
    primary key (municipality_id, date)
  );

  create table lesson (
    id bigint generated always as identity primary key,
    class_id bigint references class,
    teaching_group_id bigint references teaching_group,
    weekday integer not null check (weekday between 1 and 5),
    starts_at text not null check (starts_at ~ '^[0-2][0-9]:[0-5][0-9]$'),
    ends_at text not null check (ends_at ~ '^[0-2][0-9]:[0-5][0-9]$'),
    subject text not null,
    teacher_id bigint references person,
    room text,
    check (num_nonnulls(class_id, teaching_group_id) = 1),
    check (starts_at < ends_at)
  );
  create index lesson_class_idx on lesson (class_id);
  create index lesson_group_idx on lesson (teaching_group_id);
  create index lesson_teacher_idx on lesson (teacher_id);

  create table calendar_feed_token (
    id bigint generated always as identity primary key,
    guardian_id bigint not null references person,
    pupil_id bigint not null references person,
    token_hash bytea not null unique,
    created_at timestamptz not null default now(),
    revoked_at timestamptz
  );
  create index calendar_feed_token_owner_idx on calendar_feed_token (guardian_id, pupil_id);
`;

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements
    .split(/;\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}
