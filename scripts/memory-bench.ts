/**
 * npm run bench:memory: the resident memory (RSS) of `npm start` after load and under a long load (issue 18, item 6).
 * Starts the app as `npm start` does (on DATABASE_URL when set, else a new PGlite data directory), signs in the demo
 * rektor, a demo guardian and the demo contact teacher (sessions made by the real session code, as scripts/bench.ts
 * does), and drives a few pages with autocannon (16 connections), page after page, for BENCH_MINUTES (default 10).
 * Prints the server's RSS after start, after the first page of each kind and every 30 s, and the largest.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench BENCH_MINUTES=10 npm run bench:memory
 *   BENCH_NODE_OPTIONS=--heapsnapshot-signal=SIGUSR2 BENCH_KEEP=1 …   # then kill -USR2 <server pid>: a heap snapshot
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { openDatabase } from '../src/db/database.ts';
import { DEMO_LOGINS } from '../src/db/seed/seed.ts';
import { createSession } from '../src/domain/identity/sessions.ts';
import { SESSION_COOKIE } from '../src/middleware/session.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const minutes = Number(process.env.BENCH_MINUTES ?? 10);
const port = Number(process.env.BENCH_PORT ?? 3795);
const base = `http://127.0.0.1:${port}`;
const dataDir = mkdtempSync(path.join(tmpdir(), 'skolebro-memory-'));

const child = spawn('npm', ['start', '--silent'], {
  cwd: root,
  env: {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    TEST_IDP_PORT: String(port + 1),
    LOG_REQUESTS: 'false',
    ...(process.env.BENCH_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS } : {}),
  },
  stdio: ['ignore', 'inherit', 'inherit'],
  detached: true,
});
const stop = () => {
  try {
    process.kill(-child.pid!, 'SIGTERM');
  } catch {}
};
process.on('exit', stop);

/** The largest RSS in npm's process group (the node process that serves), in MB. */
function rssMb(): number {
  let largest = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]) !== child.pid) continue;
      largest = Math.max(largest, Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0));
    } catch {}
  }
  return Math.round(largest / 1024);
}

for (;;) {
  const ok = await fetch(`${base}/`).then(
    (r) => r.status === 200,
    () => false,
  );
  if (ok) break;
  await new Promise((resolve) => setTimeout(resolve, 100));
}
console.log(`RSS after start (first 200): ${rssMb()} MB`);

// Sessions: on PostgreSQL through our own small pool; on PGlite the data directory belongs to the server, so there
// only the anonymous pages are driven.
const cookies: Record<string, string> = {};
if (process.env.DATABASE_URL) {
  const db = openDatabase({ kind: 'postgres', url: process.env.DATABASE_URL, poolSize: 1 });
  for (const key of ['leadership', 'guardian', 'contact-teacher'] as const) {
    const login = DEMO_LOGINS.find((l) => l.key === key)!;
    const column = login.feideId ? 'feide_id' : 'fodselsnummer';
    const person = await db
      .selectFrom('person')
      .select('id')
      .where(column, '=', (login.feideId ?? login.fodselsnummer)!)
      .executeTakeFirstOrThrow();
    const session = await createSession(db, {
      personId: person.id,
      provider: login.feideId ? 'feide' : 'idporten',
      issuer: 'bench',
      idpSid: null,
      idToken: null,
      acr: null,
    });
    cookies[key] = `${SESSION_COOKIE}=${session.token}`;
  }
  await db.destroy();
}
const pages: { path: string; cookie?: string }[] = [
  { path: '/' },
  { path: '/healthz' },
  ...(cookies.leadership
    ? [
        { path: '/home', cookie: cookies.leadership },
        { path: '/messages', cookie: cookies.leadership },
        { path: '/applications', cookie: cookies.leadership },
        { path: '/home', cookie: cookies.guardian },
        { path: '/home', cookie: cookies['contact-teacher'] },
        { path: '/messages', cookie: cookies['contact-teacher'] },
      ]
    : []),
];

const ends = Date.now() + minutes * 60_000;
let largest = rssMb();
let nextReport = Date.now() + 30_000;
let requests = 0;
let errors = 0;
for (let i = 0; Date.now() < ends; i++) {
  const page = pages[i % pages.length]!;
  const result = await autocannon({
    url: base + page.path,
    connections: 16,
    duration: Math.max(1, Math.min(15, Math.round((ends - Date.now()) / 1000))),
    headers: page.cookie ? { cookie: page.cookie } : undefined,
  });
  requests += result.requests.total;
  errors += result.errors + result.timeouts + result.non2xx;
  const rss = rssMb();
  largest = Math.max(largest, rss);
  if (i < pages.length) console.log(`RSS after ${page.path}${page.cookie ? ' (signed in)' : ''}: ${rss} MB`);
  if (Date.now() >= nextReport) {
    console.log(`${Math.round((Date.now() - (ends - minutes * 60_000)) / 1000)} s: RSS ${rss} MB`);
    nextReport += 30_000;
  }
}
console.log(
  `\nAfter ${minutes} min (${requests} requests, ${errors} errors): RSS ${rssMb()} MB, largest ${largest} MB (server pid group ${child.pid})`,
);
if (process.env.BENCH_KEEP) await new Promise(() => {});
stop();
await new Promise((resolve) => child.once('exit', resolve));
rmSync(dataDir, { recursive: true, force: true });
