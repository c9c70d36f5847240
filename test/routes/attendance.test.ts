import assert from 'node:assert/strict';
import { countStatements } from '../../src/db/counting.ts';
import { test } from 'node:test';
import type { DemoLoginKey } from '../../src/db/seed/seed.ts';
import { createTestApp, html, sessionCookie } from '../support/app.ts';
import { createDemoTestDb } from '../support/db.ts';
import { loginPersonId } from '../support/fixtures.ts';

const db = await createDemoTestDb('2026-11-25');
const counter = countStatements(db);
const counted = counter.db;
const client = createTestApp(counted, {}, { clock: () => new Date('2026-11-25T09:00:00+01:00') });

const bjorkelia = (
  await db.selectFrom('school').select('id').where('name', '=', 'Bjørkelia skole').executeTakeFirstOrThrow()
).id;
const unitId = async (table: 'class' | 'teaching_group', name: string) =>
  (
    await db
      .selectFrom(table)
      .select('id')
      .where('school_id', '=', bjorkelia)
      .where('name', '=', name)
      .executeTakeFirstOrThrow()
  ).id;
const fiveA = await unitId('class', '5A');
const fiveB = await unitId('class', '5B');
const threeA = await unitId('class', '3A');
const norsk5A = await unitId('teaching_group', '5A Norsk');
const norsk5B = await unitId('teaching_group', '5B Norsk');
const as = async (key: DemoLoginKey, via: 'feide' | 'idporten' = 'feide') => ({
  cookie: await sessionCookie(db, await loginPersonId(db, key), via),
});
const marius = await as('contact-teacher');
const checked = (document: Document) =>
  Object.fromEntries(
    Array.from(document.querySelectorAll('#register input[type="radio"]:checked')).map((i) => [
      i.getAttribute('name')!,
      i.getAttribute('value')!,
    ]),
  );
const statusFields = (document: Document, changes: Record<string, string> = {}) => ({
  ...checked(document),
  ...changes,
});

test('who sees the register: own class and group 200; other classes and groups 404; the school owner 403; anonymous → login', async () => {
  assert.equal((await client.get(`/classes/${fiveA}/attendance`, marius)).status, 200);
  assert.equal((await client.get(`/groups/${norsk5A}/attendance`, marius)).status, 200);
  assert.equal((await client.get(`/classes/${fiveB}/attendance`, marius)).status, 404);
  assert.equal((await client.get(`/groups/${norsk5B}/attendance`, marius)).status, 404);
  assert.equal((await client.post(`/groups/${norsk5B}/attendance`, { status: 'absent' }, marius)).status, 404);
  assert.equal((await client.get(`/classes/${fiveA}/attendance`, await as('teacher'))).status, 404, 'Ingvild');
  assert.equal(
    (await client.get(`/classes/${threeA}/attendance`, await as('leadership'))).status,
    200,
    'Torunn, rektor',
  );
  assert.equal(
    (await client.get(`/classes/${fiveA}/attendance`, await as('school-owner'))).status,
    403,
    'Randi sees the class list but does not register',
  );
  assert.equal((await client.get(`/classes/${fiveA}/attendance`, await as('guardian', 'idporten'))).status, 404);
  assert.equal((await client.get(`/classes/${fiveA}/attendance`, await as('pupil'))).status, 404);
  assert.equal((await client.get('/classes/999999/attendance', marius)).status, 404);
  const anonymous = await client.get(`/classes/${fiveA}/attendance`);
  assert.equal(anonymous.status, 302);
  assert.match(anonymous.headers.get('location')!, /^\/login\?return_to=/);
});

test('the register: a fieldset per pupil with three choices, present by default, the home report shown', async () => {
  const pupil = (
    await db
      .selectFrom('enrolment')
      .select('pupil_id')
      .where('class_id', '=', fiveA)
      .orderBy('pupil_id')
      .executeTakeFirstOrThrow()
  ).pupil_id;
  await db
    .insertInto('absence_report')
    .values({
      pupil_id: pupil,
      school_id: (await db.selectFrom('class').select('school_id').where('id', '=', fiveA).executeTakeFirstOrThrow())
        .school_id,
      reported_by: await loginPersonId(db, 'guardian'),
      kind: 'days',
      from_date: '2026-11-25',
      to_date: '2026-11-25',
      reason: 'sjuk',
    })
    .execute();
  const { document } = await html(await client.get(`/classes/${fiveA}/attendance`, marius));
  assert.equal(document.querySelector('h1')?.textContent, 'Registrer fravær – 5A');
  assert.equal(document.querySelector('#register-heading')?.textContent, 'Onsdag 25.11.2026 · Hele dagen');
  const fieldsets = Array.from(document.querySelectorAll('#register fieldset'));
  assert.ok(fieldsets.length >= 10);
  assert.ok(
    fieldsets.every(
      (f) => f.querySelector('legend')?.textContent?.trim() && f.querySelectorAll('input[type="radio"]').length === 3,
    ),
  );
  assert.deepEqual(
    Array.from(fieldsets[1]!.querySelectorAll('label')).map((l) => l.textContent?.trim()),
    ['Til stede', 'Borte', 'For sent'],
  );
  const reported = document.querySelector(`#pupil-${pupil}`)!;
  assert.equal(reported.querySelector('input:checked')?.getAttribute('value'), 'absent');
  assert.equal(document.querySelector(`#home-${pupil}`)?.textContent, 'Meldt fra hjemmet: Syk (Kari Nordmann)');
  assert.equal(reported.getAttribute('aria-describedby'), `home-${pupil}`);
  assert.equal(Object.values(checked(document)).filter((v) => v === 'present').length, fieldsets.length - 1);
  const lessons = Array.from(document.querySelectorAll('nav a[aria-current], nav a[href*="lesson="]')).map(
    (a) => a.textContent,
  );
  assert.equal(lessons[0], 'Hele dagen');
  assert.ok(lessons.length >= 5, "the class's own lessons that day");
  assert.equal(
    document.querySelector('a[rel="prev"]')?.getAttribute('href'),
    `/classes/${fiveA}/attendance?date=2026-11-24`,
  );
  assert.equal(
    document.querySelector('a[rel="next"]')?.getAttribute('href'),
    `/classes/${fiveA}/attendance?date=2026-11-26`,
  );
  for (const [lang, heading, present] of [
    ['nn', 'Registrer fråvær – 5A', 'Til stades'],
    ['en', 'Register attendance – 5A', 'Present'],
  ]) {
    const translated = (
      await html(
        await client.get(`/classes/${fiveA}/attendance`, { cookie: `${marius.cookie}; skolebro_lang=${lang}` }),
      )
    ).document;
    assert.deepEqual(
      [translated.querySelector('h1')?.textContent, translated.querySelector('#register label')?.textContent?.trim()],
      [heading, present],
    );
  }
});

test('POST saves and redirects (303) to a receipt with the saved choices; htmx gets the section back', async () => {
  const path = `/classes/${fiveA}/attendance?date=2026-11-24`;
  const form = statusFields((await html(await client.get(path, marius))).document);
  const [a, b] = Object.keys(form) as [string, string];
  const res = await client.post(path, { ...form, [a]: 'absent', [b]: 'late' }, marius);
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), `/classes/${fiveA}/attendance?date=2026-11-24&saved=1`);
  const { document } = await html(await client.get(res.headers.get('location')!, marius));
  assert.equal(document.querySelector('[role="status"]')?.textContent, 'Fraværet er lagret: 1 borte, 1 for sent.');
  assert.deepEqual([checked(document)[a], checked(document)[b]], ['absent', 'late']);

  const htmx = await client.post(path, { ...form, [a]: 'present', [b]: 'late' }, { ...marius, 'hx-request': 'true' });
  assert.equal(htmx.status, 200);
  const fragment = await html(htmx);
  assert.ok(!fragment.text.includes('<html'), 'only the section');
  assert.equal(fragment.document.querySelector('section')?.id, 'register');
  assert.equal(
    fragment.document.querySelector('[role="status"]')?.textContent,
    'Fraværet er lagret: 0 borte, 1 for sent.',
  );
  const rows = await db
    .selectFrom('attendance')
    .select('status')
    .where('date', '=', '2026-11-24')
    .where('lesson_id', 'is', null)
    .execute();
  assert.equal(rows.length, Object.keys(form).length);
});

test('422 keeps the chosen values and says why: a bad value, a future date; a holiday has no form', async () => {
  const path = `/classes/${fiveA}/attendance?date=2026-11-23`;
  const form = statusFields((await html(await client.get(path, marius))).document);
  const [a, b] = Object.keys(form) as [string, string];
  const bad = await client.post(path, { ...form, [a]: 'late', [b]: 'asleep' }, marius);
  assert.equal(bad.status, 422);
  const { document } = await html(bad);
  assert.match(
    document.querySelector('[role="alert"]')?.textContent ?? '',
    /Velg til stede, borte eller for sent for hver elev/,
  );
  assert.equal(checked(document)[a], 'late', 'the choice is kept');
  const future = await client.post(
    `/classes/${fiveA}/attendance?date=2026-11-26`,
    { ...form, [a]: 'absent' },
    { ...marius, 'hx-request': 'true' },
  );
  assert.equal(future.status, 422);
  const futurePage = await html(future);
  assert.match(futurePage.document.querySelector('[role="alert"]')?.textContent ?? '', /fram i tid/);
  assert.equal(futurePage.document.querySelector('button[type="submit"]'), null, 'read only');
  const stranger = (
    await db.selectFrom('enrolment').select('pupil_id').where('class_id', '=', fiveB).executeTakeFirstOrThrow()
  ).pupil_id;
  assert.equal((await client.post(path, { ...form, [`status-${stranger}`]: 'absent' }, marius)).status, 422);
  assert.equal(
    (await db.selectFrom('attendance').select('id').where('date', 'in', ['2026-11-23', '2026-11-26']).execute()).length,
    0,
  );
  const holiday = await html(await client.get(`/classes/${fiveA}/attendance?date=2026-12-23`, marius));
  assert.match(
    holiday.document.querySelector('#register')?.textContent ?? '',
    /Det er ikke skoledag denne dagen. Juleferie/,
  );
  assert.equal(holiday.document.querySelector('#register form'), null);
});

test('staff home: "I dag" links to today\'s registers, the cards and the class page to the register', async () => {
  const { document } = await html(await client.get('/home', marius));
  const today = Array.from(document.querySelectorAll('section[aria-labelledby="today-heading"] a'));
  assert.ok(today.length >= 5);
  assert.match(today[0]!.textContent ?? '', /^08:15–09:00 Norsk · 5A Norsk$/);
  assert.equal(
    today[0]!.getAttribute('href')?.startsWith(`/groups/${norsk5A}/attendance?date=2026-11-25&lesson=`),
    true,
  );
  assert.ok(document.querySelector(`a[href="/classes/${fiveA}/attendance"]`), 'on the class card');
  assert.ok(document.querySelector(`a[href="/groups/${norsk5A}/attendance"]`), 'on the group card');
  const lesson = await client.get(today[0]!.getAttribute('href')!, marius);
  assert.equal(
    (await html(lesson)).document.querySelector('#register-heading')?.textContent,
    'Onsdag 25.11.2026 · 08:15–09:00 Norsk',
  );
  assert.ok(
    (await html(await client.get(`/classes/${fiveA}`, marius))).document.querySelector(
      `main a[href="/classes/${fiveA}/attendance"]`,
    ),
  );
  const owner = await html(await client.get(`/classes/${fiveA}`, await as('school-owner')));
  assert.equal(
    owner.document.querySelector(`main a[href="/classes/${fiveA}/attendance"]`),
    null,
    'no link for the school owner',
  );
  assert.equal(
    (await html(await client.get('/home', await as('school-owner')))).document.querySelector('#today-heading'),
    null,
  );
});

test('the register runs the same, bounded number of queries for a small class and for one 30 pupils larger', async () => {
  const lessons = await db
    .selectFrom('lesson')
    .select('id')
    .where('class_id', '=', fiveA)
    .where('weekday', '=', 3)
    .orderBy('starts_at')
    .execute();
  const measure = async (lessonId: number) => {
    const path = `/classes/${fiveA}/attendance?date=2026-11-25&lesson=${lessonId}`;
    await client.get(path, marius); // warm the session
    counter.reset();
    const page = await client.get(path, marius);
    const get = counter.count;
    const form = statusFields((await html(page)).document);
    const first = Object.keys(form)[0]!;
    counter.reset();
    const saved = await client.post(path, { ...form, [first]: 'absent' }, marius);
    assert.equal(saved.status, 303);
    return { get, post: counter.count, pupils: Object.keys(form).length };
  };
  const small = await measure(lessons[0]!.id);
  const school = (await db.selectFrom('class').select('school_id').where('id', '=', fiveA).executeTakeFirstOrThrow())
    .school_id;
  const added = await db
    .insertInto('person')
    .values(Array.from({ length: 30 }, (_, i) => ({ given_name: `Ny${i}`, family_name: 'Elev' })))
    .returning('id')
    .execute();
  await db
    .insertInto('enrolment')
    .values(added.map((p) => ({ pupil_id: p.id, school_id: school, class_id: fiveA, starts_on: '2026-08-17' })))
    .execute();
  const large = await measure(lessons[1]!.id);
  assert.equal(large.pupils, small.pupils + 30);
  assert.deepEqual({ get: large.get, post: large.post }, { get: small.get, post: small.post });
  assert.ok(small.get <= 20 && small.post <= 20, `bounded: GET ${small.get}, POST ${small.post}`);
});
