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
import { isDatabaseEmpty, seedDatabase } from '../src/db/seed/seed.ts';
import { setUpIdentityProviders } from '../src/identity-providers.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const config = loadConfig({ ...process.env, LOG_REQUESTS: 'false', NODE_ENV: 'test' });
const db = openDatabase(config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl, poolSize: config.poolSize } : { kind: 'pglite', dataDir: undefined });
await migrateToLatest(db);
if (await isDatabaseEmpty(db)) await seedDatabase(db, { size: 'demo' });

const identity = await setUpIdentityProviders({ ...config, testIdpPort: 0 }, db);
const app = createApp({ db, config, oidc: identity.oidc });
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise<void>((resolve) => server.once('listening', () => resolve()));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const scenarios: { name: string; path: string; headers?: Record<string, string> }[] = [
  { name: 'front page (full HTML page)', path: '/' },
  { name: 'health check (one query)', path: '/healthz' },
  { name: 'htmx partial', path: '/personvern', headers: { 'hx-request': 'true' } },
];

console.log(`Database: ${config.databaseUrl ? 'PostgreSQL' : 'PGlite (in memory)'}; ${seconds} s per scenario, 20 connections\n`);
for (const scenario of scenarios) {
  const result = await autocannon({ url: base + scenario.path, connections: 20, duration: seconds, headers: scenario.headers });
  const errors = result.errors + result.non2xx;
  console.log(
    `${scenario.name.padEnd(32)} ${Math.round(result.requests.average).toString().padStart(6)} req/s  ` +
      `p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  errors ${errors}`,
  );
}
server.close();
await identity.close();
await db.destroy();
