import { sql, type RawBuilder } from 'kysely';

/**
 * A VALUES list as a table to join in an UPDATE … FROM: `(values ($1::bigint, $2::int), …) as alias(id, attempts)`.
 * Each column is cast to its SQL type (a VALUES list has no types of its own). One statement for many rows.
 */
export function valuesTable<R extends Record<string, unknown>, A extends string>(
  rows: R[],
  alias: A,
  types: { [K in keyof R]: string },
) {
  const keys = Object.keys(types) as (keyof R & string)[];
  const list = sql.join(rows.map((row) => sql`(${sql.join(keys.map((k) => sql`${row[k]}::${sql.raw(types[k])}`))})`));
  const aliased: RawBuilder<unknown> = sql`${sql.ref(alias)}(${sql.join(keys.map((k) => sql.ref(k)))})`;
  return sql<R>`(values ${list})`.as<A>(aliased);
}
