import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadActor } from '../../src/domain/access/actor.ts';
import { requireManagedClass } from '../../src/domain/access/scope.ts';
import { closeClass, createClass } from '../../src/domain/office/classes.ts';
import { admitPupil, dayBefore, endEnrolment, movePupil } from '../../src/domain/office/enrolments.ts';
import { createDemoTestDb } from '../support/db.ts';
import { loginPersonId } from '../support/fixtures.ts';

const TODAY = '2026-11-25';
const db = await createDemoTestDb(TODAY);
const actor = (await loadActor(db, await loginPersonId(db, 'leadership'), 'feide', TODAY))!;
const school = await db
  .selectFrom('school')
  .select(['id', 'name', 'municipality_id'])
  .where('name', '=', 'Bjørkelia skole')
  .executeTakeFirstOrThrow();
const managedSchool = { id: school.id, name: school.name, municipalityId: school.municipality_id };
const year = (
  await db
    .selectFrom('school_year')
    .select('id')
    .where('municipality_id', '=', school.municipality_id)
    .executeTakeFirstOrThrow()
).id;

async function freshClass(name: string, trinn = 4) {
  const made = await createClass(db, actor, managedSchool, { name, trinn: String(trinn), schoolYearId: String(year) });
  assert.ok(made.ok);
  return requireManagedClass(db, actor, made.classId);
}
async function person(given: string, fnr: string) {
  return (
    await db
      .insertInto('person')
      .values({ given_name: given, family_name: 'Domene', fodselsnummer: fnr })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}
const enrolmentsOf = (pupilId: number) =>
  db
    .selectFrom('enrolment')
    .select(['id', 'class_id', 'starts_on', 'ends_on', 'end_reason'])
    .where('pupil_id', '=', pupilId)
    .orderBy('starts_on')
    .execute();

test('dayBefore crosses months and leap days', () => {
  assert.equal(dayBefore('2026-12-01'), '2026-11-30');
  assert.equal(dayBefore('2028-03-01'), '2028-02-29');
  assert.equal(dayBefore('2027-01-01'), '2026-12-31');
});

test('two admissions of one pupil at the same time: exactly one is stored, the other is a field error', async () => {
  const a = await freshClass('4X');
  const b = await freshClass('4Y');
  const pupil = await person('Samtidig', '03031980111');
  const results = await Promise.all([
    admitPupil(db, actor, a, { personId: String(pupil), startsOn: TODAY }),
    admitPupil(db, actor, b, { personId: String(pupil), startsOn: TODAY }),
  ]);
  assert.equal(results.filter((r) => r.ok).length, 1, JSON.stringify(results));
  assert.deepEqual(
    results.find((r) => !r.ok),
    { ok: false, errors: { personId: 'already_enrolled' } },
  );
  assert.equal((await enrolmentsOf(pupil)).length, 1);
});

test('a pupil admitted from a later date keeps a class from closing; a pupil who left another class may be admitted again', async () => {
  const later = await freshClass('4Z');
  const pupil = await person('Seinare', '03031980222');
  assert.ok((await admitPupil(db, actor, later, { personId: String(pupil), startsOn: '2027-01-04' })).ok);
  assert.deepEqual(await closeClass(db, actor, later, TODAY), { ok: false, errors: { close: 'has_pupils' } });
  const [enrolment] = await enrolmentsOf(pupil);
  // An overlapping admission elsewhere is refused even before the later start.
  const other = await freshClass('4W');
  assert.deepEqual(await admitPupil(db, actor, other, { personId: String(pupil), startsOn: TODAY }), {
    ok: false,
    errors: { personId: 'already_enrolled' },
  });
  const ended = await endEnrolment(db, actor, { ...enrolment!, pupil_id: pupil, school_id: school.id }, later, {
    endsOn: '2027-01-04',
    reason: 'moved',
  });
  assert.ok(ended.ok);
  assert.ok((await admitPupil(db, actor, other, { personId: String(pupil), startsOn: '2027-01-05' })).ok);
  assert.deepEqual(
    (await enrolmentsOf(pupil)).map((e) => [e.class_id, e.ends_on, e.end_reason]),
    [
      [later.id, '2027-01-04', 'moved'],
      [other.id, null, null],
    ],
  );
});

test('a move keeps the end the old enrolment had, and refuses a day on or before its start', async () => {
  const from = await freshClass('4V');
  const to = await freshClass('4U');
  const pupil = await person('Flytter', '03031980333');
  assert.ok((await admitPupil(db, actor, from, { personId: String(pupil), startsOn: '2026-11-02' })).ok);
  const [old] = await enrolmentsOf(pupil);
  await db.updateTable('enrolment').set({ ends_on: '2027-02-28' }).where('id', '=', old!.id).execute();
  const row = { ...old!, ends_on: '2027-02-28', pupil_id: pupil, school_id: school.id };
  assert.deepEqual(await movePupil(db, actor, row, { classId: String(to.id), on: '2026-11-02' }), {
    ok: false,
    errors: { on: 'not_after_start' },
  });
  assert.ok((await movePupil(db, actor, row, { classId: String(to.id), on: '2026-12-01' })).ok);
  assert.deepEqual(
    (await enrolmentsOf(pupil)).map((e) => [e.class_id, e.starts_on, e.ends_on, e.end_reason]),
    [
      [from.id, '2026-11-02', '2026-11-30', 'class_change'],
      [to.id, '2026-12-01', '2027-02-28', null],
    ],
  );
});
