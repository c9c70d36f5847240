import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type DemoLoginKey } from '../../src/db/seed/seed.ts';
import type { LoginProvider } from '../../src/db/schema.ts';
import { createTestApp, html, sessionCookie } from '../support/app.ts';
import { insertLeaveApplication } from '../support/applications.ts';
import { createDemoTestDb } from '../support/db.ts';
import { loginPersonId } from '../support/fixtures.ts';
import { pdfText } from '../support/pdf.ts';

const db = await createDemoTestDb('2026-11-25');
const client = createTestApp(db, {}, { clock: () => new Date('2026-11-25T10:00:00+01:00') });
const person = (key: DemoLoginKey) => loginPersonId(db, key);
const cookie = async (key: DemoLoginKey, via: LoginProvider = 'feide') => ({
  cookie: await sessionCookie(db, await person(key), via),
});
const pupil = async (given: string) =>
  (
    await db
      .selectFrom('person')
      .select('id')
      .where('given_name', '=', given)
      .where('family_name', '=', 'Nordmann')
      .executeTakeFirstOrThrow()
  ).id;
const schoolOf = async (name: string) =>
  (await db.selectFrom('school').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
const kari = await person('guardian');

async function apply(pupilId: number, schoolId: number, from: string, to: string, days: number) {
  return insertLeaveApplication(db, {
    pupil_id: pupilId,
    school_id: schoolId,
    applicant_id: kari,
    reason: 'familie',
    from_date: from,
    to_date: to,
    school_days: days,
    justification: 'Bryllup i familien <b>i Bergen</b>.',
    rules_confirmed_at: new Date(),
    status: 'submitted',
    submitted_at: new Date('2026-11-20T12:00:00+01:00'),
  });
}
const sofieLeave = await apply(await pupil('Sofie'), await schoolOf('Bjørkelia skole'), '2026-11-30', '2026-12-04', 5);
const jonasLeave = await apply(await pupil('Jonas'), await schoolOf('Fjellheim skule'), '2026-11-30', '2026-12-04', 5);
const torunn = await cookie('leadership');
const partly = { outcome: 'partly_granted', granted_from: '30.11.2026', granted_to: '01.12.2026', reasons: '' };

test('the rektor sees the queue of her own school only, and the application in full with the decision form', async () => {
  const res = await client.get('/applications', torunn);
  assert.equal(res.status, 200);
  const { document } = await html(res);
  const links = Array.from(document.querySelectorAll('#application-queue a')).map((a) => a.getAttribute('href'));
  assert.deepEqual(links, [`/applications/${sofieLeave}`], 'Bjørkelia only: not Jonas at Fjellheim');
  assert.match(
    document.querySelector('#application-queue')?.textContent ?? '',
    /Sofie Nordmann, 3A: 30\.11\.2026–04\.12\.2026.*Familiebegivenhet.*Kari Nordmann/s,
  );

  const page = await html(await client.get(`/applications/${sofieLeave}`, torunn));
  assert.equal(page.document.querySelector('h1')?.textContent, 'Permisjonssøknad – Sofie Nordmann');
  assert.match(page.text, /Bryllup i familien &lt;b>i Bergen&lt;\/b>/, "the guardian's text is escaped");
  assert.match(
    page.document.querySelector('#leave-absence-totals')?.textContent ?? '',
    /^\d+ dag(er)? og \d+ timer?, herav 0 dager permisjon/,
  );
  assert.equal(page.document.querySelector('#application-decision fieldset legend')?.textContent, 'Hva er vedtaket?');
  assert.equal(page.document.querySelectorAll('input[type="radio"][name="outcome"]').length, 3);
  assert.equal(
    page.document.querySelector('#application-decision form')?.getAttribute('action'),
    `/applications/${sofieLeave}/decision`,
  );
  assert.equal((await client.get(`/applications/${jonasLeave}`, torunn)).status, 404, "another school's application");
  assert.equal((await client.get('/applications?page=zz', torunn)).status, 200);
});

test('teachers, guardians and the school owner get 404; anonymous visitors are sent to log in', async () => {
  const others = [
    await cookie('contact-teacher'),
    await cookie('teacher'),
    await cookie('guardian', 'idporten'),
    await cookie('school-owner'),
  ];
  for (const headers of others) {
    assert.equal((await client.get('/applications', headers)).status, 404);
    assert.equal((await client.get(`/applications/${sofieLeave}`, headers)).status, 404);
    assert.equal(
      (
        await client.post(
          `/applications/${sofieLeave}/decision`,
          { ...partly, reasons: 'Ikke din avgjørelse å ta.' },
          headers,
        )
      ).status,
      404,
    );
  }
  const anonymous = await client.get(`/applications/${sofieLeave}`);
  assert.equal(anonymous.status, 302);
  assert.equal(
    anonymous.headers.get('location'),
    `/login?return_to=${encodeURIComponent(`/applications/${sofieLeave}`)}`,
  );
  assert.equal((await client.post(`/applications/${sofieLeave}/decision`, partly)).status, 303);
  const row = await db
    .selectFrom('application')
    .select('status')
    .where('id', '=', sofieLeave)
    .executeTakeFirstOrThrow();
  assert.equal(row.status, 'submitted');
});

test('a decision without reasons is 422 with the values kept; with htmx only the page content comes back', async () => {
  const res = await client.post(`/applications/${sofieLeave}/decision`, partly, torunn);
  assert.equal(res.status, 422);
  const { document } = await html(res);
  assert.match(document.querySelector('[role="alert"]')?.textContent ?? '', /Skriv en begrunnelse/);
  assert.equal(document.querySelector('[role="alert"] a')?.getAttribute('href'), '#application-reasons');
  assert.equal(document.querySelector('#application-reasons')?.getAttribute('aria-invalid'), 'true');
  assert.equal(
    (document.querySelector('#application-outcome-partly_granted') as HTMLInputElement | null)?.hasAttribute('checked'),
    true,
  );
  assert.equal(document.querySelector('#leave-granted-from')?.getAttribute('value'), '30.11.2026');

  const outside = await client.post(
    `/applications/${sofieLeave}/decision`,
    { ...partly, granted_to: '07.12.2026', reasons: 'Prøve på fredag.' },
    { ...torunn, 'hx-request': 'true' },
  );
  assert.equal(outside.status, 422);
  const fragment = await outside.text();
  assert.ok(!fragment.includes('<html'), 'a fragment for htmx');
  assert.match(fragment, /id="application"/);
  assert.match(fragment, /«Innvilget til» må være innenfor perioden det er søkt om/);
});

test('a decision: 303 to the receipt with the letters, which the rektor can download; a second decision is refused', async () => {
  const res = await client.post(
    `/applications/${sofieLeave}/decision`,
    { ...partly, reasons: 'Skolen har heldagsprøve resten av uken.' },
    torunn,
  );
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), `/applications/${sofieLeave}?decided=1`);
  const { document } = await html(await client.get(res.headers.get('location')!, torunn));
  assert.match(document.querySelector('[role="status"]')?.textContent ?? '', /Vedtaket er fattet/);
  assert.equal(document.querySelector('#application-outcome')?.textContent, 'Delvis innvilget');
  assert.equal(document.querySelector('form[action$="/decision"]'), null, 'no form any more');
  const letters = Array.from(document.querySelectorAll('#application-documents a'));
  assert.deepEqual(
    letters.map((a) => a.textContent),
    ['Vedtak til Kari Nordmann (PDF)', 'Vedtak til Anders Nordmann (PDF)'],
  );

  const pdf = await client.get(letters[0]!.getAttribute('href')!, torunn);
  assert.equal(pdf.status, 200);
  assert.equal(pdf.headers.get('content-type'), 'application/pdf');
  assert.match(pdf.headers.get('content-disposition') ?? '', /vedtak-permisjon-sofie-25\.11\.2026\.pdf/);
  const text = (await pdfText(new Uint8Array(await pdf.arrayBuffer()))).replace(/\s+/g, ' ');
  assert.match(text, /Sofie Nordmann.*Delvis innvilget: 30\.11\.2026–01\.12\.2026 \(2 skoledager\).*3 uker/);
  const documentId = Number(letters[0]!.getAttribute('href')!.split('/').pop());
  assert.equal(
    (await client.get(`/applications/${jonasLeave}/vedtak/${documentId}`, torunn)).status,
    404,
    'not a letter of that application',
  );
  assert.equal(
    (await client.get(`/applications/${sofieLeave}/vedtak/${documentId}`, await cookie('contact-teacher'))).status,
    404,
  );

  const again = await client.post(
    `/applications/${sofieLeave}/decision`,
    { outcome: 'granted', granted_from: '', granted_to: '', reasons: '' },
    torunn,
  );
  assert.equal(again.status, 409);
  assert.match(await again.text(), /Søknaden er allerede avgjort/);
  const queue = await html(await client.get('/applications', torunn));
  assert.equal(queue.document.querySelectorAll('#application-queue a').length, 0, 'no longer waiting');
  assert.match(
    queue.document.querySelector('#application-recent')?.textContent ?? '',
    /Sofie Nordmann.*Delvis innvilget/s,
  );
});
