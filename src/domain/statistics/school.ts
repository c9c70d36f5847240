import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { canViewOwnerStatistics, canViewSchoolStatistics } from '../access/policy.ts';
import type { Actor } from '../access/actor.ts';
import { grantIds } from '../access/actor.ts';
import { NotFoundError } from '../errors.ts';
import { activeOn, notEndedBy } from '../period.ts';

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
 * The absence statistics of `schoolIds` (one owner's) from `from` to `to` (to ≤ today), aggregated in SQL: one
 * statement whatever the number of pupils and registrations, read through attendance_school_date_idx and
 * absence_report_school_idx. Counting follows loadAbsenceYears (absence/year.ts), per school day:
 * - a whole day: the school registered the day absent, or home reported the day and the school did not register the
 *   pupil present or late, or leave was granted for it;
 * - else an hour per lesson the school registered absent, or home reported and the school did not register present.
 * A day or an hour is "reported" when home reported it (or leave was granted); else the school registered it alone.
 * Absence is counted in the class the pupil was enrolled in on that day. No names leave this function.
 */
export async function loadAbsenceStatistics(
  db: Db,
  municipalityId: number,
  schoolIds: number[],
  range: { from: string; to: string },
): Promise<AbsenceStatistics> {
  if (schoolIds.length === 0) return { schoolDays: 0, classMonths: [], classPupils: [], sfo: [] };
  const { from, to } = range;
  const ids = sql`${sql.val(schoolIds)}::bigint[]`;
  const { rows } = await sql<{
    school_days: number;
    class_months: Record<string, unknown>[] | null;
    class_pupils: Record<string, unknown>[] | null;
    sfo: Record<string, unknown>[] | null;
  }>`with days as (
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
      select e.pupil_id, e.school_id, e.class_id, greatest(e.starts_on, ${from}::date) as starts_on,
        least(coalesce(e.ends_on, ${to}::date), ${to}::date) as ends_on
      from enrolment e
      where e.school_id = any(${ids}) and e.starts_on <= ${to} and ${notEndedBy('e', from)}
    ),
    spans as (
      select s.starts_on, s.ends_on, (select count(*) from days d where d.date between s.starts_on and s.ends_on) as days
      from (select distinct starts_on, ends_on from placed) s
    ),
    absences as (
      select pupil_id, school_id, date, reported, true as whole_day from day_abs
      union all
      select pupil_id, school_id, date, reported, false from hour_abs
    ),
    class_months as (
      select p.school_id, p.class_id, to_char(x.date, 'YYYY-MM') as month,
        count(*) filter (where x.whole_day) as days,
        count(*) filter (where x.whole_day and x.reported) as days_reported,
        count(*) filter (where not x.whole_day) as hours,
        count(*) filter (where not x.whole_day and x.reported) as hours_reported
      from absences x
      join placed p on p.pupil_id = x.pupil_id and p.school_id = x.school_id
        and x.date between p.starts_on and p.ends_on
      group by p.school_id, p.class_id, to_char(x.date, 'YYYY-MM')
    ),
    per_pupil as (
      select p.school_id, p.class_id, p.pupil_id, sp.days as school_days, count(da.date) as absent_days
      from placed p
      join spans sp on sp.starts_on = p.starts_on and sp.ends_on = p.ends_on
      left join day_abs da on da.pupil_id = p.pupil_id and da.school_id = p.school_id
        and da.date between p.starts_on and p.ends_on
      group by p.school_id, p.class_id, p.pupil_id, p.starts_on, p.ends_on, sp.days
    ),
    class_pupils as (
      select school_id, class_id, count(distinct pupil_id) as pupils,
        count(distinct pupil_id) filter (where school_days > 0 and absent_days * 10 > school_days) as over10
      from per_pupil group by school_id, class_id
    ),
    months as (
      select to_char(m, 'YYYY-MM') as month,
        least((m + interval '1 month' - interval '1 day')::date, ${to}::date) as last_day
      from generate_series(date_trunc('month', ${from}::date), ${to}::date, interval '1 month') m
    )
    select (select count(*) from days)::int as school_days,
      (select json_agg(json_build_object('school_id', cm.school_id, 'class_id', cm.class_id, 'class_name', c.name,
          'trinn', c.trinn, 'month', cm.month, 'days', cm.days, 'days_reported', cm.days_reported, 'hours', cm.hours,
          'hours_reported', cm.hours_reported) order by c.trinn, c.name, cm.month)
        from (select * from class_months limit ${LIMIT}) cm join class c on c.id = cm.class_id) as class_months,
      (select json_agg(json_build_object('school_id', cp.school_id, 'class_id', cp.class_id, 'class_name', c.name,
          'trinn', c.trinn, 'pupils', cp.pupils, 'over10', cp.over10) order by c.trinn, c.name)
        from (select * from class_pupils limit ${LIMIT}) cp join class c on c.id = cp.class_id) as class_pupils,
      (select json_agg(json_build_object('school_id', s.school_id, 'sfo_id', s.id, 'sfo_name', s.name,
          'capacity', s.capacity, 'month', m.month, 'enrolled', (
            select count(distinct f.pupil_id) from sfo_enrolment f where f.sfo_id = s.id and ${activeOn('f', sql`m.last_day`)}
          )) order by s.name, s.id, m.month)
        from (select * from sfo where school_id = any(${ids}) limit 200) s cross join months m) as sfo`.execute(db);
  const row = rows[0]!;
  const n = (v: unknown) => Number(v ?? 0);
  return {
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
}
