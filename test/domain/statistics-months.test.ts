import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { refreshStaleMonths } from '../../src/domain/statistics/months.ts';
import { loadAbsenceStatistics } from '../../src/domain/statistics/school.ts';
import { createDemoTestDb } from '../support/db.ts';
import { loginPersonId } from '../support/fixtures.ts';

// Issue 14 (S12): the statistics read monthly aggregates that triggers mark stale. Every kind of write the counting
// reads must make its months stale: after each one, the aggregates the page reads (recomputed where stale) must equal
// aggregates computed from nothing. A trigger that misses a write leaves a month falsely fresh, and this test fails.
const TODAY = '2026-11-25';
const db = await createDemoTestDb(TODAY);
const rektor = await loginPersonId(db, 'leadership');
const school = await db
  .selectFrom('school')
  .select(['id', 'municipality_id'])
  .where('name', '=', 'Bjørkelia skole')
  .executeTakeFirstOrThrow();
const schools = (
  await db.selectFrom('school').select('id').where('municipality_id', '=', school.municipality_id).execute()
).map((s) => Number(s.id));
const range = { from: '2026-08-01', to: TODAY };
const pupils = await db
  .selectFrom('enrolment as e')
  .innerJoin('class as c', 'c.id', 'e.class_id')
  .select(['e.id as enrolment_id', 'e.pupil_id', 'e.class_id', 'c.trinn', 'c.school_year_id'])
  .where('e.school_id', '=', school.id)
  .where('e.starts_on', '<=', '2026-08-17')
  .where('e.ends_on', 'is', null)
  .orderBy('e.pupil_id')
  .limit(6)
  .execute();
const [p1, p2, p3, p4, p5] = pupils;

const rowsNow = async () =>
  (
    await sql<Record<string, unknown>>`select school_id, month, class_id, pupil_id, school_days, days, days_reported,
      hours, hours_reported from statistics_pupil_month order by school_id, month, class_id, pupil_id`.execute(db)
  ).rows.map((r) => JSON.stringify(r));

/** Loads through the page's path (recomputing what is stale), then from nothing; both must agree. */
async function agrees(what: string): Promise<string[]> {
  const page = await loadAbsenceStatistics(db, Number(school.municipality_id), schools, range);
  const incremental = await rowsNow();
  await sql`delete from statistics_pupil_month`.execute(db);
  await sql`delete from statistics_month`.execute(db);
  const fresh = await loadAbsenceStatistics(db, Number(school.municipality_id), schools, range);
  assert.deepEqual(
    incremental,
    await rowsNow(),
    `${what}: the recomputed months differ from a computation from nothing`,
  );
  assert.deepEqual(page, fresh, what);
  return incremental;
}

test('every kind of write makes its months stale, and only a stale month is computed again', async () => {
  let before = await agrees('the demo data');
  const step = async (what: string, write: () => Promise<unknown>) => {
    await write();
    const after = await agrees(what);
    assert.notDeepEqual(after, before, `${what} changes the statistics`);
    before = after;
  };
  await step('a day registered absent in a past month', () =>
    db
      .insertInto('attendance')
      .values({
        pupil_id: p1!.pupil_id,
        school_id: school.id,
        date: '2026-09-15',
        lesson_id: null,
        status: 'absent',
        registered_by: rektor,
      })
      .execute(),
  );
  await step('the register corrected to present', () =>
    db
      .updateTable('attendance')
      .set({ status: 'present' })
      .where('pupil_id', '=', p1!.pupil_id)
      .where('date', '=', '2026-09-15')
      .execute(),
  );
  await step(
    'the registration deleted (present → nothing, still no absence; the day report below counts)',
    async () => {
      await db.deleteFrom('attendance').where('pupil_id', '=', p1!.pupil_id).where('date', '=', '2026-09-15').execute();
      await db
        .insertInto('absence_report')
        .values({
          pupil_id: p1!.pupil_id,
          school_id: school.id,
          reported_by: rektor,
          kind: 'days',
          from_date: '2026-09-15',
          to_date: '2026-09-15',
          reason: 'sjuk',
        })
        .execute();
    },
  );
  let report = 0;
  await step('a home report over two months', async () => {
    report = (
      await db
        .insertInto('absence_report')
        .values({
          pupil_id: p2!.pupil_id,
          school_id: school.id,
          reported_by: rektor,
          kind: 'days',
          from_date: '2026-10-29',
          to_date: '2026-11-03',
          reason: 'sjuk',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  });
  await step('the report withdrawn', () =>
    db.updateTable('absence_report').set({ withdrawn_at: new Date() }).where('id', '=', report).execute(),
  );
  const lesson = await db
    .selectFrom('lesson')
    .select('id')
    .where('class_id', '=', p3!.class_id)
    .where('weekday', '=', 3)
    .executeTakeFirstOrThrow();
  const lessons = await db
    .insertInto('absence_report')
    .values({
      pupil_id: p3!.pupil_id,
      school_id: school.id,
      reported_by: rektor,
      kind: 'lessons',
      from_date: '2026-10-14',
      to_date: '2026-10-14',
      reason: 'lege',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  before = await agrees('a lesson report without its lessons yet');
  await step('the lessons of a lesson report', () =>
    db.insertInto('absence_report_lesson').values({ absence_report_id: lessons.id, lesson_id: lesson.id }).execute(),
  );
  const application = await db
    .insertInto('application')
    .values({ kind: 'leave', pupil_id: p4!.pupil_id, school_id: school.id, applicant_id: rektor, status: 'submitted' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('leave_application')
    .values({
      application_id: application.id,
      reason: 'reise',
      from_date: '2026-09-21',
      to_date: '2026-09-25',
      school_days: 5,
      justification: 'Familietur',
      rules_confirmed_at: new Date(),
      granted_from: '2026-09-21',
      granted_to: '2026-09-23',
      granted_days: 3,
    })
    .execute();
  before = await agrees('a leave application not yet decided');
  await step('the leave granted (only the application changes)', () =>
    db.updateTable('application').set({ status: 'granted' }).where('id', '=', application.id).execute(),
  );
  const otherClass = await db
    .selectFrom('class')
    .select('id')
    .where('school_id', '=', school.id)
    .where('school_year_id', '=', p5!.school_year_id)
    .where('trinn', '=', p5!.trinn)
    .where('id', '<>', p5!.class_id)
    .executeTakeFirst();
  await step('a pupil moved to another class from October', async () => {
    await db
      .insertInto('attendance')
      .values({
        pupil_id: p5!.pupil_id,
        school_id: school.id,
        date: '2026-10-06',
        lesson_id: null,
        status: 'absent',
        registered_by: rektor,
      })
      .execute();
    await agrees('an absence of the pupil who moves');
    await db.updateTable('enrolment').set({ ends_on: '2026-09-30' }).where('id', '=', p5!.enrolment_id).execute();
    await db
      .insertInto('enrolment')
      .values({
        pupil_id: p5!.pupil_id,
        school_id: school.id,
        class_id: otherClass?.id ?? p1!.class_id,
        starts_on: '2026-10-01',
      })
      .execute();
  });
  await step('a planning day added to the skolerute', () =>
    db
      .insertInto('school_calendar_day')
      .values({
        municipality_id: school.municipality_id,
        date: '2026-10-06',
        kind: 'planning_day',
        name: 'Planleggingsdag',
      })
      .execute(),
  );
  // Every month shown is fresh now.
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from statistics_month
    where computed_version is distinct from version`.execute(db);
  assert.equal(rows[0]!.n, 0);
});

test('the background job makes the stale months fresh: the running month of every school, and the months looked at', async () => {
  const staleCount = async () =>
    (
      await sql<{ n: number }>`select count(*)::int as n from statistics_month sm
        left join statistics_school ss on ss.school_id = sm.school_id
        where sm.computed_version is distinct from sm.version
          or sm.computed_school_version is distinct from coalesce(ss.version, 0)`.execute(db)
    ).rows[0]!.n;
  await db
    .insertInto('attendance')
    .values({
      pupil_id: p2!.pupil_id,
      school_id: school.id,
      date: '2026-10-20',
      lesson_id: null,
      status: 'absent',
      registered_by: rektor,
    })
    .execute();
  assert.equal(await staleCount(), 1, 'October of Bjørkelia');
  const all = (await db.selectFrom('school').select('id').execute()).length;
  // October, and the running month of the schools nobody has looked at (the others are fresh).
  const computed = await refreshStaleMonths(db, TODAY);
  assert.equal(computed, 1 + all - schools.length);
  assert.equal(await staleCount(), 0);
  assert.equal(await refreshStaleMonths(db, TODAY), 0, 'nothing left to do');
  const counted = await sql<{ days: number }>`select days from statistics_pupil_month
    where pupil_id = ${p2!.pupil_id} and month = '2026-10-01'`.execute(db);
  assert.equal(counted.rows[0]!.days, 1, 'the new absence is counted');
});
