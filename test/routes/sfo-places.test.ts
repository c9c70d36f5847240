import assert from 'node:assert/strict';
import { countStatements } from '../../src/db/counting.ts';
import { beforeEach, test } from 'node:test';
import { type DemoLoginKey } from '../../src/db/seed/seed.ts';
import { createTestApp, html, sessionCookie, TEST_ORIGIN } from '../support/app.ts';
import { createDemoTestDb } from '../support/db.ts';
import { loginPersonId } from '../support/fixtures.ts';
import { deleteSfoPlaceApplications } from '../support/sfo-places.ts';

const db = await createDemoTestDb('2026-11-25');
const counter = countStatements(db);
const counted = counter.db;
const client = createTestApp(counted, {}, { clock: () => new Date('2026-11-25T09:00:00+01:00') });

const person = (key: DemoLoginKey) => loginPersonId(db, key);
const named = async (given: string, family: string) =>
  (
    await db
      .selectFrom('person')
      .select('id')
      .where('given_name', '=', given)
      .where('family_name', '=', family)
      .executeTakeFirstOrThrow()
  ).id;
const sofie = await named('Sofie', 'Nordmann');
const emil = await named('Emil', 'Nordmann');
const kari = { cookie: await sessionCookie(db, await person('guardian'), 'idporten') };
const anders = { cookie: await sessionCookie(db, await named('Anders', 'Nordmann'), 'idporten') };
const ola = { cookie: await sessionCookie(db, await person('guardian-private'), 'idporten') };
const berit = { cookie: await sessionCookie(db, await person('sfo-leader'), 'feide') };
const htmx = { 'hx-request': 'true', 'hx-target': 'div#child-section' };
const offerId = async (name: string) =>
  (
    await db
      .selectFrom('sfo_offer as o')
      .innerJoin('sfo as f', 'f.id', 'o.sfo_id')
      .select('o.id')
      .where('f.name', '=', 'Bjørkelia SFO')
      .where('o.name', '=', name)
      .executeTakeFirstOrThrow()
  ).id;
const threeDays = await offerId('3 dager i uka');

/** A same-origin form post with repeated fields (the day check boxes), as a browser sends it. */
const post = (path: string, entries: [string, string][], headers: Record<string, string> = {}) =>
  client.app.request(new URL(path, TEST_ORIGIN).toString(), {
    method: 'POST',
    body: new URLSearchParams(entries),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: TEST_ORIGIN,
      'sec-fetch-site': 'same-origin',
      ...headers,
    },
  });
const textOf = (document: Document, selector: string) =>
  document.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const latestId = async () =>
  (await db.selectFrom('application').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow()).id;
const good: [string, string][] = [
  ['offer', String(threeDays)],
  ['days', '1'],
  ['days', '2'],
  ['days', '4'],
  ['from', '04.01.2027'],
  ['comment', 'Gjerne sammen med Ida'],
  ['shared_invoice', 'yes'],
];

beforeEach(async () => {
  await deleteSfoPlaceApplications(db);
});

test('the SFO tab: no place yet, the apply form with the offers and their prices, the weekdays', async () => {
  const { document } = await html(await client.get(`/children/${sofie}/sfo`, kari));
  assert.equal(document.querySelectorAll('h1').length, 1);
  assert.equal(document.querySelector('a[aria-current="page"]')?.textContent?.trim(), 'SFO');
  assert.equal(textOf(document, '#sfo-heading'), 'SFO for Sofie');
  assert.equal(textOf(document, '#sfo-no-place'), 'Sofie har ikke plass i SFO.');
  assert.match(textOf(document, '#sfo-place-section'), /3 dager i uka – 2 300,00 kr i måneden, mat 210,00 kr/);
  assert.deepEqual(
    Array.from(document.querySelectorAll('#sfo-place-section input[name="days"]')).map((i) => i.getAttribute('value')),
    ['1', '2', '3', '4', '5'],
  );
  assert.equal(document.querySelector('#sfo-change-section'), null, 'no place to change');
  assert.equal(document.querySelector('#sfo-termination-section'), null, 'no place to terminate');
  assert.match(textOf(document, '#sfo-others'), /Anders Nordmann/);
});

test('a 422 keeps the values and names each problem: a past start, days outside the offer', async () => {
  const res = await post(
    `/children/${sofie}/sfo/place`,
    [
      ['offer', String(threeDays)],
      ['days', '1'],
      ['days', '5'],
      ['from', '20.11.2026'],
      ['comment', 'Hei'],
      ['shared_invoice', 'yes'],
    ],
    kari,
  );
  assert.equal(res.status, 422);
  const { document } = await html(res);
  assert.equal(document.querySelector(`#sfo-place-offer-${threeDays}`)?.hasAttribute('checked'), true);
  assert.deepEqual(
    Array.from(document.querySelectorAll('#sfo-place-section input[name="days"][checked]')).map((i) =>
      i.getAttribute('value'),
    ),
    ['1', '5'],
  );
  assert.equal(document.querySelector('#sfo-place-from')?.getAttribute('value'), '20.11.2026');
  assert.equal(document.querySelector('#sfo-place-comment')?.textContent?.trim(), 'Hei');
  assert.equal(document.querySelector('#sfo-place-shared-invoice')?.hasAttribute('checked'), true);
  const summary = Array.from(document.querySelectorAll('[role="alert"] a')).map((a) => [
    a.getAttribute('href'),
    a.textContent,
  ]);
  assert.deepEqual(summary, [
    ['#sfo-place-day-1', 'Velg nøyaktig 3 dager.'],
    ['#sfo-place-from', 'Datoen kan ikke være før i dag (25.11.2026).'],
  ]);
  assert.equal(textOf(document, '#sfo-place-days-error'), 'Velg nøyaktig 3 dager.');
  assert.equal(document.querySelector('#sfo-place-from')?.getAttribute('aria-invalid'), 'true');
  // htmx gets the section only, with the same status.
  const partial = await post(
    `/children/${sofie}/sfo/place`,
    [
      ['offer', ''],
      ['from', ''],
    ],
    { ...kari, ...htmx },
  );
  assert.equal(partial.status, 422);
  const fragment = await html(partial);
  assert.equal(fragment.document.querySelector('h1'), null);
  assert.equal(textOf(fragment.document, '#sfo-place-from-error'), 'Skriv en dato.');
  assert.equal(
    await db.selectFrom('application').select('id').where('kind', '=', 'sfo_place').executeTakeFirst(),
    undefined,
  );
});

test('apply → 303 with a receipt; Anders confirms; the SFO leader decides on the application page', async () => {
  const res = await post(`/children/${sofie}/sfo/place`, good, kari);
  assert.equal(res.status, 303);
  const id = await latestId();
  assert.equal(res.headers.get('location'), `/children/${sofie}/sfo?sent=${id}`);
  const list = await html(await client.get(`/children/${sofie}/sfo?sent=${id}`, kari));
  assert.match(textOf(list.document, '[role="status"]'), /når den andre forelderen har bekreftet/);
  assert.match(
    textOf(list.document, `#sfo-application-${id}`),
    /Søknad om plass: 3 dager i uka, mandag, tirsdag og torsdag · Start 04\.01\.2027/,
  );
  assert.match(
    textOf(list.document, `#sfo-application-${id} .sfo-status`),
    /Venter på bekreftelse fra Anders Nordmann/,
  );

  const andersPage = await html(await client.get(`/children/${sofie}/sfo`, anders));
  assert.ok(andersPage.document.querySelector(`form[action="/children/${sofie}/sfo-applications/${id}/confirmation"]`));
  const confirmed = await post(
    `/children/${sofie}/sfo-applications/${id}/confirmation`,
    [['answer', 'confirmed']],
    anders,
  );
  assert.equal(confirmed.status, 303);
  assert.equal(
    (await db.selectFrom('application').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status,
    'submitted',
  );

  const queue = await html(await client.get('/applications?kind=sfo_place', berit));
  assert.match(queue.text, /Sofie Nordmann/);
  assert.match(queue.text, /Kapasitet/);
  const page = await html(await client.get(`/applications/${id}`, berit));
  assert.match(textOf(page.document, '#sfo-facts'), /Kapasitet ?180.*Søknader om plass foran i køen ?0/);
  const bad = await post(
    `/applications/${id}/decision`,
    [
      ['outcome', 'partly_granted'],
      ['reasons', 'Bare to dager ledig.'],
      ['granted_offer', String(await offerId('2 dager i uka'))],
      ['granted_day_1', 'yes'],
      ['granted_from', '04.01.2027'],
    ],
    berit,
  );
  assert.equal(bad.status, 422);
  assert.match(textOf((await html(bad)).document, '[role="alert"]'), /Velg nøyaktig 2 dager\./);
  const granted = await post(
    `/applications/${id}/decision`,
    [
      ['outcome', 'granted'],
      ['reasons', ''],
    ],
    berit,
  );
  assert.equal(granted.status, 303);
  const after = await html(await client.get(`/children/${sofie}/sfo`, kari));
  assert.match(
    textOf(after.document, '#sfo-current-heading + dl'),
    /3 dager i uka.*mandag, tirsdag og torsdag.*Kari Nordmann.*04\.01\.2027.*Inntil videre.*Ønsket/,
  );
  assert.ok(after.document.querySelector(`#sfo-application-${id} a[href^="/documents/"]`), 'the vedtak is linked');
  assert.ok(after.document.querySelector('#sfo-change-section'), 'now the place can be changed');
  assert.match(textOf(after.document, '#sfo-termination-earliest'), /Tidligste dato er 01\.01\.2027\./);
  const early = await post(`/children/${sofie}/sfo/termination`, [['from', '15.12.2026']], kari);
  assert.equal(early.status, 422);
  assert.equal(
    textOf((await html(early)).document, '#sfo-termination-from-error'),
    'Oppsigelsestiden gjør at tidligste dato er 01.01.2027.',
  );
  const again = await post(`/children/${sofie}/sfo/place`, good, kari);
  assert.equal(again.status, 422, 'a second place');
  assert.match(
    textOf((await html(again)).document, '#sfo-place-place'),
    /Sofie har allerede plass i SFO \(fra 04\.01\.2027\)/,
  );
});

test('others’ children, staff, unknown forms and other applications: 404', async () => {
  for (const path of [`/children/${emil}/sfo`]) assert.equal((await client.get(path, kari)).status, 404, path);
  assert.equal((await post(`/children/${emil}/sfo/place`, good, kari)).status, 404);
  assert.equal((await client.get(`/children/${sofie}/sfo`, ola)).status, 404);
  assert.equal((await client.get(`/children/${sofie}/sfo`, berit)).status, 404, 'staff');
  assert.equal((await post(`/children/${sofie}/sfo/place`, good, berit)).status, 404, 'staff');
  assert.equal((await post(`/children/${sofie}/sfo/other`, good, kari)).status, 404, 'unknown form');
  await post(`/children/${sofie}/sfo/place`, good, kari);
  const id = await latestId();
  assert.equal(
    (await post(`/children/${emil}/sfo-applications/${id}/confirmation`, [['answer', 'confirmed']], ola)).status,
    404,
  );
  assert.equal((await post(`/children/${emil}/sfo-applications/${id}/withdrawal`, [], ola)).status, 404);
  assert.equal(
    (await post(`/children/${sofie}/sfo-applications/${id}/confirmation`, [['answer', 'confirmed']], kari)).status,
    404,
    'the applicant has nothing to confirm',
  );
  assert.equal((await post(`/children/${sofie}/sfo-applications/${id}/withdrawal`, [], kari)).status, 303);
  assert.equal((await client.get(`/children/${sofie}/sfo`)).status, 302, 'anonymous → login');
});

test('the SFO screen runs a bounded number of queries, however many applications it lists', async () => {
  const count = async () => {
    counter.reset();
    const res = await client.get(`/children/${sofie}/sfo`, kari);
    assert.equal(res.status, 200);
    return counter.count;
  };
  await post(`/children/${sofie}/sfo/place`, good, kari);
  const one = await count();
  for (let i = 0; i < 4; i++) {
    await post(`/children/${sofie}/sfo-applications/${await latestId()}/withdrawal`, [], kari);
    await post(`/children/${sofie}/sfo/place`, good, kari);
  }
  const five = await count();
  assert.equal(five, one, `${one} queries with one application, ${five} with five`);
  assert.ok(one <= 25, `${one} queries`);
  counter.reset();
  await post(`/children/${sofie}/sfo/place`, [['from', '']], kari);
  assert.ok(counter.count <= 30, `${counter.count} queries for a 422`);
});
