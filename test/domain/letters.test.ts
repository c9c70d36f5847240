import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PermanentSendError, type DigitalPostClient } from '../../src/domain/letters/digital-post.ts';
import { dispatchLetters, MAX_ATTEMPTS } from '../../src/domain/letters/dispatch.ts';
import { createDemoTestDb } from '../support/db.ts';
import { addVedtak, childOf, devDeps, dispatchOf, NOW, personByName, setKrr } from '../support/letters.ts';

const db = await createDemoTestDb('2026-11-25');

const kari = await personByName(db, 'Kari', 'Nordmann');
const anders = await personByName(db, 'Anders', 'Nordmann');
const liv = await personByName(db, 'Liv', 'Nordmann');
const ola = await personByName(db, 'Ola', 'Nordmann');
const trine = await personByName(db, 'Trine', 'Bakkeli');
const knut = await personByName(db, 'Knut', 'Solvang');
const siri = await personByName(db, 'Siri', 'Solvang');
const sofie = await childOf(db, kari.id, 'Sofie');
const emil = await childOf(db, ola.id, 'Emil');
const maja = await childOf(db, trine.id, 'Maja');
const emma = await childOf(db, knut.id, 'Emma');
const later = (days: number) => new Date(NOW.getTime() + days * 86_400_000);
const devPost = (documentId: number) =>
  db.selectFrom('dev_digital_post').selectAll().where('reference', '=', `skolebro-vedtak-${documentId}`).execute();

test('KRR decides: a digital mailbox gets digital post once, reserved, not registered, deleted and stale contact go on paper', async () => {
  const deleted = siri;
  await setKrr(db, deleted.fodselsnummer, {
    status: 'SLETTET',
    postkasseadresse: null,
    postkasseleverandoeradresse: null,
  });
  const docs = {
    kari: await addVedtak(db, sofie, kari.id),
    anders: await addVedtak(db, sofie, anders.id),
    liv: await addVedtak(db, emil, liv.id),
    siri: await addVedtak(db, emma, deleted.id),
    trine: await addVedtak(db, maja, trine.id),
    knut: await addVedtak(db, emma, knut.id),
  };
  const deps = devDeps(db);
  const result = await dispatchLetters(db, deps, NOW);
  assert.equal(result.planned, 6);
  assert.equal(deps.krrCalls.length, 1, 'one KRR look-up for the whole batch');
  assert.equal(new Set(deps.krrCalls[0]).size, 6);

  const k = await dispatchOf(db, docs.kari);
  assert.equal(k.status, 'sent');
  assert.equal(k.channel, 'digital_post');
  assert.equal(k.krr_mailbox_provider, 'Digipost');
  assert.equal(k.renotify_due_at?.getTime(), later(7).getTime(), 're-notify a week later');
  const mailbox = await devPost(docs.kari);
  assert.equal(mailbox.length, 1);
  assert.equal(mailbox[0]!.recipient_fnr, kari.fodselsnummer);
  assert.equal(mailbox[0]!.sender_name, 'Bjørkelia skole');
  assert.ok(mailbox[0]!.notify_email && mailbox[0]!.notify_mobile, 'both fresh contacts are notified');
  assert.equal(mailbox[0]!.content.subarray(0, 5).toString('latin1'), '%PDF-');

  const paper = async (doc: number, reason: string) => {
    const row = await dispatchOf(db, doc);
    assert.deepEqual(
      [row.status, row.channel, row.paper_reason],
      ['awaiting_print', 'paper', reason],
      `document ${doc}`,
    );
    assert.equal((await devPost(doc)).length, 0, 'nothing in a digital mailbox');
  };
  await paper(docs.anders, 'reserved');
  await paper(docs.liv, 'not_registered');
  await paper(docs.siri, 'deleted');
  await paper(docs.trine, 'not_notifiable');
  assert.equal((await dispatchOf(db, docs.anders)).krr_reservasjon, 'JA', 'the KRR answer is kept');
  await setKrr(db, deleted.fodselsnummer, { status: 'AKTIV' });
});

test('18 months: a stale KRR e-mail is not notified (mobile only); with every contact stale the vedtak goes on paper', async () => {
  const knutDoc = await addVedtak(db, emma, knut.id, { title: 'Vedtak om SFO-plass' });
  await dispatchLetters(db, devDeps(db), NOW);
  const [mail] = await devPost(knutDoc);
  assert.equal(mail?.notify_email, null, 'e-mail verified more than 18 months ago');
  assert.match(mail?.notify_mobile ?? '', /^\+47/);
  const row = await dispatchOf(db, knutDoc);
  assert.deepEqual([row.notified_by_email, row.notified_by_sms], [false, true]);

  // KRR still says KAN_VARSLES, but both were last confirmed 19 months ago: not used, so paper.
  const old = new Date('2025-04-20T10:00:00Z');
  await setKrr(db, ola.fodselsnummer, {
    epostadresse_oppdatert: old,
    epostadresse_sist_verifisert: old,
    mobiltelefonnummer_oppdatert: old,
    mobiltelefonnummer_sist_verifisert: old,
  });
  const olaDoc = await addVedtak(db, emil, ola.id);
  await dispatchLetters(db, devDeps(db), NOW);
  assert.deepEqual(
    [(await dispatchOf(db, olaDoc)).status, (await dispatchOf(db, olaDoc)).paper_reason],
    ['awaiting_print', 'stale_contact'],
  );
  assert.equal((await devPost(olaDoc)).length, 0);
  const fresh = new Date('2026-10-01T10:00:00Z');
  await setKrr(db, ola.fodselsnummer, {
    epostadresse_sist_verifisert: fresh,
    mobiltelefonnummer_sist_verifisert: fresh,
  });
});

test('running the dispatcher twice, and twice at the same time, dispatches each letter once', async () => {
  const docs = [
    await addVedtak(db, sofie, kari.id),
    await addVedtak(db, sofie, anders.id),
    await addVedtak(db, emil, ola.id),
    await addVedtak(db, emil, liv.id),
  ];
  const [a, b] = await Promise.all([dispatchLetters(db, devDeps(db), NOW), dispatchLetters(db, devDeps(db), NOW)]);
  assert.equal(a.planned + b.planned, 4, 'each document planned once');
  assert.equal(a.claimed + b.claimed, 4, 'each letter claimed by one process');
  const again = await dispatchLetters(db, devDeps(db), NOW);
  assert.deepEqual([again.planned, again.claimed], [0, 0]);
  const rows = await db
    .selectFrom('letter_dispatch')
    .select(['document_id', 'status'])
    .where('document_id', 'in', docs)
    .execute();
  assert.equal(rows.length, 4);
  for (const doc of [docs[0]!, docs[2]!])
    assert.equal((await devPost(doc)).length, 1, `document ${doc} in one mailbox once`);
  const audits = await db
    .selectFrom('audit_log')
    .select('record_id')
    .where('action', '=', 'letter.dispatch')
    .where(
      'record_id',
      'in',
      (await db.selectFrom('letter_dispatch').select('id').where('document_id', 'in', docs).execute()).map((r) =>
        String(r.id),
      ),
    )
    .execute();
  assert.equal(audits.length, 4, 'one audit row per letter');
});

test('a crash after sending: the letter is sent again with the same reference and the mailbox holds it once', async () => {
  const doc = await addVedtak(db, sofie, kari.id);
  const real = devDeps(db).digitalPost!;
  const crashing: DigitalPostClient = {
    ...real,
    send: async (letter) => {
      await real.send(letter);
      throw new Error('connection reset');
    },
    openedAt: real.openedAt.bind(real),
    renotify: real.renotify.bind(real),
  };
  const first = await dispatchLetters(db, devDeps(db, { digitalPost: crashing }), NOW);
  assert.equal(first.retrying, 1);
  assert.equal((await dispatchOf(db, doc)).status, 'new');
  await dispatchLetters(db, devDeps(db), later(0.01));
  assert.equal((await dispatchOf(db, doc)).status, 'sent');
  assert.equal((await devPost(doc)).length, 1);
});

test('failures never lose a letter: KRR down → retries, then paper; a refused digital letter → paper; no KRR configured → paper', async () => {
  const doc = await addVedtak(db, sofie, kari.id);
  const down = devDeps(db, {
    krr: {
      lookup: async () => {
        throw new Error('KRR 503');
      },
    },
  });
  let at = NOW;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    await dispatchLetters(db, down, at);
    at = later(attempt);
  }
  const failed = await dispatchOf(db, doc);
  assert.deepEqual(
    [failed.status, failed.paper_reason, failed.attempts],
    ['awaiting_print', 'krr_failed', MAX_ATTEMPTS],
  );
  assert.match(failed.last_error ?? '', /KRR 503/);

  const refusedDoc = await addVedtak(db, sofie, kari.id);
  const real = devDeps(db).digitalPost!;
  const refusing: DigitalPostClient = {
    send: async () => {
      throw new PermanentSendError('mailbox closed');
    },
    openedAt: real.openedAt.bind(real),
    renotify: real.renotify.bind(real),
  };
  await dispatchLetters(db, devDeps(db, { digitalPost: refusing }), NOW);
  assert.deepEqual(
    [(await dispatchOf(db, refusedDoc)).status, (await dispatchOf(db, refusedDoc)).paper_reason],
    ['awaiting_print', 'digital_post_failed'],
  );

  const noKrrDoc = await addVedtak(db, sofie, kari.id);
  await dispatchLetters(db, { krr: null, digitalPost: null }, NOW);
  assert.equal((await dispatchOf(db, noKrrDoc)).paper_reason, 'krr_unavailable');
});

test('a protected address goes to the manual list; a guardian blocked since the decision gets nothing', async () => {
  await db.updateTable('person').set({ address_protection: 'fortrolig' }).where('id', '=', anders.id).execute();
  const protectedDoc = await addVedtak(db, sofie, anders.id);
  await db.updateTable('guardian_relation').set({ blocked: true }).where('guardian_id', '=', trine.id).execute();
  const blockedDoc = await addVedtak(db, maja, trine.id);
  await dispatchLetters(db, devDeps(db), NOW);
  const manual = await dispatchOf(db, protectedDoc);
  assert.deepEqual(
    [manual.status, manual.channel, manual.paper_reason, manual.manual_reason],
    ['manual', 'paper', 'reserved', 'protected_address'],
  );
  const withheld = await dispatchOf(db, blockedDoc);
  assert.equal(withheld.status, 'withheld');
  assert.equal((await devPost(blockedDoc)).length, 0);
  await db.updateTable('person').set({ address_protection: 'none' }).where('id', '=', anders.id).execute();
  await db.updateTable('guardian_relation').set({ blocked: false }).where('guardian_id', '=', trine.id).execute();
});

test('a week later: unopened letters are notified again, opened ones (mailbox or Skolebro) are not', async () => {
  const unopened = await addVedtak(db, sofie, kari.id, { title: 'Uåpnet' });
  const openedInMailbox = await addVedtak(db, sofie, kari.id, { title: 'Åpnet i postkassen' });
  const openedInSkolebro = await addVedtak(db, emil, ola.id, { title: 'Lest i Skolebro' });
  await dispatchLetters(db, devDeps(db), NOW);
  await db
    .updateTable('dev_digital_post')
    .set({ opened_at: later(1) })
    .where('reference', '=', `skolebro-vedtak-${openedInMailbox}`)
    .execute();
  await db
    .insertInto('audit_log')
    .values({
      at: later(2),
      actor_person_id: ola.id,
      actor_role: 'guardian',
      action: 'document.download',
      record_type: 'document',
      record_id: String(openedInSkolebro),
    })
    .execute();

  const early = await dispatchLetters(db, devDeps(db), later(6));
  assert.equal(early.renotified, 0, 'not before a week has passed');
  await dispatchLetters(db, devDeps(db), later(7.1));
  assert.equal((await dispatchOf(db, unopened)).renotify_outcome, 'renotified');
  assert.equal((await devPost(unopened))[0]!.notifications, 2);
  assert.equal((await dispatchOf(db, openedInMailbox)).renotify_outcome, 'opened');
  assert.equal((await devPost(openedInMailbox))[0]!.notifications, 1);
  assert.equal((await dispatchOf(db, openedInSkolebro)).renotify_outcome, 'opened');
  const again = await dispatchLetters(db, devDeps(db), later(8));
  assert.equal(again.renotified, 0, 'notified again only once');
});
