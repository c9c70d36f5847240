import { fill, formatDate } from '../../i18n/index.ts';
import type { LeaveMessages } from '../../i18n/leave.ts';

export const card = 'rounded-lg border border-slate-200 bg-white p-4';
export const primaryLink = 'inline-block rounded bg-sky-800 px-4 py-2 font-semibold text-white no-underline hover:bg-sky-900';
export const smallButton = 'rounded border border-slate-500 bg-white px-3 py-1 font-semibold text-slate-900 hover:bg-slate-100';

/** "1 skoledag", "8 skoledager". */
export const schoolDays = (t: LeaveMessages, n: number) => fill(n === 1 ? t.schoolDay : t.schoolDays, { count: n });
export const days = (t: LeaveMessages, n: number) => fill(n === 1 ? t.day : t.days, { count: n });

/** "Anders Nordmann", "Anders Nordmann og Liv Hansen", "A, B og C". */
export function joinNames(t: LeaveMessages, names: string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} ${t.and} ${names.at(-1)}`;
}

export const dateRange = (from: string, to: string) => (from === to ? formatDate(from) : `${formatDate(from)}–${formatDate(to)}`);
/** dd.mm, for a part of a range whose year is already shown. */
export const dayMonth = (iso: string) => formatDate(iso).slice(0, 5);

/** A link that swaps the child section with htmx and pushes its URL (a full page of its own). */
export function SectionLink({ href, class: className, text }: { href: string; class: string; text: string }) {
  return <a href={href} hx-get={href} hx-target="#child-section" hx-push-url="true" class={className} safe>{text}</a>;
}
