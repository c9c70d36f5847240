import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seedDatabase } from '../../src/db/seed/seed.ts';
import { demoTaxAssessmentPdf, seedSfoSupportActivity } from '../../src/db/seed/sfo-support-activity.ts';
import type { LoginProvider } from '../../src/db/schema.ts';
import { loadActor } from '../../src/domain/access/actor.ts';
import { answerConfirmation } from '../../src/domain/applications/confirm.ts';
import { decideApplication } from '../../src/domain/applications/decide.ts';
import { listApplicationQueue } from '../../src/domain/applications/queue.ts';
import { NotFoundError } from '../../src/domain/errors.ts';
import { requireGuardianChild } from '../../src/domain/guardian/child.ts';
import { incomeCap, parseKroner } from '../../src/domain/sfo/reduced-payment.ts';
import {
  applyForReducedPayment,
  downloadReducedPaymentAttachment,
  listReducedPaymentApplications,
} from '../../src/domain/sfo/reduced-payment-apply.ts';
import { endReduction, listCurrentReductions, recordFreeSfo } from '../../src/domain/sfo/reductions.ts';
import {
  answerSummer,
  loadSummerPeriod,
  saveSummerPeriod,
  sendSummerRegistration,
  summerCounts,
  summerForChild,
} from '../../src/domain/sfo/summer.ts';
import { requireSfo } from '../../src/domain/sfo/units.ts';
import { createDemoTestDb, createTestDb } from '../support/db.ts';
import { loginPersonId, personNamed } from '../support/fixtures.ts';
import { pdfText } from '../support/pdf.ts';

const TODAY = '2026-11-25';
const NOW = new Date('2026-11-25T10:00:00+01:00');
const db = await createDemoTestDb(TODAY);
const actorOf = async (personId: number, via: LoginProvider = 'feide') => (await loadActor(db, personId, via, TODAY))!;

const kari = await actorOf(await loginPersonId(db, 'guardian'), 'idporten');
const anders = await actorOf(await personNamed(db, 'Anders', 'Nordmann'), 'idporten');
const ola = await actorOf(await loginPersonId(db, 'guardian-private'), 'idporten');
const berit = await actorOf(await loginPersonId(db, 'sfo-leader'));
const torunn = await actorOf(await loginPersonId(db, 'leadership'));
const sfoStaff = await actorOf(await loginPersonId(db, 'sfo-staff'));
const sofie = await personNamed(db, 'Sofie', 'Nordmann');
const jonas = await personNamed(db, 'Jonas', 'Nordmann');
const emil = await personNamed(db, 'Emil', 'Nordmann');
const bjorkeliaSfo = await db
  .selectFrom('sfo')
  .select('id')
  .where('name', '=', 'Bjørkelia SFO')
  .executeTakeFirstOrThrow();
const offer = await db
  .selectFrom('sfo_offer')
  .select('id')
  .where('sfo_id', '=', bjorkeliaSfo.id)
  .orderBy('id')
  .executeTakeFirstOrThrow();
// Sofie (3A) gets a place in Bjørkelia SFO from the start of the school year (the demo gives her none).
await db
  .insertInto('sfo_enrolment')
  .values({
    sfo_id: bjorkeliaSfo.id,
    pupil_id: sofie,
    starts_on: '2026-08-17',
    offer_id: offer.id,
    payer_id: kari.personId,
  })
  .execute();
// A 5A pupil of Bjørkelia with an SFO place, for free SFO.
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
  .values({ sfo_id: bjorkeliaSfo.id, pupil_id: fifth.pupil_id, starts_on: '2026-08-17', offer_id: offer.id })
  .execute();

const kariChild = (id: number) => requireGuardianChild(db, kari, id, TODAY);
const pdf = await demoTaxAssessmentPdf('Kari Nordmann', 420_000);
const form = (over: Record<string, string> = {}) => ({
  schoolYearId: '1',
  householdMembers: 'Kari Nordmann\nAnders Nordmann\nSofie Nordmann\nJonas Nordmann',
  householdSize: '4',
  grossIncome: '420 000',
  ...over,
});

test('kroner parse to øre, and the cap is 6 % a year spread over the billing months', () => {
  assert.equal(parseKroner('420 000'), 42_000_000);
  assert.equal(parseKroner('420000,5'), 42_000_050);
  assert.equal(parseKroner('4 2 0'), 42_000);
  assert.equal(parseKroner('fire'), null);
  // 6 % of 400 000 kr = 24 000 kr a year; over 11 months 2 181,81 kr (rounded down to the øre).
  assert.deepEqual(incomeCap(40_000_000, 11), { yearOre: 2_400_000, monthOre: 218_181 });
});

test('reduced payment: per-field errors, then an application with its PDF that waits for the other guardian', async () => {
  const child = await kariChild(sofie);
  const bad = await applyForReducedPayment(db, kari, child, form({ grossIncome: '', householdSize: '0' }), {
    filename: 'x.txt',
    bytes: new TextEncoder().encode('not a pdf'),
  });
  assert.deepEqual(bad, {
    ok: false,
    errors: { grossIncome: 'required', householdSize: 'invalid', attachment: 'not_pdf' },
  });
  const big = new Uint8Array(10 * 1024 * 1024 + 1);
  big.set(new TextEncoder().encode('%PDF-'));
  const tooBig = await applyForReducedPayment(db, kari, child, form(), { filename: 'big.pdf', bytes: big });
  assert.deepEqual(tooBig, { ok: false, errors: { attachment: 'too_large' } });
  const noFile = await applyForReducedPayment(db, kari, child, form(), null);
  assert.deepEqual(noFile, { ok: false, errors: { attachment: 'required' } });
  // Jonas is in 6. trinn at Fjellheim without an SFO place; Emil (4B) has no place.
  const jonasResult = await applyForReducedPayment(db, kari, await kariChild(jonas), form(), {
    filename: 'a.pdf',
    bytes: pdf,
  });
  assert.deepEqual(jonasResult, { ok: false, errors: { trinn: 'not_eligible', sfo: 'no_place' } });
  const emilChild = await requireGuardianChild(db, ola, emil, TODAY);
  const emilResult = await applyForReducedPayment(db, ola, emilChild, form(), { filename: 'a.pdf', bytes: pdf });
  assert.deepEqual(emilResult, { ok: false, errors: { sfo: 'no_place' } });

  const ok = await applyForReducedPayment(db, kari, child, form(), { filename: 'skatt.pdf', bytes: pdf }, NOW);
  assert.ok(ok.ok);
  assert.equal(ok.status, 'awaiting_guardians', 'Anders shares parental responsibility');
  const again = await applyForReducedPayment(db, kari, child, form(), { filename: 'skatt.pdf', bytes: pdf }, NOW);
  assert.deepEqual(again, { ok: false, errors: { schoolYear: 'duplicate' } });
  const andersChild = await requireGuardianChild(db, anders, sofie, TODAY);
  const confirmed = await answerConfirmation(
    db,
    'sfo_reduced_payment',
    anders,
    andersChild,
    ok.applicationId,
    'confirmed',
    NOW,
  );
  assert.ok(confirmed.ok);
  const app = await db
    .selectFrom('application')
    .selectAll()
    .where('id', '=', ok.applicationId)
    .executeTakeFirstOrThrow();
  assert.deepEqual([app.status, app.sfo_id], ['submitted', bjorkeliaSfo.id]);

  // The attachment: the applicant and the deciders (the SFO's leader and the school's leadership) download it; the
  // other guardian and SFO staff do not.
  const forKari = await downloadReducedPaymentAttachment(db, kari, ok.applicationId, TODAY);
  assert.ok((await pdfText(forKari.content)).includes('Skatteoppgjør 2025'));
  const forBerit = await downloadReducedPaymentAttachment(db, berit, ok.applicationId, TODAY);
  assert.equal(forBerit.sha256, forKari.sha256);
  const forTorunn = await downloadReducedPaymentAttachment(db, torunn, ok.applicationId, TODAY);
  assert.equal(forTorunn.sha256, forKari.sha256);
  for (const other of [anders, sfoStaff])
    await assert.rejects(downloadReducedPaymentAttachment(db, other, ok.applicationId, TODAY), NotFoundError);

  const queue = await listApplicationQueue(db, berit, { limit: 50 }, TODAY);
  assert.ok(
    queue.items.some((i) => i.id === ok.applicationId),
    "in the SFO leader's queue",
  );
});

test('reduced payment: a grant with the income found makes an income-cap reduction and a vedtak with the cap', async () => {
  const app = await db
    .selectFrom('application')
    .select('id')
    .where('kind', '=', 'sfo_reduced_payment')
    .where('pupil_id', '=', sofie)
    .executeTakeFirstOrThrow();
  const bad = await decideApplication(
    db,
    berit,
    app.id,
    { outcome: 'granted', reasons: '', grantedIncome: 'mye' },
    NOW,
  );
  assert.deepEqual(bad, { ok: false, errors: { grantedIncome: 'invalid' } });
  // An old income-cap reduction for the same year is ended by the new one.
  await db
    .insertInto('sfo_payment_reduction')
    .values({
      pupil_id: sofie,
      school_year_id: 1,
      kind: 'income_cap',
      household_income_ore: 50_000_000,
      decided_by: berit.personId,
    })
    .execute();
  const result = await decideApplication(
    db,
    berit,
    app.id,
    { outcome: 'partly_granted', reasons: 'Skatteoppgjøret viser en høyere inntekt.', grantedIncome: '400 000' },
    NOW,
  );
  assert.ok(result.ok);
  const reductions = await db
    .selectFrom('sfo_payment_reduction')
    .selectAll()
    .where('pupil_id', '=', sofie)
    .orderBy('id')
    .execute();
  assert.equal(reductions.length, 2);
  assert.ok(reductions[0]!.ended_at, 'the earlier one is ended');
  assert.deepEqual(
    [
      reductions[1]!.kind,
      Number(reductions[1]!.household_income_ore),
      reductions[1]!.application_id,
      reductions[1]!.ended_at,
    ],
    ['income_cap', 40_000_000, app.id, null],
  );
  assert.equal(reductions[1]!.decided_by, berit.personId);
  const text = await pdfText(
    (
      await db
        .selectFrom('document')
        .select('content')
        .where('id', '=', result.documents[0]!.documentId)
        .executeTakeFirstOrThrow()
    ).content,
  );
  const flat = text.replace(/\s+/g, ' ');
  assert.match(flat, /6 %/);
  assert.match(flat, /24 000,00 kr/, 'the yearly cap');
  assert.match(flat, /2 181,81 kr/, 'the monthly maximum over 11 billing months');
  assert.match(flat, /3 uker/, 'the appeal right');
  assert.match(flat, /Sofie Nordmann/);
  const list = await listReducedPaymentApplications(db, kari, await kariChild(sofie));
  assert.equal(list[0]!.status, 'partly_granted');
  assert.equal(list[0]!.details.grantedIncomeOre, 40_000_000);
  assert.ok(list[0]!.vedtakDocumentId, "Kari's own vedtak");
});

test('free SFO: only for a child in 5.–7. trinn with a place in the SFO, audited, and it can be ended', async () => {
  const sfo = await requireSfo(db, berit, bjorkeliaSfo.id, 'run');
  await assert.rejects(requireSfo(db, sfoStaff, bjorkeliaSfo.id, 'run'), NotFoundError);
  const wrong = await recordFreeSfo(db, berit, sfo, { pupilId: String(sofie), reason: 'kort' }, TODAY, NOW);
  assert.deepEqual(wrong, { ok: false, errors: { pupil: 'not_eligible', reason: 'too_short' } });
  const ok = await recordFreeSfo(
    db,
    berit,
    sfo,
    { pupilId: String(fifth.pupil_id), reason: 'Særlige behov etter sakkyndig vurdering fra PPT.' },
    TODAY,
    NOW,
  );
  assert.ok(ok.ok);
  const list = await listCurrentReductions(db, sfo, TODAY, 1);
  const kinds = new Map(list.items.map((r) => [r.pupilId, r.kind]));
  assert.deepEqual([kinds.get(sofie), kinds.get(fifth.pupil_id)], ['income_cap', 'free']);
  const audit = await db
    .selectFrom('audit_log')
    .select('action')
    .where('action', '=', 'sfo_reduction.record')
    .execute();
  assert.equal(audit.length, 1);
  await endReduction(db, berit, sfo, ok.reductionId, TODAY, NOW);
  await assert.rejects(endReduction(db, berit, sfo, ok.reductionId, TODAY, NOW), NotFoundError, 'already ended');
  assert.ok(!(await listCurrentReductions(db, sfo, TODAY, 1)).items.some((r) => r.id === ok.reductionId));
});

test('summer SFO: the period, the registration to the guardians, answers per week, counts per day, the deadline', async () => {
  const sfo = await requireSfo(db, berit, bjorkeliaSfo.id, 'run');
  const input = {
    firstDay: '21.06.2027',
    lastDay: '13.08.2027',
    deadline: '01.07.2027',
    price: '350',
    openWeeks: null,
  };
  assert.deepEqual(await saveSummerPeriod(db, berit, sfo, 2027, input, NOW), {
    ok: false,
    errors: { deadline: 'after' },
  });
  assert.deepEqual(
    await saveSummerPeriod(db, berit, sfo, 2027, { ...input, lastDay: '13.09.2027', deadline: '' }, NOW),
    {
      ok: false,
      errors: { lastDay: 'year', deadline: 'required' },
    },
  );
  const saved = await saveSummerPeriod(db, berit, sfo, 2027, { ...input, deadline: '01.05.2027' }, NOW);
  assert.ok(saved.ok);
  let period = (await loadSummerPeriod(db, sfo.sfoId, 2027))!;
  assert.equal(period.weeks.length, 8);
  assert.ok(
    period.weeks.every((w) => w.open),
    'a new period is open every week',
  );
  // Close the three July weeks of the fellesferie.
  const open = period.weeks
    .map((w) => w.weekStart)
    .filter((w) => !['2027-07-12', '2027-07-19', '2027-07-26'].includes(w));
  assert.ok(
    (await saveSummerPeriod(db, berit, sfo, 2027, { ...input, deadline: '01.05.2027', openWeeks: open }, NOW)).ok,
  );
  period = (await loadSummerPeriod(db, sfo.sfoId, 2027))!;
  assert.deepEqual(
    period.weeks.filter((w) => !w.open).map((w) => w.number),
    ['28', '29', '30'],
  );

  const child = await kariChild(sofie);
  assert.equal(await summerForChild(db, child, TODAY), null, 'not sent yet');
  const sent = await sendSummerRegistration(db, berit, sfo, 2027, NOW);
  const places = await db.selectFrom('sfo_enrolment').select('pupil_id').where('sfo_id', '=', sfo.sfoId).execute();
  assert.ok(sent.guardians >= places.length, 'every child in the SFO has a guardian told');
  const toKari = await db
    .selectFrom('outbox')
    .select(['event_type', 'pupil_id'])
    .where('recipient_person_id', '=', kari.personId)
    .where('event_type', '=', 'sfo_summer.sent')
    .execute();
  assert.deepEqual(toKari, [{ event_type: 'sfo_summer.sent', pupil_id: sofie }]);
  const before = await db.selectFrom('outbox').select('id').where('event_type', '=', 'sfo_summer.sent').execute();
  assert.deepEqual(await sendSummerRegistration(db, berit, sfo, 2027, NOW), { guardians: 0 }, 'nobody is told twice');
  const after = await db.selectFrom('outbox').select('id').where('event_type', '=', 'sfo_summer.sent').execute();
  assert.equal(after.length, before.length);

  const summer = (await summerForChild(db, child, TODAY))!;
  assert.equal(summer.id, period.id);
  const closedWeek = await answerSummer(db, kari, child, summer.id, { '2027-07-12': [1] }, TODAY, NOW);
  assert.deepEqual(closedWeek, { ok: false, errors: { days: 'invalid' } });
  const answered = await answerSummer(
    db,
    kari,
    child,
    summer.id,
    { '2027-06-21': [1, 2, 3], '2027-08-02': [5] },
    TODAY,
    NOW,
  );
  assert.deepEqual(answered, { ok: true });
  const andersChild = await requireGuardianChild(db, anders, sofie, TODAY);
  const counts = await summerCounts(db, period);
  assert.equal(counts.answered, 1);
  assert.equal(counts.days.length, 5 * 5, 'five open weeks of five days');
  const day = (date: string) => counts.days.find((d) => d.date === date)!;
  assert.deepEqual([day('2027-06-21').children, day('2027-06-21').adults], [1, 1]);
  assert.equal(day('2027-06-24').children, 0);
  assert.equal(day('2027-08-06').children, 1);
  // The other guardian changes the answer: one answer per child, the latest.
  await answerSummer(db, anders, andersChild, summer.id, { '2027-06-21': [1] }, TODAY, NOW);
  const after2 = await summerCounts(db, period);
  assert.deepEqual([after2.answered, after2.days.find((d) => d.date === '2027-06-22')!.children], [1, 0]);
  // After the deadline: read-only.
  const late = await answerSummer(db, kari, child, summer.id, { '2027-06-21': [1] }, '2027-05-02', NOW);
  assert.deepEqual(late, { ok: false, reason: 'closed' });
  // A pupil of another SFO cannot answer it.
  await assert.rejects(answerSummer(db, kari, await kariChild(jonas), summer.id, {}, TODAY, NOW), NotFoundError);
});

test('the demo seed adds a pending reduced-payment case and a summer period with answers, once', async () => {
  const fresh = await createTestDb();
  await seedDatabase(fresh, { size: 'demo', today: TODAY });
  await seedSfoSupportActivity(fresh, NOW);
  await seedSfoSupportActivity(fresh, NOW);
  const apps = await fresh
    .selectFrom('application as a')
    .innerJoin('sfo_reduced_payment_application as r', 'r.application_id', 'a.id')
    .select(['a.status', 'r.attachment_document_id'])
    .execute();
  assert.equal(apps.length, 1);
  assert.ok(['submitted', 'awaiting_guardians'].includes(apps[0]!.status));
  assert.ok(apps[0]!.attachment_document_id);
  const periods = await fresh.selectFrom('sfo_summer_period').selectAll().execute();
  assert.equal(periods.length, 1);
  assert.equal(periods[0]!.year, 2027);
  assert.ok(periods[0]!.sent_at);
  const answers = await fresh.selectFrom('sfo_summer_answer').select('pupil_id').execute();
  assert.ok(answers.length > 10);
});
