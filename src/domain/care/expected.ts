import { todayInOslo, timeInOslo } from '../access/actor.ts';
import { addDays, isoWeekday } from '../calendar/dates.ts';

/**
 * The stay plan rule, once (issue 13; G11, S10): what is expected of a child on a date, from the regular week, a change
 * for that date and the holidays. Pure: the guardian's page, the board and the statistics all use it.
 *
 * Precedence: a change for the date (other times, absent, a day off) wins over a holiday, which wins over the regular
 * week. Saturdays and Sundays, and weekdays without a regular time, expect nothing ('none').
 */
export interface WeekDay {
  /** 1 = Monday … 5 = Friday. */
  weekday: number;
  /** 'HH:MM'. */
  arrivesAt: string;
  leavesAt: string;
}

export type DayChangeKind = 'times' | 'absent' | 'off';

export interface DayChange {
  date: string;
  kind: DayChangeKind;
  arrivesAt: string | null;
  leavesAt: string | null;
}

export interface Holiday {
  startsOn: string;
  endsOn: string;
}

export type Expected =
  | { kind: 'times'; arrivesAt: string; leavesAt: string; changed: boolean }
  | { kind: 'absent' }
  | { kind: 'off' }
  | { kind: 'holiday' }
  | { kind: 'none' };

export function expectedOn(
  date: string,
  week: readonly WeekDay[],
  change: DayChange | null | undefined,
  holidays: readonly Holiday[],
): Expected {
  if (change && change.date === date) {
    if (change.kind === 'times' && change.arrivesAt && change.leavesAt)
      return { kind: 'times', arrivesAt: change.arrivesAt, leavesAt: change.leavesAt, changed: true };
    if (change.kind === 'absent') return { kind: 'absent' };
    if (change.kind === 'off') return { kind: 'off' };
  }
  if (holidays.some((h) => h.startsOn <= date && date <= h.endsOn)) return { kind: 'holiday' };
  const weekday = isoWeekday(date);
  const regular = week.find((d) => d.weekday === weekday);
  return regular
    ? { kind: 'times', arrivesAt: regular.arrivesAt, leavesAt: regular.leavesAt, changed: false }
    : { kind: 'none' };
}

/** The expected hours of a day (0 unless 'times'), for the statistics: planned against actual. */
export function expectedHours(expected: Expected): number {
  return expected.kind === 'times' ? minutesBetween(expected.arrivesAt, expected.leavesAt) / 60 : 0;
}

/** Minutes from one 'HH:MM' to another (negative if `to` is earlier). */
export function minutesBetween(from: string, to: string): number {
  const m = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  return m(to) - m(from);
}

/** A unit's deadline rule: changes for a date must be in `days` days before it, at the latest at `time` ('HH:MM'). */
export interface ChangeDeadline {
  days: number;
  time: string;
}

/** The last moment (as Norwegian date and time) a change for `date` is accepted. */
export function changeDeadlineFor(date: string, rule: ChangeDeadline): { date: string; time: string } {
  return { date: addDays(date, -rule.days), time: rule.time };
}

/**
 * Whether a guardian may still change the plan for `date` at `now` (Norwegian time): on or before the deadline day,
 * and on the deadline day not after its time. A date in the past is always closed.
 */
export function isChangeOpen(date: string, rule: ChangeDeadline, now = new Date()): boolean {
  const today = todayInOslo(now);
  if (date < today) return false;
  const deadline = changeDeadlineFor(date, rule);
  if (today < deadline.date) return true;
  if (today > deadline.date) return false;
  return timeInOslo(now) <= deadline.time;
}

/** 'HH:MM' for a time of day as PostgreSQL's `time` gives it ('08:15:00') or as a form sends it ('08:15'). */
export const hhmm = (time: string): string => time.slice(0, 5);

/** A valid 'HH:MM' (00:00–23:59) from a form, or null. */
export function parseTimeOfDay(input: string): string | null {
  const match = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/.exec(input.trim());
  return match ? `${match[1]!.padStart(2, '0')}:${match[2]}` : null;
}

/**
 * The holiday minimum of a kindergarten child as issue 13 states it: four weeks a year, three of them in the summer
 * (June–August). [UNCERTAIN] Where it is written: the owners' vedtekter say it (most often per barnehageår, August to
 * July); DOMAIN-FACTS.md has no source yet. Counted in weekdays of the calendar year `year`: 20 in the year, 15 in the
 * summer. A warning, never a refusal.
 */
export function holidayMinimumWarning(
  holidays: readonly Holiday[],
  year: number,
): { weekdays: number; summerWeekdays: number; enough: boolean } {
  const days = new Set<string>();
  for (const h of holidays) {
    for (let d = h.startsOn; d <= h.endsOn && days.size < 400; d = addDays(d, 1)) {
      if (d.startsWith(`${year}-`) && isoWeekday(d) <= 5) days.add(d);
    }
  }
  const summer = [...days].filter((d) => ['06', '07', '08'].includes(d.slice(5, 7))).length;
  return { weekdays: days.size, summerWeekdays: summer, enough: days.size >= 20 && summer >= 15 };
}
