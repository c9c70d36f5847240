import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  expectedOn,
  holidayMinimumWarning,
  isChangeOpen,
  parseTimeOfDay,
  type WeekDay,
} from '../../src/domain/care/expected.ts';

const WEEK: WeekDay[] = [
  { weekday: 1, arrivesAt: '08:00', leavesAt: '16:00' },
  { weekday: 5, arrivesAt: '08:00', leavesAt: '14:30' },
];

describe('the stay plan rule (expectedOn)', () => {
  it('takes the regular week, and nothing on a weekday without times or at the weekend', () => {
    assert.deepEqual(expectedOn('2026-12-07', WEEK, null, []), {
      kind: 'times',
      arrivesAt: '08:00',
      leavesAt: '16:00',
      changed: false,
    });
    assert.deepEqual(expectedOn('2026-12-11', WEEK, null, []).kind, 'times');
    assert.deepEqual(expectedOn('2026-12-08', WEEK, null, []), { kind: 'none' });
    assert.deepEqual(expectedOn('2026-12-12', WEEK, null, []), { kind: 'none' });
  });
  it('a change for the date wins over a holiday, a holiday over the week', () => {
    const holiday = [{ startsOn: '2026-12-07', endsOn: '2026-12-11' }];
    assert.deepEqual(expectedOn('2026-12-07', WEEK, null, holiday), { kind: 'holiday' });
    assert.deepEqual(
      expectedOn(
        '2026-12-07',
        WEEK,
        { date: '2026-12-07', kind: 'times', arrivesAt: '09:00', leavesAt: '12:00' },
        holiday,
      ),
      { kind: 'times', arrivesAt: '09:00', leavesAt: '12:00', changed: true },
    );
    assert.deepEqual(
      expectedOn('2026-12-07', WEEK, { date: '2026-12-07', kind: 'absent', arrivesAt: null, leavesAt: null }, []),
      { kind: 'absent' },
    );
    // A change for another date does not count.
    assert.equal(
      expectedOn('2026-12-07', WEEK, { date: '2026-12-08', kind: 'off', arrivesAt: null, leavesAt: null }, []).kind,
      'times',
    );
  });
});

describe('the change deadline (isChangeOpen)', () => {
  const rule = { days: 1, time: '12:00' };
  // 2026-12-07 10:00 UTC is 11:00 in Oslo; 12:00 UTC is 13:00.
  it('is open until the deadline day at its time, closed after it and for past dates', () => {
    assert.equal(isChangeOpen('2026-12-08', rule, new Date('2026-12-07T10:00:00Z')), true);
    assert.equal(isChangeOpen('2026-12-08', rule, new Date('2026-12-07T12:00:00Z')), false);
    assert.equal(isChangeOpen('2026-12-09', rule, new Date('2026-12-07T12:00:00Z')), true);
    assert.equal(isChangeOpen('2026-12-07', rule, new Date('2026-12-07T05:00:00Z')), false);
    assert.equal(isChangeOpen('2026-12-06', rule, new Date('2026-12-07T05:00:00Z')), false);
    assert.equal(isChangeOpen('2026-12-07', { days: 0, time: '07:00' }, new Date('2026-12-07T05:00:00Z')), true);
  });
});

describe('times of day and the holiday minimum', () => {
  it('parses HH:MM and H.MM, and refuses nonsense', () => {
    assert.equal(parseTimeOfDay('8:15'), '08:15');
    assert.equal(parseTimeOfDay('15.30'), '15:30');
    assert.equal(parseTimeOfDay('24:00'), null);
    assert.equal(parseTimeOfDay('kl 15'), null);
  });
  it('warns until four weeks in the year, three of them in the summer', () => {
    const summer3 = { startsOn: '2026-07-06', endsOn: '2026-07-24' };
    assert.deepEqual(holidayMinimumWarning([summer3], 2026), { weekdays: 15, summerWeekdays: 15, enough: false });
    const autumn = { startsOn: '2026-10-05', endsOn: '2026-10-09' };
    assert.equal(holidayMinimumWarning([summer3, autumn], 2026).enough, true);
    assert.equal(holidayMinimumWarning([autumn, { startsOn: '2026-11-02', endsOn: '2026-11-27' }], 2026).enough, false);
  });
});
