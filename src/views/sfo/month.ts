import type { Locale } from '../../i18n/index.ts';
import { sfoAdminText } from '../../i18n/sfo-admin.ts';

/** 'YYYY-MM' as words: "november 2026" (nb, nn), "November 2026" (en). */
export function monthLabel(locale: Locale, month: string): string {
  const names = sfoAdminText[locale].settings.months;
  return `${names[Number(month.slice(5, 7)) - 1] ?? month} ${month.slice(0, 4)}`;
}
