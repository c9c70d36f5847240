import { parseDate } from '../../i18n/index.ts';

/** `2025-08-01..2026-07-31` (ISO dates, from ≤ to) → the period; null when it is not one. */
export function parsePeriod(text: string): { from: string; to: string } | null {
  const match = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [from, to] = [parseDate(match[1]!), parseDate(match[2]!)];
  return from && to && from <= to ? { from, to } : null;
}
