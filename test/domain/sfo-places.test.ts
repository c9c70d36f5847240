import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type DemoLoginKey } from '../../src/db/seed/seed.ts';
import type { LoginProvider } from '../../src/db/schema.ts';
import { loadActor } from '../../src/domain/access/actor.ts';
import { answerConfirmation } from '../../src/domain/applications/confirm.ts';
import { decideApplication } from '../../src/domain/applications/decide.ts';
import { findApplicationForDecision, listApplicationQueue } from '../../src/domain/applications/queue.ts';
import { downloadVedtak } from '../../src/domain/applications/vedtak.ts';
import { NotFoundError } from '../../src/domain/errors.ts';
import { requireGuardianChild } from '../../src/domain/guardian/child.ts';
import { earliestTerminationDate } from '../../src/domain/sfo/notice.ts';
import { applyForSfoPlace } from '../../src/domain/sfo/place-apply.ts';
import { emptySfoPlaceInput, type SfoPlaceInput } from '../../src/domain/sfo/place-form.ts';
import { loadSfoPlaceOverview } from '../../src/domain/sfo/place-overview.ts';
import { createDemoTestDb } from '../support/db.ts';
import { loginPersonId, personNamed } from '../support/fixtures.ts';
import { pdfText } from '../support/pdf.ts';

const TODAY = '2026-11-25';
const NOW = new Date('2026-11-25T10:00:00+01:00');
const db = await createDemoTestDb(TODAY);
const actorOf = async (personId: number, via: LoginProvider = 'feide') => (await loadActor(db, personId, via, TODAY))!;
const person = (key: DemoLoginKey) => loginPersonId(db, key);

const kari = await actorOf(await person('guardian'), 'idporten');
const anders = await actorOf(await personNamed(db, 'Anders', 'Nordmann'), 'idporten');
const sofieId = await personNamed(db, 'Sofie', 'Nordmann');
const berit = await actorOf(await person('sfo-leader'));
const torunn = await actorOf(await person('leadership'));
const jonasEng = await actorOf(await person('sfo-staff'));
const marius = await actorOf(await person('contact-teacher'));
const offer = async (sfoId: number, name: string) =>
  (
    await db
      .selectFrom('sfo_offer')
      .select('id')
      .where('sfo_id', '=', sfoId)
      .where('name', '=', name)
      .executeTakeFirstOrThrow()
  ).id;
const bjorkeliaSfo = (
  await db.selectFrom('sfo').select('id').where('name', '=', 'Bjørkelia SFO').executeTakeFirstOrThrow()
).id;
const threeDays = await offer(bjorkeliaSfo, '3 dager i uka');
const twoDays = await offer(bjorkeliaSfo, '2 dager i uka');
const fullTime = await offer(bjorkeliaSfo, 'Heltid (5 dager)');

/** Pupils at Bjørkelia SFO with a place today and exactly one guardian with access (so applications go straight on). */
async function placedPupils(): Promise<{ pupilId: number; guardianId: number; enrolmentId: number }[]> {
  const rows = await db
    .selectFrom('sfo_enrolment as e')
    .innerJoin('guardian_relation as g', 'g.pupil_id', 'e.pupil_id')
    .select(['e.pupil_id', 'e.id', 'g.guardian_id'])
    .where('e.sfo_id', '=', bjorkeliaSfo)
    .where('e.ends_on', 'is', null)
    .where('e.starts_on', '<=', TODAY)
    .where('g.parental_responsibility', '=', true)
    .where('g.blocked', '=', false)
    .where('g.contact_person_only', '=', false)
    .orderBy('e.pupil_id')
    .execute();
  const count = new Map<number, number>();
  for (const r of rows) count.set(r.pupil_id, (count.get(r.pupil_id) ?? 0) + 1);
  return rows
    .filter((r) => count.get(r.pupil_id) === 1)
    .map((r) => ({ pupilId: r.pupil_id, guardianId: r.guardian_id, enrolmentId: r.id }));
}
const placed = await placedPupils();
assert.ok(placed.length >= 4, 'enough seeded places with one guardian');

const input = (over: Partial<SfoPlaceInput>): SfoPlaceInput => ({ ...emptySfoPlaceInput, ...over });
const childOf = (actor: Awaited<ReturnType<typeof actorOf>>, pupilId: number) =>
  requireGuardianChild(db, actor, pupilId, TODAY);

test('the notice period: from the first of the month after one full month', () => {
  assert.equal(earliestTerminationDate('2026-12-05', 1), '2027-02-01');
  assert.equal(earliestTerminationDate('2026-11-25', 1), '2027-01-01');
  assert.equal(earliestTerminationDate('2026-11-01', 1), '2027-01-01', 'the month notice is given never counts');
  assert.equal(earliestTerminationDate('2026-12-31', 2), '2027-03-01');
  assert.equal(earliestTerminationDate('2026-10-15', 3), '2027-02-01');
  assert.equal(earliestTerminationDate('2026-11-25', 0), '2026-11-25', 'no notice: from today');
  assert.equal(earliestTerminationDate('2026-11-25'), '2027-01-01', 'one month by default');
});

test('apply (part time) → the other guardian confirms → the SFO leader grants → a place from the start date', async () => {
  const sofie = await childOf(kari, sofieId);
  const applied = await applyForSfoPlace(
    db,
    kari,
    sofie,
    'sfo_place',
    input({
      offer: String(threeDays),
      days: ['4', '1', '2'],
      from: '04.01.2027',
      sharedInvoice: true,
      comment: 'Gjerne med venninne',
    }),
    NOW,
  );
  assert.ok(applied.ok, JSON.stringify(applied));
  assert.equal(applied.status, 'awaiting_guardians', 'Anders holds parental responsibility too');
  const early = await decideApplication(db, berit, applied.applicationId, { outcome: 'granted', reasons: '' }, NOW);
  assert.equal(early.ok, false, 'not before the other guardian has confirmed');

  const confirmed = await answerConfirmation(
    db,
    'sfo_place',
    anders,
    await childOf(anders, sofieId),
    applied.applicationId,
    'confirmed',
    NOW,
  );
  assert.deepEqual(confirmed, { ok: true, status: 'submitted' });

  // Berit leads the SFO and sees it though Sofie has no place yet; the school's leadership too; not staff or teachers.
  const queue = await listApplicationQueue(db, berit, { kind: 'sfo_place' }, TODAY);
  const item = queue.items.find((i) => i.id === applied.applicationId);
  assert.ok(item && item.kind === 'sfo_place');
  assert.deepEqual(item.details.days, [1, 2, 4]);
  assert.equal(item.details.offer?.name, '3 dager i uka');
  assert.equal(item.details.sharedInvoice, true);
  const facts = item.facts!;
  assert.equal(facts.capacity, 180);
  assert.equal(facts.on, '2027-01-04');
  assert.equal(facts.waitingBefore, 0);
  const taken = await db
    .selectFrom('sfo_enrolment')
    .select((eb) => eb.fn.count<number>('pupil_id').distinct().as('n'))
    .where('sfo_id', '=', bjorkeliaSfo)
    .where('starts_on', '<=', '2027-01-04')
    .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', '2027-01-04')]))
    .executeTakeFirstOrThrow();
  assert.equal(facts.taken, Number(taken.n));
  assert.ok((await listApplicationQueue(db, torunn, { kind: 'sfo_place' }, TODAY)).items.some((i) => i.id === item.id));
  await assert.rejects(findApplicationForDecision(db, jonasEng, item.id, TODAY), NotFoundError);
  await assert.rejects(findApplicationForDecision(db, marius, item.id, TODAY), NotFoundError);

  const decided = await decideApplication(db, berit, item.id, { outcome: 'granted', reasons: '' }, NOW);
  assert.ok(decided.ok, JSON.stringify(decided));
  assert.equal(decided.documents.length, 2, 'a vedtak to each guardian with access');
  const place = await db
    .selectFrom('sfo_enrolment')
    .selectAll()
    .where('application_id', '=', item.id)
    .executeTakeFirstOrThrow();
  assert.deepEqual(
    [
      place.sfo_id,
      place.pupil_id,
      place.starts_on,
      place.ends_on,
      place.offer_id,
      place.days,
      place.payer_id,
      place.shared_invoice,
    ],
    [bjorkeliaSfo, sofieId, '2027-01-04', null, threeDays, [1, 2, 4], kari.personId, true],
  );
  const doc = await downloadVedtak(db, berit, item.id, decided.documents[0]!.documentId, TODAY, NOW);
  const text = (await pdfText(doc.content)).replace(/\s+/g, ' ');
  assert.match(text, /Vedtak om plass i skolefritidsordningen \(SFO\)/);
  assert.match(text, /Sofie Nordmann/);
  assert.match(text, /3 dager i uka/);
  assert.match(text, /mandag, tirsdag og torsdag/);
  assert.match(text, /04\.01\.2027/);
  assert.match(text, /3 uker/);
  assert.match(text, /forvaltningsloven §§ 28 og 29/);

  // Now she has a place: another application for one is refused on the form.
  const again = await applyForSfoPlace(
    db,
    kari,
    sofie,
    'sfo_place',
    input({ offer: String(fullTime), from: '01.02.2027' }),
    NOW,
  );
  assert.deepEqual(again.ok ? null : again.errors.place, { code: 'has_place', date: '2027-01-04' });
  const overview = (await loadSfoPlaceOverview(db, kari, sofie, TODAY))!;
  assert.equal(overview.place?.offerName, '3 dager i uka');
  assert.equal(overview.place?.payerName, 'Kari Nordmann');
  assert.equal(overview.items[0]?.status, 'granted');
  assert.ok(overview.items[0]?.documentId, "Kari's own vedtak is linked");
});

test('bad input is refused per field: a past date, days outside the offer, a change or termination without a place', async () => {
  const { pupilId, guardianId } = placed[0]!;
  const guardian = await actorOf(guardianId, 'idporten');
  const child = await childOf(guardian, pupilId);
  const jonas = await childOf(kari, await personNamed(db, 'Jonas', 'Nordmann'));
  const jonasSfo = (
    await db.selectFrom('sfo').select('id').where('school_id', '=', jonas.schoolId).executeTakeFirstOrThrow()
  ).id;
  const twoDays = await offer(jonasSfo, '2 dager i uka');
  const threeDays = await offer(jonasSfo, '3 dager i uka');
  const past = await applyForSfoPlace(
    db,
    kari,
    jonas,
    'sfo_place',
    input({ offer: String(twoDays), days: ['1', '2'], from: '24.11.2026' }),
    NOW,
  );
  assert.deepEqual(past.ok ? null : past.errors.from, { code: 'past', date: TODAY });
  const count = await applyForSfoPlace(
    db,
    kari,
    jonas,
    'sfo_place',
    input({ offer: String(threeDays), days: ['1', '2'], from: '01.12.2026' }),
    NOW,
  );
  assert.deepEqual(count.ok ? null : count.errors.days, { code: 'count', count: 3 });
  const weekend = await applyForSfoPlace(
    db,
    kari,
    jonas,
    'sfo_place',
    input({ offer: String(twoDays), days: ['1', '6'], from: '01.12.2026' }),
    NOW,
  );
  assert.deepEqual(weekend.ok ? null : weekend.errors.days, { code: 'invalid' });
  const nothing = await applyForSfoPlace(db, kari, jonas, 'sfo_place', input({}), NOW);
  assert.deepEqual(nothing.ok ? null : nothing.errors, { offer: { code: 'required' }, from: { code: 'required' } });
  const foreign = await applyForSfoPlace(
    db,
    kari,
    jonas,
    'sfo_place',
    input({ offer: '999999', from: '01.12.2026' }),
    NOW,
  );
  assert.deepEqual(foreign.ok ? null : foreign.errors.offer, { code: 'unknown' });
  const change = await applyForSfoPlace(
    db,
    kari,
    jonas,
    'sfo_change',
    input({ offer: String(twoDays), days: ['1', '2'], from: '01.12.2026' }),
    NOW,
  );
  // (Kari's other child Jonas goes to another school with an SFO of its own; Sofie's SFO's offers are not his.)
  const sofies = await applyForSfoPlace(
    db,
    kari,
    jonas,
    'sfo_place',
    input({ offer: String(fullTime), from: '01.12.2026' }),
    NOW,
  );
  assert.deepEqual(sofies.ok ? null : sofies.errors.offer, { code: 'unknown' });
  assert.deepEqual(change.ok ? null : change.errors.place, { code: 'no_place' });
  const end = await applyForSfoPlace(db, kari, jonas, 'sfo_termination', input({ from: '01.01.2027' }), NOW);
  assert.deepEqual(end.ok ? null : end.errors.place, { code: 'no_place' });
  const early = await applyForSfoPlace(db, guardian, child, 'sfo_termination', input({ from: '15.12.2026' }), NOW);
  assert.deepEqual(early.ok ? null : early.errors, { from: { code: 'notice', date: '2027-01-01' } });
  const unchanged = await db
    .selectFrom('sfo_enrolment')
    .select(['offer_id', 'days'])
    .where('id', '=', placed[0]!.enrolmentId)
    .executeTakeFirstOrThrow();
  const same = await applyForSfoPlace(
    db,
    guardian,
    child,
    'sfo_change',
    input({ offer: String(unchanged.offer_id), days: (unchanged.days ?? []).map(String), from: '15.01.2027' }),
    NOW,
  );
  assert.deepEqual(same.ok ? null : same.errors.offer, { code: 'unchanged' });
  assert.equal(
    (await db.selectFrom('application').select('id').where('pupil_id', 'in', [pupilId, jonas.pupilId]).execute())
      .length,
    0,
    'nothing saved',
  );
});

test('a change mid-month ends the place the day before and starts the new terms; the payer stays', async () => {
  const { pupilId, guardianId, enrolmentId } = placed[1]!;
  const guardian = await actorOf(guardianId, 'idporten');
  const before = await db
    .selectFrom('sfo_enrolment')
    .selectAll()
    .where('id', '=', enrolmentId)
    .executeTakeFirstOrThrow();
  const applied = await applyForSfoPlace(
    db,
    guardian,
    await childOf(guardian, pupilId),
    'sfo_change',
    input({ offer: String(twoDays), days: ['3', '5'], from: '15.01.2027' }),
    NOW,
  );
  assert.ok(applied.ok, JSON.stringify(applied));
  assert.equal(applied.status, 'submitted', 'one guardian: straight to the SFO');
  const decided = await decideApplication(db, torunn, applied.applicationId, { outcome: 'granted', reasons: '' }, NOW);
  assert.ok(decided.ok, JSON.stringify(decided));
  const rows = await db
    .selectFrom('sfo_enrolment')
    .select(['starts_on', 'ends_on', 'offer_id', 'days', 'payer_id', 'application_id'])
    .where('pupil_id', '=', pupilId)
    .orderBy('starts_on')
    .execute();
  assert.deepEqual(rows, [
    {
      starts_on: before.starts_on,
      ends_on: '2027-01-14',
      offer_id: before.offer_id,
      days: before.days,
      payer_id: before.payer_id,
      application_id: null,
    },
    {
      starts_on: '2027-01-15',
      ends_on: null,
      offer_id: twoDays,
      days: [3, 5],
      payer_id: before.payer_id,
      application_id: applied.applicationId,
    },
  ]);
});

test('a termination respects the notice; granted, the place ends the day before', async () => {
  const { pupilId, guardianId, enrolmentId } = placed[2]!;
  const guardian = await actorOf(guardianId, 'idporten');
  const child = await childOf(guardian, pupilId);
  const overview = (await loadSfoPlaceOverview(db, guardian, child, TODAY))!;
  assert.equal(overview.earliestTermination, '2027-01-01');
  const applied = await applyForSfoPlace(db, guardian, child, 'sfo_termination', input({ from: '01.01.2027' }), NOW);
  assert.ok(applied.ok, JSON.stringify(applied));
  const pending = await applyForSfoPlace(db, guardian, child, 'sfo_termination', input({ from: '01.02.2027' }), NOW);
  assert.deepEqual(pending.ok ? null : pending.errors.place, { code: 'pending' });
  const decided = await decideApplication(db, berit, applied.applicationId, { outcome: 'granted', reasons: '' }, NOW);
  assert.ok(decided.ok, JSON.stringify(decided));
  const row = await db
    .selectFrom('sfo_enrolment')
    .select('ends_on')
    .where('id', '=', enrolmentId)
    .executeTakeFirstOrThrow();
  assert.equal(row.ends_on, '2026-12-31');
});

test('partly granted: another offer and a later start; refused: no place; the decision form checks its fields', async () => {
  const sofie = await childOf(kari, sofieId);
  const jonasId = await personNamed(db, 'Jonas', 'Nordmann');
  const jonasChild = await childOf(kari, jonasId);
  const sfoOfJonas = await db
    .selectFrom('sfo')
    .select('id')
    .where('school_id', '=', jonasChild.schoolId)
    .executeTakeFirst();
  assert.ok(sfoOfJonas, "Jonas's school has an SFO");
  void sofie;
  const offers = await db.selectFrom('sfo_offer').select(['id', 'name']).where('sfo_id', '=', sfoOfJonas.id).execute();
  const two = offers.find((o) => o.name === '2 dager i uka')!.id;
  const full = offers.find((o) => o.name === 'Heltid (5 dager)')!.id;
  const applied = await applyForSfoPlace(
    db,
    kari,
    jonasChild,
    'sfo_place',
    input({ offer: String(full), from: '01.12.2026' }),
    NOW,
  );
  assert.ok(applied.ok, JSON.stringify(applied));
  await answerConfirmation(
    db,
    'sfo_place',
    anders,
    await childOf(anders, jonasId),
    applied.applicationId,
    'confirmed',
    NOW,
  );
  const leader = await actorOf(
    (
      await db
        .selectFrom('staff_membership')
        .select('person_id')
        .where('sfo_id', '=', sfoOfJonas.id)
        .where('role', '=', 'sfo_leader')
        .executeTakeFirstOrThrow()
    ).person_id,
  );
  const bad = await decideApplication(
    db,
    leader,
    applied.applicationId,
    {
      outcome: 'partly_granted',
      reasons: 'Fullt på heltid før jul.',
      grantedOffer: String(two),
      grantedDay_1: 'yes',
      grantedFrom: '01.11.2026',
    },
    NOW,
  );
  assert.deepEqual(bad.ok ? null : 'errors' in bad ? bad.errors : bad.reason, {
    grantedDays: { code: 'count', count: 2 },
    grantedFrom: 'earlier',
  });
  const same = await decideApplication(
    db,
    leader,
    applied.applicationId,
    {
      outcome: 'partly_granted',
      reasons: 'Fullt på heltid før jul.',
      grantedOffer: String(full),
      grantedFrom: '01.12.2026',
    },
    NOW,
  );
  assert.deepEqual(same.ok ? null : 'errors' in same ? same.errors : same.reason, { grantedFrom: 'not_different' });
  const partly = await decideApplication(
    db,
    leader,
    applied.applicationId,
    {
      outcome: 'partly_granted',
      reasons: 'Fullt på heltid før jul.',
      grantedOffer: String(two),
      grantedDay_1: 'yes',
      grantedDay_3: 'yes',
      grantedFrom: '04.01.2027',
    },
    NOW,
  );
  assert.ok(partly.ok, JSON.stringify(partly));
  const place = await db
    .selectFrom('sfo_enrolment')
    .select(['starts_on', 'offer_id', 'days'])
    .where('application_id', '=', applied.applicationId)
    .executeTakeFirstOrThrow();
  assert.deepEqual(place, { starts_on: '2027-01-04', offer_id: two, days: [1, 3] });
  const doc = await downloadVedtak(db, leader, applied.applicationId, partly.documents[0]!.documentId, TODAY, NOW);
  const text = (await pdfText(doc.content)).replace(/\s+/g, ' ');
  assert.match(text, /Jonas Nordmann/);
  assert.match(text, /2 dager i uka/);
  assert.match(text, /04\.01\.2027/);
});

test('the audit names the capacity the decider acted in; an SFO without a leader has its school leadership told', async () => {
  const roleOf = async (applicationId: number) =>
    (
      await db
        .selectFrom('audit_log')
        .select('actor_role')
        .where('record_id', '=', String(applicationId))
        .where('action', 'like', '%.decide')
        .executeTakeFirstOrThrow()
    ).actor_role;
  const { pupilId, guardianId } = placed[3]!;
  const guardian = await actorOf(guardianId, 'idporten');
  const child = await childOf(guardian, pupilId);
  const applied = await applyForSfoPlace(db, guardian, child, 'sfo_termination', input({ from: '01.02.2027' }), NOW);
  assert.ok(applied.ok, JSON.stringify(applied));
  // Torunn is rektor, not the SFO's leader: she decides as leadership.
  const decided = await decideApplication(db, torunn, applied.applicationId, { outcome: 'granted', reasons: '' }, NOW);
  assert.ok(decided.ok, JSON.stringify(decided));
  assert.equal(await roleOf(applied.applicationId), 'leadership');
  const berits = (
    await db
      .selectFrom('audit_log')
      .select(['record_id', 'actor_role'])
      .where('action', '=', 'sfo_termination.decide')
      .where('actor_person_id', '=', berit.personId)
      .execute()
  ).map((r) => r.actor_role);
  assert.ok(berits.length > 0 && berits.every((r) => r === 'sfo_leader'), 'Berit decides as the SFO leader');

  const { deciderIds } = await import('../../src/domain/applications/deciders.ts');
  const place = { schoolId: child.schoolId, sfoId: bjorkeliaSfo };
  assert.deepEqual(await deciderIds(db, 'sfo_leader', place, TODAY), [berit.personId]);
  await db
    .updateTable('staff_membership')
    .set({ ends_on: '2026-11-24' })
    .where('role', '=', 'sfo_leader')
    .where('sfo_id', '=', bjorkeliaSfo)
    .execute();
  const told = await deciderIds(db, 'sfo_leader', place, TODAY);
  assert.ok(told.includes(torunn.personId), 'without a leader, the school leadership is told');
  assert.ok(!told.includes(berit.personId));
});
