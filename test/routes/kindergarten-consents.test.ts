import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countStatements } from '../../src/db/counting.ts';
import { giveDemoGeneralConsent } from '../../src/db/seed/consents.ts';
import { createTestApp, html, sessionCookie } from '../support/app.ts';
import { createDemoTestDb } from '../support/db.ts';
import { childOf, loginPersonId, personNamed } from '../support/fixtures.ts';

/**
 * A kindergarten child's consents (issue 13, K1: "consents, with the unit's own consent types"): Kari Nordmann answers
 * Nora's consents at Bjørkelia barnehage — the owner's kindergarten types and the kindergarten's own, never the
 * school's —; Nora's pedagogical leader is told; the kindergarten's staff see the overview; everyone else gets a 404.
 */
const TODAY = '2026-11-25';
const db = await createDemoTestDb(TODAY);
const counter = countStatements(db);
const client = createTestApp(counter.db, {}, { clock: () => new Date(`${TODAY}T09:00:00+01:00`) });

const as = async (id: number, via: 'idporten' | 'feide') => ({ cookie: await sessionCookie(db, id, via) });
const textOf = (document: Document, selector: string) =>
  document.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

const kariId = await loginPersonId(db, 'guardian');
const kari = await as(kariId, 'idporten');
const nora = await childOf(db, kariId, 'Nora');
const sofie = await childOf(db, kariId, 'Sofie');
const sondreId = await loginPersonId(db, 'pedagogical-leader');
const hilde = await as(await loginPersonId(db, 'kindergarten-leader'), 'feide');
const amina = await as(await loginPersonId(db, 'kindergarten-staff'), 'feide');
const kindergarten = await db
  .selectFrom('kindergarten')
  .select('id')
  .where('name', '=', 'Bjørkelia barnehage')
  .executeTakeFirstOrThrow();
const departmentId = async (name: string) =>
  (
    await db
      .selectFrom('kindergarten_department')
      .select('id')
      .where('kindergarten_id', '=', kindergarten.id)
      .where('name', '=', name)
      .executeTakeFirstOrThrow()
  ).id;
const bjornehiet = await departmentId('Bjørnehiet');
const maurtua = await departmentId('Maurtua');

const page = `/care/children/${nora}/consents`;
const overview = `/care/kindergarten/${kindergarten.id}/consents`;

test("Nora's care page links to her consents; they are the kindergarten's, locked until the general consent", async () => {
  const care = await html(await client.get(`/care/children/${nora}`, kari));
  assert.equal(care.document.querySelector('#care-consents a')?.getAttribute('href'), page);

  const response = await client.get(page, kari);
  assert.equal(response.status, 200);
  const { document } = await html(response);
  assert.equal(textOf(document, 'h1'), 'Samtykker for Nora');
  const names = Array.from(document.querySelectorAll('li[id^="consent-"] h2')).map((h) => h.textContent?.trim());
  assert.deepEqual(names, [
    'Bilder',
    'Deles med foresatte på avdelingen',
    'Publiseres på internett',
    'Turer utenfor barnehagen',
    'Kan sitte på i bil',
    'Solkrem',
    'Bading i Bjørkelitjønna',
  ]);
  assert.match(textOf(document, 'main'), /Samtykkene er låst/);
  assert.equal(
    document.querySelector(`a[href="/consent/general?return_to=${encodeURIComponent(page)}"]`)?.textContent?.trim(),
    'Gå til generelt samtykke',
  );
  assert.equal(document.querySelector(`form[action="${page}"]`), null, 'nothing to answer yet');

  const refused = await client.post(page, { 'answer-bhg-foto': 'given' }, kari);
  assert.equal(refused.status, 403);
  assert.match(textOf((await html(refused)).document, '[role="alert"]'), /generelle samtykket først/);
  const saved = await db.selectFrom('consent_answer').select('state').where('pupil_id', '=', nora).execute();
  assert.equal(saved.length, 0);
});

test('a guardian with only a kindergarten child is asked for the general consent at once after login', async () => {
  const guardian = await db
    .insertInto('person')
    .values({ given_name: 'Linn', family_name: 'Bakke', fodselsnummer: '01019012345' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const child = await db
    .insertInto('person')
    .values({ given_name: 'Ylva', family_name: 'Bakke' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('guardian_relation')
    .values({ pupil_id: child.id, guardian_id: guardian.id, relation: 'mor', parental_responsibility: true })
    .execute();
  await db
    .insertInto('kindergarten_enrolment')
    .values({ child_id: child.id, department_id: maurtua, starts_on: '2026-08-01' })
    .execute();
  const home = await client.get('/home', await as(guardian.id, 'idporten'));
  assert.equal(home.status, 302);
  assert.equal(home.headers.get('location'), '/consent/general');
});

test('Kari answers: the school’s types are not Nora’s; a wrong answer comes back with her values; Sondre is told', async () => {
  await giveDemoGeneralConsent(db, ['guardian']);
  assert.equal((await client.post(page, { 'answer-foto': 'given' }, kari)).status, 404, 'a school consent');

  const invalid = await client.post(
    page,
    { 'answer-bhg-foto': 'given', 'answer-bhg-tur': 'kanskje', 'answer-bhg-solkrem': 'refused' },
    kari,
  );
  assert.equal(invalid.status, 422);
  const refused = (await html(invalid)).document;
  assert.equal(textOf(refused, '#consent-bhg-tur-error'), 'Velg ja eller nei.');
  assert.equal(refused.querySelector<HTMLInputElement>('#consent-bhg-foto-given')?.hasAttribute('checked'), true);
  assert.equal(refused.querySelector('#consent-bhg-solkrem-refused')?.hasAttribute('checked'), true);

  const nested = await client.post(page, { 'answer-bhg-foto': 'refused', 'answer-bhg-foto-internett': 'given' }, kari);
  assert.equal(nested.status, 422);
  assert.match(
    textOf((await html(nested)).document, '#consent-bhg-foto-internett-error'),
    /uten å samtykke til «Bilder»/,
  );

  const ok = await client.post(
    page,
    { 'answer-bhg-foto': 'given', 'answer-bhg-foto-internett': 'given', 'answer-bjorkelia-bhg-bading': 'refused' },
    kari,
  );
  assert.equal(ok.status, 303);
  assert.equal(ok.headers.get('location'), `${page}?saved=all`);
  const after = (await html(await client.get(`${page}?saved=all`, kari))).document;
  assert.match(textOf(after, 'main'), /Svarene dine er lagret, og barnehagen har fått beskjed om endringene\./);
  const photo = textOf(after, '#consent-bhg-foto');
  assert.match(photo, /Ditt svar\W*Gitt/);
  assert.match(photo, /Anders Nordmann har svart\W*Ikke besvart/);
  assert.match(photo, /Gjelder for barnehagen\W*Ikke besvart/, 'both guardians must give it');
  assert.match(textOf(after, '#consent-history + ol'), /Bading i Bjørkelitjønna: Ikke besvart → Nektet/, 'the history');

  const told = await db
    .selectFrom('outbox')
    .select(['recipient_person_id', 'event_type'])
    .where('pupil_id', '=', nora)
    .where('event_type', '=', 'consent.changed')
    .execute();
  assert.deepEqual([...new Set(told.map((t) => t.recipient_person_id))], [sondreId]);
  assert.equal(told.length, 3, 'one notice per change');
});

test('the receipt is a PDF for Kari only; My data has Nora’s answers', async () => {
  const receipt = await client.post(`${page}/receipt`, {}, kari);
  assert.equal(receipt.status, 303);
  const download = await client.get(receipt.headers.get('location') ?? '', kari);
  assert.equal(download.status, 200);
  assert.equal(download.headers.get('content-type'), 'application/pdf');
  const anders = await as(await personNamed(db, 'Anders', 'Nordmann'), 'idporten');
  assert.equal((await client.get(receipt.headers.get('location') ?? '', anders)).status, 404, 'addressed to Kari');

  const data = await (await client.get('/me/data.json', kari)).json();
  const child = data.children.find((c: { name: string }) => c.name === 'Nora Nordmann');
  assert.ok(child, 'Nora is in My data');
  assert.deepEqual(
    child.extra.consents.map((c: { consent: string; answer: string }) => `${c.consent}: ${c.answer}`).sort(),
    ['Bading i Bjørkelitjønna: refused', 'Bilder: given', 'Publiseres på internett: given'],
  );
});

test("Sofie's school consents do not include the kindergarten's", async () => {
  const { document } = await html(await client.get(`/children/${sofie}/consents`, kari));
  const names = Array.from(document.querySelectorAll('li[id^="consent-"] h3')).map((h) => h.textContent?.trim());
  assert.ok(names.includes('Foto'));
  assert.ok(!names.includes('Bilder') && !names.includes('Solkrem'), names.join(', '));
});

test('the staff overview: every child of the kindergarten or one department; a fixed number of statements', async () => {
  const cost = async (path: string) => {
    counter.reset();
    const response = await client.get(path, hilde);
    assert.equal(response.status, 200, path);
    const { document } = await html(response);
    return { count: counter.count, document };
  };
  const all = await cost(overview);
  const rows = all.document.querySelectorAll('tbody tr');
  assert.ok(rows.length > 30, `the whole kindergarten: ${rows.length}`);
  assert.equal(textOf(all.document, 'h1'), 'Samtykker – Bjørkelia barnehage');
  assert.equal(all.document.querySelectorAll('thead th').length, 1 + 7);

  const one = await cost(`${overview}?department=${bjornehiet}`);
  const noraRow = Array.from(one.document.querySelectorAll('tbody tr')).find((r) =>
    /Nordmann, Nora/.test(r.textContent ?? ''),
  );
  assert.ok(noraRow, 'Nora is in Bjørnehiet');
  assert.ok(one.document.querySelectorAll('tbody tr').length < rows.length);
  assert.equal(
    noraRow.querySelector('a')?.getAttribute('href'),
    `/care/kindergarten/${kindergarten.id}/board?department=${bjornehiet}#child-${nora}`,
  );
  assert.equal(one.count, all.count, `${all.count} statements for all, ${one.count} for one department`);
  assert.ok(all.count <= 6, `session, unit, types, roster, answers: ${all.count}`);

  // Kari gave "Bilder", Anders has not: not given yet; refused "Bading": refused.
  const refusedBathing = await html(await client.get(`${overview}?type=bjorkelia-bhg-bading&state=refused`, amina));
  assert.ok(
    Array.from(refusedBathing.document.querySelectorAll('tbody tr')).some((r) =>
      /Nordmann, Nora/.test(r.textContent ?? ''),
    ),
  );
  const givenPhoto = await html(await client.get(`${overview}?type=bhg-foto&state=given`, amina));
  assert.ok(
    !Array.from(givenPhoto.document.querySelectorAll('tbody tr')).some((r) =>
      /Nordmann, Nora/.test(r.textContent ?? ''),
    ),
  );
  const board = await html(await client.get(`/care/kindergarten/${kindergarten.id}/board`, amina));
  assert.equal(board.document.querySelector(`a[href="${overview}"]`)?.textContent?.trim(), 'Samtykker for barna');
});

test('everyone else: 404 for Nora’s consents and for the overview; a bad department is a 404', async () => {
  const outsiders = {
    'Kari with Feide': await as(kariId, 'feide'),
    'another guardian (Ola)': await as(await loginPersonId(db, 'guardian-private'), 'idporten'),
    'school leadership': await as(await loginPersonId(db, 'leadership'), 'feide'),
    'the contact teacher': await as(await loginPersonId(db, 'contact-teacher'), 'feide'),
    'the SFO leader': await as(await loginPersonId(db, 'sfo-leader'), 'feide'),
    'the school owner': await as(await loginPersonId(db, 'school-owner'), 'feide'),
  };
  for (const [who, session] of Object.entries(outsiders)) {
    assert.equal((await client.get(page, session)).status, 404, `${who}: Nora's consents`);
    assert.equal((await client.post(page, { 'answer-bhg-foto': 'refused' }, session)).status, 404, `${who}: answer`);
    assert.equal((await client.get(overview, session)).status, 404, `${who}: overview`);
  }
  for (const staff of [hilde, amina])
    assert.equal((await client.get(page, staff)).status, 404, 'staff use the overview');
  assert.equal((await client.get(`${overview}?department=999999`, hilde)).status, 404);
  assert.equal((await client.get(`/care/kindergarten/999999/consents`, hilde)).status, 404);
  assert.equal((await client.get(`/care/children/${sofie}/consents`, kari)).status, 404, 'Sofie has no place');
});
