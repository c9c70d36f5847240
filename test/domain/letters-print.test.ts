import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dispatchLetters } from '../../src/domain/letters/dispatch.ts';
import { createPrintBatch } from '../../src/domain/letters/print-batch.ts';
import { createDemoTestDb } from '../support/db.ts';
import { loginPersonId } from '../support/fixtures.ts';
import {
  addVedtak,
  childOf,
  devDeps,
  dispatchOf,
  leaderActor,
  NOW,
  personByName,
  setKrr,
  TODAY,
} from '../support/letters.ts';
import { pdfInfo, pdfText } from '../support/pdf.ts';

const db = await createDemoTestDb(TODAY);

const torunn = await leaderActor(db, await loginPersonId(db, 'leadership'));
const bjorkelia = torunn.staff.find((g) => g.role === 'leadership')!.schoolId!;
const kari = await personByName(db, 'Kari', 'Nordmann');
const anders = await personByName(db, 'Anders', 'Nordmann');
const liv = await personByName(db, 'Liv', 'Nordmann');
const trine = await personByName(db, 'Trine', 'Bakkeli');
const sofie = await childOf(db, kari.id, 'Sofie');
const jonas = await childOf(db, kari.id, 'Jonas');
const emil = await childOf(db, liv.id, 'Emil');
const maja = await childOf(db, trine.id, 'Maja');

test("the print batch: one PDF, per recipient an address page then the letters' pages; protected addresses never printed", async () => {
  // Anders is reserved (paper); Liv is not in KRR (paper); Trine's contact data is stale (paper) but her address becomes
  // strengt fortrolig after routing, so the batch must leave her out.
  const andersLetters = [
    await addVedtak(db, sofie, anders.id, { title: 'Vedtak om permisjon for Sofie', pages: 2 }),
    await addVedtak(db, sofie, anders.id, { title: 'Vedtak om skyss' }),
  ];
  const livLetter = await addVedtak(db, emil, liv.id, { title: 'Vedtak om permisjon for Emil' });
  const trineLetter = await addVedtak(db, maja, trine.id, { title: 'Vedtak om permisjon for Maja' });
  const fjellheimLetter = await addVedtak(db, jonas, anders.id, { title: 'Vedtak frå Fjellheim' });
  const digital = await addVedtak(db, sofie, kari.id);
  await dispatchLetters(db, devDeps(db), NOW);
  assert.equal((await dispatchOf(db, trineLetter)).status, 'awaiting_print');
  await db.updateTable('person').set({ address_protection: 'strengt_fortrolig' }).where('id', '=', trine.id).execute();

  const batch = await createPrintBatch(db, torunn, bjorkelia, TODAY, NOW);
  assert.ok(batch);
  assert.deepEqual([batch.letters, batch.envelopes, batch.movedToManual], [3, 2, 1]);
  const stored = await db.selectFrom('print_batch').selectAll().where('id', '=', batch.id).executeTakeFirstOrThrow();
  const info = await pdfInfo(stored.content);
  // Anders: address page + 2 + 1 pages; Liv: address page + 1.
  assert.equal(info.pages, 1 + 2 + 1 + 1 + 1);
  assert.equal(stored.page_count, info.pages);
  assert.match(info.title, /Bjørkelia skole 25\.11\.2026/);

  const pages = (await pdfText(stored.content)).split('\f');
  const addressPages = pages.filter((p) => /Konvolutten inneholder/.test(p));
  assert.equal(addressPages.length, 2);
  const andersPage = addressPages.find((p) => p.includes('Anders Nordmann'))!;
  assert.ok(
    andersPage.includes(anders.address) && andersPage.includes(anders.postal),
    'name and Folkeregister address for the window',
  );
  assert.match(andersPage, /Konvolutten inneholder 2 brev, 3 sider/);
  const school = await db
    .selectFrom('school')
    .select(['name', 'address_line', 'postal_code', 'postal_place'])
    .where('id', '=', bjorkelia)
    .executeTakeFirstOrThrow();
  assert.ok(
    andersPage.includes(`${school.name}, ${school.address_line}, ${school.postal_code} ${school.postal_place}`),
    'the school as sender (return address)',
  );
  assert.ok(addressPages.some((p) => p.includes('Liv Nordmann') && p.includes(liv.address)));
  const all = pages.join('\n');
  assert.ok(!all.includes('Maja'), "the protected guardian's letter is not in the batch");
  assert.ok(!all.includes(trine.address), 'a protected address is never printed');
  assert.ok(!all.includes('Fjellheim'), "another school's letter is not in this school's batch");
  // The address page comes right before its letters.
  const first = pages.findIndex((p) => p.includes('Anders Nordmann') && /Konvolutten/.test(p));
  assert.match(pages[first + 1]!, /Vedtak om permisjon for Sofie|Vedtak om skyss/);

  for (const doc of [...andersLetters, livLetter])
    assert.deepEqual(
      [(await dispatchOf(db, doc)).status, (await dispatchOf(db, doc)).print_batch_id],
      ['printed', batch.id],
    );
  assert.deepEqual(
    [(await dispatchOf(db, trineLetter)).status, (await dispatchOf(db, trineLetter)).manual_reason],
    ['manual', 'protected_address'],
  );
  assert.equal((await dispatchOf(db, fjellheimLetter)).status, 'awaiting_print');
  assert.equal((await dispatchOf(db, digital)).status, 'sent');
  const audit = await db
    .selectFrom('audit_log')
    .select(['actor_person_id', 'details'])
    .where('action', '=', 'letter.print_batch')
    .where('record_id', '=', String(batch.id))
    .executeTakeFirstOrThrow();
  assert.equal(audit.actor_person_id, torunn.personId);

  assert.equal(await createPrintBatch(db, torunn, bjorkelia, TODAY, NOW), null, 'nothing left to print');
  await db.updateTable('person').set({ address_protection: 'none' }).where('id', '=', trine.id).execute();
});

test('two people making the batch at the same time print each letter once', async () => {
  const docs = [
    await addVedtak(db, sofie, anders.id),
    await addVedtak(db, emil, liv.id),
    await addVedtak(db, sofie, anders.id),
  ];
  await dispatchLetters(db, devDeps(db), NOW);
  const batches = await Promise.all([
    createPrintBatch(db, torunn, bjorkelia, TODAY, NOW),
    createPrintBatch(db, torunn, bjorkelia, TODAY, NOW),
  ]);
  assert.equal(
    batches.reduce((n, b) => n + (b?.letters ?? 0), 0),
    3,
  );
  for (const doc of docs) assert.equal((await dispatchOf(db, doc)).status, 'printed');
});

test("a letter without a postal address goes to the manual list, and only the school's leadership may make a batch", async () => {
  await setKrr(db, liv.fodselsnummer, { status: 'IKKE_REGISTRERT' });
  await db.updateTable('person').set({ address_line: null }).where('id', '=', liv.id).execute();
  const doc = await addVedtak(db, emil, liv.id);
  await dispatchLetters(db, devDeps(db), NOW);
  assert.deepEqual(
    [(await dispatchOf(db, doc)).status, (await dispatchOf(db, doc)).manual_reason],
    ['manual', 'no_address'],
  );

  const teacher = await leaderActor(db, await loginPersonId(db, 'contact-teacher'));
  await assert.rejects(createPrintBatch(db, teacher, bjorkelia, TODAY, NOW), { status: 404 });
  const fjellheim = (
    await db.selectFrom('school').select('id').where('name', '=', 'Fjellheim skule').executeTakeFirstOrThrow()
  ).id;
  await assert.rejects(createPrintBatch(db, torunn, fjellheim, TODAY, NOW), { status: 404 });
});
