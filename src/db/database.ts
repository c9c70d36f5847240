import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import { createHash } from 'node:crypto';
import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import { isConnectionLost } from './connection-lost.ts';
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
  | {
      kind: 'pglite';
      dataDir: string | undefined /* undefined = in memory */;
      /** Start from this data directory (a `dumpDataDir` tarball), e.g. a migrated template in the tests. */
      loadDataDir?: Blob;
    };

/** Opens Kysely on PostgreSQL (`pg` Pool) or on embedded PGlite (Kysely's own PGliteDialect). */
export function openDatabase(target: DatabaseTarget): Db {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10, types: pgTypes });
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool: resilientPool(pool) }) });
  }
  return new Kysely<Database>({ dialect: new PGliteDialect({ pglite: () => newPglite(target) }) });
}

/**
 * PGlite with the app's type parsers. Imported when first used: a process on PostgreSQL never loads it (issue 18,
 * item 6); Kysely calls this at the first query.
 */
export async function newPglite(target: { dataDir?: string; loadDataDir?: Blob }): Promise<PGlite> {
  const { PGlite } = await import('@electric-sql/pglite');
  return new PGlite({ dataDir: target.dataDir, loadDataDir: target.loadDataDir, parsers: pgliteParsers });
}

const warn = (msg: string, error: Error) =>
  console.error(JSON.stringify({ level: 'warn', msg, error: error.message, code: (error as { code?: string }).code }));

/**
 * The pool as Kysely sees it, made safe against lost connections (issue 17, item 1). A backend that is terminated
 * (pg_terminate_backend, a restart, a failover) makes its client emit 'error'; the pool listens only while the
 * client is idle, so without our own listener a client in use would crash the process with an unhandled 'error'
 * event. The query in progress fails instead (its request or job fails; the server has rolled its transaction back),
 * and the client that saw the loss is released as broken — destroyed, never handed out again.
 */
/** Prepared statements each connection keeps at most; a statement beyond them is parsed and planned every time. */
const PREPARED_PER_CONNECTION = 500;
const statementNames = new Map<string, string>();

/**
 * A statement as a named (prepared) one (issue 18, item 4): the connection parses it once, and PostgreSQL may keep a
 * generic plan for it after a few executions (plan_cache_mode auto) instead of planning it on every request — for the
 * child page's larger statements planning took longer than running them. Kysely sends (text, values); only queries
 * and DML are named (never DDL), named by a hash of their text, at most PREPARED_PER_CONNECTION per connection.
 */
function preparedStatement(prepared: Set<string>, args: unknown[]): unknown[] {
  const [text, values] = args;
  if (typeof text !== 'string' || !Array.isArray(values) || args.length !== 2) return args;
  let name = statementNames.get(text);
  if (name === undefined) {
    if (!/^\s*(select|with|insert|update|delete)\b/i.test(text)) return args;
    name = `s${createHash('sha1').update(text).digest('base64url').slice(0, 20)}`;
    if (statementNames.size >= 10 * PREPARED_PER_CONNECTION) statementNames.clear();
    statementNames.set(text, name);
  }
  if (!prepared.has(name)) {
    if (prepared.size >= PREPARED_PER_CONNECTION) return args;
    prepared.add(name);
  }
  return [{ name, text, values }];
}

function resilientPool(pool: pg.Pool) {
  const broken = new WeakSet<pg.PoolClient>();
  // An idle client whose connection ends (a restart, a dropped test database): the pool removes it.
  pool.on('error', (error) => warn('idle database connection lost', error));
  pool.on('connect', (client) => {
    client.on('error', (error) => {
      broken.add(client as pg.PoolClient);
      warn('database connection lost', error);
    });
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    const prepared = new Set<string>();
    client.query = ((...args: unknown[]) => {
      const result = query(...preparedStatement(prepared, args));
      if (result instanceof Promise)
        result.catch((error: unknown) => {
          if (isConnectionLost(error)) broken.add(client as pg.PoolClient);
        });
      return result;
    }) as typeof client.query;
  });
  return {
    async connect() {
      const client = await pool.connect();
      const release = client.release;
      client.release = (destroy?: boolean | Error) => release(destroy || broken.has(client));
      return client;
    },
    end: () => pool.end(),
    options: pool.options,
  };
}
