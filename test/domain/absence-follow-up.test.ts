import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AttendanceStatus } from '../../src/db/schema.ts';
import { runAbsenceFollowUp } from '../../src/domain/absence/follow-up.ts';
import { startScheduler } from '../../src/jobs/scheduler.ts';
import { insertLeaveApplication } from '../support/applications.ts';
import { createDemoTestDb } from '../support/db.ts';
import { loginPersonId } from '../support/fixtures.ts';

const db = await createDemoTestDb('2026-11-25');
const marius = await loginPersonId(db, 'contact-teacher');
const kari = await loginPersonId(db, 'guardian');
const geir = await loginPersonId(db, 'guardian-blocked');
const pupil = async (given: string, className: string) =>
  await db
    .selectFrom('person as p')
    .innerJoin('enrolment as e', 'e.pupil_id', 'p.id')
    .innerJoin('class as c', 'c.id', 'e.class_id')
    .select(['p.id', 'e.school_id'])
    .where('p.given_name', '=', given)
    .where('c.name', '=', className)
    .executeTakeFirstOrThrow();
const sofie = await pupil('Sofie', '3A'); // guardians Kari and Anders
const maja = await pupil('Maja', '6B'); // Trine; Geir is blocked
const emil = await pupil('Emil', '4B');
const emma = await pupil('Emma', '7A');
const lesson = (await db.selectFrom('lesson').select('id').where('weekday', '=', 3).executeTakeFirstOrThrow()).id;

async function register(
  who: { id: number; school_id: number },
  date: string,
  status: AttendanceStatus,
  lessonId: number | null = null,
) {
  await db
    .insertInto('attendance')
    .values({ pupil_id: who.id, school_id: who.school_id, date, lesson_id: lessonId, status, registered_by: marius })
    .execute();
}
const followUps = (date: string) =>
  db.selectFrom('absence_follow_up').select('pupil_id').where('date', '=', date).orderBy('pupil_id').execute();
const outbox = (pupilId: number) =>
  db
    .selectFrom('outbox')
    .select(['recipient_person_id', 'payload', 'category', 'idempotency_key'])
    .where('event_type', '=', 'absence.follow_up')
    .where('pupil_id', '=', pupilId)
    .orderBy('recipient_person_id')
    .execute();
const guardiansOf = async (pupilId: number) =>
  (
    await db
      .selectFrom('guardian_relation')
      .select('guardian_id')
      .where('pupil_id', '=', pupilId)
      .where('parental_responsibility', '=', true)
      .where('blocked', '=', false)
      .where('contact_person_only', '=', false)
      .orderBy('guardian_id')
      .execute()
  ).map((g) => g.guardian_id);

await register(sofie, '2026-11-25', 'absent', lesson); // absent in one lesson, nothing from home → follow-up
await register(maja, '2026-11-25', 'absent');
await register(emil, '2026-11-25', 'absent'); // but home reported it
await db
  .insertInto('absence_report')
  .values({
    pupil_id: emil.id,
    school_id: emil.school_id,
    reported_by: await loginPersonId(db, 'guardian-private'),
    kind: 'days',
    from_date: '2026-11-24',
    to_date: '2026-11-25',
    reason: 'sjuk',
  })
  .execute();
await register(emma, '2026-11-25', 'present');

test('before the follow-up time (10:00 by default) nothing happens', async () => {
  assert.deepEqual(await runAbsenceFollowUp(db, new Date('2026-11-25T09:59:00+01:00')), {
    municipalities: 0,
    followUps: 0,
    notifications: 0,
  });
  assert.deepEqual(await followUps('2026-11-25'), []);
});

test('after it: one follow-up per unreported absent pupil and one notification per guardian with access, however often it runs', async () => {
  const now = new Date('2026-11-25T10:00:00+01:00');
  const firstRun = await runAbsenceFollowUp(db, now);
  const secondRun = await runAbsenceFollowUp(db, new Date('2026-11-25T10:01:00+01:00'));
  assert.deepEqual(
    await followUps('2026-11-25'),
    [sofie, maja].map((p) => ({ pupil_id: p.id })).sort((a, b) => a.pupil_id - b.pupil_id),
  );
  assert.equal(firstRun.followUps, 2);
  assert.deepEqual([secondRun.followUps, secondRun.notifications], [0, 0]);
  const toSofie = await outbox(sofie.id);
  assert.deepEqual(
    toSofie.map((n) => n.recipient_person_id),
    await guardiansOf(sofie.id),
  );
  assert.ok(toSofie.some((n) => n.recipient_person_id === kari) && toSofie.length === 2, 'Kari and Anders');
  assert.deepEqual(
    toSofie.map((n) => [n.category, typeof n.payload === 'string' ? JSON.parse(n.payload) : n.payload]),
    [
      ['absence', { date: '2026-11-25' }],
      ['absence', { date: '2026-11-25' }],
    ],
  );
  assert.equal(
    toSofie[0]!.idempotency_key,
    `absence-follow-up:${sofie.id}:2026-11-25:${toSofie[0]!.recipient_person_id}`,
  );
  const toMaja = await outbox(maja.id);
  assert.equal(toMaja.length, 1, 'not to the blocked father');
  assert.ok(!toMaja.some((n) => n.recipient_person_id === geir));
  assert.equal(firstRun.notifications, 3);
  assert.deepEqual(await outbox(emil.id), [], 'reported by home');
  assert.deepEqual(await outbox(emma.id), [], 'present');
});

test('two runs at the same moment (two app processes) still notify exactly once', async () => {
  const date = '2026-11-26';
  await register(sofie, date, 'absent');
  await register(maja, date, 'late');
  const now = new Date('2026-11-26T11:00:00+01:00');
  const runs = await Promise.all([runAbsenceFollowUp(db, now), runAbsenceFollowUp(db, now)]);
  assert.equal(runs[0].followUps + runs[1].followUps, 1);
  assert.equal(runs[0].notifications + runs[1].notifications, 2);
  assert.deepEqual(await followUps(date), [{ pupil_id: sofie.id }], 'late is not absent');
  assert.equal((await outbox(sofie.id)).length, 4, 'two days × two guardians');
});

test("a holiday, a weekend, granted leave, a withdrawn report and the school owner's own time", async () => {
  await register(sofie, '2026-12-23', 'absent'); // juleferie
  assert.equal((await runAbsenceFollowUp(db, new Date('2026-12-23T12:00:00+01:00'))).municipalities, 0);
  assert.equal((await runAbsenceFollowUp(db, new Date('2026-11-28T12:00:00+01:00'))).municipalities, 0, 'a Saturday');

  const date = '2026-11-27';
  await register(sofie, date, 'absent');
  await register(maja, date, 'absent');
  await register(emil, date, 'absent');
  await insertLeaveApplication(db, {
    pupil_id: sofie.id,
    school_id: sofie.school_id,
    applicant_id: kari,
    reason: 'reise',
    from_date: date,
    to_date: date,
    school_days: 1,
    justification: 'Reise',
    rules_confirmed_at: new Date(),
    status: 'granted',
    granted_from: date,
    granted_to: date,
    granted_days: 1,
  });
  await db
    .insertInto('absence_report')
    .values({
      pupil_id: emil.id,
      school_id: emil.school_id,
      reported_by: kari,
      kind: 'days',
      from_date: date,
      to_date: date,
      reason: 'sjuk',
      withdrawn_at: new Date(),
    })
    .execute();
  const municipality = (
    await db.selectFrom('school').select('municipality_id').where('id', '=', sofie.school_id).executeTakeFirstOrThrow()
  ).municipality_id;
  await db
    .updateTable('municipality')
    .set({ absence_follow_up_time: '13:30' })
    .where('id', '=', municipality)
    .execute();
  assert.equal(
    (await runAbsenceFollowUp(db, new Date('2026-11-27T13:29:00+01:00'))).followUps,
    0,
    "before this owner's time",
  );
  const run = await runAbsenceFollowUp(db, new Date('2026-11-27T13:30:00+01:00'));
  assert.equal(run.followUps, 2);
  assert.deepEqual(
    (await followUps(date)).map((f) => f.pupil_id).sort(),
    [maja.id, emil.id].sort(),
    "not Sofie on leave; Emil's report was withdrawn",
  );
});

test('the scheduler runs the jobs, logs failures without throwing, and stops', async () => {
  const lines: Record<string, unknown>[] = [];
  let calls = 0;
  const scheduler = startScheduler(db, {
    intervalMs: 10,
    log: (line) => lines.push(line),
    jobs: [
      {
        name: 'broken',
        run: async () => {
          calls++;
          throw new Error('boom');
        },
      },
      { name: 'counting', run: async () => ({ done: 1 }) },
    ],
  });
  await scheduler.tick();
  await new Promise((resolve) => setTimeout(resolve, 50));
  await scheduler.stop();
  const after = calls;
  await new Promise((resolve) => setTimeout(resolve, 30));
  assert.ok(after >= 2, 'it ran again after the failure');
  assert.equal(calls, after, 'stopped');
  assert.deepEqual(lines[0] && { level: lines[0].level, job: lines[0].job }, { level: 'error', job: 'broken' });
  assert.match(String(lines[0]!.error), /boom/);
  assert.ok(lines.some((l) => l.level === 'info' && l.job === 'counting' && l.done === 1));

  await register(emma, '2026-11-30', 'absent');
  const real = startScheduler(db, {
    clock: () => new Date('2026-11-30T14:00:00+01:00'),
    log: (line) => lines.push(line),
  });
  await real.tick();
  await real.stop();
  assert.deepEqual(await followUps('2026-11-30'), [{ pupil_id: emma.id }], 'the absence follow-up is one of the jobs');
});
