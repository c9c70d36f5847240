import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PUBLIC_ROUTES } from '../../src/routes/public-paths.ts';
import { createTestApp, html, sessionCookie, TEST_ORIGIN } from '../support/app.ts';
import { createTestDb } from '../support/db.ts';

// Every route the app has — including ones added later — refuses anonymous users unless it is on
// this list of deliberately public routes (the app's own list is src/routes/public-paths.ts).
const PUBLIC = new Set([
  'GET /',
  'GET /accessibility',
  'GET /privacy',
  'GET /privacy/:municipalityId',
  'GET /healthz',
  'GET /healthz/live',
  'GET /healthz/ready',
  'GET /login',
  'GET /login/:provider',
  'GET /login/:provider/callback',
  'POST /language',
  'POST /logout',
  'GET /logout/frontchannel',
  'GET /assets/*',
  'GET /calendar/:file',
  'POST /webhooks/sms', // the SMS gateway: authenticated by HMAC, not a session (test/routes/sms-webhook.test.ts)
]);

const db = await createTestDb();
const client = createTestApp(db);
// A logged-in user: a person with no children or grants, which is enough to pass the login guard.
const person = await db
  .insertInto('person')
  .values({ given_name: 'Kari', family_name: 'Test', fodselsnummer: '01018012345' })
  .returning('id')
  .executeTakeFirstOrThrow();
const cookie = await sessionCookie(db, person.id, 'idporten');

const routes = [...new Set(client.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`))];

test('the app lets exactly these routes through without a login', () => {
  assert.deepEqual(new Set(PUBLIC_ROUTES), PUBLIC);
});

test('every public route is a route the app has (a renamed route cannot leave a stale public entry)', () => {
  const all = new Set(client.app.routes.map((r) => `${r.method} ${r.path}`));
  for (const route of PUBLIC) {
    const [, pattern] = route.split(' ');
    assert.ok(all.has(route) || all.has(`ALL ${pattern}`), route);
  }
});

/** A value that fits a route parameter's pattern (`:id` → 1, `:file{[0-9]+\\.pdf}` → 1.pdf), or no route answers. */
function sampleParam(constraint: string | undefined): string {
  const fits = (value: string) => !constraint || new RegExp(`^(?:${constraint.slice(1, -1)})$`).test(value);
  return ['1', '1.pdf'].find(fits) ?? '1';
}

test('the route table is not empty (the test below really checks something)', () => {
  assert.ok(routes.length >= 15, routes.join('\n'));
});

test('every non-public route sends an anonymous visitor to the login page', async () => {
  const checked: string[] = [];
  for (const route of routes) {
    if (PUBLIC.has(route)) continue;
    const [method, pattern] = route.split(' ') as [string, string];
    const path = pattern
      .replace(/:[a-zA-Z]+(\{[^}]*\})?/g, (_, constraint?: string) => sampleParam(constraint))
      .replace(/\*$/, 'x');
    const res = method === 'GET' ? await client.get(path) : await client.post(path, {});
    assert.ok([302, 303].includes(res.status), `${route} answered ${res.status}`);
    assert.match(res.headers.get('location') ?? '', /^\/login/, route);
    checked.push(route);
  }
  assert.ok(checked.length >= 5, `checked ${checked.join(', ')}`);
});

test('anonymous: a GET returns there after login, a form post goes home; HEAD of a public page works', async () => {
  const get = await client.get('/children/1/absence?week=2026-W48');
  assert.equal(get.status, 302);
  assert.equal(get.headers.get('location'), '/login?return_to=%2Fchildren%2F1%2Fabsence');
  const post = await client.post('/children/1/absences', {});
  assert.equal(post.status, 303);
  assert.equal(post.headers.get('location'), '/login');
  assert.equal((await client.app.request(`${TEST_ORIGIN}/privacy`, { method: 'HEAD' })).status, 200);
});

test('a logged-in user gets protected pages, never stored by a cache', async () => {
  const response = await client.get('/home', { cookie });
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('cache-control'), 'no-store');
});

test('a path no route answers is the 404 page, for anonymous visitors and logged-in users alike', async () => {
  for (const headers of [{}, { cookie }] as Record<string, string>[]) {
    const response = await client.get('/no/such/page', headers);
    assert.equal(response.status, 404);
    assert.match((await html(response)).document.querySelector('h1')?.textContent ?? '', /Fant ikke siden/);
  }
  assert.equal((await client.post('/children/1', {})).status, 404, 'a method the route does not have');
});

test('public pages answer anonymous visitors (and an unknown asset is a 404, not a login)', async () => {
  for (const path of ['/', '/accessibility', '/privacy', '/login']) {
    assert.equal((await client.get(path)).status, 200, path);
  }
  assert.equal((await client.get('/assets/no-such-file.css')).status, 404);
});
