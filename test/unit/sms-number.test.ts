import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normaliseSmsNumber } from '../../src/domain/messages/sms-number.ts';

test('every way a gateway writes a school number gives the stored form', () => {
  for (const written of [
    '+4759000011',
    '+47 59 00 00 11',
    '0047 59000011',
    '004759000011',
    '4759000011',
    '59000011',
    ' 59 00 00 11 ',
    '+47 590-00-011',
  ])
    assert.equal(normaliseSmsNumber(written), '+4759000011', written);
  assert.equal(normaliseSmsNumber('+47 412 34 567'), '+4741234567', 'a mobile number works too');
});

test('short codes stay digits, foreign numbers keep their country code', () => {
  assert.equal(normaliseSmsNumber('2201'), '2201');
  assert.equal(normaliseSmsNumber('26 112'), '26112');
  assert.equal(normaliseSmsNumber('+46 70 123 45 67'), '+46701234567');
  assert.equal(normaliseSmsNumber('0046701234567'), '+46701234567');
});

test('what cannot be a number we own is null', () => {
  for (const bad of [
    null,
    undefined,
    '',
    '   ',
    'Skolebro',
    '+47 5900001',
    '+47 590000111',
    '01234567',
    '+47 0900 0011',
    '0123',
    '12',
    '+',
    '++4759000011',
    '59000011x',
    '9'.repeat(30),
  ])
    assert.equal(normaliseSmsNumber(bad), null, String(bad));
});
