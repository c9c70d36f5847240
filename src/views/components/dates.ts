import { formatDate, formatDateRange } from '../../i18n/index.ts';

const TIME = new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit' });

/** dd.mm.yyyy hh:mm in Norwegian time. */
export function formatDateTime(value: Date): string {
  return `${formatDate(value)} ${TIME.format(value)}`;
}

/** "25.11.2026", or "25.11.2026–27.11.2026" for a range of days (ISO dates). */
export const dateRange = formatDateRange;
