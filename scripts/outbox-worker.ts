/**
 * Runs only the notification delivery worker (no web server): for operators who run workers beside app processes
 * started with OUTBOX_WORKER=false, and for the two-process tests. Needs DATABASE_URL to share the database with
 * the app (PGlite's data directory belongs to one process). SIGTERM/SIGINT finish the batch in progress (within
 * SHUTDOWN_TIMEOUT_SECONDS) and exit.
 *
 *   DATABASE_URL=postgres://… npm run worker
 *
 * Tuning (optional): OUTBOX_POLL_MS (pause when idle, default 2000), OUTBOX_LEASE_MS (default 120000);
 * OUTBOX_SEND_DELAY_MS is a test knob that slows every send.
 */
import * as v from 'valibot';
import { ConfigError, loadConfig } from '../src/config.ts';
import { DataDirLockedError } from '../src/db/data-dir-lock.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { openConfiguredDatabase } from '../src/db/open.ts';
import { startOutboxWorker } from '../src/jobs/outbox-worker.ts';
import { exitOnSignals } from '../src/shutdown.ts';

const Millis = v.optional(
  v.pipe(v.string(), v.regex(/^\d{1,7}$/, 'must be a whole number of milliseconds'), v.transform(Number)),
);
const Knobs = v.object({ OUTBOX_POLL_MS: Millis, OUTBOX_LEASE_MS: Millis, OUTBOX_SEND_DELAY_MS: Millis });

try {
  const config = loadConfig();
  if (!config.databaseUrl)
    throw new ConfigError(
      'npm run worker needs DATABASE_URL: the worker shares the PostgreSQL database with the app processes (PGlite belongs to one process, where `npm start` runs the worker itself).',
    );
  const knobs = v.parse(Knobs, process.env);
  const database = openConfiguredDatabase(config);
  await migrateToLatest(database.db);
  const worker = await startOutboxWorker(database.db, config, {
    pollMs: knobs.OUTBOX_POLL_MS,
    leaseMs: knobs.OUTBOX_LEASE_MS,
    sendDelayMs: knobs.OUTBOX_SEND_DELAY_MS,
    keepProcessAlive: true,
  });
  console.log(
    JSON.stringify({ level: 'info', msg: 'outbox worker started', pid: process.pid, database: database.description }),
  );
  // SIGTERM/SIGINT: finish the batch in progress within SHUTDOWN_TIMEOUT_SECONDS, close the database, exit.
  exitOnSignals(() => ({
    timeoutMs: config.shutdownTimeoutMs,
    drain: [{ name: 'outbox worker', drain: () => worker.stop() }],
    close: [() => database.close()],
  }));
} catch (error) {
  console.error(
    error instanceof ConfigError || error instanceof DataDirLockedError || error instanceof v.ValiError
      ? error.message
      : error,
  );
  process.exit(1);
}
