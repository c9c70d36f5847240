import { en } from './en.ts';
import { nb, type Messages } from './nb.ts';
import { nn } from './nn.ts';

export type { Messages };
export const LOCALES = ['nb', 'nn', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'nb';

const catalogue: Record<Locale, Messages> = { nb, nn, en };

/** Every UI string goes through here. */
export function messages(locale: Locale): Messages {
  return catalogue[locale];
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

const OSLO = new Intl.DateTimeFormat('nb-NO', {
  timeZone: 'Europe/Oslo',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

/** dd.mm.yyyy for a Date (in Norwegian time) or an ISO date string 'YYYY-MM-DD'. Same in every language. */
export function formatDate(value: Date | string): string {
  if (typeof value === 'string') {
    const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
    if (!match) throw new Error(`Not an ISO date: ${value}`);
    return `${match[3]}.${match[2]}.${match[1]}`;
  }
  const parts = Object.fromEntries(OSLO.formatToParts(value).map((p) => [p.type, p.value]));
  return `${parts.day}.${parts.month}.${parts.year}`;
}

/** "25.11.2026", or "25.11.2026–27.11.2026" for a range of days (ISO dates): a one-day period is one date. */
export const formatDateRange = (from: string, to: string): string =>
  from === to ? formatDate(from) : `${formatDate(from)}–${formatDate(to)}`;

/** The years a typed date may fall in: a birth date is after 1900, nothing a school plans is after 2100. */
export const DATE_MIN_YEAR = 1900;
export const DATE_MAX_YEAR = 2100;

/**
 * The one parser for every typed date (issue 19: dates a phone can type). All of these mean 15 March 2027:
 * `15.03.2027`, `15.3.27`, `15/3-27`, `15 03 2027`, `15032027`, `150327` (a number pad without a full stop is enough)
 * and ISO `2027-03-15`. A two-digit year is 20yy (school dates, not birth dates). Returns ISO 'YYYY-MM-DD', or null
 * if it is not a real date or falls outside DATE_MIN_YEAR–DATE_MAX_YEAR (so no date arithmetic downstream can leave
 * PostgreSQL's range).
 */
export function parseDate(input: string): string | null {
  const text = input.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const separated = /^(\d{1,2})\s*[./\-, ]\s*(\d{1,2})\s*[./\-, ]\s*(\d{4}|\d{2})$/.exec(text);
  const digits = /^(\d{2})(\d{2})(\d{4}|\d{2})$/.exec(text);
  const dmy = separated ?? digits;
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : [];
  if (!y || !m || !d) return null;
  const year = y.length === 2 ? 2000 + Number(y) : Number(y);
  if (year < DATE_MIN_YEAR || year > DATE_MAX_YEAR) return null;
  const date = new Date(Date.UTC(year, Number(m) - 1, Number(d)));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d))
    return null;
  return date.toISOString().slice(0, 10);
}

/** Fills `{name}` placeholders: fill('Hei, {name}', { name: 'Kari' }). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => (key in values ? String(values[key]) : match));
}
