import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { CareUnitInfo } from '../access/care-scope.ts';
import { addDays, datesBetween, isoWeekOf } from '../calendar/dates.ts';
import { expectedHours, expectedOn, type DayChangeKind, type Expected } from './expected.ts';

/**
 * The unit leader's statistics (issue 13 item 6; S10, K1): attendance per day and per ISO week (expected, came, ill or
 * away, day off, holiday), and actual hours (check-out minus check-in) against the hours the stay plans give. Per child
 * the ratio actual/planned, "a sign that places are too big or too small": only for the leader; the school owner gets
 * the aggregates, never a child. One statement for the whole period, bounded to MAX_DAYS days.
 */
export const MAX_DAYS = 92;

export interface Tally {
  expected: number;
  came: number;
  absent: number;
  off: number;
  holiday: number;
  plannedHours: number;
  actualHours: number;
}

export interface ChildTally {
  childId: number;
  name: string;
  groupName: string;
  plannedHours: number;
  actualHours: number;
  /** actual / planned, null without planned hours. */
  ratio: number | null;
}

export interface CareStatistics {
  from: string;
  /** The last day counted: the period's end or today, whichever is earlier. */
  to: string;
  days: ({ date: string } & Tally)[];
  weeks: ({ week: string } & Tally)[];
  total: Tally;
  /** Empty for the school owner. */
  children: ChildTally[];
}

/** The default period: the current month up to today. */
export function defaultPeriod(today: string): { from: string; to: string } {
  return { from: `${today.slice(0, 8)}01`, to: today };
}

/** A valid period: from ≤ to, at most MAX_DAYS days. */
export function isValidPeriod(from: string, to: string): boolean {
  return from <= to && addDays(from, MAX_DAYS - 1) >= to;
}

interface Row {
  id: number;
  name: string;
  group_name: string;
  places: { starts_on: string; ends_on: string }[];
  week: { weekday: number; arrives_at: string; leaves_at: string }[];
  changes: { on_date: string; kind: DayChangeKind; arrives_at: string | null; leaves_at: string | null }[];
  holidays: { starts_on: string; ends_on: string }[];
  days: { on_date: string; minutes: number | null; came: boolean }[];
}

/** Each child with a place at the unit on some day of the period, its place periods clipped to it, and its facts. */
function statisticsQuery(unit: CareUnitInfo, from: string, to: string) {
  const places =
    unit.kind === 'sfo'
      ? sql`select f.pupil_id as child_id, c.name as group_name,
            greatest(f.starts_on, e.starts_on, ${from}::date) as starts_on,
            least(coalesce(f.ends_on, ${to}::date), coalesce(e.ends_on, ${to}::date), ${to}::date) as ends_on
          from sfo_enrolment f
          join enrolment e on e.pupil_id = f.pupil_id and e.school_id = ${unit.schoolId}
          join class c on c.id = e.class_id
          where f.sfo_id = ${unit.id}`
      : sql`select ke.child_id, d.name as group_name, greatest(ke.starts_on, ${from}::date) as starts_on,
            least(coalesce(ke.ends_on, ${to}::date), ${to}::date) as ends_on
          from kindergarten_enrolment ke join kindergarten_department d on d.id = ke.department_id
          where d.kindergarten_id = ${unit.id}`;
  const dayUnit = unit.kind === 'sfo' ? sql`d.sfo_id = ${unit.id}` : sql`d.kindergarten_id = ${unit.id}`;
  return sql<Row>`with pl as (select * from (${places}) x where x.starts_on <= x.ends_on)
    select p.id, p.given_name || ' ' || p.family_name as name, min(pl.group_name) as group_name,
      json_agg(json_build_object('starts_on', pl.starts_on, 'ends_on', pl.ends_on)) as places,
      (select coalesce(json_agg(json_build_object('weekday', w.weekday, 'arrives_at', to_char(w.arrives_at, 'HH24:MI'),
          'leaves_at', to_char(w.leaves_at, 'HH24:MI'))), '[]'::json)
        from care_week_day w where w.child_id = p.id) as week,
      (select coalesce(json_agg(json_build_object('on_date', ch.on_date, 'kind', ch.kind,
          'arrives_at', to_char(ch.arrives_at, 'HH24:MI'), 'leaves_at', to_char(ch.leaves_at, 'HH24:MI'))), '[]'::json)
        from care_day_change ch where ch.child_id = p.id and ch.on_date between ${from} and ${to}) as changes,
      (select coalesce(json_agg(json_build_object('starts_on', h.starts_on, 'ends_on', h.ends_on)), '[]'::json)
        from care_holiday h where h.child_id = p.id and h.starts_on <= ${to} and h.ends_on >= ${from}) as holidays,
      (select coalesce(json_agg(json_build_object('on_date', d.on_date, 'came', d.checked_in_at is not null,
          'minutes', extract(epoch from (d.checked_out_at - d.checked_in_at)) / 60)), '[]'::json)
        from care_day d where d.child_id = p.id and d.on_date between ${from} and ${to} and ${dayUnit}) as days
    from pl join person p on p.id = pl.child_id
    group by p.id, p.given_name, p.family_name
    order by min(pl.group_name), p.family_name, p.given_name, p.id`;
}

const emptyTally = (): Tally => ({
  expected: 0,
  came: 0,
  absent: 0,
  off: 0,
  holiday: 0,
  plannedHours: 0,
  actualHours: 0,
});

function add(tally: Tally, expected: Expected, day: { came: boolean; minutes: number | null } | undefined) {
  if (expected.kind === 'times') tally.expected++;
  if (expected.kind === 'absent') tally.absent++;
  if (expected.kind === 'off') tally.off++;
  if (expected.kind === 'holiday') tally.holiday++;
  if (day?.came) tally.came++;
  tally.plannedHours += expectedHours(expected);
  tally.actualHours += day?.minutes ? day.minutes / 60 : 0;
}

function sum(into: Tally, t: Tally) {
  for (const key of Object.keys(into) as (keyof Tally)[]) into[key] += t[key];
}

/** The statistics of a unit for a period (a valid one, see isValidPeriod); days after `today` are not counted. */
export async function loadCareStatistics(
  db: Db,
  unit: CareUnitInfo,
  period: { from: string; to: string },
  today: string,
  options: { withChildren: boolean },
): Promise<CareStatistics> {
  const from = period.from;
  const to = period.to < today ? period.to : today;
  if (from > to) return { from, to: period.to, days: [], weeks: [], total: emptyTally(), children: [] };
  const { rows } = await statisticsQuery(unit, from, to).execute(db);
  const dates = datesBetween(from, to);
  const perDay = new Map(dates.map((d) => [d, emptyTally()]));
  const children: ChildTally[] = [];
  for (const row of rows) {
    const week = row.week.map((w) => ({ weekday: w.weekday, arrivesAt: w.arrives_at, leavesAt: w.leaves_at }));
    const holidays = row.holidays.map((h) => ({ startsOn: h.starts_on, endsOn: h.ends_on }));
    const changes = new Map(
      row.changes.map((c) => [
        c.on_date,
        { date: c.on_date, kind: c.kind, arrivesAt: c.arrives_at, leavesAt: c.leaves_at },
      ]),
    );
    const days = new Map(row.days.map((d) => [d.on_date, { came: d.came, minutes: d.minutes }]));
    const own = emptyTally();
    for (const date of dates) {
      if (!row.places.some((p) => p.starts_on <= date && date <= p.ends_on)) continue;
      const expected = expectedOn(date, week, changes.get(date), holidays);
      add(perDay.get(date)!, expected, days.get(date));
      add(own, expected, days.get(date));
    }
    if (options.withChildren)
      children.push({
        childId: Number(row.id),
        name: row.name,
        groupName: row.group_name,
        plannedHours: own.plannedHours,
        actualHours: own.actualHours,
        ratio: own.plannedHours > 0 ? own.actualHours / own.plannedHours : null,
      });
  }
  const weeks = new Map<string, Tally>();
  const total = emptyTally();
  for (const [date, tally] of perDay) {
    const week = isoWeekOf(date);
    if (!weeks.has(week)) weeks.set(week, emptyTally());
    sum(weeks.get(week)!, tally);
    sum(total, tally);
  }
  return {
    from,
    to,
    days: [...perDay].map(([date, t]) => ({ date, ...t })).filter((d) => d.expected > 0 || d.came > 0),
    weeks: [...weeks].map(([week, t]) => ({ week, ...t })),
    total,
    children,
  };
}
