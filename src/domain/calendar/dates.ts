/** Date arithmetic on 'YYYY-MM-DD' strings (UTC noon-free: all math in UTC days) and ISO weeks ('2026-W48'). */

const DAY_MS = 86_400_000;
const toDate = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
const toIso = (date: Date): string => date.toISOString().slice(0, 10);

export const addDays = (iso: string, days: number): string => toIso(new Date(toDate(iso).getTime() + days * DAY_MS));

/** 1 = Monday … 7 = Sunday. */
export const isoWeekday = (iso: string): number => toDate(iso).getUTCDay() || 7;

export const mondayOf = (iso: string): string => addDays(iso, 1 - isoWeekday(iso));

/** '2026-11-25' → '2026-W48'. */
export function isoWeekOf(iso: string): string {
  const thursday = addDays(iso, 4 - isoWeekday(iso));
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor((toDate(thursday).getTime() - toDate(`${year}-01-01`).getTime()) / DAY_MS / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** '2026-W48' → the Monday '2026-11-23'; null when malformed or out of range. */
export function mondayOfIsoWeek(week: string): string | null {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) return null;
  const year = Number(match[1]);
  const number = Number(match[2]);
  if (year < 2000 || year > 2100 || number < 1 || number > 53) return null;
  const monday = addDays(mondayOf(`${year}-01-04`), (number - 1) * 7);
  return isoWeekOf(monday) === week ? monday : null;
}

/** Every date from `from` to `to`, both included (bounded to ~2 years). */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let d = from; d <= to && dates.length < 800; d = addDays(d, 1)) dates.push(d);
  return dates;
}
