import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { cleanText } from '../domain/text.ts';

export type FormValue = string | File;
export type FormBody = Record<string, FormValue>;
export type FormBodyAll = Record<string, FormValue | FormValue[]>;

const clean = (value: FormValue): FormValue => (typeof value === 'string' ? cleanText(value) : value);

/**
 * The one place a route reads a form body. A body that cannot be parsed (a broken multipart, a wrong boundary) is
 * the client's fault: 400, never 500. Every string in it goes through `cleanText` (NFC, no control characters but
 * newline and tab), so no handler ever sees a NUL. `all` keeps repeated fields as arrays (check boxes).
 */
export async function readForm(c: Context, options: { all: true }): Promise<FormBodyAll>;
export async function readForm(c: Context, options?: { all?: false }): Promise<FormBody>;
export async function readForm(c: Context, options: { all?: boolean } = {}): Promise<FormBodyAll> {
  let body: FormBodyAll;
  try {
    body = await c.req.parseBody({ all: options.all ?? false });
  } catch {
    throw new HTTPException(400, { message: 'malformed_body' });
  }
  const cleaned: FormBodyAll = {};
  for (const [name, value] of Object.entries(body))
    cleaned[cleanText(name)] = Array.isArray(value) ? value.map(clean) : clean(value);
  return cleaned;
}
