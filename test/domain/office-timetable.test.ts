import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkLessonFields, parseTime, parseWeekday } from '../../src/domain/office/timetable.ts';

test('times as an office types them: H:MM, HH:MM and HH.MM; anything else is no time', () => {
  assert.equal(parseTime('8:15'), '08:15');
  assert.equal(parseTime(' 08.15 '), '08:15');
  assert.equal(parseTime('13:05'), '13:05');
  for (const bad of ['', '8', '24:00', '12:60', '0815', '8:5', 'kl 8', '12:00:00'])
    assert.equal(parseTime(bad), null, bad);
});

test('weekdays as digits 1–5 or names in bokmål, nynorsk and English; the weekend is none', () => {
  assert.deepEqual(
    ['1', 'mandag', 'Måndag', 'tysdag', 'Wednesday', 'TORSDAG', 'fre'].map(parseWeekday),
    [1, 1, 1, 2, 3, 4, 5],
  );
  for (const bad of ['0', '6', 'lørdag', 'sunday', '']) assert.equal(parseWeekday(bad), null, bad);
});

test('the school day bounds and the order of start and end', () => {
  const base = { weekday: '1', startsAt: '08:00', endsAt: '08:45', subject: 'Norsk', room: '' };
  assert.deepEqual(checkLessonFields(base).errors, {});
  assert.deepEqual(checkLessonFields({ ...base, startsAt: '07:00', endsAt: '18:00' }).errors, {});
  assert.equal(checkLessonFields({ ...base, startsAt: '06:59' }).errors.startsAt, 'outside_day');
  assert.equal(checkLessonFields({ ...base, startsAt: '17:30', endsAt: '18:01' }).errors.endsAt, 'outside_day');
  assert.equal(checkLessonFields({ ...base, endsAt: '08:00' }).errors.endsAt, 'not_after_start');
  assert.equal(checkLessonFields({ ...base, subject: '' }).errors.subject, 'required');
  assert.equal(checkLessonFields(base).values.room, null, 'an empty room is none');
});
