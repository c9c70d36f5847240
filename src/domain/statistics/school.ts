import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { canViewOwnerStatistics, canViewSchoolStatistics } from '../access/policy.ts';
import type { Actor } from '../access/actor.ts';
import { grantIds } from '../access/actor.ts';
import { NotFoundError } from '../errors.ts';
import { activeOn } from '../period.ts';
import { type MonthPair, refreshMonths, staleCondition } from './months.ts';

export interface StatisticsSchoolInfo {
  id: number;
  name: string;
  municipalityId: number;
  /** The first day of the owner's school year that has begun by today (the default period starts there). */
  yearStart: string | null;
}

/** What the actor looks at: one school (leadership, or the owner drilling down), or the owner's comparison. */
export type StatisticsScope =
  | { kind: 'school'; school: StatisticsSchoolInfo; schools: StatisticsSchoolInfo[]; owner: boolean }
  | { kind: 'owner'; municipalityId: number; schools: StatisticsSchoolInfo[] };

/**
 * The scoped lookup of the statistics page (S12), one statement: the schools the actor may see statistics for (as their
 * leadership or their owner). `schoolId` asks for one of them; none asked gives the owner's comparison, or leadership's
 * (first) school. Anybody else, and a school out of reach, is a 404.
 */
export async function requireStatisticsScope(
  db: Db,
  actor: Actor,
  schoolId: number | null,
  today: string,
): Promise<StatisticsScope> {
  const ids = [...new Set([...grantIds(actor, ['leadership'], (g) => [g.schoolId]), ...actor.ownerSchoolIds])];
  if (actor.via !== 'feide' || ids.length === 0) throw new NotFoundError();
  const rows = await db
    .selectFrom('school as s')
    .select((eb) => [
      's.id',
      's.name',
      's.municipality_id',
      eb
        .selectFrom('school_year as y')
        .select((y) => y.fn.max('y.starts_on').as('starts_on'))
        .whereRef('y.municipality_id', '=', 's.municipality_id')
        .where('y.starts_on', '<=', today)
        .as('year_start'),
    ])
    .where('s.id', 'in', ids)
    .orderBy('s.name')
    .orderBy('s.id')
    .limit(500)
    .execute();
  const schools: StatisticsSchoolInfo[] = rows
    .map((r) => ({
      id: Number(r.id),
      name: r.name,
      municipalityId: Number(r.municipality_id),
      yearStart: (r.year_start as string | null) ?? null,
    }))
    .filter((s) => canViewSchoolStatistics(actor, { schoolId: s.id, municipalityId: s.municipalityId }));
  if (schools.length === 0) throw new NotFoundError();
  if (schoolId !== null) {
    const school = schools.find((s) => s.id === schoolId);
    if (!school) throw new NotFoundError();
    return { kind: 'school', school, schools, owner: canViewOwnerStatistics(actor, school.municipalityId) };
  }
  const owned = schools.filter((s) => canViewOwnerStatistics(actor, s.municipalityId));
  if (owned.length > 0) {
    const municipalityId = owned[0]!.municipalityId;
    return { kind: 'owner', municipalityId, schools: owned.filter((s) => s.municipalityId === municipalityId) };
  }
  return { kind: 'school', school: schools[0]!, schools, owner: false };
}

/** Absence of one class in one month: whole days and single lessons (hours) kept apart, each split by who reported it. */
export interface ClassMonth {
  schoolId: number;
  classId: number;
  className: string;
  trinn: number;
  month: string;
  days: number;
  /** Of `days`: reported by home (an absence report or granted leave). The rest the school registered without one. */
  daysReported: number;
  hours: number;
  hoursReported: number;
}

/** The pupils of a class in the period, and how many of them were absent more than 10 % of their school days. */
export interface ClassPupils {
  schoolId: number;
  classId: number;
  className: string;
  trinn: number;
  pupils: number;
  over10: number;
}

export interface SfoMonth {
  schoolId: number;
  sfoId: number;
  sfoName: string;
  capacity: number | null;
  month: string;
  /** Pupils with an SFO place on the month's last counted day. */
  enrolled: number;
}

export interface AbsenceStatistics {
  /** School days of the owner in the period (up to today). */
  schoolDays: number;
  classMonths: ClassMonth[];
  classPupils: ClassPupils[];
  sfo: SfoMonth[];
}

const LIMIT = 20_000;

/**
 * The absence statistics of `schoolIds` (one owner's) from `from` to `to` (whole months, to ≤ today), read from the
 * monthly aggregates (months.ts): one statement when every month shown is computed and current; else the stale months
 * are recomputed first (one transaction) and read again. Counting: see computeMonths. No names leave this function.
 */
export async function loadAbsenceStatistics(
  db: Db,
  municipalityId: number,
  schoolIds: number[],
  range: { from: string; to: string },
): Promise<AbsenceStatistics> {
  if (schoolIds.length === 0) return { schoolDays: 0, classMonths: [], classPupils: [], sfo: [] };
  let read = await readStatistics(db, municipalityId, schoolIds, range);
  if (read.stale.length > 0) {
    await refreshMonths(db, municipalityId, read.stale);
    read = await readStatistics(db, municipalityId, schoolIds, range);
  }
  return read.statistics;
}

async function readStatistics(
  db: Db,
  municipalityId: number,
  schoolIds: number[],
  range: { from: string; to: string },
): Promise<{ statistics: AbsenceStatistics; stale: MonthPair[] }> {
  const { from, to } = range;
  const ids = sql`${sql.val(schoolIds)}::bigint[]`;
  const { rows } = await sql<{
    school_days: number;
    stale: { school_id: number; month: string; last_day: string }[] | null;
    class_months: Record<string, unknown>[] | null;
    class_pupils: Record<string, unknown>[] | null;
    sfo: Record<string, unknown>[] | null;
  }>`with days as (
      select d::date as date from generate_series(${from}::date, ${to}::date, interval '1 day') d
      where extract(isodow from d) < 6
        and exists (select 1 from school_year y where y.municipality_id = ${municipalityId} and ${activeOn('y', sql`d::date`)})
        and not exists (select 1 from school_calendar_day c where c.municipality_id = ${municipalityId} and c.date = d::date)
    ),
    months as (
      select m::date as month, to_char(m, 'YYYY-MM') as label,
        least((m + interval '1 month' - interval '1 day')::date, ${to}::date) as last_day
      from generate_series(date_trunc('month', ${from}::date), ${to}::date, interval '1 month') m
    ),
    stale as (
      select s.id as school_id, m.month, m.last_day
      from unnest(${ids}) as s(id) cross join months m
      left join statistics_month sm on sm.school_id = s.id and sm.month = m.month
      left join statistics_school ss on ss.school_id = s.id
      where ${staleCondition(sql`m.last_day`)}
    ),
    rows as (
      select * from statistics_pupil_month x
      where x.school_id = any(${ids}) and x.month between date_trunc('month', ${from}::date) and ${to}::date
    ),
    class_months as (
      select school_id, class_id, to_char(month, 'YYYY-MM') as month, sum(days) as days,
        sum(days_reported) as days_reported, sum(hours) as hours, sum(hours_reported) as hours_reported
      from rows group by school_id, class_id, month
      having sum(days) + sum(hours) > 0
    ),
    per_pupil as (
      select school_id, class_id, pupil_id, sum(school_days) as school_days, sum(days) as absent_days
      from rows group by school_id, class_id, pupil_id
    ),
    class_pupils as (
      select school_id, class_id, count(*) as pupils,
        count(*) filter (where school_days > 0 and absent_days * 10 > school_days) as over10
      from per_pupil group by school_id, class_id
    )
    select (select count(*) from days)::int as school_days,
      (select json_agg(json_build_object('school_id', school_id, 'month', month, 'last_day', last_day)) from stale)
        as stale,
      (select json_agg(json_build_object('school_id', cm.school_id, 'class_id', cm.class_id, 'class_name', c.name,
          'trinn', c.trinn, 'month', cm.month, 'days', cm.days, 'days_reported', cm.days_reported, 'hours', cm.hours,
          'hours_reported', cm.hours_reported) order by c.trinn, c.name, cm.month)
        from (select * from class_months limit ${LIMIT}) cm join class c on c.id = cm.class_id) as class_months,
      (select json_agg(json_build_object('school_id', cp.school_id, 'class_id', cp.class_id, 'class_name', c.name,
          'trinn', c.trinn, 'pupils', cp.pupils, 'over10', cp.over10) order by c.trinn, c.name)
        from (select * from class_pupils limit ${LIMIT}) cp join class c on c.id = cp.class_id) as class_pupils,
      (select json_agg(json_build_object('school_id', s.school_id, 'sfo_id', s.id, 'sfo_name', s.name,
          'capacity', s.capacity, 'month', m.label, 'enrolled', (
            select count(distinct f.pupil_id) from sfo_enrolment f where f.sfo_id = s.id and ${activeOn('f', sql`m.last_day`)}
          )) order by s.name, s.id, m.label)
        from (select * from sfo where school_id = any(${ids}) limit 200) s cross join months m) as sfo`.execute(db);
  const row = rows[0]!;
  const n = (v: unknown) => Number(v ?? 0);
  const stale = (row.stale ?? []).map((r) => ({ schoolId: n(r.school_id), month: r.month, lastDay: r.last_day }));
  const statistics = {
    schoolDays: n(row.school_days),
    classMonths: (row.class_months ?? []).map((r) => ({
      schoolId: n(r.school_id),
      classId: n(r.class_id),
      className: String(r.class_name),
      trinn: n(r.trinn),
      month: String(r.month),
      days: n(r.days),
      daysReported: n(r.days_reported),
      hours: n(r.hours),
      hoursReported: n(r.hours_reported),
    })),
    classPupils: (row.class_pupils ?? []).map((r) => ({
      schoolId: n(r.school_id),
      classId: n(r.class_id),
      className: String(r.class_name),
      trinn: n(r.trinn),
      pupils: n(r.pupils),
      over10: n(r.over10),
    })),
    sfo: (row.sfo ?? []).map((r) => ({
      schoolId: n(r.school_id),
      sfoId: n(r.sfo_id),
      sfoName: String(r.sfo_name),
      capacity: r.capacity === null || r.capacity === undefined ? null : n(r.capacity),
      month: String(r.month),
      enrolled: n(r.enrolled),
    })),
  };
  return { statistics, stale };
}
