import assert from 'node:assert/strict';
import { countStatements } from '../../src/db/counting.ts';
import { test } from 'node:test';
import { type DemoLoginKey } from '../../src/db/seed/seed.ts';
import { demoTaxAssessmentPdf } from '../../src/db/seed/sfo-support-activity.ts';
import { createTestApp, html, sessionCookie, TEST_ORIGIN } from '../support/app.ts';
import { createDemoTestDb } from '../support/db.ts';
import { loginPersonId } from '../support/fixtures.ts';

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
const jonas = await named('Jonas', 'Nordmann');
const sfo = (await db.selectFrom('sfo').select('id').where('name', '=', 'Bjørkelia SFO').executeTakeFirstOrThrow()).id;
const otherSfo = (await db.selectFrom('sfo').select('id').where('name', '=', 'Fjellheim SFO').executeTakeFirstOrThrow())
  .id;
const offer = (await db.selectFrom('sfo_offer').select('id').where('sfo_id', '=', sfo).executeTakeFirstOrThrow()).id;
const kariId = await person('guardian');
await db
  .insertInto('sfo_enrolment')
  .values({ sfo_id: sfo, pupil_id: sofie, starts_on: '2026-08-17', offer_id: offer, payer_id: kariId })
  .execute();

const as = async (id: number, via: 'idporten' | 'feide') => ({ cookie: await sessionCookie(db, id, via) });
const kari = await as(kariId, 'idporten');
const anders = await as(await named('Anders', 'Nordmann'), 'idporten');
const ola = await as(await person('guardian-private'), 'idporten');
const berit = await as(await person('sfo-leader'), 'feide');
const torunn = await as(await person('leadership'), 'feide');
const staff = {
  sfoStaff: await as(await person('sfo-staff'), 'feide'),
  teacher: await as(await person('teacher'), 'feide'),
  contactTeacher: await as(await person('contact-teacher'), 'feide'),
  owner: await as(await person('school-owner'), 'feide'),
};
const textOf = (document: Document, selector: string) =>
  document.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

function postMultipart(
  path: string,
  fields: Record<string, string>,
  file: { name: string; bytes: Uint8Array } | null,
  cookie: string,
) {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  body.append(
    'attachment',
    file
      ? new File([new Uint8Array(file.bytes)], file.name, { type: 'application/pdf' })
      : new File([], '', { type: 'application/octet-stream' }),
  );
  return client.app.request(new URL(path, TEST_ORIGIN).toString(), {
    method: 'POST',
    body,
    headers: { cookie, origin: TEST_ORIGIN, 'sec-fetch-site': 'same-origin' },
  });
}
const reducedForm = (over: Record<string, string> = {}) => ({
  school_year_id: '1',
  household_members: 'Kari Nordmann\nSofie Nordmann',
  household_size: '2',
  gross_income: '380 000',
  ...over,
});
const pdf = await demoTaxAssessmentPdf('Kari Nordmann', 380_000);

test('reduced payment: the page for the guardian only, a 422 that keeps the values, then the application and its PDF', async () => {
  const path = `/children/${sofie}/sfo/reduced-payment`;
  const page = await html(await client.get(path, kari));
  assert.match(textOf(page.document, 'h1'), /Redusert betaling i SFO for Sofie/);
  assert.ok(page.document.querySelector('form[enctype="multipart/form-data"] input[type="file"][name="attachment"]'));
  for (const other of [ola, berit, torunn, ...Object.values(staff)])
    assert.equal((await client.get(path, other)).status, 404);
  assert.equal((await client.get(`/children/999999/sfo/reduced-payment`, kari)).status, 404);

  const bad = await postMultipart(
    path,
    reducedForm({ gross_income: '' }),
    { name: 'x.txt', bytes: new TextEncoder().encode('hei') },
    kari.cookie,
  );
  assert.equal(bad.status, 422);
  const badPage = await html(bad);
  assert.equal(textOf(badPage.document, '#sfo-reduced-income-error'), 'Skriv husholdningens samlede inntekt.');
  assert.equal(textOf(badPage.document, '#sfo-reduced-attachment-error'), 'Vedlegget må være en PDF-fil.');
  assert.equal(badPage.document.querySelector('#sfo-reduced-members')?.textContent, 'Kari Nordmann\nSofie Nordmann');
  assert.equal(badPage.document.querySelector('#sfo-reduced-size')?.getAttribute('value'), '2');
  assert.ok(badPage.document.querySelector('[role="alert"] a[href="#sfo-reduced-income"]'));
  const mustChoose = await html(
    await postMultipart(path, reducedForm({ household_size: '' }), { name: 'a.pdf', bytes: pdf }, kari.cookie),
  );
  assert.match(textOf(mustChoose.document, '#sfo-reduced-attachment-error'), /Velg filen på nytt/);
  assert.equal(
    await db.selectFrom('application').select('id').where('kind', '=', 'sfo_reduced_payment').executeTakeFirst(),
    undefined,
  );

  const jonasPage = await html(
    await postMultipart(
      `/children/${jonas}/sfo/reduced-payment`,
      reducedForm(),
      { name: 'a.pdf', bytes: pdf },
      kari.cookie,
    ),
  );
  assert.match(jonasPage.text, /gjelder bare barn i 1\.–4\. trinn/);
  assert.match(jonasPage.text, /Barnet har ikke plass i SFO/);

  const ok = await postMultipart(path, reducedForm(), { name: 'skatt.pdf', bytes: pdf }, kari.cookie);
  assert.equal(ok.status, 303);
  assert.equal(ok.headers.get('location'), `${path}?waiting=1`);
  const after = await html(await client.get(`${path}?waiting=1`, kari));
  assert.match(textOf(after.document, '#sfo-reduced-list'), /Skoleår 2026–2027, inntekt 380\s000,00\s+kr/);
  const app = await db
    .selectFrom('application')
    .select('id')
    .where('kind', '=', 'sfo_reduced_payment')
    .executeTakeFirstOrThrow();
  const attachment = `/sfo/reduced-payment/${app.id}/attachment`;
  assert.ok(after.document.querySelector(`a[href="${attachment}"]`));

  const download = await client.get(attachment, kari);
  assert.equal(download.status, 200);
  assert.equal(download.headers.get('content-type'), 'application/pdf');
  // Anders, the other guardian, is asked on the same page; the applicant has nothing to confirm (404).
  const confirmation = `${path}/${app.id}/confirmation`;
  assert.ok(!after.document.querySelector(`form[action="${confirmation}"]`), 'no confirm button for the applicant');
  assert.equal((await client.post(confirmation, { answer: 'confirmed' }, kari)).status, 404);
  const asked = await html(await client.get(path, anders));
  assert.match(
    textOf(asked.document, '#sfo-reduced-list'),
    /Kari Nordmann har søkt\. Søknaden går til SFO når du har bekreftet den\./,
  );
  assert.equal(asked.document.querySelectorAll(`form[action="${confirmation}"]`).length, 2, 'confirm and decline');
  assert.equal((await client.post(confirmation, { answer: 'maybe' }, anders)).status, 400);
  const confirmed = await client.post(confirmation, { answer: 'confirmed' }, anders);
  assert.equal(confirmed.status, 303);
  assert.equal(confirmed.headers.get('location'), `${path}?confirmed=1`);
  assert.match(
    textOf((await html(await client.get(`${path}?confirmed=1`, anders))).document, '[role="status"]'),
    /Du har bekreftet søknaden/,
  );
  const again = await client.post(confirmation, { answer: 'declined' }, anders);
  assert.equal(again.status, 409, 'answered once');
  assert.match(await again.text(), /Søknaden kan ikke lenger besvares/);
  assert.equal(
    (await db.selectFrom('application').select('status').where('id', '=', app.id).executeTakeFirstOrThrow()).status,
    'submitted',
  );
  // Confirmed by Anders, it reaches the SFO's leader, who downloads it from the application page.
  assert.equal((await client.get(attachment, berit)).status, 200);
  const decisionPage = await html(await client.get(`/applications/${app.id}`, berit));
  assert.ok(decisionPage.document.querySelector(`a[href="${attachment}"]`), 'the decider sees the link');
  assert.ok(decisionPage.document.querySelector('input[name="granted_income"]'));
  // The school's leadership decides SFO applications too (S8), so the rektor reads the attachment; nobody else does.
  assert.equal((await client.get(attachment, torunn)).status, 200);
  for (const other of [anders, ola, ...Object.values(staff)])
    assert.equal((await client.get(attachment, other)).status, 404);
  assert.equal((await client.get('/sfo/reduced-payment/abc/attachment', kari)).status, 404);
});

test('summer SFO: the leader and the leadership only; 422 keeps the values; send; the guardian answers; counts per day', async () => {
  const path = `/sfo/${sfo}/summer`;
  for (const who of [berit, torunn]) assert.equal((await client.get(`${path}?year=2027`, who)).status, 200);
  for (const other of [kari, ...Object.values(staff)]) assert.equal((await client.get(path, other)).status, 404);
  assert.equal((await client.get(`/sfo/${otherSfo}/summer`, berit)).status, 404);
  assert.equal((await client.get(`${path}?year=abcd`, berit)).status, 404);
  assert.equal((await client.post(path, { year: '2027' }, kari)).status, 404);

  const fields = {
    year: '2027',
    first_day: '21.06.2027',
    last_day: '13.08.2027',
    deadline: '30.06.2027',
    price: '350',
  };
  const bad = await client.post(path, fields, berit);
  assert.equal(bad.status, 422);
  const badPage = await html(bad);
  assert.equal(textOf(badPage.document, '#summer-deadline-error'), 'Svarfristen må være før første dag.');
  assert.equal(badPage.document.querySelector('#summer-first')?.getAttribute('value'), '21.06.2027');
  assert.equal(badPage.document.querySelector('#summer-price')?.getAttribute('value'), '350');

  const saved = await client.post(path, { ...fields, deadline: '01.05.2027' }, berit);
  assert.equal(saved.status, 303);
  const edit = await html(await client.get(`${path}?year=2027`, berit));
  assert.equal(edit.document.querySelectorAll('input[name="open_week"]').length, 8);
  const sent = await client.post(`${path}/send`, { year: '2027' }, berit);
  assert.equal(sent.status, 303);
  assert.match(sent.headers.get('location') ?? '', /sent=\d+/);

  // Kari answers for Sofie: Monday and Tuesday of the first week.
  const child = `/children/${sofie}/sfo/summer`;
  const form = await html(await client.get(child, kari));
  assert.match(textOf(form.document, 'h1'), /Sommer-SFO for Sofie/);
  const periodId = form.document.querySelector('input[name="period_id"]')?.getAttribute('value') ?? '';
  assert.ok(form.document.querySelector('input[name="w_2027-06-21"][value="1"]'));
  for (const other of [ola, berit, ...Object.values(staff)]) assert.equal((await client.get(child, other)).status, 404);
  const wrong = await client.post(child, { period_id: periodId, 'w_2027-07-05': '9' }, kari);
  assert.equal(wrong.status, 422);
  const body = new URLSearchParams([
    ['period_id', periodId],
    ['w_2027-06-21', '1'],
    ['w_2027-06-21', '2'],
  ]);
  const answer = await client.app.request(new URL(child, TEST_ORIGIN).toString(), {
    method: 'POST',
    body,
    headers: {
      cookie: kari.cookie,
      'content-type': 'application/x-www-form-urlencoded',
      origin: TEST_ORIGIN,
      'sec-fetch-site': 'same-origin',
    },
  });
  assert.equal(answer.status, 303);
  const again = await html(await client.get(`${child}?saved=1`, kari));
  assert.ok(again.document.querySelector('input[name="w_2027-06-21"][value="2"][checked]'));
  assert.ok(!again.document.querySelector('input[name="w_2027-06-21"][value="3"][checked]'));

  counter.reset();
  const leader = await html(await client.get(`${path}?year=2027`, berit));
  const bounded = counter.count;
  assert.ok(bounded <= 25, `bounded queries (${bounded})`);
  const cell = (date: string) =>
    Array.from(leader.document.querySelectorAll(`tr[data-date="${date}"] td`)).map((td) => td.textContent);
  assert.deepEqual(cell('2027-06-21'), ['1', '1']);
  assert.deepEqual(cell('2027-06-23'), ['0', '0']);
  assert.match(textOf(leader.document, '#summer-counts'), /én voksen per 15 barn/);
});

test('free SFO: the leader records it for a 5.–7. trinn child with a place, 422 keeps the reason, others get 404', async () => {
  const path = `/sfo/${sfo}/reductions`;
  const fifth = await db
    .selectFrom('enrolment as e')
    .innerJoin('class as c', 'c.id', 'e.class_id')
    .select('e.pupil_id')
    .where('c.name', '=', '5A')
    .where('e.school_id', '=', 1)
    .orderBy('e.pupil_id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('sfo_enrolment')
    .values({ sfo_id: sfo, pupil_id: fifth.pupil_id, starts_on: '2026-08-17' })
    .execute();
  for (const other of [kari, ...Object.values(staff)]) assert.equal((await client.get(path, other)).status, 404);
  assert.equal((await client.get(`/sfo/${otherSfo}/reductions`, berit)).status, 404);
  const page = await html(await client.get(path, berit));
  assert.ok(page.document.querySelector(`select[name="pupil_id"] option[value="${fifth.pupil_id}"]`));
  assert.ok(
    !page.document.querySelector(`select[name="pupil_id"] option[value="${sofie}"]`),
    '3. trinn is not offered',
  );

  const bad = await client.post(path, { pupil_id: String(sofie), reason: 'Særlige behov, se PPT.' }, berit);
  assert.equal(bad.status, 422);
  const badPage = await html(bad);
  assert.equal(badPage.document.querySelector('#free-reason')?.textContent, 'Særlige behov, se PPT.');
  assert.match(textOf(badPage.document, '#free-pupil-error'), /5\.–7\. trinn/);
  const ok = await client.post(path, { pupil_id: String(fifth.pupil_id), reason: 'Særlige behov, se PPT.' }, berit);
  assert.equal(ok.status, 303);
  const list = await html(await client.get(`${path}?recorded=1`, berit));
  assert.match(textOf(list.document, '#reductions-list'), /Gratis SFO/);
  const reduction = await db
    .selectFrom('sfo_payment_reduction')
    .select('id')
    .where('kind', '=', 'free')
    .executeTakeFirstOrThrow();
  assert.equal((await client.post(`${path}/${reduction.id}/end`, {}, staff.sfoStaff)).status, 404);
  assert.equal((await client.post(`${path}/${reduction.id}/end`, {}, berit)).status, 303);
  assert.equal((await client.post(`${path}/${reduction.id}/end`, {}, berit)).status, 404, 'ended already');
  assert.equal((await client.get(`${path}?page=2`, berit)).status, 200);
});
