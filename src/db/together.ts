import { sql, type Expression } from 'kysely';
import type { Db } from './database.ts';

/**
 * Several independent selects in one statement (issue 18, item 4). Each statement costs a round trip — on this kind of
 * machine a system call each way, more than most of our queries take to run — so a page asks for what does not depend
 * on an earlier answer at once: every select becomes a JSON array column of one `select`, and each part makes its
 * result from its rows as if it had run its queries itself.
 *
 * The rows come back through JSON: text, numbers, booleans, dates ('YYYY-MM-DD', as our type parsers give them) and
 * times arrive as they would from the driver, but a timestamptz arrives as an ISO string. A part that selects one turns
 * it into a Date in `finish` (`asDate`); the row types say Date, so the compiler cannot catch a forgotten one, and the
 * part's tests must (they compare with the query run alone).
 */
export interface Part<R> {
  readonly selects: Readonly<Record<string, Expression<unknown>>>;
  readonly finish: (rows: Readonly<Record<string, unknown[]>>) => R;
}

type RowOf<E> = E extends Expression<infer O> ? O : never;

/** A part: named selects (query builders or raw `sql`) and what to make of their rows. */
export function part<S extends Record<string, Expression<unknown>>, R>(
  selects: S,
  finish: (rows: { [K in keyof S]: RowOf<S[K]>[] }) => R,
): Part<R> {
  return { selects, finish: finish as Part<R>['finish'] };
}

/** A part that needs no query (the answer is known, or the policy says there is nothing to load). */
export const done = <R>(value: R): Part<R> => ({ selects: {}, finish: () => value });

/** Several parts as one: their selects side by side (renamed apart), each finished on its own rows. */
export function together<P extends Record<string, Part<unknown>>>(
  parts: P,
): Part<{ [K in keyof P]: P[K] extends Part<infer R> ? R : never }> {
  const selects: Record<string, Expression<unknown>> = {};
  for (const [name, p] of Object.entries(parts))
    for (const [key, select] of Object.entries(p.selects)) selects[`${name}.${key}`] = select;
  return {
    selects,
    finish: (rows) =>
      Object.fromEntries(
        Object.entries(parts).map(([name, p]) => [
          name,
          p.finish(Object.fromEntries(Object.keys(p.selects).map((key) => [key, rows[`${name}.${key}`] ?? []]))),
        ]),
      ) as { [K in keyof P]: P[K] extends Part<infer R> ? R : never },
  };
}

/** A part made into something else (same selects). */
export const mapPart = <R, T>(p: Part<R>, f: (value: R) => T): Part<T> => ({
  selects: p.selects,
  finish: (rows) => f(p.finish(rows)),
});

/** Runs a part: one statement (none when it has no selects). */
export async function loadPart<R>(db: Db, p: Part<R>): Promise<R> {
  const entries = Object.entries(p.selects);
  if (entries.length === 0) return p.finish({});
  const columns = entries.map(([, select], i) =>
    sql`(select coalesce(json_agg(agg), '[]'::json) from (${select}) as agg)`.as(`c${i}`),
  );
  const row = (await db.selectNoFrom(columns).executeTakeFirstOrThrow()) as Record<string, unknown[]>;
  return p.finish(Object.fromEntries(entries.map(([key], i) => [key, row[`c${i}`] ?? []])));
}

/** Runs several parts in one statement. */
export const loadParts = <P extends Record<string, Part<unknown>>>(db: Db, parts: P) => loadPart(db, together(parts));

/** A timestamptz that came through JSON (an ISO string) as the Date the driver would have given. */
export const asDate = (value: Date | string): Date => (value instanceof Date ? value : new Date(value));
