import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestApp } from '../support/app.ts';
import { createTestDb } from '../support/db.ts';

const db = await createTestDb();
const client = createTestApp(db);

test('login callbacks are rate limited: the 31st within a minute gets 429 with Retry-After', async () => {
  for (let i = 0; i < 30; i++) {
    const res = await client.get('/login/idporten/callback?code=x&state=y');
    assert.equal(res.status, 400, `attempt ${i + 1} is judged on its merits`);
  }
  const limited = await client.get('/login/idporten/callback?code=x&state=y');
  assert.equal(limited.status, 429);
  assert.ok(Number(limited.headers.get('retry-after')) > 0);
  assert.match(await limited.text(), /For mange forsøk/);
  const count = await db
    .selectFrom('session')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  assert.equal(count.n, 0);
});
