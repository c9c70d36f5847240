import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type DemoLoginKey } from '../../src/db/seed/seed.ts';
import { createTestApp, html, sessionCookie } from '../support/app.ts';
import { createDemoTestDb } from '../support/db.ts';
import { loginPersonId } from '../support/fixtures.ts';

const db = await createDemoTestDb('2026-11-25');
let now = new Date('2026-11-25T09:00:00+01:00');
const client = createTestApp(db, {}, { clock: () => now });
const person = (key: DemoLoginKey) => loginPersonId(db, key);

const marius = await sessionCookie(db, await person('contact-teacher'), 'feide');
const class5a = (
  await db
    .selectFrom('class as c')
    .innerJoin('school as s', 's.id', 'c.school_id')
    .select('c.id')
    .where('s.name', '=', 'Bjørkelia skole')
    .where('c.name', '=', '5A')
    .executeTakeFirstOrThrow()
).id;
const pupils5a = (
  await db
    .selectFrom('enrolment')
    .select('pupil_id')
    .where('class_id', '=', class5a)
    .where('ends_on', 'is', null)
    .execute()
).map((r) => r.pupil_id);
const relation = await db
  .selectFrom('guardian_relation')
  .select(['guardian_id', 'pupil_id'])
  .where('pupil_id', 'in', pupils5a)
  .where('blocked', '=', false)
  .where('contact_person_only', '=', false)
  .where('parental_responsibility', '=', true)
  .orderBy('pupil_id')
  .orderBy('guardian_id')
  .executeTakeFirstOrThrow();
const guardian = await sessionCookie(db, relation.guardian_id, 'idporten');
const pupil = relation.pupil_id;
let formId = 0;
/** A form post with repeated fields (several choices), as a browser sends it. */
const postForm = (path: string, body: URLSearchParams) =>
  client.app.request(`http://localhost:3000${path}`, {
    method: 'POST',
    body,
    headers: {
      cookie: guardian,
      'content-type': 'application/x-www-form-urlencoded',
      origin: 'http://localhost:3000',
      'sec-fetch-site': 'same-origin',
    },
  });
const questionIds = async () =>
  await db
    .selectFrom('form_question')
    .select(['id', 'kind'])
    .where('form_id', '=', formId)
    .orderBy('position')
    .execute();

test('a contact teacher builds a form for own class; bad input comes back kept with a summary', async () => {
  const page = await html(await client.get('/forms/new', { cookie: marius }));
  assert.ok(page.document.querySelector(`option[value="class:${class5a}"]`), '5A is offered');
  assert.equal(page.document.querySelector('option[value^="school:"]'), null, 'not the whole school');
  const bad = await client.post(
    '/forms',
    { title: 'Tur til Fjellheim', description: '', deadline: '31.02.2026', audience: `class:${class5a}` },
    { cookie: marius },
  );
  assert.equal(bad.status, 422);
  const badPage = await html(bad);
  assert.equal(badPage.document.querySelector('#form-title')?.getAttribute('value'), 'Tur til Fjellheim');
  assert.equal(badPage.document.querySelector('#form-deadline')?.getAttribute('value'), '31.02.2026');
  assert.match(badPage.document.querySelector('[role="alert"]')?.textContent ?? '', /dd\.mm\.åååå/);
  const other = await client.post(
    '/forms',
    { title: 'X', description: '', deadline: '01.12.2026', audience: 'school:1' },
    { cookie: marius },
  );
  assert.equal(other.status, 404, 'an audience out of reach does not exist');
  const created = await client.post(
    '/forms',
    {
      title: 'Tur til Fjellheim',
      description: 'Vi drar på tur.',
      deadline: '01.12.2026',
      audience: `class:${class5a}`,
    },
    { cookie: marius },
  );
  assert.equal(created.status, 303);
  formId = Number(created.headers.get('location')!.split('/').pop());

  const questions = [
    { kind: 'single', label: 'Hvordan kommer barnet hjem?', options: 'Buss\nGår\nHentes', required: 'yes' },
    { kind: 'multiple', label: 'Hva kan barnet hjelpe med?', options: 'Telt\nMat\nKart', required: '' },
    { kind: 'yes_no', label: 'Kan barnet svømme?', options: '', required: 'yes' },
    { kind: 'text', label: 'Noe vi bør vite?', options: '', required: '' },
    { kind: 'date', label: 'Når må barnet være hjemme?', options: '', required: '' },
  ];
  const noOptions = await client.post(
    `/forms/${formId}/questions`,
    { kind: 'single', label: 'Velg', options: 'Bare én' },
    { cookie: marius },
  );
  assert.equal(noOptions.status, 422);
  assert.equal((await html(noOptions)).document.querySelector('#question-label')?.getAttribute('value'), 'Velg');
  for (const q of questions)
    assert.equal((await client.post(`/forms/${formId}/questions`, q, { cookie: marius })).status, 303);
  assert.equal((await questionIds()).length, 5);
});

test('sending reaches each guardian once; the questions are then fixed', async () => {
  const sent = await client.post(`/forms/${formId}/sending`, {}, { cookie: marius });
  assert.equal(sent.status, 303);
  const recipients = await db.selectFrom('form_recipient').select('pupil_id').where('form_id', '=', formId).execute();
  assert.deepEqual(
    recipients.map((r) => r.pupil_id).sort((a, b) => a - b),
    [...pupils5a].sort((a, b) => a - b),
  );
  const expected = await db
    .selectFrom('guardian_relation')
    .select('guardian_id')
    .distinct()
    .where('pupil_id', 'in', pupils5a)
    .where('blocked', '=', false)
    .where('contact_person_only', '=', false)
    .where('parental_responsibility', '=', true)
    .execute();
  const outbox = await db
    .selectFrom('outbox')
    .select('recipient_person_id')
    .where('event_type', '=', 'form.sent')
    .execute();
  assert.equal(outbox.length, expected.length, 'one notification per guardian');
  assert.equal(new Set(outbox.map((o) => o.recipient_person_id)).size, outbox.length);
  assert.equal((await client.post(`/forms/${formId}/sending`, {}, { cookie: marius })).status, 403);
  assert.equal(
    (await client.post(`/forms/${formId}/questions`, { kind: 'text', label: 'Sent?' }, { cookie: marius })).status,
    403,
  );
});

test('a guardian answers once per child, gets the values back on an error, and may edit until the deadline', async () => {
  const list = await html(await client.get(`/children/${pupil}/forms`, { cookie: guardian }));
  assert.match(
    list.document.querySelector('#child-section')?.textContent ?? '',
    /Tur til Fjellheim[\s\S]*Ikke besvart[\s\S]*Svarfrist 01\.12\.2026/,
  );
  const [single, multiple, yesNo, text, date] = await questionIds();
  const answer = `/children/${pupil}/forms/${formId}/answer`;
  const missing = await client.post(
    answer,
    { [`q${text!.id}`]: 'Allergisk mot nøtter?', [`q${date!.id}`]: '32.12.2026' },
    { cookie: guardian },
  );
  assert.equal(missing.status, 422);
  const missingPage = await html(missing);
  assert.equal(
    missingPage.document.querySelector(`#q${text!.id}`)?.textContent,
    'Allergisk mot nøtter?',
    'typed text kept',
  );
  assert.equal(missingPage.document.querySelectorAll('[role="alert"] li').length, 3, 'two required + a bad date');
  const body = new URLSearchParams([
    [`q${single!.id}`, 'Buss'],
    [`q${multiple!.id}`, 'Telt'],
    [`q${multiple!.id}`, 'Kart'],
    [`q${yesNo!.id}`, 'yes'],
    [`q${text!.id}`, '=HYPERLINK("http://x")'],
    [`q${date!.id}`, '01.12.2026'],
  ]);
  const saved = await postForm(answer, body);
  assert.equal(saved.status, 303);
  const row = await db
    .selectFrom('form_answer')
    .select('answers')
    .where('form_id', '=', formId)
    .where('pupil_id', '=', pupil)
    .executeTakeFirstOrThrow();
  assert.deepEqual(row.answers, {
    [single!.id]: 'Buss',
    [multiple!.id]: ['Telt', 'Kart'],
    [yesNo!.id]: 'yes',
    [text!.id]: '=HYPERLINK("http://x")',
    [date!.id]: '2026-12-01',
  });
  const edited = await client.post(
    answer,
    { [`q${single!.id}`]: 'Hentes', [`q${yesNo!.id}`]: 'no' },
    { cookie: guardian },
  );
  assert.equal(edited.status, 303);
  assert.equal(
    (await db.selectFrom('form_answer').select('pupil_id').where('form_id', '=', formId).execute()).length,
    1,
    'still one answer per child',
  );

  now = new Date('2026-12-02T08:00:00+01:00');
  const late = await client.post(
    answer,
    { [`q${single!.id}`]: 'Buss', [`q${yesNo!.id}`]: 'yes' },
    { cookie: guardian },
  );
  assert.equal(late.status, 403, 'closed after the deadline');
  const closed = await html(await client.get(`/children/${pupil}/forms/${formId}`, { cookie: guardian }));
  assert.match(closed.text, /Fristen er ute/);
  assert.equal(closed.document.querySelector('#child-section button[type="submit"]'), null);
  now = new Date('2026-11-25T09:00:00+01:00');
  assert.equal((await postForm(answer, body)).status, 303, 'open again: the first answer back');
});

test('results per question and per pupil, and a CSV that a spreadsheet cannot run', async () => {
  const results = await html(await client.get(`/forms/${formId}/results`, { cookie: marius }));
  assert.match(results.text, new RegExp(`1 av ${pupils5a.length} har svart`));
  assert.match(
    results.document.querySelector('#per-question')?.parentElement?.textContent ?? '',
    /Buss: 1[\s\S]*Går: 0[\s\S]*Ja: 1[\s\S]*Nei: 0/,
  );
  const csv = await client.get(`/forms/${formId}/results.csv`, { cookie: marius });
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
  const bytes = Buffer.from(await csv.arrayBuffer());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM, so Excel reads æøå');
  const body = bytes.subarray(3).toString('utf8');
  assert.ok(
    body.startsWith('"Elev";"Klasse";"Besvart av";"Sist endret";"Hvordan kommer barnet hjem?"'),
    body.slice(0, 80),
  );
  assert.ok(body.includes(`"'=HYPERLINK(""http://x"")"`), 'formula neutralised and quotes doubled');
  assert.equal(body.trimEnd().split('\r\n').length, pupils5a.length + 1);
  assert.equal((await db.selectFrom('audit_log').select('id').where('action', '=', 'form.export').execute()).length, 1);
});

test('nobody outside the form reaches it: another teacher, another family, other roles → 404', async () => {
  const ingvild = await sessionCookie(db, await person('teacher'), 'feide');
  for (const path of [`/forms/${formId}`, `/forms/${formId}/results`, `/forms/${formId}/results.csv`])
    assert.equal((await client.get(path, { cookie: ingvild })).status, 404, path);
  const rektor = await sessionCookie(db, await person('leadership'), 'feide');
  assert.equal(
    (await client.get(`/forms/${formId}/results`, { cookie: rektor })).status,
    200,
    "the school's leadership sees it",
  );
  const kari = await sessionCookie(db, await person('guardian'), 'idporten');
  const sofie = (
    await db
      .selectFrom('guardian_relation as r')
      .innerJoin('person as p', 'p.id', 'r.pupil_id')
      .select('p.id')
      .where('r.guardian_id', '=', await person('guardian'))
      .where('p.given_name', '=', 'Sofie')
      .executeTakeFirstOrThrow()
  ).id;
  assert.equal(
    (await client.get(`/children/${sofie}/forms/${formId}`, { cookie: kari })).status,
    404,
    'Sofie is not in 5A',
  );
  assert.equal((await client.get(`/children/${pupil}/forms/${formId}`, { cookie: kari })).status, 404, 'not her child');
  assert.equal((await client.get(`/forms/${formId}`, { cookie: guardian })).status, 404, 'a guardian is not staff');
});
