import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;

/**
 * Both backends must hand the app the same JavaScript types:
 * int8 (and count(*)) → number, date → 'YYYY-MM-DD' string, bytea → Buffer, timestamptz → Date.
 */
const INT8 = 20;
const BYTEA = 17;
const DATE = 1082;

const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8) return (value: string) => Number(value);
    if (oid === DATE) return (value: string) => value;
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

const pgliteParsers = {
  [INT8]: (value: string) => Number(value),
  [DATE]: (value: string) => value,
  [BYTEA]: (value: string) => Buffer.from(value.startsWith('\\x') ? value.slice(2) : value, 'hex'),
};

export type DatabaseTarget =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'pglite'; dataDir: string | undefined /* undefined = in memory */ };

/** Opens Kysely on PostgreSQL (`pg` Pool) or on embedded PGlite (Kysely's own PGliteDialect). */
export function openDatabase(target: DatabaseTarget): Db {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10, types: pgTypes });
    // An idle client whose connection the server ends (a restart, a dropped test database) emits 'error' on
    // the pool; without a listener Node would crash the process. The pool replaces the client on next use.
    pool.on('error', (error) =>
      console.error(JSON.stringify({ level: 'warn', msg: 'idle database connection lost', error: error.message })),
    );
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  const pglite = new PGlite({ dataDir: target.dataDir, parsers: pgliteParsers });
  return new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
}
