import { addDays, isoWeekOf, mondayOf, mondayOfIsoWeek } from '../calendar/dates.ts';

const DAY_MS = 86_400_000;
const distance = (a: string, b: string) =>
  Math.abs(new Date(`${a}T00:00:00Z`).getTime() - new Date(`${b}T00:00:00Z`).getTime()) / DAY_MS;

/**
 * What a teacher types for a weekly plan's week → an ISO week ('2026-W48'), or null. Accepts "48", "uke 48",
 * "veke 48", "48 2026", "48/2026" and "2026-W48". A bare number means the week of that number nearest to today
 * (in November, 2 is next January's week 2).
 */
export function parseWeek(input: string, today: string): string | null {
  const text = input
    .trim()
    .toLowerCase()
    .replace(/^(uke|veke|week|u\.?)\s*/, '');
  const iso = /^(\d{4})-?w(\d{1,2})$/.exec(text);
  if (iso) return normalise(Number(iso[1]), Number(iso[2]));
  const withYear = /^(\d{1,2})\s*[/ ,.-]\s*(\d{4})$/.exec(text);
  if (withYear) return normalise(Number(withYear[2]), Number(withYear[1]));
  if (!/^\d{1,2}$/.test(text)) return null;
  const number = Number(text);
  const year = Number(isoWeekOf(today).slice(0, 4));
  const candidates = [year - 1, year, year + 1].map((y) => normalise(y, number)).filter((w): w is string => w !== null);
  const monday = mondayOf(today);
  candidates.sort((a, b) => distance(mondayOfIsoWeek(a)!, monday) - distance(mondayOfIsoWeek(b)!, monday));
  return candidates[0] ?? null;
}

function normalise(year: number, week: number): string | null {
  const value = `${year}-W${String(week).padStart(2, '0')}`;
  return mondayOfIsoWeek(value) ? value : null;
}

/** '2026-W48' → 48 (for "Uke 48"). */
export const weekNumber = (week: string): number => Number(week.slice(6));

/** The week after today's (the usual week a plan is written for), as a number for the form's hint. */
export const nextWeekNumber = (today: string): number => weekNumber(isoWeekOf(addDays(today, 7)));
