import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { DataDirLockedError } from './db/data-dir-lock.ts';
import { migrateToLatest } from './db/migrate.ts';
import { openConfiguredDatabase } from './db/open.ts';
import { seedDemo } from './db/demo-template.ts';
import { DEMO_LOGINS, isDatabaseEmpty } from './db/seed/seed.ts';
import { deleteExpiredSessions } from './domain/identity/sessions.ts';
import { setUpIdentityProviders } from './identity-providers.ts';
import { letterDepsFromConfig } from './domain/letters/deps.ts';
import { letterDispatchJob } from './jobs/letter-dispatcher.ts';
import { startOutboxWorker, type OutboxWorker } from './jobs/outbox-worker.ts';
import { JOBS, startScheduler, type Scheduler } from './jobs/scheduler.ts';
import { exitOnSignals, httpServerPart } from './shutdown.ts';

async function main() {
  const phases = startupPhases();
  const config = loadConfig();
  const database = openConfiguredDatabase(config);
  const { db } = database;
  // The identity providers (a key pair, oidc-provider, discovery) get ready while the database opens and migrates:
  // they touch the database only when someone logs in.
  const identityReady = setUpIdentityProviders(config, db).then(
    (identity) => ({ identity }),
    (error: unknown) => ({ error }),
  );
  await db.selectNoFrom((eb) => eb.lit(1).as('one')).execute();
  phases.mark('open');
  await migrateToLatest(db);
  phases.mark('migrate');
  if (config.seedDemo && (await isDatabaseEmpty(db))) {
    const started = performance.now();
    const summary = await seedDemo(db);
    console.log(
      `Seeded demo data (${summary.pupils} pupils, ${summary.guardians} guardians, ${summary.staff} staff) in ${Math.round(performance.now() - started)} ms`,
    );
    phases.mark('seed');
  }
  const log = config.logRequests ? (line: Record<string, unknown>) => console.log(JSON.stringify(line)) : undefined;
  const ready = await identityReady;
  if ('error' in ready) throw ready.error;
  const { identity } = ready;
  if (identity.testIdp)
    console.log(`Built-in test login (ID-porten (test), Feide (test)) on ${identity.testIdp.origin}`);
  phases.mark('identity');
  const app = createApp({ db, config, log, oidc: identity.oidc });
  // Background work in this process: the absence follow-up and the letter dispatcher (LETTER_DISPATCHER) every
  // minute, and the notification delivery worker (OUTBOX_WORKER=false leaves delivery to `npm run worker`).
  const jobs = config.letters.dispatcher ? [...JOBS, letterDispatchJob(letterDepsFromConfig(config, db))] : JOBS;
  const scheduler: Scheduler = startScheduler(db, { jobs });
  const worker: OutboxWorker | undefined = config.outboxWorker ? await startOutboxWorker(db, config) : undefined;
  phases.mark('app');
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => {
    phases.mark('listen');
    console.log(`\nSkolebro is running on ${config.baseUrl}  (database: ${database.description})`);
    console.log(`Started in ${phases.summary()}\n`);
    if (config.seedDemo) printDemoLogins();
    void scheduler.tick();
  });

  const housekeeping = setInterval(() => {
    deleteExpiredSessions(db, config.session).catch((error: unknown) =>
      console.error('Session housekeeping failed:', error),
    );
  }, 15 * 60_000);
  housekeeping.unref();

  // SIGTERM/SIGINT: stop accepting, finish in-flight requests and worker batches within SHUTDOWN_TIMEOUT_SECONDS,
  // then close the test IdP and the database, and exit (0 when everything finished).
  exitOnSignals(() => ({
    timeoutMs: config.shutdownTimeoutMs,
    drain: [
      httpServerPart(server as Server),
      { name: 'scheduler', drain: () => scheduler.stop() },
      ...(worker ? [{ name: 'outbox worker', drain: () => worker.stop() }] : []),
    ],
    close: [() => identity.close(), () => database.close()],
  }));
}

/** Milliseconds since the process started, per phase: module loading is everything before main(). */
function startupPhases() {
  let last = performance.now();
  const marks: [string, number][] = [['modules', last]];
  return {
    mark(name: string) {
      const now = performance.now();
      marks.push([name, now - last]);
      last = now;
    },
    summary: () => `${Math.round(last)} ms (${marks.map(([name, ms]) => `${name} ${Math.round(ms)}`).join(', ')})`,
  };
}

function printDemoLogins() {
  console.log('Demo logins (built-in test identity provider):');
  for (const login of DEMO_LOGINS) {
    const identity = login.feideId ? `Feide ${login.feideId}` : `ID-porten ${login.fodselsnummer}`;
    console.log(`  ${login.role.padEnd(16)} ${login.name.padEnd(24)} ${identity}`);
  }
  console.log('');
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(error.message);
  } else {
    console.error('Skolebro could not start:', error);
  }
  process.exit(1);
});
