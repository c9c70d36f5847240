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

/** The years a typed date may fall in: a birth date is after 1900, nothing a school plans is after 2100. */
export const DATE_MIN_YEAR = 1900;
export const DATE_MAX_YEAR = 2100;

/**
 * Parses a Norwegian date 'dd.mm.yyyy' (also d.m.yyyy) or ISO 'YYYY-MM-DD' to ISO; null if not a real date or
 * outside DATE_MIN_YEAR–DATE_MAX_YEAR (so no date arithmetic downstream can leave PostgreSQL's range).
 */
export function parseDate(input: string): string | null {
  const text = input.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const nor = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : nor ? [nor[3], nor[2], nor[1]] : [];
  if (!y || !m || !d) return null;
  if (Number(y) < DATE_MIN_YEAR || Number(y) > DATE_MAX_YEAR) return null;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d))
    return null;
  return date.toISOString().slice(0, 10);
}

/** Fills `{name}` placeholders: fill('Hei, {name}', { name: 'Kari' }). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => (key in values ? String(values[key]) : match));
}
