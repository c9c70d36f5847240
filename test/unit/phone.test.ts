import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatPhone, isNorwegianMobile, normaliseMobile, normalisePhone } from '../../src/domain/contact/phone.ts';

const ok = (value: string | null) => ({ ok: true, value });
const fail = (error: string) => ({ ok: false, error });

test('a Norwegian mobile is stored as +47 and 8 digits however it was typed', () => {
  for (const typed of [
    '412 34 567',
    '+47 412 34 567',
    '0047 41234567',
    '412-34-567',
    '41234567',
    '+4741234567',
    '004741234567',
    '  412 34 567  ',
    '(+47) 412 34 567',
    '(+47)41234567',
    '+47-412-34-567',
    '00 47 412 34 567',
    '412.34.567',
    '4741234567',
    '+47\u00a0412\u00a034\u00a0567',
    '\t+47 41 23 45 67\n',
  ]) {
    assert.deepEqual(normaliseMobile(typed), ok('+4741234567'), JSON.stringify(typed));
  }
  assert.deepEqual(normaliseMobile('912 34 567'), ok('+4791234567'));
  assert.deepEqual(normaliseMobile('99999999'), ok('+4799999999'));
  assert.deepEqual(normaliseMobile('40000000'), ok('+4740000000'));
});

test('blank means "no number", in both fields', () => {
  assert.deepEqual(normaliseMobile(''), ok(null));
  assert.deepEqual(normaliseMobile('   '), ok(null));
  assert.deepEqual(normalisePhone(''), ok(null));
});

test('landlines, service numbers and M2M numbers are not mobiles', () => {
  assert.deepEqual(normaliseMobile('22 33 44 55'), fail('not_mobile'));
  assert.deepEqual(normaliseMobile('+47 22 33 44 55'), fail('not_mobile'));
  assert.deepEqual(normaliseMobile('800 12 345'), fail('not_mobile'));
  assert.deepEqual(normaliseMobile('58 12 34 56'), fail('m2m'));
  assert.deepEqual(normaliseMobile('59123456'), fail('m2m'));
  assert.deepEqual(normaliseMobile('+47 590 12 345'), fail('m2m'));
});

test('wrong lengths, letters and stray characters are refused', () => {
  assert.deepEqual(normaliseMobile('412 34 56'), fail('length'), '7 digits');
  assert.deepEqual(normaliseMobile('412 34 5678'), fail('length'), '9 digits');
  assert.deepEqual(normaliseMobile('+47 412 34 56'), fail('length'));
  assert.deepEqual(normaliseMobile('0047 0412 34 567'), fail('length'));
  assert.deepEqual(normaliseMobile('412 34 56a'), fail('invalid'));
  assert.deepEqual(normaliseMobile('tlf 41234567'), fail('invalid'));
  assert.deepEqual(normaliseMobile('41234567+'), fail('invalid'));
  assert.deepEqual(normaliseMobile('+'), fail('invalid'));
  assert.deepEqual(normaliseMobile('---'), fail('invalid'));
  assert.deepEqual(normaliseMobile('01234567'), fail('invalid'), 'no Norwegian number starts with 0');
  assert.deepEqual(normaliseMobile('1'.repeat(41)), fail('invalid'));
  assert.deepEqual(normalisePhone('12345678'), fail('invalid'), 'nor with 1');
});

test('a foreign number is not a mobile for SMS, but is a phone number', () => {
  assert.deepEqual(normaliseMobile('+46 70 123 45 67'), fail('foreign_mobile'));
  assert.deepEqual(normalisePhone('+46 70 123 45 67'), ok('+46701234567'));
  assert.deepEqual(normalisePhone('0046 70 123 45 67'), ok('+46701234567'));
  assert.deepEqual(normalisePhone('+1 (555) 123-4567'), ok('+15551234567'));
  assert.deepEqual(normalisePhone('+46 123 45'), fail('length'), 'too short');
  assert.deepEqual(normalisePhone('+1234567890123456'), fail('length'), '16 digits is longer than E.164 allows');
  assert.deepEqual(normalisePhone('+0123456789'), fail('invalid'));
});

test('the phone field takes any Norwegian number, landline or mobile', () => {
  assert.deepEqual(normalisePhone('22 33 44 55'), ok('+4722334455'));
  assert.deepEqual(normalisePhone('+47 22 33 44 55'), ok('+4722334455'));
  assert.deepEqual(normalisePhone('0047 55 12 34 56'), ok('+4755123456'));
  assert.deepEqual(normalisePhone('412 34 567'), ok('+4741234567'));
  assert.deepEqual(normalisePhone('800 12 345'), ok('+4780012345'));
  assert.deepEqual(normalisePhone('2233445'), fail('length'));
  assert.deepEqual(normalisePhone('58 12 34 56'), fail('m2m'));
});

test('numbers are shown the way Norwegians write them', () => {
  assert.equal(formatPhone('+4741234567'), '+47 412 34 567');
  assert.equal(formatPhone('+4791234567'), '+47 912 34 567');
  assert.equal(formatPhone('+4722334455'), '+47 22 33 44 55');
  assert.equal(formatPhone('+4780012345'), '+47 800 12 345');
  assert.equal(formatPhone('+46701234567'), '+46701234567');
  assert.equal(formatPhone(null), '');
  assert.ok(isNorwegianMobile('+4741234567'));
  assert.ok(!isNorwegianMobile('+4722334455'));
  // what is stored always fits the database's CHECK on contact_info.mobile
  for (const typed of ['412 34 567', '0047 91234567']) {
    const result = normaliseMobile(typed);
    assert.ok(result.ok && result.value && /^\+47[49][0-9]{7}$/.test(result.value));
  }
});
