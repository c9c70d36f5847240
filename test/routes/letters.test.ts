import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dispatchLetters } from '../../src/domain/letters/dispatch.ts';
import { createTestApp, html, sessionCookie } from '../support/app.ts';
import { createDemoTestDb } from '../support/db.ts';
import { loginPersonId } from '../support/fixtures.ts';
import { addVedtak, childOf, devDeps, dispatchOf, NOW, personByName, TODAY } from '../support/letters.ts';
import { pdfInfo, pdfText } from '../support/pdf.ts';

const db = await createDemoTestDb(TODAY);
const client = createTestApp(db, {}, { clock: () => NOW });

const torunnId = await loginPersonId(db, 'leadership');
const torunn = { cookie: await sessionCookie(db, torunnId, 'feide') };
const kari = await personByName(db, 'Kari', 'Nordmann');
const anders = await personByName(db, 'Anders', 'Nordmann');
const sofie = await childOf(db, kari.id, 'Sofie');
const bjorkelia = (
  await db.selectFrom('school').select('id').where('name', '=', 'Bjørkelia skole').executeTakeFirstOrThrow()
).id;
const fjellheimLeader = await db
  .selectFrom('staff_membership as m')
  .innerJoin('school as s', 's.id', 'm.school_id')
  .select('m.person_id')
  .where('s.name', '=', 'Fjellheim skule')
  .where('m.role', '=', 'leadership')
  .executeTakeFirstOrThrow();

const paperDoc = await addVedtak(db, sofie, anders.id, { title: 'Vedtak om permisjon for Sofie' });
const digitalDoc = await addVedtak(db, sofie, kari.id, { title: 'Vedtak om permisjon for Sofie' });
await dispatchLetters(db, devDeps(db), NOW);
await db.updateTable('person').set({ address_protection: 'fortrolig' }).where('id', '=', kari.id).execute();
const manualDoc = await addVedtak(db, sofie, kari.id, { title: 'Vedtak om skyss' });
await db
  .updateTable('krr_person')
  .set({ reservasjon: 'JA' })
  .where('personidentifikator', '=', kari.fodselsnummer)
  .execute();
// Kari's first letter went digitally; the second (now reserved, protected address) must be sent by hand.
await dispatchLetters(db, devDeps(db), NOW);
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

test('leadership sees the paper letters waiting (with the KRR reason), the manual ones and the digital ones', async () => {
  assert.equal((await dispatchOf(db, digitalDoc)).status, 'sent');
  const res = await client.get('/letters', torunn);
  assert.equal(res.status, 200);
  const { document } = await html(res);
  assert.equal(text(document.querySelector('h1')), 'Brev til foresatte');
  const awaiting = text(document.querySelector('#letters-awaiting'));
  assert.match(awaiting, /Anders Nordmann.*Vedtak om permisjon for Sofie.*Reservert mot digital post/);
  assert.match(awaiting, /Lag utskriftsbunke \(1 brev\)/);
  const manual = text(document.querySelector('#letters-manual'));
  assert.match(manual, /Kari Nordmann – Vedtak om skyss/);
  assert.match(manual, /Skjermet adresse/);
  assert.ok(!manual.includes(kari.address), 'no address shown for a protected letter');
  assert.match(text(document.querySelector('#letters-sent')), /Kari Nordmann.*Digipost/);
});

test("creating the day's print batch: 303 back with a receipt, then the PDF downloads as an attachment", async () => {
  const res = await client.post('/letters/print-batches', { school_id: String(bjorkelia) }, torunn);
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), `/letters?school=${bjorkelia}&notice=created`);
  const { document } = await html(await client.get(res.headers.get('location')!, torunn));
  assert.match(text(document.querySelector('[role="status"]')), /Utskriftsbunken er laget/);
  assert.match(text(document.querySelector('#letters-awaiting')), /Ingen brev venter på utskrift/);
  const link = document.querySelector('#letters-batches a[download]')?.getAttribute('href') ?? '';
  assert.match(link, /^\/letters\/print-batches\/\d+\.pdf$/);

  const pdf = await client.get(link, torunn);
  assert.equal(pdf.status, 200);
  assert.equal(pdf.headers.get('content-type'), 'application/pdf');
  assert.match(pdf.headers.get('content-disposition') ?? '', /^attachment; filename="utskrift-2026-11-25-\d+\.pdf"/);
  const bytes = new Uint8Array(await pdf.arrayBuffer());
  assert.equal((await pdfInfo(bytes)).pages, 2, 'address page + the one-page letter');
  const content = await pdfText(bytes);
  assert.ok(content.includes('Anders Nordmann') && content.includes(anders.address) && content.includes(anders.postal));

  const again = await client.post('/letters/print-batches', { school_id: String(bjorkelia) }, torunn);
  assert.equal(again.headers.get('location'), `/letters?school=${bjorkelia}&notice=empty`);
});

test('a manual letter: leadership downloads it and marks it sent', async () => {
  const id = (await dispatchOf(db, manualDoc)).id;
  const pdf = await client.get(`/letters/${id}.pdf`, torunn);
  assert.equal(pdf.status, 200);
  assert.match(pdf.headers.get('content-disposition') ?? '', /^attachment;/);
  const res = await client.post(`/letters/${id}/manual-handling`, {}, torunn);
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), `/letters?school=${bjorkelia}&notice=handled`);
  const row = await dispatchOf(db, manualDoc);
  assert.deepEqual([row.status, row.handled_by], ['handled_manually', torunnId]);
  const { document } = await html(await client.get('/letters', torunn));
  assert.match(text(document.querySelector('#letters-manual')), /Ingen brev må sendes manuelt/);
});

test("only the school's leadership: teacher, guardian, other school's rektor and school owner get 404; anonymous goes to login", async () => {
  const batch = await db.selectFrom('print_batch').select('id').executeTakeFirstOrThrow();
  const manualId = (await dispatchOf(db, manualDoc)).id;
  const others = [
    await sessionCookie(db, await loginPersonId(db, 'teacher'), 'feide'),
    await sessionCookie(db, await loginPersonId(db, 'contact-teacher'), 'feide'),
    await sessionCookie(db, kari.id, 'idporten'),
    await sessionCookie(db, await loginPersonId(db, 'school-owner'), 'feide'),
  ];
  for (const cookie of others) assert.equal((await client.get('/letters', { cookie })).status, 404);
  const otherRektor = await sessionCookie(db, fjellheimLeader.person_id, 'feide');
  const own = await html(await client.get('/letters', { cookie: otherRektor }));
  assert.match(text(own.document.querySelector('main')), /Fjellheim skule/, "a rektor sees their own school's letters");
  assert.ok(!text(own.document.querySelector('main')).includes('Sofie'), 'and nothing of Bjørkelia');
  for (const cookie of [...others, otherRektor]) {
    assert.equal((await client.get(`/letters?school=${bjorkelia}`, { cookie })).status, 404);
    assert.equal((await client.get(`/letters/print-batches/${batch.id}.pdf`, { cookie })).status, 404);
    assert.equal((await client.get(`/letters/${manualId}.pdf`, { cookie })).status, 404);
    assert.equal(
      (await client.post('/letters/print-batches', { school_id: String(bjorkelia) }, { cookie })).status,
      404,
    );
    assert.equal((await client.post(`/letters/${manualId}/manual-handling`, {}, { cookie })).status, 404);
  }
  assert.equal((await client.get('/letters/print-batches/999999.pdf', torunn)).status, 404);
  assert.equal((await client.post('/letters/print-batches', {}, torunn)).status, 404, 'no school given');
  const anonymous = await client.get('/letters');
  assert.equal(anonymous.status, 302);
  assert.match(anonymous.headers.get('location') ?? '', /^\/login/);
});

test('/dev/digital-post shows what the mailbox received, opening records the receipt, and it does not exist in production', async () => {
  const cookie = await sessionCookie(db, kari.id, 'idporten');
  const { document } = await html(await client.get('/dev/digital-post', { cookie }));
  const item = text(document.querySelector('main li'));
  assert.match(item, /Vedtak om permisjon for Sofie/);
  assert.match(item, /Digipost/);
  assert.ok(!item.includes(kari.fodselsnummer), 'the full number is never shown');
  const href = document.querySelector('main li a')?.getAttribute('href') ?? '';
  const open = await client.get(href, { cookie });
  assert.equal(open.status, 200);
  assert.equal(open.headers.get('content-type'), 'application/pdf');
  const row = await db
    .selectFrom('dev_digital_post')
    .select('opened_at')
    .where('reference', '=', `skolebro-vedtak-${digitalDoc}`)
    .executeTakeFirstOrThrow();
  assert.ok(row.opened_at);
  const production = createTestApp(db, { env: 'production' }, { clock: () => NOW });
  assert.equal((await production.get('/dev/digital-post', { cookie })).status, 404);
});

test('right after a decision the page says letters are on their way ("sendes snart"), until they are routed', async () => {
  const before = await html(await client.get('/letters', torunn));
  assert.equal(before.document.querySelector('#letters-soon'), null, 'nothing on its way');
  const fresh = await addVedtak(db, sofie, anders.id, { title: 'Vedtak om SFO-plass' });
  assert.ok(fresh, 'the vedtak is in the documents, not yet planned by the dispatcher');
  const soon = await html(await client.get('/letters', torunn));
  assert.match(text(soon.document.querySelector('#letters-soon')), /^Sendes snart: 1 brev\./);
  await dispatchLetters(db, devDeps(db), NOW);
  const after = await html(await client.get('/letters', torunn));
  assert.equal(after.document.querySelector('#letters-soon'), null, 'routed');
});
