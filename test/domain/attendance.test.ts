import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadActor } from '../../src/domain/access/actor.ts';
import { findRegisterUnit, loadRegister } from '../../src/domain/attendance/register.ts';
import { saveRegister } from '../../src/domain/attendance/save.ts';
import { listTodaysLessons } from '../../src/domain/attendance/today.ts';
import { ForbiddenError, NotFoundError } from '../../src/domain/errors.ts';
import type { AttendanceStatus } from '../../src/db/schema.ts';
import { insertLeaveApplication } from '../support/applications.ts';
import { createDemoTestDb } from '../support/db.ts';
import { loginPersonId } from '../support/fixtures.ts';

const TODAY = '2026-11-25'; // a Wednesday, school day
const NOW = new Date('2026-11-25T09:30:00+01:00');
const db = await createDemoTestDb(TODAY);
const actorFor = async (key: Parameters<typeof loginPersonId>[1]) =>
  (await loadActor(db, await loginPersonId(db, key), 'feide', TODAY))!;
const marius = await actorFor('contact-teacher');
const bjorkelia = await db
  .selectFrom('school')
  .select(['id', 'municipality_id'])
  .where('name', '=', 'Bjørkelia skole')
  .executeTakeFirstOrThrow();
const unitId = async (table: 'class' | 'teaching_group', name: string) =>
  (
    await db
      .selectFrom(table)
      .select('id')
      .where('school_id', '=', bjorkelia.id)
      .where('name', '=', name)
      .executeTakeFirstOrThrow()
  ).id;
const class5A = await findRegisterUnit(db, marius, 'class', await unitId('class', '5A'));
const register = (lessonId: number | null = null, date = TODAY) => loadRegister(db, class5A, date, lessonId, TODAY);
const pupils = (await register()).rows.map((r) => r.pupilId);
const [first, second, third, fourth] = pupils as [number, number, number, number];
const statuses = (changes: Record<number, AttendanceStatus>) =>
  new Map(pupils.map((id) => [id, changes[id] ?? 'present']));
const auditRows = () =>
  db
    .selectFrom('audit_log')
    .select(['subject_person_id', 'details'])
    .where('action', '=', 'attendance.register')
    .orderBy('id')
    .execute();

test('the register lists the class, everyone present by default; home reports and granted leave are shown and pre-selected', async () => {
  assert.ok(pupils.length >= 10, `5A has its pupils (${pupils.length})`);
  const kari = await loginPersonId(db, 'guardian');
  await db
    .insertInto('absence_report')
    .values({
      pupil_id: second,
      school_id: bjorkelia.id,
      reported_by: kari,
      kind: 'days',
      from_date: '2026-11-24',
      to_date: '2026-11-26',
      reason: 'sjuk',
    })
    .execute();
  await db
    .insertInto('absence_report')
    .values({
      pupil_id: third,
      school_id: bjorkelia.id,
      reported_by: kari,
      kind: 'days',
      from_date: TODAY,
      to_date: TODAY,
      reason: 'lege',
      withdrawn_at: NOW,
    })
    .execute();
  await insertLeaveApplication(db, {
    pupil_id: fourth,
    school_id: bjorkelia.id,
    applicant_id: kari,
    reason: 'reise',
    from_date: TODAY,
    to_date: '2026-11-27',
    school_days: 3,
    justification: 'Reise',
    rules_confirmed_at: NOW,
    status: 'granted',
    granted_from: TODAY,
    granted_to: '2026-11-27',
    granted_days: 3,
  });
  const rows = (await register()).rows;
  const row = (id: number) => rows.find((r) => r.pupilId === id)!;
  assert.deepEqual([row(fourth).status, row(fourth).leave, row(fourth).home], ['absent', true, null]);
  assert.deepEqual([row(first).status, row(first).home, row(first).saved], ['present', null, false]);
  assert.equal(row(second).status, 'absent');
  assert.deepEqual(row(second).home, {
    reason: 'sjuk',
    reportedBy: 'Kari Nordmann',
    kind: 'days',
    lessons: [],
    covers: true,
  });
  assert.equal(row(third).home, null, 'a withdrawn report counts for nothing');
});

test('a lessons report pre-selects absent only in the register of that lesson', async () => {
  const { lessons } = await register();
  assert.ok(lessons.length >= 4, "the class's own lessons that Wednesday");
  const reported = lessons[0]!;
  const other = lessons[1]!;
  const kari = await loginPersonId(db, 'guardian');
  const report = await db
    .insertInto('absence_report')
    .values({
      pupil_id: third,
      school_id: bjorkelia.id,
      reported_by: kari,
      kind: 'lessons',
      from_date: TODAY,
      to_date: TODAY,
      reason: 'lege',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('absence_report_lesson')
    .values({ absence_report_id: report.id, lesson_id: reported.id })
    .execute();
  const statusIn = async (lessonId: number | null) => (await register(lessonId)).rows.find((r) => r.pupilId === third)!;
  assert.equal((await statusIn(reported.id)).status, 'absent');
  assert.equal((await statusIn(other.id)).status, 'present');
  const day = await statusIn(null);
  assert.deepEqual(
    [day.status, day.home?.kind, day.home?.lessons.length],
    ['present', 'lessons', 1],
    'shown on the day, not pre-selected',
  );
});

test('saving twice updates the same rows, and only changes are audited', async () => {
  const first1 = await saveRegister(
    db,
    marius,
    class5A,
    { date: TODAY, lessonId: null, statuses: statuses({ [first]: 'absent', [second]: 'late' }) },
    NOW,
  );
  assert.deepEqual(first1, { ok: true, changed: pupils.length }, 'a first registration of everyone');
  assert.equal((await auditRows()).length, pupils.length);
  const again = await saveRegister(
    db,
    marius,
    class5A,
    { date: TODAY, lessonId: null, statuses: statuses({ [first]: 'present', [second]: 'late' }) },
    NOW,
  );
  assert.deepEqual(again, { ok: true, changed: 1 });
  const rows = await db
    .selectFrom('attendance')
    .select(['pupil_id', 'status', 'registered_by'])
    .where('date', '=', TODAY)
    .where('lesson_id', 'is', null)
    .execute();
  assert.equal(rows.length, pupils.length, 'no duplicates');
  assert.equal(rows.find((r) => r.pupil_id === second)?.status, 'late');
  const audit = await auditRows();
  assert.equal(audit.length, pupils.length + 1);
  const last = audit.at(-1)!;
  assert.equal(last.subject_person_id, first);
  assert.deepEqual(typeof last.details === 'string' ? JSON.parse(last.details) : last.details, {
    date: TODAY,
    lessonId: null,
    from: 'absent',
    to: 'present',
  });
  const shown = (await register()).rows;
  assert.deepEqual(
    [shown.find((r) => r.pupilId === second)?.status, shown.find((r) => r.pupilId === second)?.saved],
    ['late', true],
  );
  const lessonId = (await register()).lessons[0]!.id;
  await saveRegister(db, marius, class5A, { date: TODAY, lessonId, statuses: statuses({ [first]: 'absent' }) }, NOW);
  const lessonRows = await db
    .selectFrom('attendance')
    .select('status')
    .where('pupil_id', '=', first)
    .where('date', '=', TODAY)
    .orderBy('lesson_id')
    .execute();
  assert.equal(lessonRows.length, 2, 'a lesson is registered apart from the whole day');
});

test("refused: a pupil from another class, a future date, too old a date, a holiday, another unit's lesson", async () => {
  const other = (
    await db
      .selectFrom('enrolment')
      .select('pupil_id')
      .where('class_id', '=', await unitId('class', '5B'))
      .executeTakeFirstOrThrow()
  ).pupil_id;
  const save = (input: { date?: string; lessonId?: number | null; statuses?: Map<number, AttendanceStatus> }) =>
    saveRegister(
      db,
      marius,
      class5A,
      { date: input.date ?? TODAY, lessonId: input.lessonId ?? null, statuses: input.statuses ?? statuses({}) },
      NOW,
    );
  assert.deepEqual(
    await save({
      statuses: new Map([
        [first, 'absent'],
        [other, 'absent'],
      ]),
    }),
    { ok: false, reason: 'not_member' },
  );
  assert.deepEqual(await save({ date: '2026-11-26' }), { ok: false, reason: 'future' });
  assert.deepEqual(await save({ date: '2026-10-23' }), { ok: false, reason: 'too_old' });
  assert.deepEqual(await save({ date: '2026-11-22' }), { ok: false, reason: 'not_school_day' }, 'a Sunday');
  const otherLesson = (
    await db
      .selectFrom('lesson')
      .select('id')
      .where('class_id', '=', await unitId('class', '5B'))
      .where('weekday', '=', 3)
      .executeTakeFirstOrThrow()
  ).id;
  assert.deepEqual(await save({ lessonId: otherLesson }), { ok: false, reason: 'lesson' });
  const written = await db.selectFrom('attendance').select('id').where('pupil_id', '=', other).execute();
  assert.equal(written.length, 0);
  await assert.rejects(register(otherLesson), NotFoundError, "the register of another unit's lesson does not exist");
  assert.equal((await register(null, '2026-12-23')).problem, 'not_school_day', 'juleferie');
});

test('who may register: teachers of the very class or group, and leadership; the school owner gets 403', async () => {
  const ingvild = await actorFor('teacher');
  const torunn = await actorFor('leadership');
  const randi = await actorFor('school-owner');
  await assert.rejects(findRegisterUnit(db, ingvild, 'class', class5A.id), NotFoundError);
  await assert.rejects(findRegisterUnit(db, marius, 'class', await unitId('class', '5B')), NotFoundError);
  await assert.rejects(
    findRegisterUnit(db, marius, 'group', await unitId('teaching_group', '5B Norsk')),
    NotFoundError,
  );
  assert.equal(
    (await findRegisterUnit(db, marius, 'group', await unitId('teaching_group', '5A Norsk'))).name,
    '5A Norsk',
  );
  assert.equal((await findRegisterUnit(db, torunn, 'class', await unitId('class', '3A'))).name, '3A');
  await assert.rejects(findRegisterUnit(db, randi, 'class', class5A.id), ForbiddenError);
  const kari = (await loadActor(db, await loginPersonId(db, 'guardian'), 'idporten', TODAY))!;
  await assert.rejects(findRegisterUnit(db, kari, 'class', class5A.id), NotFoundError);
});

test('"I dag": the lessons the teacher teaches today, none on a holiday', async () => {
  const lessons = await listTodaysLessons(db, marius, TODAY);
  assert.ok(lessons.length >= 5, `${lessons.length} lessons`);
  assert.deepEqual([...new Set(lessons.map((l) => l.unit.name))].sort(), ['5A', '5A Norsk']);
  assert.deepEqual(
    lessons.map((l) => l.startsAt),
    [...lessons.map((l) => l.startsAt)].sort(),
  );
  assert.deepEqual(await listTodaysLessons(db, marius, '2026-12-23'), []);
  assert.deepEqual(await listTodaysLessons(db, marius, '2026-11-28'), [], 'a Saturday');
});
