import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countStatements } from '../../src/db/counting.ts';
import { createTestApp, html, sessionCookie } from '../support/app.ts';
import { createDemoTestDb } from '../support/db.ts';
import { childOf, loginPersonId } from '../support/fixtures.ts';

/** The guardian's daily care page (issue 13; G11, K1): Kari Nordmann and her kindergarten child Nora. */
const db = await createDemoTestDb('2026-11-25');
/** Wednesday 25 November 2026; Bjørkelia barnehage's deadline is 12:00 the day before. */
let now = new Date('2026-11-25T09:00:00+01:00');
const counter = countStatements(db);
const client = createTestApp(counter.db, {}, { clock: () => now });

const kariId = await loginPersonId(db, 'guardian');
const nora = await childOf(db, kariId, 'Nora');
const kari = { cookie: await sessionCookie(db, kariId, 'idporten') };
const kariFeide = { cookie: await sessionCookie(db, kariId, 'feide') };
const ola = { cookie: await sessionCookie(db, await loginPersonId(db, 'guardian-private'), 'idporten') };
const htmx = { 'hx-request': 'true' };
const page = `/care/children/${nora}`;
const textOf = (document: Document, selector: string) =>
  document.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const valueOf = (document: Document, selector: string) => document.querySelector(selector)?.getAttribute('value');

test("Kari sees Nora's page: the kindergarten, the department, the opening hours and the regular week", async () => {
  const response = await client.get(page, kari);
  assert.equal(response.status, 200);
  const { document, text } = await html(response);
  assert.equal(textOf(document, 'h1'), 'Barnehage og SFO for Nora');
  assert.match(textOf(document, '#care-unit'), /Bjørkelia barnehage/);
  assert.match(textOf(document, '#care-unit'), /Bjørnehiet/);
  assert.match(textOf(document, '#care-unit'), /07:00–16:30/);
  assert.match(textOf(document, '#care-unit'), /innen kl\. 12:00 1 dagen før dagen|innen kl\. 12:00/);
  const week = await db.selectFrom('care_week_day').selectAll().where('child_id', '=', nora).execute();
  assert.ok(week.length > 0, 'Nora has a regular week in the demo');
  for (const day of week) {
    assert.equal(valueOf(document, `#care-arrives-${day.weekday}`), day.arrives_at.slice(0, 5));
    assert.equal(valueOf(document, `#care-leaves-${day.weekday}`), day.leaves_at.slice(0, 5));
  }
  assert.equal(document.querySelectorAll('#care-week fieldset legend').length, 5);
  assert.equal(document.querySelectorAll('#care-plan li[data-date]').length, 7);
  assert.match(text, /I dag, 25\.11\.2026/);
});

test("Kari changes tomorrow's plan before the deadline and sees it; after the deadline she is refused", async () => {
  now = new Date('2026-11-25T11:59:00+01:00');
  const saved = await client.post(
    `${page}/days`,
    { date: '26.11.2026', kind: 'times', arrives: '09:30', leaves: '14:00' },
    kari,
  );
  assert.equal(saved.status, 303);
  assert.equal(saved.headers.get('location'), `${page}?saved=days#care-plan`);
  const { document } = await html(await client.get(`${page}?saved=days`, kari));
  assert.equal(textOf(document, '#care-plan li[data-date="2026-11-26"] span:last-child'), '09:30–14:00 (endret)');
  assert.match(textOf(document, '#care-plan [role="status"]'), /Endringen er lagret/);
  assert.match(textOf(document, '#care-changes'), /26\.11\.2026: 09:30–14:00 \(endret\)/);

  now = new Date('2026-11-25T12:01:00+01:00');
  const late = await client.post(`${page}/days`, { date: '26.11.2026', kind: 'off', arrives: '', leaves: '' }, kari);
  assert.equal(late.status, 422);
  const refused = (await html(late)).document;
  assert.equal(
    textOf(refused, '#care-change-date-error'),
    'Fristen for å endre 26.11.2026 var 25.11.2026 kl. 12:00. Ta kontakt med de ansatte.',
  );
  assert.match(textOf(refused, '[role="alert"]'), /Fristen for å endre 26\.11\.2026/);
  assert.equal(valueOf(refused, '#care-change-date'), '26.11.2026');
  assert.ok(refused.querySelector('#care-change-kind-off')?.hasAttribute('checked'), 'her choice is kept');
  const row = await db
    .selectFrom('care_day_change')
    .select('kind')
    .where('child_id', '=', nora)
    .where('on_date', '=', '2026-11-26')
    .executeTakeFirstOrThrow();
  assert.equal(row.kind, 'times', 'the refused change saved nothing');

  const removeLate = await client.post(`${page}/days/2026-11-26/delete`, {}, kari);
  assert.equal(removeLate.status, 422, 'nor can she remove it after the deadline');

  const past = await client.post(`${page}/days`, { date: '24.11.2026', kind: 'absent' }, kari);
  assert.equal(past.status, 422);
  assert.match(textOf((await html(past)).document, '#care-change-date-error'), /Datoen har vært/);
  now = new Date('2026-11-25T09:00:00+01:00');
});

test('a time outside the opening hours, or leaving before arriving, is refused per field with the values kept', async () => {
  const response = await client.post(
    `${page}/week`,
    { arrives_1: '06:00', leaves_1: '15:00', arrives_2: '10:00', leaves_2: '09:00', arrives_3: 'x' },
    kari,
  );
  assert.equal(response.status, 422);
  const { document } = await html(response);
  assert.match(textOf(document, '#care-arrives-1-error'), /innenfor åpningstiden, 07:00–16:30/);
  assert.match(textOf(document, '#care-leaves-2-error'), /Går må være etter kommer/);
  assert.match(textOf(document, '#care-leaves-3-error'), /Fyll ut både kommer og går/);
  assert.equal(valueOf(document, '#care-arrives-3'), 'x');
  assert.equal(valueOf(document, '#care-arrives-1'), '06:00');
  assert.equal(valueOf(document, '#care-leaves-2'), '09:00');

  const ok = await client.post(
    `${page}/week`,
    { arrives_1: '08:00', leaves_1: '15:30', arrives_3: '8.15', leaves_3: '16:00' },
    kari,
  );
  assert.equal(ok.status, 303);
  const week = await db
    .selectFrom('care_week_day')
    .select(['weekday', 'arrives_at', 'leaves_at'])
    .where('child_id', '=', nora)
    .orderBy('weekday')
    .execute();
  assert.deepEqual(
    week.map((w) => [w.weekday, w.arrives_at.slice(0, 5), w.leaves_at.slice(0, 5)]),
    [
      [1, '08:00', '15:30'],
      [3, '08:15', '16:00'],
    ],
  );
  const { document: after } = await html(await client.get(page, kari));
  assert.equal(textOf(after, '#care-plan li[data-date="2026-11-27"] span:last-child'), 'Kommer ikke');
  assert.equal(textOf(after, '#care-plan li[data-date="2026-11-30"]'), 'Mandag 30.11.2026 08:00–15:30');
  assert.equal(textOf(after, '#care-plan li[data-date="2026-11-28"]'), 'Lørdag 28.11.2026 Stengt');
});

test('a pickup person with a bad phone number is refused with the values kept; a good one is listed', async () => {
  const bad = await client.post(
    `${page}/pickup-persons`,
    { name: 'Bestemor Åse', phone: '12ab', relation: 'bestemor' },
    kari,
  );
  assert.equal(bad.status, 422);
  const { document } = await html(bad);
  assert.match(textOf(document, '#care-pickup-phone-error'), /norsk telefonnummer med 8 siffer/);
  assert.equal(valueOf(document, '#care-pickup-name'), 'Bestemor Åse');
  assert.equal(valueOf(document, '#care-pickup-phone'), '12ab');
  assert.equal(valueOf(document, '#care-pickup-relation'), 'bestemor');
  assert.ok(document.querySelector('#care-pickup [role="alert"] a[href="#care-pickup-phone"]'));

  const good = await client.post(
    `${page}/pickup-persons`,
    { name: 'Bestemor Åse', phone: '412 34 567', relation: 'bestemor' },
    kari,
  );
  assert.equal(good.status, 303);
  assert.equal(good.headers.get('location'), `${page}?saved=pickup#care-pickup`);
  const listed = (await html(await client.get(page, kari))).document;
  assert.match(textOf(listed, '#care-pickup-persons'), /Bestemor Åse, bestemor, \+47 412 34 567/);
});

test('Kari adds a pickup message and a note for today and sees them; with htmx only the section comes back', async () => {
  const saved = await client.post(
    `${page}/notes`,
    { date: '25.11.2026', pickup_message: 'Bestemor henter kl. 15', guardian_note: 'Nora er sliten i dag' },
    kari,
  );
  assert.equal(saved.status, 303);
  const { document } = await html(await client.get(page, kari));
  assert.equal(textOf(document, '#care-today-message'), 'Bestemor henter kl. 15');
  assert.equal(textOf(document, '#care-today-note'), 'Nora er sliten i dag');
  const day = await db
    .selectFrom('care_day')
    .select(['kindergarten_id', 'sfo_id'])
    .where('child_id', '=', nora)
    .where('on_date', '=', '2026-11-25')
    .executeTakeFirstOrThrow();
  assert.ok(day.kindergarten_id !== null && day.sfo_id === null, 'registered at the kindergarten');

  const fragment = await client.post(
    `${page}/notes`,
    { date: '25.11.2026', pickup_message: 'Pappa henter', guardian_note: '' },
    { ...kari, ...htmx },
  );
  assert.equal(fragment.status, 200);
  const body = await fragment.text();
  assert.ok(body.startsWith('<section id="care-today"'), body.slice(0, 80));
  assert.doesNotMatch(body, /<html|<h1/);
  assert.match(body, /Pappa henter/);
  assert.match(body, /Beskjeden er lagret/);

  const invalid = await client.post(
    `${page}/notes`,
    { date: '24.11.2026', pickup_message: 'x'.repeat(501), guardian_note: '' },
    { ...kari, ...htmx },
  );
  assert.equal(invalid.status, 422);
  const refused = await invalid.text();
  assert.ok(refused.startsWith('<section id="care-today"'));
  assert.match(refused, /Datoen har vært/);
  assert.match(refused, /Teksten er for lang/);
});

test('a holiday is listed, and a kindergarten child without four weeks gets a warning (not a refusal)', async () => {
  const saved = await client.post(`${page}/holidays`, { from: '21.12.2026', to: '31.12.2026' }, kari);
  assert.equal(saved.status, 303);
  const { document } = await html(await client.get(page, kari));
  assert.match(textOf(document, '#care-holiday-list'), /21\.12\.2026–31\.12\.2026/);
  assert.match(textOf(document, '#care-holiday-warning'), /minst fire uker ferie/);
  const backwards = await client.post(`${page}/holidays`, { from: '10.12.2026', to: '01.12.2026' }, kari);
  assert.equal(backwards.status, 422);
  assert.match(
    textOf((await html(backwards)).document, '#care-holiday-to-error'),
    /samme dag som fra-datoen eller senere/,
  );
});

const posts: [string, Record<string, string>][] = [
  ['/week', { arrives_1: '08:00', leaves_1: '15:00' }],
  ['/days', { date: '30.11.2026', kind: 'off' }],
  ['/days/2026-11-30/delete', {}],
  ['/notes', { date: '25.11.2026', pickup_message: 'Henter selv', guardian_note: '' }],
  ['/pickup-persons', { name: 'Noen', phone: '41234567', relation: '' }],
  ['/pickup-persons/1/delete', {}],
  ['/walk-alone', { walks_alone: 'yes', from: '15:00' }],
  ['/holidays', { from: '01.12.2026', to: '02.12.2026' }],
  ['/holidays/1/delete', {}],
];

test("Ola (another family's guardian) gets 404 for Nora's page and every form, and nothing is written", async () => {
  const before = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  assert.equal((await client.get(page, ola)).status, 404);
  for (const [path, form] of posts) assert.equal((await client.post(`${page}${path}`, form, ola)).status, 404, path);
  const after = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  assert.equal(Number(after.n), Number(before.n));
});

test('Kari through a Feide login, and Kari blocked from Nora, get 404', async () => {
  assert.equal((await client.get(page, kariFeide)).status, 404);
  for (const [path, form] of posts)
    assert.equal((await client.post(`${page}${path}`, form, kariFeide)).status, 404, path);
  const relation = db.updateTable('guardian_relation').where('guardian_id', '=', kariId).where('pupil_id', '=', nora);
  await relation.set({ blocked: true }).execute();
  try {
    assert.equal((await client.get(page, kari)).status, 404);
    for (const [path, form] of posts) assert.equal((await client.post(`${page}${path}`, form, kari)).status, 404, path);
  } finally {
    await relation.set({ blocked: false }).execute();
  }
  assert.equal((await client.get(page, kari)).status, 200);
});

test("removing another child's pickup person or holiday through Nora's page is a 404 and removes nothing", async () => {
  const other = await db
    .selectFrom('kindergarten_enrolment')
    .select('child_id')
    .where('child_id', '!=', nora)
    .orderBy('child_id')
    .executeTakeFirstOrThrow();
  const theirs = await db
    .insertInto('care_pickup_person')
    .values({ child_id: other.child_id, name: 'Morfar', phone: '+4741234567', relation: 'morfar' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const holiday = await db
    .insertInto('care_holiday')
    .values({ child_id: other.child_id, starts_on: '2026-12-01', ends_on: '2026-12-02' })
    .returning('id')
    .executeTakeFirstOrThrow();
  assert.equal((await client.post(`${page}/pickup-persons/${theirs.id}/delete`, {}, kari)).status, 404);
  assert.equal((await client.post(`${page}/holidays/${holiday.id}/delete`, {}, kari)).status, 404);
  assert.equal((await client.post(`${page}/pickup-persons/abc/delete`, {}, kari)).status, 404);
  assert.equal((await client.get('/care/children/abc', kari)).status, 404);
  assert.ok(await db.selectFrom('care_pickup_person').select('id').where('id', '=', theirs.id).executeTakeFirst());
  assert.ok(await db.selectFrom('care_holiday').select('id').where('id', '=', holiday.id).executeTakeFirst());
  assert.equal((await client.get(`/care/children/${other.child_id}`, kari)).status, 404);
});

test('Kari removes her own pickup person and sets walking home alone', async () => {
  const own = await db
    .insertInto('care_pickup_person')
    .values({ child_id: nora, name: 'Tante Liv', phone: '+4792345678', relation: 'tante' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const removed = await client.post(`${page}/pickup-persons/${own.id}/delete`, {}, kari);
  assert.equal(removed.status, 303);
  assert.equal(
    await db.selectFrom('care_pickup_person').select('id').where('id', '=', own.id).executeTakeFirst(),
    undefined,
  );
  const walk = await client.post(`${page}/walk-alone`, { walks_alone: 'yes', from: '15:00' }, kari);
  assert.equal(walk.status, 303);
  assert.equal(
    textOf((await html(await client.get(page, kari))).document, '#care-walk-state'),
    'Kan gå hjem alene fra kl. 15:00',
  );
  const audit = await db
    .selectFrom('audit_log')
    .select('action')
    .where('subject_person_id', '=', nora)
    .where('actor_person_id', '=', kariId)
    .execute();
  const actions = new Set(audit.map((a) => a.action));
  for (const action of [
    'care.week',
    'care.day_change',
    'care.pickup_person',
    'care.walk_alone',
    'care.day_note',
    'care.holiday',
  ])
    assert.ok(actions.has(action), action);
});

test("Kari's home lists Nora (kindergarten) beside the school children, linking to the care page", async () => {
  await db.deleteFrom('general_consent').where('guardian_id', '=', kariId).execute();
  await db.insertInto('general_consent').values({ guardian_id: kariId, state: 'given', decided_at: now }).execute();
  const response = await client.get('/home', kari);
  assert.equal(response.status, 200);
  const { document } = await html(response);
  const card = document.querySelector(`[data-kindergarten-child="${nora}"]`);
  assert.ok(card, 'a card for Nora');
  assert.match(card.textContent ?? '', /Nora Nordmann/);
  assert.match(card.textContent ?? '', /Bjørkelia barnehage, Bjørnehiet/);
  assert.equal(card.querySelector('h3 a')?.getAttribute('href'), page);
  // Sofie (at school) has no SFO place in the demo: no care link on her card.
  const sofie = await childOf(db, kariId, 'Sofie');
  const links = () => Array.from(document.querySelectorAll('a[data-care-link]')).map((a) => a.getAttribute('href'));
  assert.deepEqual(links(), [page]);
  assert.equal((await client.get(`/care/children/${sofie}`, kari)).status, 404, 'no place, no care page');
  const sfoTab = (await html(await client.get(`/children/${sofie}/sfo`, kari))).document;
  assert.equal(sfoTab.querySelector('a[data-care-link]'), null, 'no place, no link from the SFO tab');
});

test('a school child with an SFO place gets "SFO i dag" on the home card, and the care page registers at the SFO', async () => {
  const sofie = await childOf(db, kariId, 'Sofie');
  const sfo = await db.selectFrom('sfo').select('id').where('name', '=', 'Bjørkelia SFO').executeTakeFirstOrThrow();
  const place = await db
    .insertInto('sfo_enrolment')
    .values({
      sfo_id: sfo.id,
      pupil_id: sofie,
      starts_on: '2026-08-01',
      ends_on: null,
      offer_id: null,
      days: null,
      payer_id: kariId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  try {
    const { document } = await html(await client.get('/home', kari));
    const link = Array.from(document.querySelectorAll('a[data-care-link]')).find(
      (a) => a.getAttribute('href') === `/care/children/${sofie}`,
    );
    assert.equal(link?.textContent?.trim(), 'SFO i dag');
    const sfoTab = (await html(await client.get(`/children/${sofie}/sfo`, kari))).document;
    assert.equal(
      sfoTab.querySelector(`a[data-care-link][href="/care/children/${sofie}"]`)?.textContent?.trim(),
      'SFO i dag',
      "the child's SFO tab links today's SFO too",
    );
    const sfoPage = (await html(await client.get(`/care/children/${sofie}`, kari))).document;
    assert.equal(textOf(sfoPage, 'h1'), 'Barnehage og SFO for Sofie');
    assert.match(textOf(sfoPage, '#care-unit'), /Bjørkelia SFO/);
    assert.equal(sfoPage.querySelector('#care-holiday-warning'), null, 'the holiday minimum is for kindergartens');
    const saved = await client.post(
      `/care/children/${sofie}/notes`,
      { date: '26.11.2026', pickup_message: 'Går hjem med Ida', guardian_note: '' },
      kari,
    );
    assert.equal(saved.status, 303);
    const day = await db
      .selectFrom('care_day')
      .select(['sfo_id', 'kindergarten_id', 'pickup_message'])
      .where('child_id', '=', sofie)
      .where('on_date', '=', '2026-11-26')
      .executeTakeFirstOrThrow();
    assert.deepEqual(day, { sfo_id: sfo.id, kindergarten_id: null, pickup_message: 'Går hjem med Ida' });
  } finally {
    await db.deleteFrom('care_day').where('child_id', '=', sofie).execute();
    await db.deleteFrom('sfo_enrolment').where('id', '=', place.id).execute();
  }
});

test('the page is four statements (the session, the care facts, the units, the rest), however much care data', async () => {
  const count = async () => {
    counter.reset();
    assert.equal((await client.get(page, kari)).status, 200);
    return counter.count;
  };
  const before = await count();
  assert.ok(before <= 4, `${before} statements`);
  await db
    .insertInto('care_pickup_person')
    .values(Array.from({ length: 12 }, (_, i) => ({ child_id: nora, name: `Hentar ${i}`, phone: '+4741234567' })))
    .execute();
  await db
    .insertInto('care_holiday')
    .values(
      Array.from({ length: 12 }, (_, i) => ({
        child_id: nora,
        starts_on: `2027-0${(i % 9) + 1}-10`,
        ends_on: `2027-0${(i % 9) + 1}-11`,
      })),
    )
    .execute();
  assert.equal(await count(), before);
});

test("the department's staff see Nora's care without the guardian's forms, and cannot plan it (404)", async () => {
  const amina = { cookie: await sessionCookie(db, await loginPersonId(db, 'kindergarten-staff'), 'feide') };
  const response = await client.get(page, amina);
  assert.equal(response.status, 200);
  const { document } = await html(response);
  assert.match(textOf(document, '#care-unit'), /Bjørnehiet/);
  assert.equal(document.querySelectorAll('section[id^="care-"]').length, 6);
  assert.equal(document.querySelector('section[id^="care-"] form'), null, 'no forms for staff');
  assert.match(textOf(document, '#care-week'), /Mandag/);
  for (const [path, form] of posts) assert.equal((await client.post(`${page}${path}`, form, amina)).status, 404, path);
  // The guardian's message for today reads as the guardian's to staff, not as "your message".
  await db
    .insertInto('care_day')
    .values({
      child_id: nora,
      on_date: '2026-11-25',
      pickup_message: 'Bestemor henter kl. 15',
      guardian_note: 'Sliten',
    })
    .onConflict((oc) =>
      oc
        .columns(['child_id', 'on_date'])
        .doUpdateSet({ pickup_message: 'Bestemor henter kl. 15', guardian_note: 'Sliten' }),
    )
    .execute();
  const today = textOf((await html(await client.get(page, amina))).document, '#care-today');
  assert.match(today, /Beskjed om henting\s*Bestemor henter kl\. 15/);
  assert.match(today, /Beskjed fra foresatte\s*Sliten/);
  assert.doesNotMatch(today, /Din beskjed/);
});
