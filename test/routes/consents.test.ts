import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contactTeacherIdsForPupil } from '../../src/domain/notifications/outbox.ts';
import { createTestApp, html, sessionCookie } from '../support/app.ts';
import { createDemoTestDb } from '../support/db.ts';
import { pdfText } from '../support/pdf.ts';
import { loginPersonId } from '../support/fixtures.ts';

const db = await createDemoTestDb('2026-11-25');
const client = createTestApp(db);

const kari = await loginPersonId(db, 'guardian');
const childOf = async (guardianId: number, given: string) =>
  (
    await db
      .selectFrom('guardian_relation as r')
      .innerJoin('person as p', 'p.id', 'r.pupil_id')
      .select('p.id')
      .where('r.guardian_id', '=', guardianId)
      .where('p.given_name', '=', given)
      .executeTakeFirstOrThrow()
  ).id;
const sofie = await childOf(kari, 'Sofie');
const anders = (
  await db
    .selectFrom('guardian_relation as r')
    .innerJoin('person as p', 'p.id', 'r.guardian_id')
    .select('p.id')
    .where('r.pupil_id', '=', sofie)
    .where('p.given_name', '=', 'Anders')
    .executeTakeFirstOrThrow()
).id;
const emil = await childOf(await loginPersonId(db, 'guardian-private'), 'Emil');
const maja = await childOf(await loginPersonId(db, 'guardian-blocked'), 'Maja');
const oskar = await childOf(await loginPersonId(db, 'guardian-left'), 'Oskar');
const guardian = async (id: number) => ({ cookie: await sessionCookie(db, id, 'idporten') });
const staff = async (id: number) => ({ cookie: await sessionCookie(db, id, 'feide') });
const asKari = await guardian(kari);
const counts = async () => ({
  answers: (
    await db
      .selectFrom('consent_answer')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n,
  events: (
    await db
      .selectFrom('consent_event')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n,
  outbox: (
    await db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('category', '=', 'consents')
      .executeTakeFirstOrThrow()
  ).n,
});
const classOf = async (pupilId: number) =>
  (
    await db
      .selectFrom('enrolment')
      .select('class_id')
      .where('pupil_id', '=', pupilId)
      .where('ends_on', 'is', null)
      .executeTakeFirstOrThrow()
  ).class_id;

test('anonymous visitors are sent to the login chooser', async () => {
  for (const path of ['/consent/general', `/children/${sofie}/consents`, `/classes/${await classOf(sofie)}/consents`]) {
    const res = await client.get(path);
    assert.equal(res.status, 302, path);
    assert.equal(res.headers.get('location'), `/login?return_to=${encodeURIComponent(path)}`);
  }
  for (const path of ['/consent/general', '/consent/general/deferral', `/children/${sofie}/consents/foto`]) {
    const res = await client.post(path, { state: 'given' });
    assert.equal(res.status, 303, path);
    assert.match(res.headers.get('location') ?? '', /^\/login/);
  }
  assert.equal((await counts()).outbox, 0, 'nothing happened');
});

test("another family, a blocked guardian, a child who left and staff all get 404 for a child's consents", async () => {
  const cases: [{ cookie: string }, number][] = [
    [asKari, emil],
    [await guardian(await loginPersonId(db, 'guardian-blocked')), maja],
    [await guardian(await loginPersonId(db, 'guardian-left')), oskar],
    [await staff(await loginPersonId(db, 'leadership')), sofie],
  ];
  for (const [who, child] of cases) {
    assert.equal((await client.get(`/children/${child}/consents`, who)).status, 404);
    assert.equal((await client.post(`/children/${child}/consents/foto`, { state: 'refused' }, who)).status, 404);
  }
  assert.equal(
    (await client.get('/consent/general', await staff(await loginPersonId(db, 'teacher')))).status,
    404,
    'staff have no general consent',
  );
  assert.equal((await client.get(`/children/${sofie}/consents/nope`, asKari)).status, 404);
  assert.equal(
    (await client.post(`/children/${sofie}/consents/no-such-consent`, { state: 'given' }, asKari)).status,
    404,
  );
});

test('the gate: /home shows it first; "Ikke nå" lasts the session; the next login asks again', async () => {
  const home = await client.get('/home', asKari);
  assert.equal(home.status, 302);
  assert.equal(home.headers.get('location'), '/consent/general');
  const gate = await html(await client.get('/consent/general', asKari));
  const main = gate.document.querySelector('main')!.textContent!;
  assert.match(main, /elektronisk kommunikasjon/);
  assert.match(main, /SMS og e-post/);
  assert.ok(gate.document.querySelector('form[action="/consent/general"] button'), 'Jeg samtykker');
  assert.match(gate.document.querySelector('form[action="/consent/general/deferral"] button')!.textContent!, /Ikke nå/);

  const later = await client.post('/consent/general/deferral', { return_to: '' }, asKari);
  assert.equal(later.status, 303);
  assert.equal(later.headers.get('location'), '/home');
  assert.equal((await client.get('/home', asKari)).status, 200, 'not again in this session');
  assert.equal((await client.get('/home', asKari)).status, 200);
  assert.equal((await client.get('/home', await guardian(kari))).status, 302, 'a new login asks again');
  assert.equal(
    (await client.get('/home', await guardian(await loginPersonId(db, 'guardian-blocked')))).status,
    200,
    'no children, no gate',
  );
});

test('before the general consent a child consent is locked, with the reason and a link; after it, it is saved', async () => {
  const page = await html(await client.get(`/children/${sofie}/consents`, asKari));
  const section = page.document.querySelector('#child-section')!;
  assert.match(section.textContent!, /Samtykkene er låst/);
  assert.ok(
    section.querySelector(`a[href="/consent/general?return_to=${encodeURIComponent(`/children/${sofie}/consents`)}"]`),
    'link to the gate',
  );
  assert.equal(section.querySelectorAll('input[name="state"]').length, 0, 'no answer forms while locked');

  const before = await counts();
  const locked = await client.post(`/children/${sofie}/consents/foto`, { state: 'given' }, asKari);
  assert.equal(locked.status, 403);
  const refused = await html(locked);
  assert.match(refused.document.querySelector('[role="alert"]')!.textContent!, /generelle samtykket/);
  assert.match(refused.text, /Samtykkene er låst/);
  assert.deepEqual(await counts(), before, 'nothing saved, nobody notified');

  const give = await client.post('/consent/general', { return_to: `/children/${sofie}/consents` }, asKari);
  assert.equal(give.status, 303);
  assert.equal(give.headers.get('location'), `/children/${sofie}/consents`);
  assert.equal((await client.get('/home', await guardian(kari))).status, 200, 'decided: no gate on the next login');

  const saved = await client.post(`/children/${sofie}/consents/foto`, { state: 'given' }, asKari);
  assert.equal(saved.status, 303);
  assert.equal(saved.headers.get('location'), `/children/${sofie}/consents?saved=foto`);
  const after = await html(await client.get(saved.headers.get('location')!, asKari));
  assert.match(after.document.querySelector('[role="status"]')!.textContent!, /Svaret ditt på «Foto» er lagret/);
  assert.ok(after.document.querySelector('#consent-foto-given[checked]'));
  assert.match(
    after.document.querySelector('#consent-history')!.parentElement!.textContent!,
    /Foto: Ikke besvart → Gitt/,
  );
});

test('every change writes history, an audit row and one outbox row per contact teacher — in one transaction', async () => {
  const teachers = await contactTeacherIdsForPupil(db, sofie);
  assert.ok(teachers.length >= 1);
  const before = await counts();
  assert.equal((await client.post(`/children/${sofie}/consents/bil`, { state: 'refused' }, asKari)).status, 303);
  const after = await counts();
  assert.equal(after.events, before.events + 1);
  assert.equal(after.outbox, before.outbox + teachers.length);
  const event = await db.selectFrom('consent_event').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
  assert.deepEqual(
    [event.guardian_id, event.changed_by, event.from_state, event.to_state],
    [kari, kari, 'unanswered', 'refused'],
  );
  const rows = await db
    .selectFrom('outbox')
    .selectAll()
    .where('idempotency_key', 'like', `consent.changed:${event.id}:%`)
    .execute();
  assert.deepEqual(rows.map((r) => r.recipient_person_id).sort(), [...teachers].sort());
  for (const row of rows) {
    assert.equal(row.event_type, 'consent.changed');
    assert.equal(row.pupil_id, sofie);
    assert.match(JSON.stringify(row.payload), /"typeKey":"bil".*"state":"refused"|"state":"refused".*"typeKey":"bil"/);
  }
  assert.ok(
    await db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'consent.answer')
      .where('record_id', '=', String(event.id))
      .executeTakeFirst(),
  );

  assert.equal((await client.post(`/children/${sofie}/consents/bil`, { state: 'refused' }, asKari)).status, 303);
  assert.deepEqual(await counts(), after, 'the same answer again changes nothing and notifies nobody');

  const home = await html(await client.get('/home', await staff(teachers[0]!)));
  assert.match(
    home.document.querySelector('#notifications-heading')!.parentElement!.textContent!,
    /Kari Nordmann endret samtykket «Kan sitte på i bil» for Sofie: nektet/,
  );
});

test('a sub-consent cannot be given while its parent is not: 422 with a field error, nothing saved', async () => {
  await client.post(`/children/${sofie}/consents/foto`, { state: 'refused' }, asKari);
  const page = await html(await client.get(`/children/${sofie}/consents`, asKari));
  // In the one form it stays choosable (with «Foto» in the same save it may be given) and says what it needs.
  assert.match(
    page.document.querySelector('#consent-foto-internett-needs')!.textContent!,
    /når du også samtykker til «Foto»/,
  );

  const before = await counts();
  const res = await client.post(`/children/${sofie}/consents/foto-internett`, { state: 'given' }, asKari);
  assert.equal(res.status, 422);
  const { document } = await html(res);
  assert.match(
    document.querySelector('[role="alert"] a[href="#consent-foto-internett-given"]')!.textContent!,
    /«Publiseres på internett» før du har samtykket til «Foto»/,
  );
  assert.equal(document.querySelector('#consent-foto-internett-given')!.getAttribute('aria-invalid'), 'true');
  assert.match(
    document.querySelector('#consent-foto-internett-given')!.getAttribute('aria-describedby')!,
    /consent-foto-internett-error/,
  );
  assert.deepEqual(await counts(), before);

  const empty = await client.post(`/children/${sofie}/consents/video`, {}, asKari);
  assert.equal(empty.status, 422, 'no answer chosen');
  assert.match(await empty.text(), /Velg ja eller nei/);

  await client.post(`/children/${sofie}/consents/foto`, { state: 'given' }, asKari);
  assert.equal(
    (await client.post(`/children/${sofie}/consents/foto-internett`, { state: 'given' }, asKari)).status,
    303,
  );
  await client.post(`/children/${sofie}/consents/foto`, { state: 'refused' }, asKari);
  const kept = await db
    .selectFrom('consent_answer')
    .select('state')
    .where('pupil_id', '=', sofie)
    .where('guardian_id', '=', kari)
    .where('consent_type_id', 'in', db.selectFrom('consent_type').select('id').where('key', '=', 'foto-internett'))
    .executeTakeFirstOrThrow();
  assert.equal(kept.state, 'given', 'refusing the parent does not silently change the sub-answer');
});

test('the effective state: given only when both guardians have given it; refused when one has refused', async () => {
  const asAnders = await guardian(anders);
  await client.post('/consent/general', {}, asAnders);
  await client.post(`/children/${sofie}/consents/svomming`, { state: 'given' }, asKari);
  const teacher = await staff((await contactTeacherIdsForPupil(db, sofie))[0]!);
  const overview = async () => {
    const { document } = await html(
      await client.get(`/classes/${await classOf(sofie)}/consents?type=svomming&state=given`, teacher),
    );
    return Array.from(document.querySelectorAll('tbody th')).map((th) => th.textContent!.trim());
  };
  const page = async (who: { cookie: string }) =>
    (await html(await client.get(`/children/${sofie}/consents`, who))).document.querySelector('#consent-svomming')!
      .textContent!;
  assert.match(await page(asKari), /Anders Nordmann har svart\s*\?\s*Ikke besvart/);
  assert.match(await page(asKari), /Gjelder for skolen\s*\?\s*Ikke besvart/);
  assert.ok(!(await overview()).includes('Nordmann, Sofie'), 'one yes of two is not a yes');

  await client.post(`/children/${sofie}/consents/svomming`, { state: 'given' }, asAnders);
  assert.match(await page(asKari), /Gjelder for skolen\s*✓\s*Gitt/);
  assert.ok((await overview()).includes('Nordmann, Sofie'));

  await client.post(`/children/${sofie}/consents/svomming`, { state: 'refused' }, asAnders);
  assert.match(await page(asAnders), /Kari Nordmann har svart\s*✓\s*Gitt/, "the other guardian's answer, read-only");
  assert.match(await page(asKari), /Gjelder for skolen\s*✗\s*Nektet/);
  assert.ok(!(await overview()).includes('Nordmann, Sofie'));
});

test("the consent receipt: a PDF of this guardian's answers in the school's hovudmål, stored for her only", async () => {
  const res = await client.post(`/children/${sofie}/consents/receipt`, {}, asKari);
  assert.equal(res.status, 303);
  const id = Number(/^\/documents\/(\d+)$/.exec(res.headers.get('location') ?? '')?.[1]);
  const doc = await db
    .selectFrom('document')
    .select(['pupil_id', 'guardian_id', 'kind'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  assert.deepEqual(doc, { pupil_id: sofie, guardian_id: kari, kind: 'consent_receipt' });
  const download = await client.get(res.headers.get('location')!, asKari);
  assert.equal(download.headers.get('content-type'), 'application/pdf');
  const text = await pdfText(await download.arrayBuffer());
  assert.match(text, /Kvittering for samtykker/);
  assert.match(text, /Sofie Nordmann/);
  assert.match(text, /Bjørkelia skole/);
  assert.match(text, /Kan sitte på i bil\s*Nektet, svart \d\d\.\d\d\.\d{4} \d\d:\d\d/);
  assert.equal(
    (await client.get(res.headers.get('location')!, await guardian(anders))).status,
    404,
    'the other guardian does not get her receipt',
  );

  const jonas = await childOf(kari, 'Jonas');
  const nynorsk = await client.post(`/children/${jonas}/consents/receipt`, {}, asKari);
  const pdf = await client.get(nynorsk.headers.get('location')!, asKari);
  const nn = await pdfText(await pdf.arrayBuffer());
  assert.match(nn, /Kvittering for samtykke\b/);
  assert.match(nn, /Symjing\s*Ikkje svart på/);
  assert.equal((await client.post(`/children/${emil}/consents/receipt`, {}, asKari)).status, 404);
});

test('withdrawing the general consent locks the consents again and withdraws the given answers; history keeps them', async () => {
  const gate = await html(await client.get('/consent/general', asKari));
  assert.ok(gate.document.querySelector('form[action="/consent/general/withdrawal"]'));
  const given = await db
    .selectFrom('consent_answer')
    .select('consent_type_id')
    .where('guardian_id', '=', kari)
    .where('state', '=', 'given')
    .execute();
  assert.ok(given.length > 0);
  const res = await client.post('/consent/general/withdrawal', {}, asKari);
  assert.equal(res.headers.get('location'), '/consent/general?done=withdrawn');
  assert.equal(
    (
      await db
        .selectFrom('consent_answer')
        .select('state')
        .where('guardian_id', '=', kari)
        .where('state', '=', 'given')
        .execute()
    ).length,
    0,
  );
  const refused = await db.selectFrom('consent_answer').select('state').where('guardian_id', '=', kari).execute();
  assert.ok(refused.length > 0 && refused.every((r) => r.state === 'refused'), 'refusals stay');
  const history = await db
    .selectFrom('consent_event')
    .select('reason')
    .where('guardian_id', '=', kari)
    .where('to_state', '=', 'unanswered')
    .execute();
  assert.equal(history.length, given.length);
  assert.ok(history.every((h) => h.reason === 'general_withdrawn'));
  const page = await html(await client.get(`/children/${sofie}/consents`, asKari));
  assert.match(page.text, /Samtykkene er låst/);
  assert.match(
    page.document.querySelector('#consent-history')!.parentElement!.textContent!,
    /Gitt → Ikke besvart \(generelt samtykke trukket tilbake\)/,
  );
  assert.equal((await client.get('/home', await guardian(kari))).status, 200, 'a withdrawal is a decision: no gate');
  await client.post('/consent/general', {}, asKari);
});

test('one form, one save: every consent of the child at once, the nested rule across the form, values kept on 422', async () => {
  await db.deleteFrom('consent_answer').where('guardian_id', '=', kari).where('pupil_id', '=', sofie).execute();
  await db
    .insertInto('general_consent')
    .values({ guardian_id: kari, state: 'given', decided_at: new Date() })
    .onConflict((oc) => oc.column('guardian_id').doUpdateSet({ state: 'given' }))
    .execute();
  const path = `/children/${sofie}/consents`;
  const page = await html(await client.get(path, asKari));
  const forms = page.document.querySelectorAll(`#child-section form[action="${path}"]`);
  assert.equal(forms.length, 1, 'one form for all consents');
  assert.ok(forms[0]!.querySelector('input[name="answer-foto"][value="given"]'));
  assert.ok(forms[0]!.querySelector('input[name="answer-foto-internett"][value="given"]'), 'the sub-consent too');
  assert.equal(forms[0]!.querySelectorAll('button[type="submit"]').length, 1, 'one save button');

  // The sub-consent with its parent refused: nothing is saved, the error is on the sub-consent, the choices are kept.
  const before = await counts();
  const refused = await client.post(path, { 'answer-foto': 'refused', 'answer-foto-internett': 'given' }, asKari);
  assert.equal(refused.status, 422);
  const back = await html(refused);
  assert.match(
    back.document.querySelector('#consent-foto-internett-error')?.textContent ?? '',
    /uten å samtykke til «Foto»/,
  );
  assert.ok(back.document.querySelector('#consent-foto-refused[checked]'), 'Foto: no, kept');
  assert.ok(back.document.querySelector('#consent-foto-internett-given[checked]'), 'Internett: yes, kept');
  assert.ok(back.document.querySelector('a[href="#consent-foto-internett-given"]'), 'the summary links to it');
  assert.deepEqual(await counts(), before, 'nothing written');

  // The parent and its sub-consent given in the same save: both stand.
  const both = await client.post(
    path,
    { 'answer-foto': 'given', 'answer-foto-internett': 'given', 'answer-bil': 'refused' },
    asKari,
  );
  assert.equal(both.status, 303);
  assert.equal(both.headers.get('location'), `${path}?saved=all`);
  const answers = await db
    .selectFrom('consent_answer as a')
    .innerJoin('consent_type as t', 't.id', 'a.consent_type_id')
    .select(['t.key', 'a.state'])
    .where('a.guardian_id', '=', kari)
    .where('a.pupil_id', '=', sofie)
    .orderBy('t.key')
    .execute();
  assert.deepEqual(
    answers.map((a) => `${a.key}:${a.state}`),
    ['bil:refused', 'foto:given', 'foto-internett:given'],
  );
  const after = await counts();
  assert.equal(after.events, before.events + 3, 'each answer keeps its own history');
  const saved = await html(await client.get(`${path}?saved=all`, asKari));
  assert.match(saved.document.querySelector('[role="status"]')?.textContent ?? '', /Svarene dine er lagret/);

  // The same again changes nothing; a key that is not a consent of this child: 404; no choice: a field error.
  const same = await client.post(path, { 'answer-foto': 'given' }, asKari);
  assert.equal(same.headers.get('location'), `${path}?saved=none`);
  assert.equal((await client.post(path, { 'answer-nope': 'given' }, asKari)).status, 404);
  const bad = await client.post(path, { 'answer-foto': 'maybe' }, asKari);
  assert.equal(bad.status, 422);
  assert.match(await bad.text(), /Velg ja eller nei\./);
});
