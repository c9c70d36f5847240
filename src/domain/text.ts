import * as v from 'valibot';

/**
 * Free text as people type it, made safe to store: one place for what every text field goes through.
 *
 * `cleanText` runs on every string of every form body (src/routes/form-body.ts): lone surrogates become U+FFFD,
 * Unicode NFC (a decomposed «é» is one character, so lengths and searches agree), CRLF and CR become LF, and control
 * characters other than newline and tab are dropped (PostgreSQL refuses NUL in text; the rest only confuse). The
 * domain checks each free-text field with `checkText` (clean, trim, required, a length limit) and answers a field
 * error, never a database error.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters it removes
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function cleanText(value: string): string {
  return value.replace(LONE_SURROGATE, '\uFFFD').normalize('NFC').replace(/\r\n?/g, '\n').replace(CONTROL, '');
}

export type TextError = 'required' | 'too_short' | 'too_long';

export interface TextRule {
  /** Longest accepted, in characters after trimming. */
  max: number;
  /** Shortest accepted when something is typed (default 1 when required). */
  min?: number;
  required?: boolean;
}

/** The cleaned, trimmed text, or why it cannot be taken. An optional field left empty is ''. */
export function checkText(value: unknown, rule: TextRule): { text: string; error?: TextError } {
  const text = typeof value === 'string' ? cleanText(value).trim() : '';
  if (text === '') return rule.required ? { text, error: 'required' } : { text };
  if (rule.min !== undefined && text.length < rule.min) return { text, error: 'too_short' };
  if (text.length > rule.max) return { text, error: 'too_long' };
  return { text };
}

/** The same rule as a valibot schema, for forms parsed with valibot: cleaned, trimmed, min–max characters. */
export const FreeText = (max: number, min = 0) =>
  v.pipe(v.string(), v.transform(cleanText), v.trim(), v.minLength(min), v.maxLength(max));
