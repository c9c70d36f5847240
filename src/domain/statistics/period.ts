import { addDays } from '../calendar/dates.ts';

/** A statistics period in whole months (`yyyy-mm`), at most MAX_MONTHS long. */
export const MAX_MONTHS = 12;

export interface MonthPeriod {
  fromMonth: string;
  toMonth: string;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** `yyyy-mm`, or null. */
export function parseMonth(value: string | undefined): string | null {
  const match = MONTH.exec((value ?? '').trim());
  if (!match) return null;
  const year = Number(match[1]);
  return year >= 2000 && year <= 2100 ? match[0] : null;
}

const index = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const fromIndex = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;

/** The months from `from` to `to`, both included. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let i = index(from); i <= index(to); i++) months.push(fromIndex(i));
  return months;
}

/** A valid period: from ≤ to, at most MAX_MONTHS months. */
export const isValidMonthPeriod = (p: MonthPeriod) =>
  p.fromMonth <= p.toMonth && index(p.toMonth) - index(p.fromMonth) < MAX_MONTHS;

/** The default: the current school year (from its first month) up to today's month. */
export function defaultMonthPeriod(today: string, yearStart: string | null): MonthPeriod {
  const toMonth = today.slice(0, 7);
  const start = yearStart && yearStart <= today ? yearStart.slice(0, 7) : toMonth;
  const fromMonth = index(toMonth) - index(start) < MAX_MONTHS ? start : fromIndex(index(toMonth) - MAX_MONTHS + 1);
  return { fromMonth, toMonth };
}

/** The days counted: the first of `fromMonth` to the last of `toMonth`, but never after today (null: all in the future). */
export function daysOf(p: MonthPeriod, today: string): { from: string; to: string } | null {
  const from = `${p.fromMonth}-01`;
  const last = addDays(`${fromIndex(index(p.toMonth) + 1)}-01`, -1);
  const to = last < today ? last : today;
  return from <= to ? { from, to } : null;
}

/** Months a period may be chosen from: 36 months back from today's month, newest first. */
export function choosableMonths(today: string): string[] {
  const now = index(today.slice(0, 7));
  return Array.from({ length: 36 }, (_, i) => fromIndex(now - i));
}
