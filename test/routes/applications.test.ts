import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type DemoLoginKey } from '../../src/db/seed/seed.ts';
import type { LoginProvider } from '../../src/db/schema.ts';
import { insertLeaveApplication } from '../support/applications.ts';
import { createTestApp, html, sessionCookie } from '../support/app.ts';
import { createDemoTestDb } from '../support/db.ts';
import { loginPersonId } from '../support/fixtures.ts';

const db = await createDemoTestDb('2026-11-25');
const client = createTestApp(db, {}, { clock: () => new Date('2026-11-25T10:00:00+01:00') });
const person = (key: DemoLoginKey) => loginPersonId(db, key);
const cookie = async (key: DemoLoginKey, via: LoginProvider = 'feide') => ({
  cookie: await sessionCookie(db, await person(key), via),
});
const sofie = (
  await db
    .selectFrom('person')
    .select('id')
    .where('given_name', '=', 'Sofie')
    .where('family_name', '=', 'Nordmann')
    .executeTakeFirstOrThrow()
).id;
const bjorkelia = (
  await db.selectFrom('school').select('id').where('name', '=', 'Bjørkelia skole').executeTakeFirstOrThrow()
).id;
const kari = await person('guardian');
const torunn = await cookie('leadership');

/** 21 waiting leave applications for Sofie, one a week from January (one more than a page). */
const ids: number[] = [];
for (let week = 0; week < 21; week++) {
  const day = new Date(Date.UTC(2027, 0, 4 + 7 * week)).toISOString().slice(0, 10);
  ids.push(
    await insertLeaveApplication(db, {
      pupil_id: sofie,
      school_id: bjorkelia,
      applicant_id: kari,
      reason: 'reise',
      from_date: day,
      to_date: day,
      school_days: 1,
      justification: 'Besøk hos besteforeldre.',
      rules_confirmed_at: new Date(),
      status: 'submitted',
      submitted_at: new Date(Date.UTC(2026, 10, 1, 8, week)),
    }),
  );
}
const queueLinks = (document: Document) =>
  Array.from(document.querySelectorAll('#application-queue h3 a')).map((a) => a.getAttribute('href'));
const selected = (document: Document) =>
  document.querySelector('#application-kind option[selected]')?.getAttribute('value');

test('the queue lists every kind the rektor decides; the filter is a GET form that htmx swaps in place', async () => {
  const res = await client.get('/applications', torunn);
  assert.equal(res.status, 200);
  const { document } = await html(res);
  assert.equal(document.querySelector('h1')?.textContent, 'Søknader');
  assert.deepEqual(
    queueLinks(document),
    ids.slice(0, 20).map((id) => `/applications/${id}`),
    'oldest submitted first, 20 a page',
  );
  assert.match(
    document.querySelector('#application-queue li')?.textContent ?? '',
    /Permisjon.*Sofie Nordmann, 3A: 04\.01\.2027/s,
    'each card names its kind',
  );
  const form = document.querySelector('form[method="get"]');
  assert.equal(form?.getAttribute('action'), '/applications');
  assert.equal(form?.getAttribute('hx-get'), '/applications');
  assert.equal(form?.getAttribute('hx-target'), '#applications');
  assert.equal(form?.getAttribute('hx-push-url'), 'true');
  assert.deepEqual(
    Array.from(document.querySelectorAll('#application-kind option')).map((o) => [
      o.getAttribute('value'),
      o.textContent,
    ]),
    [
      ['', 'Alle søknader'],
      ['leave', 'Permisjon'],
      // The school's leadership decides SFO applications too (issue 12).
      ['sfo_place', 'SFO-plass'],
      ['sfo_change', 'Endring av SFO-plass'],
      ['sfo_termination', 'Oppsigelse av SFO-plass'],
      ['sfo_reduced_payment', 'Redusert betaling i SFO'],
    ],
  );
  assert.equal(selected(document), '');
  assert.equal(document.querySelector('label[for="application-kind"]')?.textContent, 'Søknadstype');
  assert.equal(document.querySelector('nav a[rel="next"]')?.getAttribute('href'), '/applications?page=2');
});

test('?kind=leave filters to leave, keeps the kind when paging; an unknown kind shows every kind', async () => {
  const leave = await html(await client.get('/applications?kind=leave', torunn));
  assert.equal(leave.document.querySelector('h1')?.textContent, 'Permisjonssøknader');
  assert.equal(selected(leave.document), 'leave');
  assert.equal(queueLinks(leave.document).length, 20);
  assert.equal(
    leave.document.querySelector('nav a[rel="next"]')?.getAttribute('href'),
    '/applications?kind=leave&page=2',
  );
  const second = await html(await client.get('/applications?kind=leave&page=2', torunn));
  assert.deepEqual(queueLinks(second.document), [`/applications/${ids[20]}`]);
  assert.equal(second.document.querySelector('nav a[rel="prev"]')?.getAttribute('href'), '/applications?kind=leave');

  for (const kind of ['sfo', 'LEAVE', '', '<script>']) {
    const res = await client.get(`/applications?kind=${encodeURIComponent(kind)}`, torunn);
    assert.equal(res.status, 200, `kind=${kind}`);
    const { document, text } = await html(res);
    assert.equal(document.querySelector('h1')?.textContent, 'Søknader', `kind=${kind}: every kind`);
    assert.equal(selected(document), '', `kind=${kind}: "all" is chosen`);
    assert.equal(queueLinks(document).length, 20);
    assert.doesNotMatch(text, /<script>/);
  }
});

test('with htmx the filter answers with the page content only', async () => {
  const res = await client.get('/applications?kind=leave', { ...torunn, 'hx-request': 'true' });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('vary'), 'HX-Request, Accept-Encoding');
  const text = await res.text();
  assert.doesNotMatch(text, /<html/);
  assert.match(text, /^<div id="applications"/);
  assert.match(text, /Permisjonssøknader/);
});

test('the old leave URLs redirect to the new ones (links in sent notifications and letters keep working)', async () => {
  const id = ids[0]!;
  for (const [old, now] of [
    ['/leave-applications', '/applications?kind=leave'],
    ['/leave-applications?page=2', '/applications?kind=leave&page=2'],
    [`/leave-applications/${id}`, `/applications/${id}`],
    [`/leave-applications/${id}?decided=1`, `/applications/${id}?decided=1`],
    [`/leave-applications/${id}/vedtak/7`, `/applications/${id}/vedtak/7`],
  ]) {
    const res = await client.get(old!, torunn);
    assert.equal(res.status, 301, old);
    assert.equal(res.headers.get('location'), now, old);
  }
  assert.equal((await client.get(`/applications/${id}`, torunn)).status, 200, 'where it leads');
  const anonymous = await client.get(`/leave-applications/${id}`);
  assert.equal(anonymous.status, 302);
  assert.equal(
    anonymous.headers.get('location'),
    `/login?return_to=${encodeURIComponent(`/leave-applications/${id}`)}`,
  );
  const teacher = await client.get(`/leave-applications/${id}`, await cookie('contact-teacher'));
  assert.equal(teacher.status, 301, 'the redirect itself says nothing');
  assert.equal((await client.get(teacher.headers.get('location')!, await cookie('contact-teacher'))).status, 404);
});

test('a "new application" notification and the staff tools link to the new queue', async () => {
  const id = ids[0]!;
  await db
    .insertInto('outbox')
    .values({
      recipient_person_id: await person('leadership'),
      category: 'absence',
      event_type: 'leave.submitted',
      school_id: bjorkelia,
      pupil_id: sofie,
      payload: JSON.stringify({ applicationId: id, from: '2027-01-04', to: '2027-01-04' }),
      idempotency_key: `leave:${id}:submitted:test`,
    })
    .execute();
  const { document } = await html(await client.get('/home', torunn));
  const notification = Array.from(document.querySelectorAll('#notifications-heading ~ ul a')).find((a) =>
    /Ny permisjonssøknad for Sofie Nordmann/.test(a.textContent ?? ''),
  );
  assert.equal(notification?.getAttribute('href'), `/applications/${id}`);
  assert.ok(
    Array.from(document.querySelectorAll('a')).some(
      (a) => a.getAttribute('href') === '/applications' && a.textContent === 'Søknader',
    ),
    'the staff tools link',
  );
});
