/**
 * npm run bench: load benchmarks against the real app on this machine (loopback only, bounded in time).
 * Uses DATABASE_URL when set (seed it first: npm run seed -- --size=municipality), else a fresh PGlite
 * in memory with the demo data. Prints requests/s and latency percentiles per scenario.
 *
 *   npm run bench                       # 5 s per scenario
 *   BENCH_SECONDS=15 npm run bench
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { DEMO_LOGINS, isDatabaseEmpty, seedDatabase } from '../src/db/seed/seed.ts';
import { createSession } from '../src/domain/identity/sessions.ts';
import { SESSION_COOKIE } from '../src/middleware/session.ts';
import { setUpIdentityProviders } from '../src/identity-providers.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const config = loadConfig({ ...process.env, LOG_REQUESTS: 'false', NODE_ENV: 'test' });
const db = openDatabase(
  config.databaseUrl
    ? { kind: 'postgres', url: config.databaseUrl, poolSize: config.poolSize }
    : { kind: 'pglite', dataDir: undefined },
);
await migrateToLatest(db);
if (await isDatabaseEmpty(db)) await seedDatabase(db, { size: 'demo' });

const identity = await setUpIdentityProviders({ ...config, testIdpPort: 0 }, db);
const app = createApp({ db, config, oidc: identity.oidc });
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise<void>((resolve) => server.once('listening', () => resolve()));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

// Logged-in pages as the demo rektor and a demo guardian (sessions made by the real session code).
const personId = async (column: 'feide_id' | 'fodselsnummer', value: string) =>
  (await db.selectFrom('person').select('id').where(column, '=', value).executeTakeFirstOrThrow()).id;
const rektor = DEMO_LOGINS.find((l) => l.key === 'leadership')!;
const guardian = DEMO_LOGINS.find((l) => l.key === 'guardian')!;
const rektorSession = await createSession(db, {
  personId: await personId('feide_id', rektor.feideId!),
  provider: 'feide',
  issuer: 'bench',
  idpSid: null,
  idToken: null,
  acr: null,
});
const guardianSession = await createSession(db, {
  personId: await personId('fodselsnummer', guardian.fodselsnummer!),
  provider: 'idporten',
  issuer: 'bench',
  idpSid: null,
  idToken: null,
  acr: null,
});
const asRektor = { cookie: `${SESSION_COOKIE}=${rektorSession.token}` };
const asGuardian = { cookie: `${SESSION_COOKIE}=${guardianSession.token}` };
const someClass = await db
  .selectFrom('class as c')
  .innerJoin('school as s', 's.id', 'c.school_id')
  .select('c.id')
  .where('s.name', '=', 'Bjørkelia skole')
  .orderBy('c.id')
  .executeTakeFirstOrThrow();
const class9a = await db
  .selectFrom('class as c')
  .innerJoin('school as s', 's.id', 'c.school_id')
  .select('c.id')
  .where('s.name', '=', 'Bjørkelia skole')
  .where('c.name', '=', '9A')
  .executeTakeFirstOrThrow();
const kariChild = await db
  .selectFrom('guardian_relation')
  .select('pupil_id')
  .where('guardian_id', '=', await personId('fodselsnummer', guardian.fodselsnummer!))
  .orderBy('pupil_id')
  .executeTakeFirstOrThrow();
const somePupil = await db
  .selectFrom('enrolment')
  .select('pupil_id')
  .where('class_id', '=', someClass.id)
  .orderBy('pupil_id')
  .executeTakeFirstOrThrow();

const scenarios: { name: string; path: string; headers?: Record<string, string> }[] = [
  { name: 'front page (full HTML page)', path: '/' },
  { name: 'health check (one query)', path: '/healthz' },
  { name: 'htmx partial', path: '/privacy', headers: { 'hx-request': 'true' } },
  { name: 'rektor: home (classes of school)', path: '/home', headers: asRektor },
  { name: 'rektor: class list', path: `/classes/${someClass.id}`, headers: asRektor },
  { name: 'rektor: pupil card (audited)', path: `/pupils/${somePupil.pupil_id}`, headers: asRektor },
  { name: 'guardian: home (children)', path: '/home', headers: asGuardian },
  { name: 'rektor: class register (attendance)', path: `/classes/${someClass.id}/attendance`, headers: asRektor },
  { name: 'rektor: application queue', path: '/applications', headers: asRektor },
  { name: 'rektor: vitnemål view (9A)', path: `/classes/${class9a.id}/vitnemal-absence`, headers: asRektor },
  {
    name: 'guardian: child absence (school year)',
    path: `/children/${kariChild.pupil_id}/absence`,
    headers: asGuardian,
  },
];

console.log(
  `Database: ${config.databaseUrl ? 'PostgreSQL' : 'PGlite (in memory)'}; ${seconds} s per scenario, 20 connections\n`,
);
for (const scenario of scenarios) {
  const result = await autocannon({
    url: base + scenario.path,
    connections: 20,
    duration: seconds,
    headers: scenario.headers,
  });
  const errors = result.errors + result.non2xx;
  if (result.non2xx) console.error(`  ${scenario.path}: ${result.non2xx} non-2xx answers`);
  console.log(
    `${scenario.name.padEnd(36)} ${Math.round(result.requests.average).toString().padStart(6)} req/s  ` +
      `p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  errors ${errors}`,
  );
}
server.close();
await identity.close();
await db.destroy();
