import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type DemoLoginKey } from '../../src/db/seed/seed.ts';
import { createTestApp, html, sessionCookie, TEST_ORIGIN } from '../support/app.ts';
import { createDemoTestDb } from '../support/db.ts';
import { loginPersonId } from '../support/fixtures.ts';

/*
 * Skolestartere (issue 12): Ida Nordmann is admitted to 1A at Bjørkelia from the first school day of next year and has
 * no enrolment now. Her guardians (Kari and Anders) reach her SFO screen and the summer SFO before she starts, and
 * nothing else of her; a blocked guardian and a contact person reach nothing.
 */

const TODAY = '2026-11-25';
const FIRST_SCHOOL_DAY = '2027-08-16';
const db = await createDemoTestDb(TODAY);
const client = createTestApp(db, {}, { clock: () => new Date(`${TODAY}T09:00:00+01:00`) });

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
const newPerson = async (given: string, family: string) =>
  (
    await db
      .insertInto('person')
      .values({ given_name: given, family_name: family })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;

const bj = await db
  .selectFrom('school')
  .select(['id', 'municipality_id'])
  .where('name', '=', 'Bjørkelia skole')
  .executeTakeFirstOrThrow();
await db
  .insertInto('school_year')
  .values({
    municipality_id: bj.municipality_id,
    name: '2027–2028',
    starts_on: FIRST_SCHOOL_DAY,
    ends_on: '2028-06-16',
  })
  .onConflict((oc) => oc.columns(['municipality_id', 'starts_on']).doNothing())
  .execute();
const year = await db
  .selectFrom('school_year')
  .select('id')
  .where('municipality_id', '=', bj.municipality_id)
  .where('starts_on', '=', FIRST_SCHOOL_DAY)
  .executeTakeFirstOrThrow();
const firstClass = await db
  .insertInto('class')
  .values({ school_id: bj.id, school_year_id: year.id, name: '1A', trinn: 1 })
  .returning('id')
  .executeTakeFirstOrThrow();
const ida = await newPerson('Ida', 'Nordmann');
await db
  .insertInto('enrolment')
  .values({ pupil_id: ida, school_id: bj.id, class_id: firstClass.id, starts_on: FIRST_SCHOOL_DAY })
  .execute();
const anders = await named('Anders', 'Nordmann');
const sofie = await named('Sofie', 'Nordmann');
const blocked = await newPerson('Bente', 'Sperret');
const contact = await newPerson('Kjell', 'Kontaktperson');
await db
  .insertInto('guardian_relation')
  .values([
    { pupil_id: ida, guardian_id: await person('guardian'), relation: 'mor' },
    { pupil_id: ida, guardian_id: anders, relation: 'far' },
    { pupil_id: ida, guardian_id: blocked, relation: 'mor', blocked: true },
    // A contact person: no parental responsibility (as the register import and the office make one).
    {
      pupil_id: ida,
      guardian_id: contact,
      relation: 'annet',
      parental_responsibility: false,
      contact_person_only: true,
    },
  ])
  .execute();

const as = async (personId: number, via: 'idporten' | 'feide' = 'idporten') => ({
  cookie: await sessionCookie(db, personId, via),
});
const kari = await as(await person('guardian'));
// Kari has decided on the general consent, so /home is not the gate.
await db
  .deleteFrom('general_consent')
  .where('guardian_id', '=', await person('guardian'))
  .execute();
await db
  .insertInto('general_consent')
  .values({ guardian_id: await person('guardian'), state: 'given', decided_at: new Date(`${TODAY}T08:00:00Z`) })
  .execute();
const andersLogin = await as(anders);
const blockedLogin = await as(blocked);
const contactLogin = await as(contact);
const berit = await as(await person('sfo-leader'), 'feide');
const threeDays = (
  await db
    .selectFrom('sfo_offer as o')
    .innerJoin('sfo as f', 'f.id', 'o.sfo_id')
    .select('o.id')
    .where('f.name', '=', 'Bjørkelia SFO')
    .where('o.name', '=', '3 dager i uka')
    .executeTakeFirstOrThrow()
).id;

const post = (path: string, entries: [string, string][], headers: Record<string, string>) =>
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
const applicationsOfIda = () =>
  db.selectFrom('application').select(['id', 'status', 'kind']).where('pupil_id', '=', ida).execute();
const apply = (from: string): [string, string][] => [
  ['offer', String(threeDays)],
  ['days', '1'],
  ['days', '3'],
  ['days', '5'],
  ['from', from],
  ['comment', 'Hun gleder seg'],
];

test('home: the skolestarter card says when she starts and leads to her SFO (nb, nn, en)', async () => {
  const { document } = await html(await client.get('/home', kari));
  const card = Array.from(document.querySelectorAll('li')).find((li) => /Ida Nordmann/.test(li.textContent ?? ''));
  assert.ok(card, 'a card for Ida');
  const text = card.textContent?.replace(/\s+/g, ' ') ?? '';
  assert.match(text, /Bjørkelia skole, 1A/);
  assert.match(text, /Skolestarter fra 16\.08\.2027/);
  assert.ok(card.querySelector(`a[href="/children/${ida}/sfo"]`), 'the card links to her SFO screen');
  assert.ok(!card.querySelector(`a[href="/children/${ida}"]`), 'not to the child page she cannot open yet');
  // Sofie and Jonas are still there, as before.
  assert.match(document.body.textContent ?? '', /Sofie Nordmann/);
  for (const [lang, expected] of [
    ['nn', /Skulestartar frå 16\.08\.2027/],
    ['en', /Starting school on 16\.08\.2027/],
  ] as const) {
    const page = await html(await client.get('/home', { cookie: `${kari.cookie}; skolebro_lang=${lang}` }));
    assert.match(page.document.body.textContent ?? '', expected, lang);
  }
  for (const other of [blockedLogin, contactLogin]) {
    const page = await html(await client.get('/home', other));
    assert.doesNotMatch(page.document.body.textContent ?? '', /Ida Nordmann|Skolestarter/);
  }
});

test('the SFO screen: only the SFO tab, the first school day named, the apply form; no reduced payment', async () => {
  const res = await client.get(`/children/${ida}/sfo`, kari);
  assert.equal(res.status, 200);
  const { document } = await html(res);
  assert.equal(textOf(document, 'h1'), 'Ida Nordmann');
  assert.match(document.body.textContent?.replace(/\s+/g, ' ') ?? '', /Skolestarter fra 16\.08\.2027/);
  const tabs = Array.from(document.querySelectorAll('#child-frame nav[aria-label="Om barnet"] a')).map((a) =>
    a.getAttribute('href'),
  );
  assert.deepEqual(tabs, [`/children/${ida}/sfo`], 'only the SFO tab');
  assert.ok(document.querySelector(`form[action="/children/${ida}/sfo/place"]`), 'the apply form');
  // The way to the summer SFO; not to reduced payment or invoices (she has no place yet: those are a 404).
  const links = Array.from(document.querySelectorAll('#child-frame a')).map((a) => a.getAttribute('href') ?? '');
  assert.ok(links.includes(`/children/${ida}/sfo/summer`), 'the summer SFO link');
  assert.deepEqual(
    links.filter((href) => /reduced-payment|invoice/.test(href)),
    [],
    'no reduced payment or invoice links',
  );
});

test('apply before the first school day → 422 with the first school day named and the values kept; nothing saved', async () => {
  const res = await post(`/children/${ida}/sfo/place`, apply('02.08.2027'), kari);
  assert.equal(res.status, 422);
  const { document } = await html(res);
  assert.equal(
    textOf(document, '#sfo-place-from-error'),
    'Ida begynner på skolen 16.08.2027. SFO-plassen kan tidligst starte da (sommeren før er sommer-SFO).',
  );
  assert.equal(document.querySelector('#sfo-place-from')?.getAttribute('aria-invalid'), 'true');
  assert.equal(document.querySelector('#sfo-place-from')?.getAttribute('value'), '02.08.2027');
  assert.equal(document.querySelector(`#sfo-place-offer-${threeDays}`)?.hasAttribute('checked'), true);
  assert.deepEqual(
    Array.from(document.querySelectorAll('#sfo-place-section input[name="days"][checked]')).map((i) =>
      i.getAttribute('value'),
    ),
    ['1', '3', '5'],
  );
  assert.equal(document.querySelector('#sfo-place-comment')?.textContent?.trim(), 'Hun gleder seg');
  assert.match(textOf(document, '[role="alert"]'), /16\.08\.2027/);
  assert.deepEqual(await applicationsOfIda(), []);
});

test('apply from the first school day → 303; Anders confirms; the SFO leader decides; the place starts that day', async () => {
  const res = await post(`/children/${ida}/sfo/place`, apply('16.08.2027'), kari);
  assert.equal(res.status, 303);
  const [app] = await applicationsOfIda();
  assert.ok(app);
  assert.equal(app.status, 'awaiting_guardians', 'the other guardian with parental responsibility confirms');
  assert.equal(res.headers.get('location'), `/children/${ida}/sfo?sent=${app.id}`);
  const asked = await db
    .selectFrom('application_confirmation')
    .select('guardian_id')
    .where('application_id', '=', app.id)
    .execute();
  assert.deepEqual(
    asked.map((r) => r.guardian_id),
    [anders],
    'only Anders is asked (not the blocked guardian, not the contact person)',
  );

  const andersPage = await html(await client.get(`/children/${ida}/sfo`, andersLogin));
  assert.ok(
    andersPage.document.querySelector(`form[action="/children/${ida}/sfo-applications/${app.id}/confirmation"]`),
  );
  const confirmed = await post(
    `/children/${ida}/sfo-applications/${app.id}/confirmation`,
    [['answer', 'confirmed']],
    andersLogin,
  );
  assert.equal(confirmed.status, 303);
  assert.equal((await applicationsOfIda())[0]!.status, 'submitted');

  const queue = await html(await client.get('/applications?kind=sfo_place', berit));
  assert.match(queue.text, /Ida Nordmann/, 'the SFO leader has it in the queue');
  const decisionPage = await client.get(`/applications/${app.id}`, berit);
  assert.equal(decisionPage.status, 200);
  assert.match(await decisionPage.text(), /Bjørkelia skole, 1A/, 'the class she starts in, for the SFO leader');
  const granted = await post(
    `/applications/${app.id}/decision`,
    [
      ['outcome', 'granted'],
      ['reasons', ''],
    ],
    berit,
  );
  assert.equal(granted.status, 303);
  const place = await db
    .selectFrom('sfo_enrolment')
    .select(['starts_on', 'days', 'payer_id'])
    .where('pupil_id', '=', ida)
    .executeTakeFirstOrThrow();
  assert.deepEqual(place, { starts_on: FIRST_SCHOOL_DAY, days: [1, 3, 5], payer_id: await person('guardian') });
  const after = await html(await client.get(`/children/${ida}/sfo`, kari));
  assert.match(textOf(after.document, '#sfo-current-heading + dl'), /3 dager i uka.*16\.08\.2027/);
  // The vedtak is linked from her SFO screen and opens for Kari (her documents tab does not exist yet).
  const vedtak = after.document
    .querySelector(`#sfo-application-${app.id} a[href^="/documents/"]`)
    ?.getAttribute('href');
  assert.ok(vedtak, 'the vedtak is linked');
  const letter = await client.get(vedtak, kari);
  assert.equal(letter.status, 200);
  assert.equal(letter.headers.get('content-type'), 'application/pdf');
  assert.equal((await client.get(vedtak, blockedLogin)).status, 404, 'not for the blocked guardian');
});

test('everything else of hers is a 404 for her guardians: the child page, absence, messages, timetable, leave, documents, consents, forms, news, reduced payment', async () => {
  for (const path of [
    `/children/${ida}`,
    `/children/${ida}/absence`,
    `/children/${ida}/messages`,
    `/children/${ida}/timetable`,
    `/children/${ida}/leave`,
    `/children/${ida}/documents`,
    `/children/${ida}/consents`,
    `/children/${ida}/forms`,
    `/children/${ida}/news`,
    `/children/${ida}/sfo/reduced-payment`,
    `/children/${ida}/sfo/invoice`,
  ]) {
    for (const [who, login] of [
      ['Kari', kari],
      ['Anders', andersLogin],
    ] as const)
      assert.equal((await client.get(path, login)).status, 404, `${who} ${path}`);
    // The same page of her big sister, who is at school, opens (so the 404 is about Ida, not the route).
    if (!path.includes('/sfo/'))
      assert.equal((await client.get(path.replace(`/${ida}`, `/${sofie}`), kari)).status, 200, `Kari ${path} (Sofie)`);
  }
  const absence = await post(
    `/children/${ida}/absences`,
    [
      ['kind', 'sick'],
      ['from', '25.11.2026'],
    ],
    kari,
  );
  assert.equal(absence.status, 404, 'no absence report for a child not at school');
  const message = await post(
    `/children/${ida}/messages`,
    [
      ['subject', 'Hei'],
      ['body', 'Hei'],
    ],
    kari,
  );
  assert.equal(message.status, 404, 'no message book yet');
});

test('a blocked guardian and a contact person without parental responsibility: her SFO screen and the forms are a 404', async () => {
  for (const [who, login] of [
    ['blocked guardian', blockedLogin],
    ['contact person', contactLogin],
  ] as const) {
    for (const path of [`/children/${ida}/sfo`, `/children/${ida}/sfo/summer`, `/children/${ida}`])
      assert.equal((await client.get(path, login)).status, 404, `${who} ${path}`);
    assert.equal((await post(`/children/${ida}/sfo/place`, apply('16.08.2027'), login)).status, 404, who);
  }
  assert.equal((await client.get(`/children/${ida}/sfo`, berit)).status, 404, 'staff');
});

test('summer SFO: the registration reaches her guardians before she starts, and they answer for the weeks before the first school day', async () => {
  const sfo = (await db.selectFrom('sfo').select('id').where('name', '=', 'Bjørkelia SFO').executeTakeFirstOrThrow())
    .id;
  const saved = await client.post(
    `/sfo/${sfo}/summer`,
    { year: '2027', first_day: '21.06.2027', last_day: '13.08.2027', deadline: '01.05.2027', price: '350' },
    berit,
  );
  assert.equal(saved.status, 303);
  assert.equal((await client.post(`/sfo/${sfo}/summer/send`, { year: '2027' }, berit)).status, 303);
  const child = `/children/${ida}/sfo/summer`;
  const form = await html(await client.get(child, kari));
  assert.match(textOf(form.document, 'h1'), /Sommer-SFO for Ida/);
  const periodId = form.document.querySelector('input[name="period_id"]')?.getAttribute('value') ?? '';
  assert.ok(periodId);
  const answer = await post(
    child,
    [
      ['period_id', periodId],
      ['w_2027-08-09', '1'],
      ['w_2027-08-09', '2'],
    ],
    kari,
  );
  assert.equal(answer.status, 303);
  const again = await html(await client.get(`${child}?saved=1`, andersLogin));
  assert.ok(again.document.querySelector('input[name="w_2027-08-09"][value="2"][checked]'), 'Anders sees the answer');
});
