import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { activeOn, hasNotEnded, isActiveOn, notEndedBy, type Period } from '../../src/domain/period.ts';
import { createTestDb } from '../support/db.ts';

const db = await createTestDb();

const municipality = await db
  .insertInto('municipality')
  .values({ name: 'Periodekommune', org_number: '999000001' })
  .returning('id')
  .executeTakeFirstOrThrow();
const school = await db
  .insertInto('school')
  .values({ municipality_id: municipality.id, name: 'Periode skole', org_number: '999000002', hovudmaal: 'nb' })
  .returning('id')
  .executeTakeFirstOrThrow();
const year = await db
  .insertInto('school_year')
  .values({ municipality_id: municipality.id, name: '2026–2027', starts_on: '2026-08-17', ends_on: '2027-06-18' })
  .returning('id')
  .executeTakeFirstOrThrow();
const cls = await db
  .insertInto('class')
  .values({ school_id: school.id, school_year_id: year.id, name: '4A', trinn: 4 })
  .returning('id')
  .executeTakeFirstOrThrow();
const pupil = await db
  .insertInto('person')
  .values({ given_name: 'Oskar', family_name: 'Periode' })
  .returning('id')
  .executeTakeFirstOrThrow();
// A pupil has at most one open enrolment (migration 0017), so the second open-ended period belongs to another pupil.
const otherPupil = await db
  .insertInto('person')
  .values({ given_name: 'Ida', family_name: 'Periode' })
  .returning('id')
  .executeTakeFirstOrThrow();

/** Periods with every boundary the rule has: closed, open, one day, starting later (closed and open). */
const periods: Record<string, Period> = {
  closed: { starts_on: '2026-08-17', ends_on: '2026-10-30' },
  open: { starts_on: '2026-08-17', ends_on: null },
  oneDay: { starts_on: '2026-11-25', ends_on: '2026-11-25' },
  futureOpen: { starts_on: '2026-12-01', ends_on: null },
  futureClosed: { starts_on: '2026-12-01', ends_on: '2027-01-31' },
};
const idOf = new Map<number, string>();
for (const [name, period] of Object.entries(periods)) {
  const row = await db
    .insertInto('enrolment')
    .values({
      pupil_id: (name === 'futureOpen' ? otherPupil : pupil).id,
      school_id: school.id,
      class_id: cls.id,
      ...period,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  idOf.set(row.id, name);
}
const names = (rows: { id: number }[]) => rows.map((r) => idOf.get(r.id)!).sort();
const expected = (rule: (p: Period, day: string) => boolean, day: string) =>
  Object.keys(periods)
    .filter((n) => rule(periods[n]!, day))
    .sort();

/** The day before a start, a start day, an end day, the day after an end, a one-day period, a later start. */
const days = [
  '2026-08-16',
  '2026-08-17',
  '2026-10-30',
  '2026-10-31',
  '2026-11-24',
  '2026-11-25',
  '2026-11-26',
  '2026-12-01',
  '2027-01-31',
  '2027-02-01',
];

test('active on a day: from the start day through the end day, open-ended without an end', () => {
  assert.equal(isActiveOn(periods.closed!, '2026-08-16'), false, 'the day before the start');
  assert.equal(isActiveOn(periods.closed!, '2026-08-17'), true, 'the start day');
  assert.equal(isActiveOn(periods.closed!, '2026-10-30'), true, 'the end day');
  assert.equal(isActiveOn(periods.closed!, '2026-10-31'), false, 'the day after the end');
  assert.equal(isActiveOn(periods.open!, '2099-01-01'), true, 'no end');
  assert.equal(isActiveOn(periods.oneDay!, '2026-11-25'), true, 'a one-day period');
  assert.equal(isActiveOn(periods.futureOpen!, '2026-11-25'), false, 'starts later');
});

test('not ended by a day: active, or starting later', () => {
  assert.equal(hasNotEnded(periods.closed!, '2026-10-30'), true, 'the end day');
  assert.equal(hasNotEnded(periods.closed!, '2026-10-31'), false, 'the day after the end');
  assert.equal(hasNotEnded(periods.open!, '2099-01-01'), true, 'no end');
  assert.equal(hasNotEnded(periods.futureOpen!, '2026-11-25'), true, 'starts later');
  assert.equal(hasNotEnded(periods.futureClosed!, '2026-11-25'), true, 'starts later, with an end');
});

test('the SQL rules agree with their JavaScript twins on real rows, at every boundary', async () => {
  for (const day of days) {
    const active = await db
      .selectFrom('enrolment as e')
      .select('e.id')
      .where('e.class_id', '=', cls.id)
      .where(activeOn('e', day))
      .execute();
    assert.deepEqual(names(active), expected(isActiveOn, day), `activeOn ${day}`);
    const notEnded = await db
      .selectFrom('enrolment as e')
      .select('e.id')
      .where('e.class_id', '=', cls.id)
      .where(notEndedBy('e', day))
      .execute();
    assert.deepEqual(names(notEnded), expected(hasNotEnded, day), `notEndedBy ${day}`);
  }
  assert.deepEqual(expected(isActiveOn, '2026-11-25'), ['oneDay', 'open']);
  assert.deepEqual(expected(hasNotEnded, '2026-11-25'), ['futureClosed', 'futureOpen', 'oneDay', 'open']);
});

test('the SQL rule works on a table without an alias, in a join, negated, and against a SQL date', async () => {
  const day = '2026-11-25';
  const bare = await db
    .selectFrom('enrolment')
    .select('id')
    .where('class_id', '=', cls.id)
    .where(activeOn('enrolment', day))
    .execute();
  assert.deepEqual(names(bare), ['oneDay', 'open']);

  const joined = await db
    .selectFrom('person as p')
    .innerJoin('enrolment as e', (join) => join.onRef('e.pupil_id', '=', 'p.id').on(activeOn('e', day)))
    .select('e.id')
    .where('p.id', 'in', [pupil.id, otherPupil.id])
    .execute();
  assert.deepEqual(names(joined), ['oneDay', 'open']);

  const negated = await db
    .selectFrom('enrolment as e')
    .select('e.id')
    .where('e.class_id', '=', cls.id)
    .where((eb) => eb.not(activeOn('e', day)))
    .execute();
  assert.deepEqual(
    names(negated),
    ['closed', 'futureClosed', 'futureOpen'],
    'a whole condition, safe to negate or combine',
  );

  const inTemplate = await sql<{
    id: number;
  }>`select e.id from enrolment e where e.class_id = ${cls.id} and ${activeOn('e', sql<string>`date '2026-10-31'`)}`.execute(
    db,
  );
  assert.deepEqual(names(inTemplate.rows), ['open']);
});

test('school years (which always end) follow the same rule', async () => {
  const active = (day: string) =>
    db
      .selectFrom('school_year as y')
      .select('y.id')
      .where('y.municipality_id', '=', municipality.id)
      .where(activeOn('y', day))
      .execute();
  assert.equal((await active('2026-08-16')).length, 0);
  assert.equal((await active('2026-08-17')).length, 1);
  assert.equal((await active('2027-06-18')).length, 1);
  assert.equal((await active('2027-06-19')).length, 0);
  const notEnded = await db
    .selectFrom('school_year')
    .select('id')
    .where('municipality_id', '=', municipality.id)
    .where(notEndedBy('school_year', '2026-07-01'))
    .execute();
  assert.equal(notEnded.length, 1, 'in the summer before it, the coming year has not ended');
});
