import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { openDatabase } from '../../src/db/database.ts';
import { pendingMigrations } from '../../src/db/migrate.ts';
import { createTestApp } from '../support/app.ts';
import { createTestDb } from '../support/db.ts';

// Issue 17, item 8: an orchestrator tells "restart me" (live) from "send me no traffic yet" (ready).
const db = await createTestDb();

test('live answers 200 to anyone, never cached, without touching the database', async () => {
  const unreachable = openDatabase({ kind: 'postgres', url: 'postgres://nobody@127.0.0.1:1/none' });
  try {
    const response = await createTestApp(unreachable).get('/healthz/live');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('cache-control') ?? '', /no-store/);
    assert.deepEqual(await response.json(), { status: 'ok' });
  } finally {
    await unreachable.destroy();
  }
});

test('ready answers 200 when the database answers and every migration has run', async () => {
  assert.deepEqual(await pendingMigrations(db), []);
  const response = await createTestApp(db).get('/healthz/ready');
  assert.equal(response.status, 200);
  assert.match(response.headers.get('cache-control') ?? '', /no-store/);
  assert.deepEqual(await response.json(), { status: 'ok', database: 'ok', migrations: 'current' });
});

test('ready answers 503 "database unreachable" when the database does not answer; live still 200', async () => {
  const unreachable = openDatabase({ kind: 'postgres', url: 'postgres://nobody@127.0.0.1:1/none' });
  try {
    const client = createTestApp(unreachable);
    const response = await client.get('/healthz/ready');
    assert.equal(response.status, 503);
    assert.equal(((await response.json()) as { reason: string }).reason, 'database unreachable');
    assert.equal((await client.get('/healthz/live')).status, 200);
  } finally {
    await unreachable.destroy();
  }
});

test('ready answers 503 "migrations pending", naming them, when the database is behind the code', async () => {
  const behind = openDatabase({ kind: 'pglite', dataDir: undefined });
  try {
    await sql`select 1`.execute(behind); // reachable, but nothing migrated
    const response = await createTestApp(behind).get('/healthz/ready');
    assert.equal(response.status, 503);
    const body = (await response.json()) as { reason: string; pending: string[] };
    assert.equal(body.reason, 'migrations pending');
    assert.ok(body.pending.length > 0);
    assert.deepEqual(body.pending, await pendingMigrations(behind));
    assert.match(body.pending[0]!, /^0001_/, 'the first migration first');
  } finally {
    await behind.destroy();
  }
});

test('the old /healthz keeps answering as before', async () => {
  const response = await createTestApp(db).get('/healthz');
  assert.equal(response.status, 200);
  assert.deepEqual(await response.json(), { status: 'ok', database: 'ok' });
});
