import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type DemoLoginKey } from '../../src/db/seed/seed.ts';
import { createTestApp, html, sessionCookie, TEST_ORIGIN } from '../support/app.ts';
import { createDemoTestDb } from '../support/db.ts';
import { loginPersonId } from '../support/fixtures.ts';

const db = await createDemoTestDb('2026-11-25');
const client = createTestApp(db, {}, { clock: () => new Date('2026-11-25T09:00:00+01:00') });
const cookie = async (key: DemoLoginKey, via: 'feide' | 'idporten' = 'feide') =>
  sessionCookie(db, await loginPersonId(db, key), via);
const randi = await cookie('school-owner');
const schools = await db
  .selectFrom('school')
  .select(['id', 'name'])
  .where('name', 'in', ['Bjørkelia skole', 'Fjellheim skule'])
  .orderBy('name')
  .execute();
const demo = (
  await db.selectFrom('municipality').select('id').where('name', '=', 'Demo kommune').executeTakeFirstOrThrow()
).id;
const KEY = '0b7f3a52-4c1e-4d7a-9a43-2b6f1e0c9d11';

/** A form post with repeated fields (check boxes), as a browser sends it. */
function post(fields: [string, string][], headers: Record<string, string> = {}) {
  return client.app.request(new URL('/municipality-notices', TEST_ORIGIN).toString(), {
    method: 'POST',
    body: new URLSearchParams(fields),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: TEST_ORIGIN,
      'sec-fetch-site': 'same-origin',
      ...headers,
    },
  });
}
const everything = (subject: string, key = KEY): [string, string][] => [
  ['municipality', String(demo)],
  ['key', key],
  ...schools.map((s): [string, string] => ['schools', String(s.id)]),
  ...Array.from({ length: 10 }, (_, i): [string, string] => ['trinn', String(i + 1)]),
  ['subject', subject],
  ['body', 'Alle skolene holder stengt i morgen på grunn av uvær.'],
];

test('anonymous visitors log in; rektor, teachers, SFO, pupils and guardians have no municipality notice (404)', async () => {
  const anonymous = await client.get('/municipality-notices/new');
  assert.equal(anonymous.status, 302);
  assert.equal((await post(everything('x'))).status, 303, 'anonymous POST goes to login');
  const others: [DemoLoginKey, 'feide' | 'idporten'][] = [
    ['leadership', 'feide'],
    ['contact-teacher', 'feide'],
    ['teacher', 'feide'],
    ['sfo-leader', 'feide'],
    ['pupil', 'feide'],
    ['guardian', 'idporten'],
    ['school-owner', 'idporten'],
  ];
  for (const [key, via] of others) {
    const c = await cookie(key, via);
    assert.equal((await client.get('/municipality-notices/new', { cookie: c })).status, 404, `${key} GET`);
    assert.equal((await post(everything('Stengt'), { cookie: c })).status, 404, `${key} POST`);
  }
  assert.equal((await db.selectFrom('broadcast').select('id').execute()).length, 0, 'nothing was sent');
});

test('the form: every school and trinn chosen, a one-time key; bad input is 422 with the values and a message per field', async () => {
  const page = await html(await client.get('/municipality-notices/new', { cookie: randi }));
  for (const s of schools)
    assert.ok(page.document.querySelector(`input[name="schools"][value="${s.id}"][checked]`), `${s.name} chosen`);
  assert.equal(page.document.querySelectorAll('input[name="trinn"][checked]').length, 10);
  assert.match(page.document.querySelector('input[name="key"]')?.getAttribute('value') ?? '', /^[0-9a-f-]{36}$/);
  assert.ok(page.document.querySelector('form[method="post"][action="/municipality-notices"][hx-post]'));

  const bad = await post(
    [
      ['municipality', String(demo)],
      ['key', KEY],
      ['schools', String(schools[1]!.id)],
      ['subject', ''],
      ['body', 'Stengt i morgen.'],
    ],
    { cookie: randi },
  );
  assert.equal(bad.status, 422);
  const badPage = await html(bad);
  const summary = Array.from(badPage.document.querySelectorAll('[role="alert"] a'), (a) => a.getAttribute('href'));
  assert.deepEqual(summary, ['#notice-trinn', '#notice-subject']);
  assert.equal(badPage.document.querySelector('#notice-body')?.textContent, 'Stengt i morgen.');
  assert.ok(badPage.document.querySelector(`input[name="schools"][value="${schools[1]!.id}"][checked]`));
  assert.equal(badPage.document.querySelector(`input[name="schools"][value="${schools[0]!.id}"][checked]`), null);
  assert.equal(badPage.document.querySelector('input[name="key"]')?.getAttribute('value'), KEY, 'the key is kept');
  assert.match(badPage.text, /Velg minst ett trinn/);

  const partial = await post(everything(''), { cookie: randi, 'hx-request': 'true' });
  assert.equal(partial.status, 422);
  assert.match(partial.headers.get('vary') ?? '', /HX-Request/);
  const partialText = await partial.text();
  assert.doesNotMatch(partialText, /<html/, 'htmx gets the fragment');
  assert.match(partialText, /Skriv et emne/);
  assert.equal((await db.selectFrom('broadcast').select('id').execute()).length, 0, 'nothing was sent');
});

test('sending: 303 to the notice with its recipients; the same POST again sends nothing more', async () => {
  const res = await post(everything('Stengt i morgen'), { cookie: randi });
  assert.equal(res.status, 303);
  const location = res.headers.get('location')!;
  assert.match(location, /^\/broadcasts\/\d+\?sent=\d+$/);
  const again = await post(everything('Stengt i morgen'), { cookie: randi });
  assert.equal(again.status, 303);
  assert.equal(again.headers.get('location'), location, 'a retried POST lands on the same notice');
  const notices = await db.selectFrom('broadcast').select('id').execute();
  assert.equal(notices.length, 1);
  const page = await html(await client.get(location, { cookie: randi }));
  assert.match(page.document.querySelector('[role="status"]')?.textContent ?? '', /sendt til \d+ foresatte/);
  assert.match(page.text, /Demo kommune/);
  // The status page says what the school owner chose: every school of Demo kommune and every trinn.
  const targets = page.document.querySelector('#notice-targets')?.textContent ?? '';
  assert.match(targets, /Skoler: Bjørkelia skole, Fjellheim skule/);
  assert.match(targets, /Trinn: 1\. trinn, 2\. trinn,.* 10\. trinn/);
  assert.equal((await client.get(location, { cookie: await cookie('leadership') })).status, 404, 'not for rektor');

  const list = await html(await client.get('/broadcasts', { cookie: randi }));
  assert.ok(list.document.querySelector('a[href="/municipality-notices/new"]'), 'the school owner finds the form');
  const rektorList = await html(await client.get('/broadcasts', { cookie: await cookie('leadership') }));
  assert.equal(rektorList.document.querySelector('a[href="/municipality-notices/new"]'), null);
});
