import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parsePickedUpBy } from '../../src/domain/care/register.ts';
import { defaultPeriod, isValidPeriod } from '../../src/domain/care/statistics.ts';

test('who picked up: a listed person or guardian by id, walked alone, a typed name, or nothing', () => {
  assert.deepEqual(parsePickedUpBy('', ''), { value: { kind: 'none' } });
  assert.deepEqual(parsePickedUpBy('pickup:12', ''), { value: { kind: 'pickup', id: 12 } });
  assert.deepEqual(parsePickedUpBy('guardian:7', ''), { value: { kind: 'guardian', id: 7 } });
  assert.deepEqual(parsePickedUpBy('alone', 'ignored'), { value: { kind: 'alone' } });
  assert.deepEqual(parsePickedUpBy('other', '  Bestemor Åse '), { value: { kind: 'other', text: 'Bestemor Åse' } });
  assert.deepEqual(parsePickedUpBy('other', ' '), { error: 'required' });
  assert.deepEqual(parsePickedUpBy('other', 'x'.repeat(101)), { error: 'too_long' });
  assert.deepEqual(parsePickedUpBy('pickup:abc', ''), { error: 'invalid' });
  assert.deepEqual(parsePickedUpBy('pickup:9999999999999', ''), { error: 'invalid' });
});

test('the statistics period: the month so far by default, at most 92 days, from before to', () => {
  assert.deepEqual(defaultPeriod('2026-11-25'), { from: '2026-11-01', to: '2026-11-25' });
  assert.ok(isValidPeriod('2026-11-01', '2026-11-01'));
  assert.ok(isValidPeriod('2026-09-01', '2026-12-01'), '92 days');
  assert.ok(!isValidPeriod('2026-09-01', '2026-12-02'), '93 days');
  assert.ok(!isValidPeriod('2026-11-02', '2026-11-01'));
});
