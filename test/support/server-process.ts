import { randomBytes } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openDatabase, type Db } from '../../src/db/database.ts';
import { SESSION_COOKIE } from '../../src/middleware/session.ts';
import { createSession } from '../../src/domain/identity/sessions.ts';
import type { LoginProvider } from '../../src/db/schema.ts';

/**
 * The real server (`src/server.ts`, as `npm start` runs it) as a child process on a fresh PostgreSQL database of its
 * own, which it migrates and seeds with the demo data. For tests (and `npm run soak`) that kill database connections
 * or send signals. `close()` stops the process (SIGTERM, then SIGKILL after 10 s) and drops the database.
 */
export interface ServerProcess {
  url: string;
  /** The server's database (a fresh one on the PostgreSQL server at `serverUrl`). */
  databaseUrl: string;
  databaseName: string;
  /** A small pool on the same database, for the test's own reads and writes. */
  db: Db;
  child: ChildProcess;
  pid: number;
  output(): string;
  running(): boolean;
  /** Resolves with the exit code (null when killed by a signal) once the process has exited. */
  exited: Promise<number | null>;
  /** A session cookie for a person, made by the real session code (as if they had logged in). */
  cookieFor(personId: number, provider: LoginProvider): Promise<string>;
  /** Ends every connection the server holds to its database, as `pg_terminate_backend` does. Returns the count. */
  terminateBackends(): Promise<number>;
  close(): Promise<void>;
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const children = new Set<ChildProcess>();
// A backstop for a run that ends without its hooks: no server outlives it.
process.once('exit', () => children.forEach((child) => child.kill('SIGKILL')));

/** Whether a server can listen on this port on every interface right now. */
function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '0.0.0.0', () => server.close(() => resolve(true)));
  });
}

/**
 * A port that stays free between a stop and a restart on it: below the kernel's ephemeral range (32768 and up, where
 * any outgoing connection of a concurrent test may take a port the moment it is released), and free together with the
 * next one (the built-in test IdP listens on PORT + 1).
 */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if ((await canListen(port)) && (await canListen(port + 1))) return port;
  }
}

/** The server's connections carry this application_name, so a test can end exactly those. */
export const SERVER_APPLICATION_NAME = 'skolebro-under-test';

export async function adminQuery<R extends pg.QueryResultRow = pg.QueryResultRow>(
  url: string,
  text: string,
  values: unknown[] = [],
): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}

export async function startServerProcess(
  options: { serverUrl?: string; env?: Record<string, string>; startMs?: number } = {},
): Promise<ServerProcess> {
  const serverUrl = options.serverUrl ?? process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('startServerProcess needs a PostgreSQL server (TEST_DATABASE_URL)');
  const databaseName = `skolebro_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(serverUrl, `create database ${databaseName}`);
  const url = new URL(serverUrl);
  url.pathname = `/${databaseName}`;
  const databaseUrl = url.toString();
  const db = openDatabase({ kind: 'postgres', url: databaseUrl, poolSize: 2 });
  const port = await freePort();
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    NODE_ENV: 'development',
    PORT: String(port),
    HOST: '127.0.0.1',
    TEST_IDP_PORT: String(await freePort()),
    DATABASE_URL: databaseUrl,
    PGAPPNAME: SERVER_APPLICATION_NAME,
    LOG_REQUESTS: 'false',
    SEED_DEMO: 'true',
    ...options.env,
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let text = '';
  child.stdout!.on('data', (chunk) => (text += chunk));
  child.stderr!.on('data', (chunk) => (text += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  void exited.then(() => children.delete(child));
  const running = () => child.exitCode === null && child.signalCode === null;

  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    if (running()) child.kill('SIGTERM');
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(kill);
    await db.destroy();
    await adminQuery(serverUrl, `drop database if exists ${databaseName} with (force)`);
  };

  const until = Date.now() + (options.startMs ?? 180_000);
  try {
    while (!/Skolebro is running/.test(text)) {
      if (!running()) throw new Error(`The server exited (${child.exitCode ?? child.signalCode}) at start:\n${text}`);
      if (Date.now() > until) throw new Error(`The server did not start in time:\n${text}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } catch (error) {
    await close();
    throw error;
  }

  return {
    url: `http://127.0.0.1:${port}`,
    databaseUrl,
    databaseName,
    db,
    child,
    pid: child.pid!,
    output: () => text,
    running,
    exited,
    async cookieFor(personId, provider) {
      const { token } = await createSession(db, {
        personId,
        provider,
        issuer: `http://idp.invalid/${provider}`,
        idpSid: null,
        idToken: null,
        acr: null,
      });
      return `${SESSION_COOKIE}=${token}`;
    },
    async terminateBackends() {
      const rows = await adminQuery<{ ended: boolean }>(
        databaseUrl,
        `select pg_terminate_backend(pid) as ended from pg_stat_activity
          where datname = current_database() and application_name = $1 and pid <> pg_backend_pid()`,
        [SERVER_APPLICATION_NAME],
      );
      return rows.filter((r) => r.ended).length;
    },
    close,
  };
}
