import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { type DemoLoginKey } from '../../src/db/seed/seed.ts';
import { storeDocument } from '../../src/domain/documents/store.ts';
import { createTestApp, html, sessionCookie } from '../support/app.ts';
import { deleteApplications, insertLeaveApplication, setLeaveStatus } from '../support/applications.ts';
import { createDemoTestDb } from '../support/db.ts';
import { loginPersonId } from '../support/fixtures.ts';

const db = await createDemoTestDb('2026-11-25');
const client = createTestApp(db, {}, { clock: () => new Date('2026-11-25T08:00:00+01:00') });

const person = (key: DemoLoginKey) => loginPersonId(db, key);
async function childOf(guardianId: number, given: string): Promise<number> {
  return (
    await db
      .selectFrom('guardian_relation as r')
      .innerJoin('person as p', 'p.id', 'r.pupil_id')
      .select('p.id')
      .where('r.guardian_id', '=', guardianId)
      .where('p.given_name', '=', given)
      .executeTakeFirstOrThrow()
  ).id;
}
const kariId = await person('guardian');
const sofie = await childOf(kariId, 'Sofie');
const emil = await childOf(await person('guardian-private'), 'Emil');
const maja = await childOf(await person('guardian-blocked'), 'Maja');
const andersId = (
  await db
    .selectFrom('guardian_relation as r')
    .innerJoin('person as p', 'p.id', 'r.guardian_id')
    .select('p.id')
    .where('r.pupil_id', '=', sofie)
    .where('p.given_name', '=', 'Anders')
    .executeTakeFirstOrThrow()
).id;
const kari = { cookie: await sessionCookie(db, kariId, 'idporten') };
const anders = { cookie: await sessionCookie(db, andersId, 'idporten') };
const htmx = { 'hx-request': 'true', 'hx-target': 'div#child-section' };

const form = (over: Record<string, string> = {}) => ({
  reason: 'reise',
  from: '07.12.2026',
  to: '09.12.2026',
  justification: 'Besøk hos besteforeldre i Tromsø.',
  rules_read: 'yes',
  ...over,
});
const textOf = (document: Document, selector: string) =>
  document.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const latestId = async () =>
  (await db.selectFrom('application').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow()).id;

beforeEach(async () => {
  await deleteApplications(db);
});

test('the list and the form: the limit, the other guardian, the rules, the reasons', async () => {
  const list = await html(await client.get(`/children/${sofie}/leave`, kari));
  assert.match(textOf(list.document, '#leave-heading'), /Permisjon for Sofie/);
  assert.match(textOf(list.document, '#leave-granted'), /0 av høyst 10 skoledager/);
  assert.match(list.text, /Ingen permisjonssøknader dette skoleåret/);
  assert.equal(
    list.document.querySelector('a[aria-current="page"]')?.textContent?.trim(),
    'Permisjon',
    'the leave tab',
  );
  assert.equal(
    list.document.querySelector('#child-section a[href$="/leave/new"]')?.textContent?.trim(),
    'Søk om permisjon',
  );

  const page = await html(await client.get(`/children/${sofie}/leave/new`, kari));
  assert.equal(page.document.querySelectorAll('h1').length, 1);
  assert.match(
    textOf(page.document, '#leave-others'),
    /^Anders Nordmann har også foreldreansvar\. Søknaden sendes til skolen først når Anders har bekreftet den i Skolebro\.$/,
  );
  assert.match(
    textOf(page.document, '#leave-rules-text'),
    /høyst 10 skoledager per skoleår.*opplæringen til Sofie.*skriftlig vedtak under Dokumenter.*klage/,
  );
  assert.equal(textOf(page.document, '#child-section fieldset legend'), 'Årsak');
  assert.deepEqual(
    Array.from(page.document.querySelectorAll('input[name="reason"]')).map((i) => i.getAttribute('value')),
    ['reise', 'religion', 'arrangement', 'familie', 'annet'],
  );
  assert.equal(page.document.querySelector('#leave-from')?.getAttribute('aria-describedby'), 'leave-from-hint');
  assert.equal(textOf(page.document, '#leave-from-hint'), 'dd.mm.åååå');
  assert.equal(
    page.document.querySelector('[hx-get$="/leave/new/school-days"]')?.getAttribute('hx-include'),
    '#leave-from, #leave-to',
  );
});

test('a 422 keeps the values and names each problem', async () => {
  const res = await client.post(
    `/children/${sofie}/leave-applications`,
    form({ reason: 'religion', from: '24.11.2026', justification: 'kort', rules_read: '' }),
    kari,
  );
  assert.equal(res.status, 422);
  const { document } = await html(res);
  assert.equal(document.querySelector('#leave-reason-religion')?.hasAttribute('checked'), true);
  assert.equal(document.querySelector('#leave-from')?.getAttribute('value'), '24.11.2026');
  assert.equal(document.querySelector('#leave-to')?.getAttribute('value'), '09.12.2026');
  assert.equal(document.querySelector('#leave-justification')?.textContent?.trim(), 'kort');
  const summary = Array.from(document.querySelectorAll('[role="alert"] a')).map((a) => [
    a.getAttribute('href'),
    a.textContent,
  ]);
  assert.deepEqual(summary, [
    ['#leave-from', 'Fra-datoen kan ikke være tilbake i tid.'],
    ['#leave-justification', 'Begrunnelsen må ha minst 10 tegn.'],
    ['#leave-rules', 'Bekreft at du har lest reglene for permisjon.'],
  ]);
  assert.equal(document.querySelector('#leave-from')?.getAttribute('aria-invalid'), 'true');
  assert.match(document.querySelector('#leave-from')?.getAttribute('aria-describedby') ?? '', /leave-from-error/);
  const weekend = await html(
    await client.post(`/children/${sofie}/leave-applications`, form({ from: '21.12.2026', to: '01.01.2027' }), kari),
  );
  assert.match(
    textOf(weekend.document, '#leave-from-error'),
    /ingen skoledager fra 21\.12\.2026 til 01\.01\.2027, bare helg eller ferie/,
  );
  assert.equal(await db.selectFrom('application').select('id').executeTakeFirst(), undefined);
});

test('over the limit: the warning with the numbers, then "send anyway" → waits for Anders', async () => {
  await insertLeaveApplication(db, {
    pupil_id: sofie,
    school_id: (
      await db.selectFrom('enrolment').select('school_id').where('pupil_id', '=', sofie).executeTakeFirstOrThrow()
    ).school_id,
    applicant_id: kariId,
    reason: 'familie',
    from_date: '2026-10-12',
    to_date: '2026-10-16',
    school_days: 5,
    justification: 'Bryllup i familien.',
    rules_confirmed_at: new Date(),
    status: 'granted',
    granted_from: '2026-10-12',
    granted_to: '2026-10-16',
    granted_days: 5,
  });
  const over = form({ from: '30.11.2026', to: '09.12.2026' });
  const res = await client.post(`/children/${sofie}/leave-applications`, over, kari);
  assert.equal(res.status, 422);
  const { document } = await html(res);
  const warning = Array.from(document.querySelectorAll('[role="alert"]')).find((a) =>
    /grensen/.test(a.textContent ?? ''),
  );
  assert.ok(warning, 'the warning is an alert');
  assert.match(
    warning.textContent!.replace(/\s+/g, ' '),
    /Søknaden gjelder 8 skoledager\. Sofie har allerede fått innvilget 5 dager permisjon dette skoleåret\. Til sammen blir det 13, mer enn de 10 dagene kommunen kan innvilge/,
  );
  assert.ok(warning.querySelector('input[type="checkbox"][name="over_limit_ok"]'));
  assert.match(
    textOf(document, '#leave-days'),
    /Perioden har 8 skoledager\.\s*Med permisjon som allerede er innvilget blir det 13 av høyst 10/,
  );

  const sent = await client.post(`/children/${sofie}/leave-applications`, { ...over, over_limit_ok: 'yes' }, kari);
  assert.equal(sent.status, 303);
  const id = await latestId();
  assert.equal(sent.headers.get('location'), `/children/${sofie}/leave?sent=${id}`);
  const receipt = await html(await client.get(sent.headers.get('location')!, kari));
  assert.match(
    textOf(receipt.document, '[role="status"]'),
    /ikke sendt til skolen ennå\. Den sendes når Anders Nordmann har bekreftet den/,
  );
  assert.match(
    textOf(receipt.document, `#leave-application-${id} .leave-status`),
    /^Venter på at Anders Nordmann bekrefter$/,
  );
  assert.equal(
    receipt.document.querySelector(`#leave-application-${id} button[aria-describedby$="confirm-lead"]`),
    null,
    'Kari has nothing to confirm',
  );
});

test('htmx: the live school-day count, and a 422 swaps only the section', async () => {
  const live = await client.get(`/children/${sofie}/leave/new/school-days?from=30.11.2026&to=18.12.2026`, {
    ...kari,
    'hx-request': 'true',
  });
  assert.equal(live.status, 200);
  const fragment = await html(live);
  assert.doesNotMatch(fragment.text, /<html/);
  assert.match(
    textOf(fragment.document, '#leave-days'),
    /^Perioden har 15 skoledager\.\s*Det er mer enn de 10 dagene kommunen kan innvilge per skoleår\.$/,
  );
  assert.match(
    await (await client.get(`/children/${sofie}/leave/new/school-days?from=30.11.2026&to=`, kari)).text(),
    /når du har fylt inn begge datoene/,
  );
  const res = await client.post(`/children/${sofie}/leave-applications`, form({ justification: '' }), {
    ...kari,
    ...htmx,
  });
  assert.equal(res.status, 422);
  const text = await res.text();
  assert.doesNotMatch(text, /<html|child-frame/);
  assert.match(text, /Skriv en begrunnelse/);
});

test('Anders confirms in the portal: sent to the school; Kari may not confirm her own', async () => {
  assert.equal((await client.post(`/children/${sofie}/leave-applications`, form(), kari)).status, 303);
  const id = await latestId();
  assert.equal(
    (await client.post(`/children/${sofie}/leave-applications/${id}/confirmation`, { answer: 'confirmed' }, kari))
      .status,
    404,
  );
  const list = await html(await client.get(`/children/${sofie}/leave`, anders));
  assert.match(textOf(list.document, `#leave-application-${id} .leave-status`), /^Venter på at du bekrefter$/);
  assert.deepEqual(
    Array.from(list.document.querySelectorAll(`#leave-application-${id} form[action$="/confirmation"] button`)).map(
      (b) => b.textContent,
    ),
    ['Bekreft søknaden', 'Ikke bekreft'],
  );
  const answered = await client.post(
    `/children/${sofie}/leave-applications/${id}/confirmation`,
    { answer: 'confirmed' },
    anders,
  );
  assert.equal(answered.status, 303);
  assert.equal(answered.headers.get('location'), `/children/${sofie}/leave?answered=${id}`);
  const after = await html(await client.get(answered.headers.get('location')!, anders));
  assert.match(textOf(after.document, '[role="status"]'), /Du har bekreftet søknaden\. Den er nå sendt til skolen\./);
  assert.match(textOf(after.document, `#leave-application-${id} .leave-status`), /^Sendt til skolen 25\.11\.2026$/);
  const again = await client.post(
    `/children/${sofie}/leave-applications/${id}/confirmation`,
    { answer: 'declined' },
    anders,
  );
  assert.equal(again.status, 409);
  assert.match(await again.text(), /venter ikke lenger på svar fra deg/);
});

test("declined by Anders, withdrawn by Kari, and a decided one links to this guardian's vedtak", async () => {
  await client.post(`/children/${sofie}/leave-applications`, form(), kari);
  const declined = await latestId();
  await client.post(`/children/${sofie}/leave-applications/${declined}/confirmation`, { answer: 'declined' }, anders);
  const kariList = await html(await client.get(`/children/${sofie}/leave`, kari));
  assert.match(
    textOf(kariList.document, `#leave-application-${declined} .leave-status`),
    /^Ikke bekreftet av Anders Nordmann$/,
  );

  await client.post(`/children/${sofie}/leave-applications`, form(), kari);
  const withdrawn = await latestId();
  const res = await client.post(`/children/${sofie}/leave-applications/${withdrawn}/withdrawal`, {}, kari);
  assert.equal(res.headers.get('location'), `/children/${sofie}/leave?withdrawn=${withdrawn}`);
  assert.equal(
    (await client.post(`/children/${sofie}/leave-applications/${withdrawn}/withdrawal`, {}, kari)).status,
    409,
  );

  await setLeaveStatus(db, declined, 'partly_granted', {
    granted_from: '2026-12-07',
    granted_to: '2026-12-08',
    granted_days: 2,
  });
  const doc = await storeDocument(db, {
    pupilId: sofie,
    guardianId: kariId,
    kind: 'vedtak',
    title: 'Vedtak',
    filename: 'vedtak.pdf',
    contentType: 'application/pdf',
    content: new TextEncoder().encode('%PDF-1.4\n%%EOF\n'),
    createdBy: null,
  });
  await db
    .insertInto('application_document')
    .values({ application_id: declined, guardian_id: kariId, document_id: doc.id })
    .execute();
  const decided = await html(await client.get(`/children/${sofie}/leave`, kari));
  assert.match(
    textOf(decided.document, `#leave-application-${declined} .leave-status`),
    /^Delvis innvilget 07\.12–08\.12$/,
  );
  assert.equal(
    decided.document.querySelector(`#leave-application-${declined} a[href="/documents/${doc.id}"]`)?.textContent,
    'Les vedtaket (PDF)',
  );
  assert.equal(
    decided.document.querySelector(`#leave-application-${declined} form[action$="/withdrawal"]`),
    null,
    'decided: no withdraw',
  );
  assert.match(textOf(decided.document, `#leave-application-${withdrawn} .leave-status`), /^Trukket$/);
  assert.match(textOf(decided.document, '#leave-granted'), /2 av høyst 10/);
  const andersList = await html(await client.get(`/children/${sofie}/leave`, anders));
  assert.equal(
    andersList.document.querySelector(`#leave-application-${declined} a[href^="/documents/"]`),
    null,
    "Anders gets his own letter, not Kari's",
  );
});

test('other families, a blocked guardian, staff and anonymous visitors do not reach these pages', async () => {
  for (const path of [
    `/children/${emil}/leave`,
    `/children/${emil}/leave/new`,
    `/children/${emil}/leave/new/school-days?from=30.11.2026&to=04.12.2026`,
  ]) {
    assert.equal((await client.get(path, kari)).status, 404, path);
  }
  assert.equal((await client.post(`/children/${emil}/leave-applications`, form(), kari)).status, 404);
  const geir = { cookie: await sessionCookie(db, await person('guardian-blocked'), 'idporten') };
  assert.equal((await client.get(`/children/${maja}/leave`, geir)).status, 404);
  assert.equal((await client.post(`/children/${maja}/leave-applications`, form(), geir)).status, 404);
  for (const key of ['leadership', 'contact-teacher'] as const) {
    const staff = { cookie: await sessionCookie(db, await person(key), 'feide') };
    assert.equal((await client.get(`/children/${sofie}/leave`, staff)).status, 404, key);
    assert.equal((await client.post(`/children/${sofie}/leave-applications`, form(), staff)).status, 404, key);
  }
  await client.post(`/children/${sofie}/leave-applications`, form(), kari);
  const id = await latestId();
  const ola = { cookie: await sessionCookie(db, await person('guardian-private'), 'idporten') };
  assert.equal(
    (await client.post(`/children/${emil}/leave-applications/${id}/withdrawal`, {}, ola)).status,
    404,
    "another child's application",
  );
  assert.equal(
    (await client.post(`/children/${emil}/leave-applications/${id}/confirmation`, { answer: 'confirmed' }, ola)).status,
    404,
  );
  const anonymous = await client.get(`/children/${sofie}/leave`);
  assert.equal(anonymous.status, 302);
  assert.match(anonymous.headers.get('location') ?? '', /^\/login/);
  assert.equal((await client.post(`/children/${sofie}/leave-applications`, form())).status, 303);
  assert.equal(await db.selectFrom('application').select('id').where('id', '>', id).executeTakeFirst(), undefined);
});

test('free text is stored clean (no NUL, NFC, LF) and an overlong justification is a field error that keeps the text', async () => {
  const typed = 'Besøk\u0000 hos besteforeldre\r\ni Tromso\u0301.';
  const res = await client.post(`/children/${sofie}/leave-applications`, form({ justification: typed }), kari);
  assert.ok([302, 303].includes(res.status), `status ${res.status}`);
  const stored = await db
    .selectFrom('leave_application')
    .select('justification')
    .where('application_id', '=', await latestId())
    .executeTakeFirstOrThrow();
  assert.equal(stored.justification, 'Besøk hos besteforeldre\ni Tromsó.');

  const long = `Reise ${'x'.repeat(3000)}`;
  const tooLong = await client.post(`/children/${sofie}/leave-applications`, form({ justification: long }), kari);
  assert.equal(tooLong.status, 422);
  const { document } = await html(tooLong);
  assert.equal(document.querySelector('#leave-justification')?.textContent?.trim(), long);
  assert.ok(textOf(document, '#leave-justification-error').length > 0, 'a message at the field');
});

test('dates a phone can type: digits only (071226, 09122026) mean the same days as 07.12.2026–09.12.2026', async () => {
  const res = await client.post(
    `/children/${sofie}/leave-applications`,
    form({ from: '071226', to: '09122026' }),
    kari,
  );
  assert.ok([302, 303].includes(res.status), `status ${res.status}`);
  const stored = await db
    .selectFrom('leave_application')
    .select(['from_date', 'to_date'])
    .where('application_id', '=', await latestId())
    .executeTakeFirstOrThrow();
  assert.deepEqual(
    [String(stored.from_date).slice(0, 10), String(stored.to_date).slice(0, 10)],
    ['2026-12-07', '2026-12-09'],
  );
});

test('a broken multipart body is a 400 page, not a server error, and nothing is stored', async () => {
  const res = await client.app.request(`http://localhost:3000/children/${sofie}/leave-applications`, {
    method: 'POST',
    body: '--x\r\nContent-Disposition: form-data; name="reason"\r\n\r\nno end',
    headers: {
      ...kari,
      'content-type': 'multipart/form-data; boundary=x',
      origin: 'http://localhost:3000',
      'sec-fetch-site': 'same-origin',
    },
  });
  assert.equal(res.status, 400);
  assert.match(res.headers.get('content-type') ?? '', /text\/html/);
  assert.equal(await db.selectFrom('application').select('id').executeTakeFirst(), undefined);
});
