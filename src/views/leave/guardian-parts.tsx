import { fill, formatDate } from '../../i18n/index.ts';
import type { LeaveMessages } from '../../i18n/leave.ts';

/** "1 skoledag", "8 skoledager". */
export const schoolDays = (t: LeaveMessages, n: number) => fill(n === 1 ? t.schoolDay : t.schoolDays, { count: n });
export const days = (t: LeaveMessages, n: number) => fill(n === 1 ? t.day : t.days, { count: n });

/** "Anders Nordmann", "Anders Nordmann og Liv Hansen", "A, B og C". */
export function joinNames(t: LeaveMessages, names: string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} ${t.and} ${names.at(-1)}`;
}

/** dd.mm, for a part of a range whose year is already shown. */
export const dayMonth = (iso: string) => formatDate(iso).slice(0, 5);
