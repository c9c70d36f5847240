import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { activeOn } from '../period.ts';

/**
 * The monthly aggregates behind the statistics (S12; migration 0029). For a school and a month, statistics_pupil_month
 * holds each pupil's school days and absence in the class the pupil belonged to, counted up to the month's last day or
 * today, whichever comes first. The tables the counting reads bump statistics_month.version (or the school's version)
 * in a trigger; a month is *stale* when it was never computed, was computed for an older version or up to another day.
 * The statistics page recomputes the stale months it shows (refreshMonths), so a page costs a few thousand rows once
 * its months are computed, and a school year's registers only the first time.
 */
export interface MonthPair {
  schoolId: number;
  /** The month's first day, `yyyy-mm-01`. */
  month: string;
  /** The last day counted: the month's last day, or today in the running month. */
  lastDay: string;
}

/** The SQL condition "this (school, month) is stale", over statistics_month `sm` (left joined), statistics_school `ss`. */
export const staleCondition = (lastDay: ReturnType<typeof sql>) =>
  sql`(sm.school_id is null or sm.computed_version is distinct from sm.version
    or sm.computed_school_version is distinct from coalesce(ss.version, 0) or sm.computed_to is distinct from ${lastDay})`;

/**
 * Recomputes the pairs that are still stale, in one transaction: the state rows are made first (a writer's trigger
 * then waits for them, or they wait for the writer), the pairs are locked (two requests never compute the same month
 * at once; the second finds it fresh), the versions are read, then the rows are computed from a later snapshot — so a
 * write the computation may have missed always leaves the month stale, never falsely fresh.
 */
export async function refreshMonths(db: Db, municipalityId: number, pairs: MonthPair[]): Promise<void> {
  if (pairs.length === 0) return;
  const sorted = [...pairs].sort((a, b) => a.schoolId - b.schoolId || a.month.localeCompare(b.month));
  const given = sql`unnest(${sql.val(sorted.map((p) => p.schoolId))}::bigint[], ${sql.val(sorted.map((p) => p.month))}::date[],
    ${sql.val(sorted.map((p) => p.lastDay))}::date[]) as p(school_id, month, last_day)`;
  await db.transaction().execute(async (trx) => {
    await sql`insert into statistics_month (school_id, month) select p.school_id, p.month from ${given}
      order by 1, 2 on conflict (school_id, month) do nothing`.execute(trx);
    await sql`select pg_advisory_xact_lock(14, hashtext(p.school_id || ':' || p.month))
      from ${given} order by p.school_id, p.month`.execute(trx);
    const { rows } = await sql<{ school_id: number; month: string; last_day: string; version: number; sv: number }>`
      select p.school_id, p.month, p.last_day, sm.version, coalesce(ss.version, 0) as sv
      from ${given}
      join statistics_month sm on sm.school_id = p.school_id and sm.month = p.month
      left join statistics_school ss on ss.school_id = p.school_id
      where ${staleCondition(sql`p.last_day`)}`.execute(trx);
    if (rows.length === 0) return;
    const stale = sql`unnest(${sql.val(rows.map((r) => Number(r.school_id)))}::bigint[], ${sql.val(rows.map((r) => r.month))}::date[],
      ${sql.val(rows.map((r) => r.last_day))}::date[], ${sql.val(rows.map((r) => Number(r.version)))}::bigint[],
      ${sql.val(rows.map((r) => Number(r.sv)))}::bigint[]) as p(school_id, month, last_day, version, school_version)`;
    await sql`delete from statistics_pupil_month x using ${stale}
      where x.school_id = p.school_id and x.month = p.month`.execute(trx);
    await computeMonths(trx, municipalityId, rows);
    await sql`update statistics_month sm set computed_version = p.version, computed_school_version = p.school_version,
        computed_to = p.last_day
      from ${stale} where sm.school_id = p.school_id and sm.month = p.month`.execute(trx);
  });
}

/**
 * Counts the pairs' months into statistics_pupil_month, one statement whatever the number of pupils and registrations,
 * read through attendance_school_date_idx and absence_report_school_idx. Counting follows loadAbsenceYears
 * (absence/year.ts), per school day:
 * - a whole day: the school registered the day absent, or home reported the day and the school did not register the
 *   pupil present or late, or leave was granted for it;
 * - else an hour per lesson the school registered absent, or home reported and the school did not register present.
 * A day or an hour is "reported" when home reported it (or leave was granted); else the school registered it alone.
 * Absence is counted in the class the pupil was enrolled in on that day.
 */
async function computeMonths(
  db: Db,
  municipalityId: number,
  rows: { school_id: number; month: string; last_day: string }[],
): Promise<void> {
  const ids = sql`${sql.val([...new Set(rows.map((r) => Number(r.school_id)))])}::bigint[]`;
  const from = rows.reduce((min, r) => (r.month < min ? r.month : min), rows[0]!.month);
  const to = rows.reduce((max, r) => (r.last_day > max ? r.last_day : max), rows[0]!.last_day);
  await sql`insert into statistics_pupil_month
      (school_id, month, class_id, pupil_id, school_days, days, days_reported, hours, hours_reported)
    with pairs as (
      select * from unnest(${sql.val(rows.map((r) => Number(r.school_id)))}::bigint[],
        ${sql.val(rows.map((r) => r.month))}::date[], ${sql.val(rows.map((r) => r.last_day))}::date[])
        as p(school_id, month, last_day)
    ),
    days as (
      select d::date as date from generate_series(${from}::date, ${to}::date, interval '1 day') d
      where extract(isodow from d) < 6
        and exists (select 1 from school_year y where y.municipality_id = ${municipalityId} and ${activeOn('y', sql`d::date`)})
        and not exists (select 1 from school_calendar_day c where c.municipality_id = ${municipalityId} and c.date = d::date)
    ),
    day_abs as (
      select x.pupil_id, x.school_id, x.date, bool_or(x.reported) as reported
      from (
        select a.pupil_id, a.school_id, a.date, exists (
            select 1 from absence_report r where r.pupil_id = a.pupil_id and r.kind = 'days' and r.withdrawn_at is null
              and r.from_date <= a.date and r.to_date >= a.date) as reported
          from attendance a
          where a.school_id = any(${ids}) and a.date between ${from} and ${to} and a.lesson_id is null
            and a.status = 'absent'
        union all
        select r.pupil_id, r.school_id, d.date, true
          from absence_report r join days d on d.date between r.from_date and r.to_date
          where r.school_id = any(${ids}) and r.kind = 'days' and r.withdrawn_at is null
            and r.from_date <= ${to} and r.to_date >= ${from}
            and not exists (select 1 from attendance a where a.pupil_id = r.pupil_id and a.date = d.date
              and a.lesson_id is null and a.status <> 'absent')
        union all
        select ap.pupil_id, ap.school_id, d.date, true
          from application ap join leave_application l on l.application_id = ap.id
          join days d on d.date between l.granted_from and l.granted_to
          where ap.school_id = any(${ids}) and ap.status in ('granted', 'partly_granted')
            and l.granted_from <= ${to} and l.granted_to >= ${from}
      ) x join days d on d.date = x.date
      group by x.pupil_id, x.school_id, x.date
    ),
    hour_abs as (
      select x.pupil_id, x.school_id, x.date, bool_or(x.reported) as reported
      from (
        select a.pupil_id, a.school_id, a.date, a.lesson_id, exists (
            select 1 from absence_report r where r.pupil_id = a.pupil_id and r.withdrawn_at is null
              and r.from_date <= a.date and r.to_date >= a.date
              and (r.kind = 'days' or exists (select 1 from absence_report_lesson rl
                where rl.absence_report_id = r.id and rl.lesson_id = a.lesson_id))) as reported
          from attendance a
          where a.school_id = any(${ids}) and a.date between ${from} and ${to} and a.lesson_id is not null
            and a.status = 'absent'
        union all
        select r.pupil_id, r.school_id, r.from_date, rl.lesson_id, true
          from absence_report r join absence_report_lesson rl on rl.absence_report_id = r.id
          where r.school_id = any(${ids}) and r.kind = 'lessons' and r.withdrawn_at is null
            and r.from_date between ${from} and ${to}
            and not exists (select 1 from attendance a where a.pupil_id = r.pupil_id and a.date = r.from_date
              and a.lesson_id = rl.lesson_id and a.status <> 'absent')
      ) x join days d on d.date = x.date
      where not exists (select 1 from day_abs da where da.pupil_id = x.pupil_id and da.date = x.date)
      group by x.pupil_id, x.school_id, x.date, x.lesson_id
    ),
    placed as (
      select e.id, e.pupil_id, e.school_id, e.class_id, p.month, greatest(e.starts_on, p.month) as starts_on,
        least(coalesce(e.ends_on, p.last_day), p.last_day) as ends_on
      from pairs p join enrolment e on e.school_id = p.school_id and e.starts_on <= p.last_day
        and (e.ends_on is null or e.ends_on >= p.month)
    ),
    day_counts as (
      select p.id, p.month, count(da.date) as days, count(da.date) filter (where da.reported) as days_reported
      from placed p left join day_abs da on da.pupil_id = p.pupil_id and da.school_id = p.school_id
        and da.date between p.starts_on and p.ends_on
      group by p.id, p.month
    ),
    hour_counts as (
      select p.id, p.month, count(h.date) as hours, count(h.date) filter (where h.reported) as hours_reported
      from placed p left join hour_abs h on h.pupil_id = p.pupil_id and h.school_id = p.school_id
        and h.date between p.starts_on and p.ends_on
      group by p.id, p.month
    )
    select p.school_id, p.month, p.class_id, p.pupil_id,
      sum((select count(*) from days d where d.date between p.starts_on and p.ends_on)),
      sum(dc.days), sum(dc.days_reported), sum(hc.hours), sum(hc.hours_reported)
    from placed p
    join day_counts dc on dc.id = p.id and dc.month = p.month
    join hour_counts hc on hc.id = p.id and hc.month = p.month
    group by p.school_id, p.month, p.class_id, p.pupil_id`.execute(db);
}

/**
 * The background half (a scheduled job, every ten minutes): makes the running month of every school and then the stale
 * months someone has looked at in the last year fresh again, at most `limit` pairs a run, newest months first — so a
 * statistics page mostly finds its months fresh and recomputes only what changed in the last minutes. Returns the
 * number of months computed. Safe in several processes at once (refreshMonths locks each pair).
 */
export async function refreshStaleMonths(db: Db, today: string, limit = 400): Promise<number> {
  const month = `${today.slice(0, 7)}-01`;
  await sql`insert into statistics_month (school_id, month) select s.id, ${month}::date from school s
    order by s.id on conflict (school_id, month) do nothing`.execute(db);
  const { rows } = await sql<{ school_id: number; municipality_id: number; month: string; last_day: string }>`
    select sm.school_id, s.municipality_id, sm.month, m.last_day
    from statistics_month sm
    join school s on s.id = sm.school_id
    left join statistics_school ss on ss.school_id = sm.school_id
    cross join lateral (select least((sm.month + interval '1 month' - interval '1 day')::date, ${today}::date) as last_day) m
    where sm.month <= ${month}::date and sm.month > ${month}::date - interval '12 months'
      and ${staleCondition(sql`m.last_day`)}
    order by sm.month desc, sm.school_id
    limit ${limit}`.execute(db);
  const byOwner = new Map<number, MonthPair[]>();
  for (const r of rows) {
    const pairs = byOwner.get(Number(r.municipality_id)) ?? [];
    pairs.push({ schoolId: Number(r.school_id), month: r.month, lastDay: r.last_day });
    byOwner.set(Number(r.municipality_id), pairs);
  }
  for (const [municipalityId, pairs] of byOwner) await refreshMonths(db, municipalityId, pairs);
  return rows.length;
}
