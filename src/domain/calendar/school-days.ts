import type { Db } from '../../db/database.ts';
import { done, loadPart, part, type Part } from '../../db/together.ts';
import type { CalendarDayKind } from '../../db/tables/calendar.ts';
import { activeOn, isActiveOn, notEndedBy } from '../period.ts';
import { datesBetween, isoWeekday } from './dates.ts';

/** What the skolerute says about one date. */
export type DayInfo =
  | { kind: 'school_day' }
  | { kind: CalendarDayKind; name: string | null }
  /** A weekend, or a weekday outside every school year (summer). */
  | { kind: 'no_school' };

/**
 * The skolerute of a school owner from `from` to `to` (both included): a school day is a weekday inside
 * one of the owner's school years with no holiday/planning-day row.
 */
export function calendarDaysPart(db: Db, municipalityId: number, from: string, to: string): Part<Map<string, DayInfo>> {
  return part(
    {
      years: db
        .selectFrom('school_year')
        .select(['starts_on', 'ends_on'])
        .where('municipality_id', '=', municipalityId)
        .where('starts_on', '<=', to)
        .where(notEndedBy('school_year', from))
        .limit(5),
      exceptions: db
        .selectFrom('school_calendar_day')
        .select(['date', 'kind', 'name'])
        .where('municipality_id', '=', municipalityId)
        .where('date', '>=', from)
        .where('date', '<=', to)
        .orderBy('date')
        .limit(800),
    },
    ({ years, exceptions }) => {
      const byDate = new Map(exceptions.map((e) => [e.date, e]));
      const days = new Map<string, DayInfo>();
      for (const date of datesBetween(from, to)) {
        const exception = byDate.get(date);
        const inYear = years.some((y) => isActiveOn(y, date));
        if (isoWeekday(date) > 5 || !inYear) days.set(date, { kind: 'no_school' });
        else if (exception) days.set(date, { kind: exception.kind, name: exception.name });
        else days.set(date, { kind: 'school_day' });
      }
      return days;
    },
  );
}

/** calendarDaysPart on its own: one statement. */
export const calendarDays = (db: Db, municipalityId: number, from: string, to: string) =>
  loadPart(db, calendarDaysPart(db, municipalityId, from, to));

/** School days from `from` to `to`, both included (used by leave applications: G6). */
export async function countSchoolDays(db: Db, municipalityId: number, from: string, to: string): Promise<number> {
  if (from > to) return 0;
  let count = 0;
  for (const info of (await calendarDays(db, municipalityId, from, to)).values())
    if (info.kind === 'school_day') count++;
  return count;
}

export async function isSchoolDay(db: Db, municipalityId: number, date: string): Promise<boolean> {
  return (await calendarDays(db, municipalityId, date, date)).get(date)?.kind === 'school_day';
}

/** The school year of a school owner that contains `date`, or the next one when `date` is in the summer; null if none. */
export const schoolYearOf = (db: Db, municipalityId: number, date: string) =>
  loadPart(db, schoolYearPart(db, municipalityId, date));

export type SchoolYearRef = { id: number; name: string; startsOn: string; endsOn: string };

/** schoolYearOf as a part of a larger statement (db/together.ts). */
export function schoolYearPart(db: Db, municipalityId: number, date: string): Part<SchoolYearRef | null> {
  return part(
    {
      year: db
        .selectFrom('school_year')
        .select(['id', 'name', 'starts_on', 'ends_on'])
        .where('municipality_id', '=', municipalityId)
        .where(notEndedBy('school_year', date))
        .orderBy('starts_on')
        .limit(1),
    },
    ({ year: [row] }) => (row ? { id: row.id, name: row.name, startsOn: row.starts_on, endsOn: row.ends_on } : null),
  );
}

/**
 * Of these school owners, those for whom `date` is a school day (calendarDays' rule: a weekday inside one of the
 * owner's school years with no holiday or planning-day row), in one query whatever their number.
 */
export function ownersWithSchoolDayPart(db: Db, municipalityIds: number[], date: string): Part<Set<number>> {
  if (municipalityIds.length === 0 || isoWeekday(date) > 5) return done(new Set());
  const owners = db
    .selectFrom('school_year as y')
    .select('y.municipality_id')
    .distinct()
    .where('y.municipality_id', 'in', municipalityIds)
    .where(activeOn('y', date))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('school_calendar_day as d')
            .select('d.date')
            .whereRef('d.municipality_id', '=', 'y.municipality_id')
            .where('d.date', '=', date),
        ),
      ),
    );
  return part({ owners }, (rows) => new Set(rows.owners.map((r) => r.municipality_id)));
}
