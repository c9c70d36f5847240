import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isConnectionLost } from '../../src/db/connection-lost.ts';
import { openDatabase } from '../../src/db/database.ts';
import { createTestApp, html, sessionCookie, TEST_ORIGIN } from '../support/app.ts';
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

// --- A lost database connection (issue 17, item 1) ------------------------------------------------------------------

/** What node-postgres raises when the backend is terminated mid-query (pg_terminate_backend). */
const terminated = () =>
  Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01', severity: 'FATAL' });

function appThatLosesTheConnection() {
  const client = createTestApp(db);
  client.app.get('/lost', () => {
    throw terminated();
  });
  client.app.post('/lost', async (c) => {
    await c.req.parseBody(); // the handler read the form, as every form route does, before the database failed
    throw terminated();
  });
  client.app.post('/lost-early', () => {
    throw new Error('Connection terminated unexpectedly');
  });
  return client;
}

test("a lost connection is recognised by code and by the driver's messages; other errors are not", () => {
  for (const lost of [
    terminated(),
    Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
    Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }),
    Object.assign(new Error('the database system is shutting down'), { code: '57P03' }),
    Object.assign(new Error('connection failure'), { code: '08006' }),
    new Error('Connection terminated unexpectedly'),
    new Error('Client has encountered a connection error and is not queryable'),
    new Error('wrapped', { cause: Object.assign(new Error('x'), { code: '57P02' }) }),
  ])
    assert.ok(isConnectionLost(lost), lost.message);
  for (const other of [
    new Error('boom'),
    Object.assign(new Error('duplicate key'), { code: '23505' }),
    Object.assign(new Error('invalid byte sequence'), { code: '22021' }),
    'a string',
    null,
  ])
    assert.ok(!isConnectionLost(other), String(other));
});

test('a form whose request lost the database: 503, not cached, nothing saved, what was typed shown and sent again by «Prøv igjen»', async () => {
  const client = appThatLosesTheConnection();
  const typed = {
    audience: 'school:1',
    subject: 'Foreldremøte',
    body: 'Møte i gymsalen.\nTa med "kaffekopp" & <godt humør>',
  };
  const response = await client.post('/lost?x=1', typed, loggedIn);
  assert.equal(response.status, 503);
  assert.match(response.headers.get('cache-control') ?? '', /no-store/);
  const { text, document } = await html(response);
  assert.match(document.querySelector('h1')?.textContent ?? '', /Det du sendte, ble ikke lagret/);
  assert.match(text, /Ingenting ble lagret/);
  const shown = Array.from(document.querySelectorAll('textarea[readonly]')).map((el) => el.getAttribute('aria-label'));
  assert.deepEqual(shown, ['Felt subject', 'Felt body'], 'the typed text is shown; the audience id is only sent again');
  assert.doesNotMatch(text, /<godt humør>/, 'escaped');
  const retry = document.querySelector('form[method="post"][action="/lost?x=1"]');
  assert.ok(retry);
  const fields = Object.fromEntries(
    Array.from(retry.querySelectorAll('input[type="hidden"]')).map((el) => [
      el.getAttribute('name'),
      el.getAttribute('value'),
    ]),
  );
  assert.deepEqual(fields, typed);
  assert.match(retry.querySelector('button')?.textContent ?? '', /Prøv igjen/);
  assert.ok(client.logs.some((line) => line.level === 'warn' && line.msg === 'database connection lost'));
  assert.ok(!client.logs.some((line) => line.level === 'error'), 'not logged as a fault of ours');
});

test('the form is kept also when the database was lost before the handler read it, and files are named as dropped', async () => {
  const client = appThatLosesTheConnection();
  const form = new FormData();
  form.append('text', 'Hei, dette er viktig');
  form.append('attachment', new File([new Uint8Array([37, 80, 68, 70])], 'plan.pdf', { type: 'application/pdf' }));
  const response = await client.app.request(`${TEST_ORIGIN}/lost-early`, {
    method: 'POST',
    body: form,
    headers: { ...loggedIn, origin: TEST_ORIGIN, 'sec-fetch-site': 'same-origin' },
  });
  assert.equal(response.status, 503);
  const { text, document } = await html(response);
  assert.match(text, /Hei, dette er viktig/);
  assert.match(text, /Vedlegg ble ikke med/);
  const names = Array.from(document.querySelectorAll('form[action="/lost-early"] input[type="hidden"]')).map((el) =>
    el.getAttribute('name'),
  );
  assert.deepEqual(names, ['text']);
});

test('a page whose request lost the database: 503 with a link to load it again; htmx gets the fragment; nynorsk and English', async () => {
  const client = appThatLosesTheConnection();
  const page = await client.get('/lost?week=2026-W48', loggedIn);
  assert.equal(page.status, 503);
  assert.match(page.headers.get('cache-control') ?? '', /no-store/);
  const { document } = await html(page);
  assert.match(document.querySelector('h1')?.textContent ?? '', /Siden kunne ikke vises/);
  assert.equal(document.querySelector('main a')?.getAttribute('href'), '/lost?week=2026-W48');

  const fragment = await client.get('/lost', { ...loggedIn, 'hx-request': 'true' });
  assert.equal(fragment.status, 503);
  const fragmentText = await fragment.text();
  assert.doesNotMatch(fragmentText, /<html/);
  assert.match(fragmentText, /Siden kunne ikke vises/);

  const nn = await client.post('/lost', { text: 'Hei' }, { cookie: `${loggedIn.cookie}; skolebro_lang=nn` });
  assert.match(await nn.text(), /Det du sende, vart ikkje lagra/);
  const en = await client.post('/lost', { text: 'Hi' }, { cookie: `${loggedIn.cookie}; skolebro_lang=en` });
  assert.match(await en.text(), /What you sent was not saved[\s\S]*Try again/);
});
