import { formatDate } from '../../i18n/index.ts';

/** The words "my data" needs to read the areas' `extra` data aloud, in the reader's language. */
export interface ExtraText {
  /** Headings per area key (generalConsent, documents …). */
  extra: Record<string, string>;
  /** Stored values (states, kinds, channels, categories) in words. */
  words: Record<string, string>;
  /** Values whose meaning depends on the field (a true `enabled` is "on", a true `handled` is "handled"). */
  fieldWords: Record<string, Record<string, string>>;
  none: string;
}

export interface ExtraBlock {
  key: string;
  heading: string;
  lines: string[];
}

/**
 * One area's data as a heading and plain lines, every stored key translated: the page and the PDF read the same
 * (issue 19: no raw "letter", "consent_receipt" or "sms · news · false" to a guardian). A date is dd.mm.yyyy.
 */
export function extraBlocks(extra: Record<string, unknown>, t: ExtraText): ExtraBlock[] {
  const word = (field: string, value: unknown): string => {
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}(T|$)/.test(value))
      return formatDate(value.length === 10 ? value : new Date(value));
    const key = String(value ?? '');
    return t.fieldWords[field]?.[key] ?? t.words[key] ?? key;
  };
  const line = (item: unknown): string =>
    item !== null && typeof item === 'object'
      ? Object.entries(item as Record<string, unknown>)
          .filter(([, v]) => v !== null && v !== undefined && v !== '')
          .map(([field, v]) => word(field, v))
          .join(' · ')
      : word('', item);
  return Object.entries(extra).map(([key, value]) => {
    const items = Array.isArray(value) ? value : [value];
    return { key, heading: t.extra[key] ?? key, lines: items.map(line) };
  });
}
