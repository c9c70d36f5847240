import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { seedDatabase } from '../../src/db/seed/seed.ts';
import { startScheduler, type Job } from '../../src/jobs/scheduler.ts';
import {
  createSharedTestDb,
  enqueueMessagesTo,
  reachableGuardians,
  spawnOutboxWorker,
  waitUntil,
} from '../support/delivery.ts';
import { adminQuery } from '../support/server-process.ts';

// Issue 17, item 1, for the background work: a backend terminated while a job or the delivery worker is in a query
// fails that run only; the process lives on and the next run works. Real backends: PostgreSQL only.
const shared = await createSharedTestDb();
const skip = shared.url ? false : 'needs TEST_DATABASE_URL (real PostgreSQL backends to terminate)';

/** Terminates, from a connection of its own, the backends matching `where` (on pg_stat_activity) once one exists. */
async function terminateWhen(where: string): Promise<number> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const rows = await adminQuery<{ ended: boolean }>(
      shared.url!,
      `select pg_terminate_backend(pid) as ended from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and ${where}`,
    );
    if (rows.length > 0) return rows.length;
    if (Date.now() > deadline) throw new Error(`no backend matched ${where}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

test('the scheduler: a job whose backend is terminated mid-query is logged as a lost connection, and the next run works', {
  skip,
}, async () => {
  const db = shared.open();
  const logs: Record<string, unknown>[] = [];
  let runs = 0;
  const job: Job = {
    name: 'slow-report',
    async run(on) {
      runs++;
      if (runs === 1) await sql`select pg_sleep(30)`.execute(on);
      const { rows } = await sql<{ one: number }>`select 1 as one`.execute(on);
      return { rows: rows.length };
    },
  };
  const scheduler = startScheduler(db, { jobs: [job], intervalMs: 3_600_000, log: (line) => logs.push(line) });
  try {
    const first = scheduler.tick();
    assert.equal(await terminateWhen(`query like 'select pg_sleep%'`), 1);
    await first; // never throws
    const warning = logs.find((line) => line.job === 'slow-report');
    assert.equal(warning?.level, 'warn', JSON.stringify(logs));
    assert.match(String(warning?.msg), /database connection lost/);

    await scheduler.tick();
    assert.equal(runs, 2);
    assert.deepEqual(logs.at(-1), { level: 'info', job: 'slow-report', rows: 1, ms: logs.at(-1)?.ms });
  } finally {
    await scheduler.stop();
  }
});

test('npm run worker: its backend terminated while it waits in a query, it logs that, lives on and delivers the next notices', {
  skip,
}, async (t) => {
  await seedDatabase(shared.db, { size: 'demo', today: '2026-11-25' });
  const worker = spawnOutboxWorker(t, shared.url!, { pollMs: 100 });
  await worker.started;

  // The worker plans new outbox rows every poll: hold a lock that makes that query wait, then end its backend.
  const lock = new pg.Client({ connectionString: shared.url });
  lock.on('error', () => {});
  await lock.connect();
  await lock.query('begin');
  await lock.query('lock table outbox in exclusive mode');
  const { rows } = await lock.query<{ pid: number }>('select pg_backend_pid() as pid');
  assert.ok((await terminateWhen(`wait_event_type = 'Lock' and pid <> ${Number(rows[0]!.pid)}`)) >= 1);
  await lock.query('rollback');
  await lock.end();

  await waitUntil(
    async () => /database connection lost/.test(worker.output()),
    10_000,
    () => `the worker logs the lost connection:\n${worker.output()}`,
  );
  await new Promise((resolve) => setTimeout(resolve, 500));
  assert.equal(worker.exitCode(), null, `the worker is still running:\n${worker.output()}`);

  const guardians = await reachableGuardians(shared.db, 3);
  await enqueueMessagesTo(shared.db, guardians, 'after-loss');
  await waitUntil(
    async () => {
      const rows = await shared.db
        .selectFrom('delivery as d')
        .innerJoin('outbox as o', 'o.id', 'd.outbox_id')
        .select('d.status')
        .where('o.idempotency_key', 'like', 'after-loss:%')
        .execute();
      return rows.length === 6 && rows.every((r) => r.status === 'sent');
    },
    20_000,
    () => `the notices after the loss are delivered:\n${worker.output()}`,
  );
  await worker.stop();
  assert.equal(worker.exitCode(), 0);
});
