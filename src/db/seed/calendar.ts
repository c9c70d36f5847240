/** Date arithmetic on 'YYYY-MM-DD' strings (UTC, so no time-zone surprises). */

const DAY_MS = 86_400_000;

export const toDate = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
export const toIso = (date: Date): string => date.toISOString().slice(0, 10);
export const addDays = (iso: string, days: number): string => toIso(new Date(toDate(iso).getTime() + days * DAY_MS));
export const daysBetween = (from: string, to: string): number =>
  Math.round((toDate(to).getTime() - toDate(from).getTime()) / DAY_MS);
export const todayIso = (): string => toIso(new Date());

export interface SchoolYearDates {
  /** The calendar year the school year starts in. */
  startYear: number;
  /** "2026–2027" (en dash). */
  name: string;
  startsOn: string;
  endsOn: string;
}

/** The school year that `today` falls in: it starts in August, so before 1 August it is last year's. */
export function schoolYearFor(today: string): SchoolYearDates {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(toDate(today).getTime())) {
    throw new RangeError(`Invalid date: ${today}`);
  }
  const year = Number(today.slice(0, 4));
  const startYear = today.slice(5) >= '08-01' ? year : year - 1;
  return {
    startYear,
    name: `${startYear}–${startYear + 1}`,
    startsOn: thirdMondayOfAugust(startYear),
    endsOn: fridayNearest(`${startYear + 1}-06-19`),
  };
}

function thirdMondayOfAugust(year: number): string {
  const first = `${year}-08-01`;
  const weekday = toDate(first).getUTCDay(); // 0 = Sunday
  const firstMonday = (8 - weekday) % 7;
  return addDays(first, firstMonday + 14);
}

function fridayNearest(iso: string): string {
  const offset = 5 - toDate(iso).getUTCDay(); // -1 (Saturday) … 5 (Sunday)
  return addDays(iso, offset > 3 ? offset - 7 : offset);
}
