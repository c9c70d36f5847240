import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openDatabase } from '../../src/db/database.ts';
import { createTestApp, html, sessionCookie } from '../support/app.ts';
import { createTestDb } from '../support/db.ts';

const db = await createTestDb();
// /boom is not a public route: like every page, it needs a login.
const person = await db
  .insertInto('person')
  .values({ given_name: 'Kari', family_name: 'Test', fodselsnummer: '01018012345' })
  .returning('id')
  .executeTakeFirstOrThrow();
const loggedIn = { cookie: await sessionCookie(db, person.id, 'idporten') };

function appThatThrows(env: 'production' | 'development') {
  const client = createTestApp(db, { env });
  client.app.get('/boom', () => {
    throw new Error('secret internals at line 42');
  });
  return client;
}

test('an unexpected error is a 500 page without a stack trace in production, and is logged', async () => {
  const client = appThatThrows('production');
  const response = await client.get('/boom', loggedIn);
  assert.equal(response.status, 500);
  const { text, document } = await html(response);
  assert.doesNotMatch(text, /secret internals/);
  assert.match(document.querySelector('h1')?.textContent ?? '', /Noe gikk galt/);
  assert.ok(client.logs.some((line) => String(line.error).includes('secret internals')));
});

test('in development the 500 page shows the stack to the developer', async () => {
  const response = await appThatThrows('development').get('/boom', loggedIn);
  assert.equal(response.status, 500);
  assert.match(await response.text(), /secret internals/);
});

test('the request log records method, path (never the query string) and status', async () => {
  const client = createTestApp(db);
  await client.get('/privacy?token=abc');
  const line = client.logs.find((l) => l.path === '/privacy');
  assert.ok(line);
  assert.equal(line.status, 200);
  assert.equal(line.method, 'GET');
  assert.doesNotMatch(JSON.stringify(client.logs), /token=abc/);
});

test('healthz reports 503 when the database is gone', async () => {
  const unreachable = openDatabase({ kind: 'postgres', url: 'postgres://nobody@127.0.0.1:1/none' });
  const response = await createTestApp(unreachable).get('/healthz');
  assert.equal(response.status, 503);
  await unreachable.destroy();
});
