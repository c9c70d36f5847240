import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { clientAddressOf } from '../../src/middleware/client-address.ts';
import { createTestApp } from '../support/app.ts';
import { createTestDb } from '../support/db.ts';
import { startTestServer } from '../support/server.ts';

const db = await createTestDb();
const client = createTestApp(db);
// Over real HTTP, as behind a reverse proxy on the same machine: every request comes from 127.0.0.1.
const behindProxy = await startTestServer(db, { trustProxy: 1 });
const direct = await startTestServer(db);
after(() => Promise.all([behindProxy.close(), direct.close()]));

const count = async (table: 'session' | 'login_request') =>
  Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

test('login callbacks are rate limited: the 31st within a minute gets 429 with Retry-After', async () => {
  for (let i = 0; i < 30; i++) {
    const res = await client.get('/login/idporten/callback?code=x&state=y');
    assert.equal(res.status, 400, `attempt ${i + 1} is judged on its merits`);
  }
  const limited = await client.get('/login/idporten/callback?code=x&state=y');
  assert.equal(limited.status, 429);
  assert.ok(Number(limited.headers.get('retry-after')) > 0);
  assert.match(await limited.text(), /For mange forsøk/);
  assert.equal(await count('session'), 0);
});

const from = (server: { url: string }, path: string, forwardedFor?: string) =>
  fetch(new URL(path, server.url), {
    redirect: 'manual',
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  });

test('behind a proxy (TRUST_PROXY=1) each client has its own bucket: one client over the limit does not lock out the others', async () => {
  const callback = '/login/idporten/callback?code=x&state=y';
  for (let i = 0; i < 30; i++)
    assert.equal((await from(behindProxy, callback, '198.51.100.7')).status, 400, `attempt ${i + 1}`);
  assert.equal((await from(behindProxy, callback, '198.51.100.7')).status, 429, 'the 31st from that client');
  assert.equal((await from(behindProxy, callback, '198.51.100.8')).status, 400, 'another client behind the proxy');
  // The proxy appends the address it saw: what the client wrote to the left of it does not get it a new bucket.
  assert.equal((await from(behindProxy, callback, '203.0.113.99, 198.51.100.7')).status, 429);
});

test('without TRUST_PROXY, X-Forwarded-For is ignored: invented addresses do not escape the limit', async () => {
  const callback = '/login/feide/callback?code=x&state=y';
  for (let i = 0; i < 30; i++) assert.equal((await from(direct, callback, `192.0.2.${i}`)).status, 400);
  assert.equal((await from(direct, callback, '192.0.2.200')).status, 429);
});

test('the login start is limited too: the 31st in a minute gets 429 and writes no login request', async () => {
  const before = await count('login_request');
  for (let i = 0; i < 30; i++) {
    const res = await from(behindProxy, '/login/idporten?return_to=%2F', '198.51.100.20');
    assert.equal(res.status, 302, `start ${i + 1} goes to the IdP`);
  }
  assert.equal(await count('login_request'), before + 30);
  const limited = await from(behindProxy, '/login/feide', '198.51.100.20');
  assert.equal(limited.status, 429);
  assert.ok(Number(limited.headers.get('retry-after')) > 0);
  assert.equal(await count('login_request'), before + 30, 'no row for a refused start');
  assert.equal((await from(behindProxy, '/login/idporten', '198.51.100.21')).status, 302, 'another client starts');
});

test('which address counts: the socket without TRUST_PROXY, the n-th from the right with n proxies, the left-most with true', () => {
  const header = '203.0.113.1, 198.51.100.2, 10.0.0.3';
  assert.equal(clientAddressOf('10.0.0.9', header, false), '10.0.0.9');
  assert.equal(clientAddressOf('10.0.0.9', header, 0), '10.0.0.9');
  assert.equal(clientAddressOf('10.0.0.9', header, 1), '10.0.0.3');
  assert.equal(clientAddressOf('10.0.0.9', header, 2), '198.51.100.2');
  assert.equal(clientAddressOf('10.0.0.9', header, 5), '203.0.113.1', 'fewer entries than proxies: the left-most');
  assert.equal(clientAddressOf('10.0.0.9', header, true), '203.0.113.1');
  assert.equal(clientAddressOf('10.0.0.9', undefined, 1), '10.0.0.9', 'no header: the socket');
  assert.equal(clientAddressOf('10.0.0.9', ' , ', 1), '10.0.0.9');
  assert.equal(clientAddressOf(undefined, undefined, false), 'unknown');
});
