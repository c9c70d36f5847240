import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  createSession,
  deleteExpiredSessions,
  invalidateSessionsByIdpSid,
  validateSessionToken,
} from '../../src/domain/identity/sessions.ts';
import { acrSatisfies } from '../../src/domain/identity/oidc.ts';
import { LOGIN_REQUEST_TTL_MS } from '../../src/domain/identity/login.ts';
import { startScheduler } from '../../src/jobs/scheduler.ts';
import { createDemoTestDb } from '../support/db.ts';

const db = await createDemoTestDb('2026-11-25');
const person = await db.selectFrom('person').select('id').orderBy('id').executeTakeFirstOrThrow();
const policy = { idleMs: 30 * 60_000, maxMs: 8 * 3600_000 };
const t0 = new Date('2026-11-25T08:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const start = (idpSid: string | null = null) =>
  createSession(
    db,
    {
      personId: person.id,
      provider: 'idporten',
      issuer: 'https://idp.example/',
      idpSid,
      idToken: 'x.y.z',
      acr: 'idporten-loa-substantial',
    },
    policy,
    t0,
  );

test('only a hash of the secret is stored; the token validates and a tampered one does not', async () => {
  const { token } = await start();
  const [id, secret] = token.split('.');
  const row = await db.selectFrom('session').selectAll().where('id', '=', id!).executeTakeFirstOrThrow();
  assert.ok(!row.secret_hash.toString('utf8').includes(secret!));
  assert.equal(row.secret_hash.length, 32);
  assert.equal((await validateSessionToken(db, token, policy, at(1)))?.personId, person.id);
  assert.equal(
    await validateSessionToken(db, `${id}.${secret!.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a'))}`, policy, at(1)),
    null,
  );
  assert.equal(await validateSessionToken(db, `${id}`, policy, at(1)), null);
  assert.equal(await validateSessionToken(db, `${token}.extra`, policy, at(1)), null);
});

test('every login gets a new session id', async () => {
  const a = await start();
  const b = await start();
  assert.notEqual(a.token.split('.')[0], b.token.split('.')[0]);
});

test('a session ends after the idle timeout, and activity keeps it alive', async () => {
  const { token } = await start();
  assert.ok(await validateSessionToken(db, token, policy, at(25)));
  assert.ok(await validateSessionToken(db, token, policy, at(50)), 'activity at 25 min moved the idle deadline');
  assert.equal(await validateSessionToken(db, token, policy, at(81)), null);
  assert.equal(await validateSessionToken(db, token, policy, at(82)), null, 'and it stays ended');
});

test('a session ends at its absolute maximum however active the user is', async () => {
  const { token } = await start();
  for (let minute = 20; minute < 8 * 60; minute += 20)
    assert.ok(await validateSessionToken(db, token, policy, at(minute)), `minute ${minute}`);
  assert.equal(await validateSessionToken(db, token, policy, at(8 * 60)), null);
});

test('front-channel logout ends exactly the sessions of that IdP session', async () => {
  const mine = await start('sid-1');
  const other = await start('sid-2');
  assert.equal(await invalidateSessionsByIdpSid(db, 'https://idp.example/', 'sid-1'), 1);
  assert.equal(await validateSessionToken(db, mine.token, policy, at(1)), null);
  assert.ok(await validateSessionToken(db, other.token, policy, at(1)));
  assert.equal(
    await invalidateSessionsByIdpSid(db, 'https://other-idp.example/', 'sid-2'),
    0,
    'the issuer must match too',
  );
});

test('housekeeping removes expired sessions', async () => {
  await start();
  await deleteExpiredSessions(db, policy, at(24 * 60));
  const left = await db.selectFrom('session').select('id').execute();
  assert.equal(left.length, 0);
});

test('unused login requests expire after 15 minutes: the scheduler deletes older ones and keeps the rest', async () => {
  const request = (id: string, minutesAgo: number) => ({
    id,
    provider: 'idporten' as const,
    state: `state-${id}`,
    nonce: `nonce-${id}`,
    code_verifier: `verifier-${id}`,
    created_at: at(-minutesAgo),
  });
  await db
    .insertInto('login_request')
    .values([request('abandoned', 16), request('in-progress', 14)])
    .execute();
  assert.equal(LOGIN_REQUEST_TTL_MS, 15 * 60_000);
  const scheduler = startScheduler(db, { clock: () => t0, log: () => {} });
  await scheduler.tick();
  await scheduler.stop();
  const left = await db.selectFrom('login_request').select('id').execute();
  assert.deepEqual(
    left.map((r) => r.id),
    ['in-progress'],
  );
});

test('acr: substantial satisfies substantial; only high satisfies high; unknown values never do', () => {
  assert.equal(acrSatisfies('idporten-loa-substantial', 'idporten-loa-substantial'), true);
  assert.equal(acrSatisfies('idporten-loa-high', 'idporten-loa-substantial'), true);
  assert.equal(acrSatisfies('idporten-loa-substantial', 'idporten-loa-high'), false);
  assert.equal(acrSatisfies('Level3', 'idporten-loa-substantial'), false);
  assert.equal(acrSatisfies(undefined, 'idporten-loa-substantial'), false);
  assert.equal(acrSatisfies(undefined, undefined), true);
});
