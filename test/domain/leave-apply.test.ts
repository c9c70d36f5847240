import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { loadActor, type Actor } from '../../src/domain/access/actor.ts';
import { answerConfirmation, type ConfirmationAnswer } from '../../src/domain/applications/confirm.ts';
import { withdrawApplication } from '../../src/domain/applications/withdraw.ts';
import { NotFoundError } from '../../src/domain/errors.ts';
import { requireGuardianChild, type GuardianChild } from '../../src/domain/guardian/child.ts';
import { applyForLeave } from '../../src/domain/leave/apply.ts';
import type { LeaveInput } from '../../src/domain/leave/form.ts';
import { leaveLimitFor } from '../../src/domain/leave/limits.ts';
import { listLeaveApplications } from '../../src/domain/leave/list.ts';
import { deleteApplications, insertLeaveApplication, leaveApplication } from '../support/applications.ts';
import { createDemoTestDb } from '../support/db.ts';
import { loginPersonId } from '../support/fixtures.ts';

const TODAY = '2026-11-25';
const NOW = new Date('2026-11-25T08:00:00+01:00');
const db = await createDemoTestDb(TODAY);

const actor = async (personId: number): Promise<Actor> => (await loadActor(db, personId, 'idporten', TODAY))!;
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
const kariId = await loginPersonId(db, 'guardian');
const torunn = await loginPersonId(db, 'leadership');
const sofieId = await childOf(kariId, 'Sofie');
const andersId = (
  await db
    .selectFrom('guardian_relation as r')
    .innerJoin('person as p', 'p.id', 'r.guardian_id')
    .select('p.id')
    .where('r.pupil_id', '=', sofieId)
    .where('p.given_name', '=', 'Anders')
    .executeTakeFirstOrThrow()
).id;
const kari = await actor(kariId);
const anders = await actor(andersId);
const sofie = await requireGuardianChild(db, kari, sofieId, TODAY);
const sofieForAnders = await requireGuardianChild(db, anders, sofieId, TODAY);
const jonas = await requireGuardianChild(db, kari, await childOf(kariId, 'Jonas'), TODAY);

const input = (over: Partial<LeaveInput> = {}): LeaveInput => ({
  reason: 'reise',
  from: '07.12.2026',
  to: '09.12.2026',
  justification: 'Besøk hos besteforeldre i Tromsø.',
  rulesRead: true,
  overLimitOk: false,
  ...over,
});
const outbox = (eventType: string) =>
  db
    .selectFrom('outbox')
    .select(['recipient_person_id', 'payload', 'category', 'idempotency_key'])
    .where('event_type', '=', eventType)
    .execute();
const payloadOf = (p: unknown) => (typeof p === 'string' ? JSON.parse(p) : p) as Record<string, unknown>;
const application = (id: number) => leaveApplication(db, id);
const answerLeaveConfirmation = (a: Actor, child: GuardianChild, id: number, answer: ConfirmationAnswer, now: Date) =>
  answerConfirmation(db, 'leave', a, child, id, answer, now);
const withdrawLeaveApplication = (a: Actor, child: GuardianChild, id: number, now: Date) =>
  withdrawApplication(db, 'leave', a, child, id, now);

/** A decided application for Sofie, written straight to the table (the school side is another module). */
async function insertGranted(from: string, to: string, days: number) {
  await insertLeaveApplication(db, {
    pupil_id: sofieId,
    school_id: sofie.schoolId,
    applicant_id: kariId,
    reason: 'familie',
    from_date: from,
    to_date: to,
    school_days: days,
    justification: 'Bryllup i familien.',
    rules_confirmed_at: NOW,
    status: 'granted',
    granted_from: from,
    granted_to: to,
    granted_days: days,
    created_at: new Date('2026-09-01T10:00:00+02:00'),
  });
}

beforeEach(async () => {
  await db.deleteFrom('outbox').where('event_type', 'like', 'leave.%').execute();
  await deleteApplications(db);
});

test('school days follow the skolerute: weekends and juleferie do not count', async () => {
  const december = await leaveLimitFor(db, sofie, '2026-11-30', '2026-12-18', TODAY);
  assert.equal(december.schoolDays, 15, 'three weeks of weekdays');
  assert.equal(december.limit, 10);
  assert.equal(december.over, true);
  const christmas = await leaveLimitFor(db, sofie, '2026-12-14', '2027-01-08', TODAY);
  assert.equal(christmas.schoolDays, 10, '21.12–01.01 is juleferie');
  assert.equal((await leaveLimitFor(db, sofie, '2026-11-28', '2026-11-29', TODAY)).schoolDays, 0, 'a weekend');
});

test('leave already granted this school year counts toward the limit; pending leave is shown apart', async () => {
  await insertGranted('2027-02-01', '2027-02-05', 5);
  const within = await leaveLimitFor(db, sofie, '2026-12-07', '2026-12-11', TODAY);
  assert.deepEqual(
    [within.schoolDays, within.alreadyGranted, within.over],
    [5, 5, false],
    '5 + 5 is the limit, not over it',
  );
  const over = await leaveLimitFor(db, sofie, '2026-12-07', '2026-12-14', TODAY);
  assert.deepEqual([over.schoolDays, over.alreadyGranted, over.over], [6, 5, true]);
  const applied = await applyForLeave(db, kari, sofie, input({ from: '01.03.2027', to: '02.03.2027' }), NOW);
  assert.ok(applied.ok);
  assert.equal((await leaveLimitFor(db, sofie, '2026-12-07', '2026-12-07', TODAY)).pending, 2);
});

test('over the limit the form comes back until "send anyway" is ticked', async () => {
  const first = await applyForLeave(db, kari, sofie, input({ from: '30.11.2026', to: '18.12.2026' }), NOW);
  assert.equal(first.ok, false);
  assert.ok(!first.ok && first.errors.overLimit && Object.keys(first.errors).length === 1);
  assert.equal(!first.ok && first.limit?.schoolDays, 15);
  assert.equal((await db.selectFrom('application').select('id').execute()).length, 0, 'nothing saved');
  const second = await applyForLeave(
    db,
    kari,
    sofie,
    input({ from: '30.11.2026', to: '18.12.2026', overLimitOk: true }),
    NOW,
  );
  assert.ok(second.ok);
  assert.equal((await application(second.applicationId)).school_days, 15);
});

test('with two guardians: it waits for Anders, who is asked; the school hears nothing yet', async () => {
  const result = await applyForLeave(db, kari, sofie, input(), NOW);
  assert.ok(result.ok);
  assert.equal(result.status, 'awaiting_guardians');
  const row = await application(result.applicationId);
  assert.equal(row.status, 'awaiting_guardians');
  assert.equal(row.school_days, 3);
  assert.equal(row.submitted_at, null);
  const confirmations = await db.selectFrom('application_confirmation').selectAll().execute();
  assert.deepEqual(
    confirmations.map((c) => [c.guardian_id, c.answer]),
    [[andersId, null]],
  );
  const asked = await outbox('leave.confirmation_requested');
  assert.deepEqual(
    asked.map((o) => [o.recipient_person_id, o.category, o.idempotency_key]),
    [[andersId, 'absence', `leave:${result.applicationId}:confirm:${andersId}`]],
  );
  assert.deepEqual(payloadOf(asked[0]!.payload), {
    applicationId: result.applicationId,
    applicantName: 'Kari Nordmann',
    from: '2026-12-07',
    to: '2026-12-09',
  });
  assert.equal((await outbox('leave.submitted')).length, 0);
  const audit = await db
    .selectFrom('audit_log')
    .select('actor_person_id')
    .where('action', '=', 'leave.apply')
    .where('record_id', '=', String(result.applicationId))
    .execute();
  assert.deepEqual(
    audit.map((a) => a.actor_person_id),
    [kariId],
  );
});

test('Anders confirms: submitted and the school leadership is told', async () => {
  const result = await applyForLeave(db, kari, sofie, input(), NOW);
  assert.ok(result.ok);
  await assert.rejects(
    answerLeaveConfirmation(kari, sofie, result.applicationId, 'confirmed', NOW),
    NotFoundError,
    'the applicant has nothing to confirm',
  );
  const answered = await answerLeaveConfirmation(anders, sofieForAnders, result.applicationId, 'confirmed', NOW);
  assert.deepEqual(answered, { ok: true, status: 'submitted' });
  const row = await application(result.applicationId);
  assert.equal(row.status, 'submitted');
  assert.ok(row.submitted_at);
  const submitted = await outbox('leave.submitted');
  assert.ok(
    submitted.some((o) => o.recipient_person_id === torunn),
    'the rektor',
  );
  assert.ok(submitted.every((o) => o.category === 'absence'));
  assert.deepEqual(
    await answerLeaveConfirmation(anders, sofieForAnders, result.applicationId, 'declined', NOW),
    { ok: false, reason: 'closed' },
    'answered once',
  );
});

test('Anders declines: declined, Kari is told, the school never gets it', async () => {
  const result = await applyForLeave(db, kari, sofie, input(), NOW);
  assert.ok(result.ok);
  assert.deepEqual(await answerLeaveConfirmation(anders, sofieForAnders, result.applicationId, 'declined', NOW), {
    ok: true,
    status: 'declined',
  });
  assert.equal((await application(result.applicationId)).status, 'declined');
  const told = await outbox('leave.declined');
  assert.deepEqual(
    told.map((o) => o.recipient_person_id),
    [kariId],
  );
  assert.equal(payloadOf(told[0]!.payload).guardianName, 'Anders Nordmann');
  assert.equal((await outbox('leave.submitted')).length, 0);
  const again = await applyForLeave(db, kari, sofie, input(), NOW);
  assert.ok(again.ok, 'a declined application does not block the same dates');
});

test('with one guardian holding parental responsibility it goes straight to the school', async () => {
  const relation = db
    .updateTable('guardian_relation')
    .where('pupil_id', '=', sofieId)
    .where('guardian_id', '=', andersId);
  await relation.set({ parental_responsibility: false }).execute();
  try {
    const result = await applyForLeave(db, kari, sofie, input(), NOW);
    assert.ok(result.ok);
    assert.equal(result.status, 'submitted');
    assert.equal((await db.selectFrom('application_confirmation').select('guardian_id').execute()).length, 0);
    assert.ok((await outbox('leave.submitted')).some((o) => o.recipient_person_id === torunn));
    assert.equal((await outbox('leave.confirmation_requested')).length, 0);
  } finally {
    await relation.set({ parental_responsibility: true }).execute();
  }
});

test('the form is checked: dates, school days, the school year, overlap, justification, the rules', async () => {
  const errors = async (over: Partial<LeaveInput>) => {
    const result = await applyForLeave(db, kari, sofie, input(over), NOW);
    assert.equal(result.ok, false);
    return result.ok ? {} : Object.fromEntries(Object.entries(result.errors).map(([field, e]) => [field, e!.code]));
  };
  assert.deepEqual(await errors({ reason: '', from: '', to: 'x', justification: 'kort', rulesRead: false }), {
    reason: 'required',
    from: 'required',
    to: 'invalid_date',
    justification: 'too_short',
    rules: 'required',
  });
  assert.deepEqual(await errors({ from: '24.11.2026', to: '24.11.2026' }), { from: 'past' });
  assert.deepEqual(await errors({ from: '09.12.2026', to: '07.12.2026' }), { to: 'before_from' });
  assert.deepEqual(
    await errors({ from: '21.12.2026', to: '01.01.2027' }),
    { from: 'no_school_days' },
    'juleferie only',
  );
  assert.deepEqual(
    await errors({ from: '20.08.2027', to: '21.08.2027' }),
    { from: 'outside_years' },
    'no next school year set up',
  );
  assert.deepEqual(await errors({ from: '14.06.2027', to: '02.07.2027' }), { to: 'across_years' });
  assert.deepEqual(await errors({ justification: 'x'.repeat(2001) }), { justification: 'too_long' });
  assert.equal((await leaveLimitFor(db, sofie, '2026-11-25', '2026-11-25', TODAY)).schoolDays, 1);
  assert.ok(
    (await applyForLeave(db, kari, sofie, input({ from: '25.11.2026', to: '25.11.2026' }), NOW)).ok,
    'today is allowed',
  );
  assert.ok((await applyForLeave(db, kari, sofie, input(), NOW)).ok);
  assert.deepEqual(await errors({ from: '2026-12-09', to: '2026-12-10' }), { from: 'overlap' });
});

test("any guardian may withdraw until the school decides; another child's application is not found", async () => {
  const result = await applyForLeave(db, kari, sofie, input(), NOW);
  assert.ok(result.ok);
  await assert.rejects(withdrawLeaveApplication(kari, jonas, result.applicationId, NOW), NotFoundError);
  await assert.rejects(
    answerLeaveConfirmation(
      anders,
      await requireGuardianChild(db, anders, jonas.pupilId, TODAY),
      result.applicationId,
      'confirmed',
      NOW,
    ),
    NotFoundError,
  );
  assert.deepEqual(await withdrawLeaveApplication(anders, sofieForAnders, result.applicationId, NOW), { ok: true });
  assert.equal((await application(result.applicationId)).status, 'withdrawn');
  assert.deepEqual(await withdrawLeaveApplication(kari, sofie, result.applicationId, NOW), { ok: false });
  assert.deepEqual(await answerLeaveConfirmation(anders, sofieForAnders, result.applicationId, 'confirmed', NOW), {
    ok: false,
    reason: 'closed',
  });
  await insertGranted('2027-02-01', '2027-02-05', 5);
  const granted = await db
    .selectFrom('application')
    .select('id')
    .where('status', '=', 'granted')
    .executeTakeFirstOrThrow();
  assert.deepEqual(await withdrawLeaveApplication(kari, sofie, granted.id, NOW), { ok: false }, 'decided');
});

test('the list: newest first, who must confirm, the granted days of the year', async () => {
  await insertGranted('2027-02-01', '2027-02-05', 5);
  const result = await applyForLeave(db, kari, sofie, input(), NOW);
  assert.ok(result.ok);
  const overview = await listLeaveApplications(db, anders, sofieForAnders, TODAY);
  assert.equal(overview.granted, 5);
  assert.equal(overview.pending, 3);
  assert.equal(overview.limit, 10);
  assert.equal(overview.items[0]!.id, result.applicationId);
  assert.deepEqual(overview.items[0]!.waitingFor, [{ personId: andersId, name: 'Anders Nordmann' }]);
  assert.deepEqual(
    overview.items.map((i) => i.status),
    ['awaiting_guardians', 'granted'],
  );
});
