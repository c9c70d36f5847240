/**
 * npm run bench: load benchmarks against the real app on this machine (loopback only, bounded in time).
 * Uses DATABASE_URL when set (seed it first: npm run seed -- --size=municipality --activity=year), else a fresh
 * PGlite in memory with the demo data.
 *
 * Ratios, not just numbers (issue 18, item 2): before every page, a bare Hono page of the same size (the ceiling of
 * this stack on this machine) runs for as long at the same connections, and each page is reported as a ratio to the
 * bare run just before it — interleaved, so a machine that gets busier or quieter moves both. Per page: req/s, p50/p99
 * at 16 and 64 connections, queries per request (counted in the app by a Kysely plugin) and bytes per response.
 *
 *   npm run bench                       # 5 s per scenario and connection count
 *   BENCH_SECONDS=15 npm run bench
 *   BENCH_ONLY=rektor npm run bench     # only the scenarios whose name contains this
 */
import type { AddressInfo } from 'node:net';
import { countStatements } from '../src/db/counting.ts';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import { Hono } from 'hono';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { giveDemoGeneralConsent } from '../src/db/seed/consents.ts';
import { DEMO_LOGINS, type DemoLoginKey, isDatabaseEmpty, seedDatabase } from '../src/db/seed/seed.ts';
import { createSession } from '../src/domain/identity/sessions.ts';
import { SESSION_COOKIE } from '../src/middleware/session.ts';
import { VIEW_COOKIE } from '../src/paths/mobile.ts';
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
await giveDemoGeneralConsent(db); // the guardian pages, not the consent gate's redirect

// Every statement the app sends passes this plugin: queries per request are counted, not guessed.
const counter = countStatements(db);
const counted = counter.db;

const identity = await setUpIdentityProviders({ ...config, testIdpPort: 0 }, db);
const app = createApp({ db: counted, config, oidc: identity.oidc });
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise<void>((resolve) => server.once('listening', () => resolve()));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

// Logged-in pages as demo logins (sessions made by the real session code): staff by Feide, guardians by ID-porten.
const personId = async (column: 'feide_id' | 'fodselsnummer', value: string) =>
  (await db.selectFrom('person').select('id').where(column, '=', value).executeTakeFirstOrThrow()).id;
const guardian = DEMO_LOGINS.find((l) => l.key === 'guardian')!;
async function cookieOf(key: DemoLoginKey): Promise<{ cookie: string }> {
  const login = DEMO_LOGINS.find((l) => l.key === key)!;
  const session = await createSession(db, {
    personId: login.feideId
      ? await personId('feide_id', login.feideId)
      : await personId('fodselsnummer', login.fodselsnummer!),
    provider: login.feideId ? 'feide' : 'idporten',
    issuer: 'bench',
    idpSid: null,
    idToken: null,
    acr: null,
  });
  return { cookie: `${SESSION_COOKIE}=${session.token}` };
}
const asRektor = await cookieOf('leadership');
const asGuardian = await cookieOf('guardian');
const asTeacher = await cookieOf('contact-teacher');
/** The staff's mobile view ("Skolebro – Ansatt", issue 14): the same URLs with the view cookie. */
const asTeacherMobile = { cookie: `${asTeacher.cookie}; ${VIEW_COOKIE}=mobile` };
const asKindergarten = await cookieOf('kindergarten-staff');
const asOwner = await cookieOf('school-owner');
const kindergarten = await db
  .selectFrom('kindergarten')
  .select('id')
  .where('name', '=', 'Bjørkelia barnehage')
  .executeTakeFirstOrThrow();
const nora = await db
  .selectFrom('guardian_relation as g')
  .innerJoin('kindergarten_enrolment as e', 'e.child_id', 'g.pupil_id')
  .select('g.pupil_id')
  .where('g.guardian_id', '=', await personId('fodselsnummer', guardian.fodselsnummer!))
  .executeTakeFirstOrThrow();
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
  { name: 'front page (no database)', path: '/' },
  { name: 'health check (one query)', path: '/healthz' },
  { name: 'guardian: home (children)', path: '/home', headers: asGuardian },
  { name: 'guardian: child page', path: `/children/${kariChild.pupil_id}`, headers: asGuardian },
  { name: 'guardian: child absence (year)', path: `/children/${kariChild.pupil_id}/absence`, headers: asGuardian },
  { name: 'guardian: message book', path: `/children/${kariChild.pupil_id}/messages`, headers: asGuardian },
  { name: 'rektor: home', path: '/home', headers: asRektor },
  { name: 'rektor: inbox', path: '/messages', headers: asRektor },
  { name: 'rektor: class list', path: `/classes/${someClass.id}`, headers: asRektor },
  { name: 'rektor: pupil card (audited)', path: `/pupils/${somePupil.pupil_id}`, headers: asRektor },
  { name: 'rektor: class register', path: `/classes/${someClass.id}/attendance`, headers: asRektor },
  { name: 'rektor: application queue', path: '/applications', headers: asRektor },
  { name: 'rektor: vitnemål view (9A)', path: `/classes/${class9a.id}/vitnemal-absence`, headers: asRektor },
  { name: 'contact teacher: home', path: '/home', headers: asTeacher },
  { name: 'contact teacher: inbox', path: '/messages', headers: asTeacher },
  { name: 'contact teacher: I dag (mobile view)', path: '/home', headers: asTeacherMobile },
  { name: 'rektor: statistics (school year)', path: '/statistics', headers: asRektor },
  { name: 'school owner: statistics (comparison)', path: '/statistics', headers: asOwner },
  { name: 'guardian: daily care (kindergarten)', path: `/care/children/${nora.pupil_id}`, headers: asGuardian },
  {
    name: 'kindergarten staff: board (42)',
    path: `/care/kindergarten/${kindergarten.id}/board`,
    headers: asKindergarten,
  },
  {
    name: 'kindergarten staff: consent overview',
    path: `/care/kindergarten/${kindergarten.id}/consents`,
    headers: asKindergarten,
  },
].filter((s) => !process.env.BENCH_ONLY || s.name.includes(process.env.BENCH_ONLY));

/**
 * Waits until the app is idle: autocannon's run ends while the server still answers what it has queued, and that
 * work must not be counted to the next page (or slow the bare page down).
 */
async function settle(): Promise<void> {
  for (let last = -1; last !== counter.count; ) {
    last = counter.count;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Queries and bytes of one request (sequential, after a warm-up request). */
async function probe(
  scenario: (typeof scenarios)[number],
): Promise<{ queries: number; bytes: number; status: number }> {
  await settle();
  await fetch(base + scenario.path, { headers: scenario.headers, redirect: 'manual' }).then((r) => r.arrayBuffer());
  counter.reset();
  const response = await fetch(base + scenario.path, { headers: scenario.headers, redirect: 'manual' });
  const bytes = (await response.arrayBuffer()).byteLength;
  return { queries: counter.count, bytes, status: response.status };
}

// The bare page: plain Hono on its own port in this process, answering HTML of the guardian child page's size.
const bareSize = (await probe(scenarios.find((s) => s.name === 'guardian: child page') ?? scenarios[0]!)).bytes;
const bareHtml = `<!doctype html><html lang="nb"><body><p>${'x'.repeat(Math.max(0, bareSize - 48))}</p></body></html>`;
const bareServer = serve({
  fetch: new Hono().get('/', (c) => c.html(bareHtml)).fetch,
  port: 0,
  hostname: '127.0.0.1',
});
await new Promise<void>((resolve) => bareServer.once('listening', () => resolve()));
const bareUrl = `http://127.0.0.1:${(bareServer.address() as AddressInfo).port}/`;

const load = (url: string, connections: number, headers?: Record<string, string>) =>
  autocannon({ url, connections, duration: seconds, headers });

console.log(
  `Database: ${config.databaseUrl ? 'PostgreSQL' : 'PGlite (in memory)'}; ${seconds} s per run; ` +
    `bare Hono page of ${bareSize} bytes before every page\n`,
);
console.log(
  '| page | conns | req/s | p50 ms | p99 ms | bare req/s | ratio | queries/req | bytes | errors |\n' +
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
);
for (const connections of [16, 64]) {
  for (const scenario of scenarios) {
    const facts = await probe(scenario);
    const bare = await load(bareUrl, connections);
    const result = await load(base + scenario.path, connections, scenario.headers);
    await settle();
    const errors = result.errors + result.timeouts + result.non2xx;
    if (facts.status !== 200) console.error(`  ${scenario.path}: answers ${facts.status}`);
    const ratio = result.requests.average / bare.requests.average;
    console.log(
      `| ${scenario.name} | ${connections} | ${Math.round(result.requests.average)} | ${result.latency.p50} | ` +
        `${result.latency.p99} | ${Math.round(bare.requests.average)} | ${ratio.toFixed(3)} | ${facts.queries} | ` +
        `${facts.bytes} | ${errors} |`,
    );
  }
}
/**
 * The first load of the mobile "I dag" on the wire (issue 14, item 4: under 30 KB compressed, CSS included): the page
 * and the assets it links, each as a browser that accepts brotli gets it (compressed bytes, not decoded).
 */
async function wireBytes(path: string, headers: Record<string, string> = {}): Promise<{ bytes: number; body: string }> {
  const { request } = await import('node:http');
  return new Promise((resolve, reject) => {
    const req = request(base + path, { headers: { ...headers, 'accept-encoding': 'br, gzip' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        resolve({ bytes: raw.length, body: res.headers['content-encoding'] ? '' : raw.toString('utf8') });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}
if (!process.env.BENCH_ONLY || 'contact teacher: I dag (mobile view)'.includes(process.env.BENCH_ONLY)) {
  const page = await wireBytes('/home', asTeacherMobile);
  const plain = await fetch(base + '/home', { headers: asTeacherMobile }).then((r) => r.text());
  const assets = [...plain.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
  let total = page.bytes;
  const parts = [`page ${page.bytes}`];
  for (const asset of assets) {
    const { bytes } = await wireBytes(asset);
    total += bytes;
    parts.push(`${asset.replace(/^\/assets\//, '')} ${bytes}`);
  }
  console.log(`\nFirst load of the mobile "I dag" (brotli): ${total} bytes = ${parts.join(' + ')}`);
}
server.close();
bareServer.close();
await identity.close();
await db.destroy();
