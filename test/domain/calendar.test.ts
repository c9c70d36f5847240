import assert from 'node:assert/strict';
import { test } from 'node:test';
import { easterSunday } from '../../src/db/seed/skolerute.ts';
import { isoWeekOf, mondayOfIsoWeek } from '../../src/domain/calendar/dates.ts';
import { calendarDays, countSchoolDays, isSchoolDay } from '../../src/domain/calendar/school-days.ts';
import { buildWeek, type WeekLesson } from '../../src/domain/calendar/week.ts';
import { createDemoTestDb } from '../support/db.ts';

const db = await createDemoTestDb('2026-11-25');
const owners = await db.selectFrom('municipality').select('id').orderBy('id').execute();
const demo = owners[0]!.id;

test('Easter 2027 is 28 March, so påskeferie ends on 2. påskedag 29 March', async () => {
  assert.equal(easterSunday(2027), '2027-03-28');
  assert.equal(await isSchoolDay(db, demo, '2027-03-29'), false);
  assert.equal(await isSchoolDay(db, demo, '2027-03-30'), true);
});

test('the seeded school year has about 190 school days for both school owners', async () => {
  assert.equal(owners.length, 2);
  for (const owner of owners) {
    const days = await countSchoolDays(db, owner.id, '2026-08-01', '2027-07-31');
    assert.ok(days >= 185 && days <= 192, `${days} school days`);
  }
});

test('weekends and holidays are not school days; an ordinary weekday is', async () => {
  assert.equal(await isSchoolDay(db, demo, '2026-11-25'), true);
  assert.equal(await isSchoolDay(db, demo, '2026-11-28'), false, 'Saturday');
  assert.equal(await isSchoolDay(db, demo, '2026-09-30'), false, 'høstferie');
  assert.equal(await isSchoolDay(db, demo, '2027-05-06'), false, 'Kristi himmelfart');
  assert.equal(await isSchoolDay(db, demo, '2027-05-07'), false, 'the Friday after');
  assert.equal(await isSchoolDay(db, demo, '2027-05-17'), false, '17. mai');
  assert.equal(await isSchoolDay(db, demo, '2027-07-05'), false, 'summer');
});

test('counting school days skips weekends and holidays', async () => {
  // Mon 23.11 – Sun 06.12.2026: two full weeks.
  assert.equal(await countSchoolDays(db, demo, '2026-11-23', '2026-12-06'), 10);
  // Mon 14.12.2026 – Fri 08.01.2027: 5 days before juleferie, 21.12–01.01 off, 4.–8.1 back.
  assert.equal(await countSchoolDays(db, demo, '2026-12-14', '2027-01-08'), 10);
  // Høstferie week 40: none.
  assert.equal(await countSchoolDays(db, demo, '2026-09-28', '2026-10-02'), 0);
  assert.equal(await countSchoolDays(db, demo, '2026-12-01', '2026-11-30'), 0, 'reversed range');
});

test('ISO weeks: 25.11.2026 is in week 48, and week 53 of 2026 exists', () => {
  assert.equal(isoWeekOf('2026-11-25'), '2026-W48');
  assert.equal(mondayOfIsoWeek('2026-W48'), '2026-11-23');
  assert.equal(mondayOfIsoWeek('2026-W53'), '2026-12-28');
  assert.equal(mondayOfIsoWeek('2027-W53'), null);
  assert.equal(mondayOfIsoWeek('2027-W01'), '2027-01-04');
  assert.equal(mondayOfIsoWeek('nonsense'), null);
});

test('a week shows lessons on school days and the holiday name instead of lessons', async () => {
  const lesson = (weekday: number, startsAt: string): WeekLesson => ({
    id: weekday,
    weekday,
    startsAt,
    endsAt: '09:00',
    subject: 'Norsk',
    teacherName: null,
    room: null,
    groupName: '5A',
    yearStartsOn: '2026-08-17',
    yearEndsOn: '2027-06-18',
  });
  const monday = '2026-12-21';
  const week = buildWeek(monday, await calendarDays(db, demo, '2026-12-14', '2026-12-25'), [
    lesson(1, '09:05'),
    lesson(1, '08:15'),
  ]);
  assert.equal(week.week, '2026-W52');
  assert.equal(week.previous, '2026-W51');
  assert.equal(week.next, '2026-W53');
  assert.deepEqual(
    week.days.map((d) => d.info),
    Array(5).fill({ kind: 'holiday', name: 'Juleferie' }),
  );
  assert.equal(week.days[0]!.lessons.length, 0);
  const before = buildWeek('2026-12-14', await calendarDays(db, demo, '2026-12-14', '2026-12-18'), [
    lesson(1, '09:05'),
    lesson(1, '08:15'),
  ]);
  assert.deepEqual(
    before.days[0]!.lessons.map((l) => l.startsAt),
    ['08:15', '09:05'],
    'sorted by time',
  );
  assert.equal(before.days[1]!.lessons.length, 0);
});
