import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration never imports application code.

// Statistics (issue 14, S12) read monthly aggregates instead of a school year of registers. Per school and month,
// statistics_pupil_month holds each pupil's school days and absence (days and hours, each with its home-reported part)
// in the class the pupil belonged to; statistics_month says for which version of the month's data it was computed.
// Writers never compute: a statement-level trigger on every table the counting reads bumps the version of the months
// its rows touch (attendance, absence reports, leave), or of the whole school (enrolment, the skolerute), with an
// upsert, so a computation that begins after a write commits sees the write, and one that began before it is stale.
// The statistics page recomputes the stale months it shows (src/domain/statistics/months.ts).
const tables = [
  `create table statistics_school (
    school_id bigint primary key references school on delete cascade,
    version bigint not null default 0
  )`,
  `create table statistics_month (
    school_id bigint not null references school on delete cascade,
    month date not null check (extract(day from month) = 1),
    version bigint not null default 0,
    computed_version bigint,
    computed_school_version bigint,
    computed_to date,
    primary key (school_id, month)
  )`,
  `create table statistics_pupil_month (
    school_id bigint not null references school on delete cascade,
    month date not null,
    class_id bigint not null references class on delete cascade,
    pupil_id bigint not null references person on delete cascade,
    school_days integer not null,
    days integer not null,
    days_reported integer not null,
    hours integer not null,
    hours_reported integer not null,
    primary key (school_id, month, class_id, pupil_id)
  )`,
  `create index statistics_pupil_month_pupil_idx on statistics_pupil_month (pupil_id)`,
  `create index statistics_pupil_month_class_idx on statistics_pupil_month (class_id)`,
  // Bumps (school, month) pairs; sorted, so two writers lock the rows in the same order.
  `create function statistics_bump_months(pairs jsonb) returns void language sql as $$
    insert into statistics_month (school_id, month, version)
    select distinct (p->>0)::bigint, (p->>1)::date, 1 from jsonb_array_elements(pairs) p
    order by 1, 2
    on conflict (school_id, month) do update set version = statistics_month.version + 1
  $$`,
  `create function statistics_bump_schools(ids bigint[]) returns void language sql as $$
    insert into statistics_school (school_id, version)
    select distinct id, 1 from unnest(ids) id order by 1
    on conflict (school_id) do update set version = statistics_school.version + 1
  $$`,
  // The months of a span of dates (at most the first 24: a report or leave is never longer).
  `create function statistics_months_of(from_date date, to_date date) returns setof date language sql immutable as $$
    select m::date from generate_series(date_trunc('month', from_date), date_trunc('month', least(to_date, from_date + 730)),
      interval '1 month') m
  $$`,
];

/**
 * A trigger function that bumps what the changed rows touch: `bump(t)` is the statement for the transition table `t`
 * (`n`: the rows as they are now, `o`: as they were), run for each one the event has.
 */
const changed = (name: string, bump: (t: 'n' | 'o') => string) =>
  `create function ${name}() returns trigger language plpgsql as $$
  begin
    if tg_op <> 'DELETE' then perform ${bump('n')}; end if;
    if tg_op <> 'INSERT' then perform ${bump('o')}; end if;
    return null;
  end $$`;

/** statistics_bump_months over the (school, month) `pair` of each row `from` a transition table (and its joins). */
const months = (pair: string, from: string) =>
  `statistics_bump_months((select coalesce(jsonb_agg(distinct jsonb_build_array(${pair})), '[]') from ${from}))`;
// Leave counts from its granted days; the applied span holds them, so both spans are bumped.
const leaveSpan = `statistics_months_of(least(l.from_date, coalesce(l.granted_from, l.from_date)),
  greatest(l.to_date, coalesce(l.granted_to, l.to_date))) m`;
// The skolerute says which days are school days: a change touches every school of the school owner.
const owners = (t: string) =>
  `statistics_bump_schools((select coalesce(array_agg(s.id), '{}') from school s
    where s.municipality_id in (select municipality_id from ${t})))`;

const functions = [
  changed('statistics_attendance_changed', (t) => months(`school_id, date_trunc('month', date)::date`, t)),
  changed('statistics_absence_report_changed', (t) =>
    months('r.school_id, m', `${t} r cross join statistics_months_of(r.from_date, r.to_date) m`),
  ),
  changed('statistics_report_lesson_changed', (t) =>
    months(
      `r.school_id, date_trunc('month', r.from_date)::date`,
      `${t} join absence_report r on r.id = ${t}.absence_report_id`,
    ),
  ),
  changed('statistics_leave_changed', (t) =>
    months('a.school_id, m', `${t} l join application a on a.id = l.application_id cross join ${leaveSpan}`),
  ),
  // An application's status decides whether its leave counts: the old and the new rows alike.
  changed('statistics_application_changed', (t) =>
    months('a.school_id, m', `${t} a join leave_application l on l.application_id = a.id cross join ${leaveSpan}`),
  ),
  changed(
    'statistics_enrolment_changed',
    (t) => `statistics_bump_schools((select coalesce(array_agg(distinct school_id), '{}') from ${t}))`,
  ),
  changed('statistics_skolerute_changed', owners),
];

const watched: [table: string, fn: string][] = [
  ['attendance', 'statistics_attendance_changed'],
  ['absence_report', 'statistics_absence_report_changed'],
  ['absence_report_lesson', 'statistics_report_lesson_changed'],
  ['leave_application', 'statistics_leave_changed'],
  ['enrolment', 'statistics_enrolment_changed'],
  ['school_calendar_day', 'statistics_skolerute_changed'],
  ['school_year', 'statistics_skolerute_changed'],
];

function triggers(): string[] {
  const out: string[] = [];
  for (const [table, fn] of watched) {
    out.push(
      `create trigger ${table}_statistics_insert after insert on ${table} referencing new table as n
        for each statement execute function ${fn}()`,
      `create trigger ${table}_statistics_update after update on ${table} referencing old table as o new table as n
        for each statement execute function ${fn}()`,
      `create trigger ${table}_statistics_delete after delete on ${table} referencing old table as o
        for each statement execute function ${fn}()`,
    );
  }
  // An application's status decides whether its leave counts (only updates change it).
  out.push(
    `create trigger application_statistics_update after update on application referencing old table as o new table as n
      for each statement execute function statistics_application_changed()`,
  );
  return out;
}

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of [...tables, ...functions, ...triggers()]) await sql.raw(statement).execute(db);
}
