import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestApp } from '../support/app.ts';
import { createTestDb } from '../support/db.ts';

// Every route the app has — including ones added later — refuses anonymous users unless it is on
// this list of deliberately public routes.
const PUBLIC = new Set([
  'GET /',
  'GET /accessibility',
  'GET /privacy',
  'GET /healthz',
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
const routes = [...new Set(client.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`))];

test('the route table is not empty (the test below really checks something)', () => {
  assert.ok(routes.length >= 15, routes.join('\n'));
});

test('every non-public route sends an anonymous visitor to the login page', async () => {
  const checked: string[] = [];
  for (const route of routes) {
    if (PUBLIC.has(route)) continue;
    const [method, pattern] = route.split(' ') as [string, string];
    const path = pattern.replace(/:[a-zA-Z]+(\{[^}]*\})?/g, '1').replace(/\*$/, 'x');
    const res = method === 'GET' ? await client.get(path) : await client.post(path, {});
    assert.ok([302, 303].includes(res.status), `${route} answered ${res.status}`);
    assert.match(res.headers.get('location') ?? '', /^\/login/, route);
    checked.push(route);
  }
  assert.ok(checked.length >= 5, `checked ${checked.join(', ')}`);
});
