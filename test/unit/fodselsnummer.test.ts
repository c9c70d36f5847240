import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  isValidIdentityNumber,
  maskIdentityNumber,
  parseIdentityNumber,
  syntheticIdentityNumber,
} from '../../src/domain/person/fodselsnummer.ts';

// Independent reference computation of the classic mod-11 check digits
// (written separately from the implementation on purpose).
const dot = (digits: string, weights: number[]): number =>
  weights.reduce((sum, w, i) => sum + w * Number(digits.charAt(i)), 0);
const mod11 = (digits: string, weights: number[]): number | null => {
  const k = (11 - (dot(digits, weights) % 11)) % 11;
  return k === 10 ? null : k;
};
const K1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
/** Append classic k1 + k2 to a 9-digit base; null if either would be 10. */
function complete(base: string): string | null {
  const k1 = mod11(base, K1);
  if (k1 === null) return null;
  const k2 = mod11(base + k1, K2);
  return k2 === null ? null : `${base}${k1}${k2}`;
}
/** First classic-valid number for a DDMMYY prefix with individnummer in [from, to]. */
function firstValid(prefix: string, from: number, to: number): string {
  for (let ind = from; ind <= to; ind++) {
    const v = complete(prefix + String(ind).padStart(3, '0'));
    if (v) return v;
  }
  throw new Error(`no valid number for ${prefix}`);
}

test('known valid fødselsnummer (hand-checked and recomputed)', () => {
  // 010190 124: k1 sum 100+2 = 102 ≡ 3 → k1 = 8; k2 sum 110 ≡ 0 → k2 = 0.
  assert.equal(complete('010190124'), '01019012480');
  // 150805 512: k1 sum 120 ≡ 10 → k1 = 1; k2 sum 108 ≡ 9 → k2 = 2.
  assert.equal(complete('150805512'), '15080551212');
  assert.deepEqual(parseIdentityNumber('01019012480'), {
    value: '01019012480',
    kind: 'fodselsnummer',
    synthetic: false,
    birthDate: '1990-01-01',
  });
  assert.deepEqual(parseIdentityNumber('15080551212'), {
    value: '15080551212',
    kind: 'fodselsnummer',
    synthetic: false,
    birthDate: '2005-08-15',
  });
  assert.equal(isValidIdentityNumber('01019012480'), true);
});

test('invalid k1 is rejected even with a matching k2', () => {
  // k1 = 5 instead of 8 (k1 remainder 8, outside 0–3); k2 recomputed for that k1.
  assert.equal(dot('0101901245', [...K1, 1]) % 11, 8);
  assert.equal(mod11('0101901245', K2), 6);
  assert.equal(isValidIdentityNumber('01019012456'), false);
});

test('invalid k2 is rejected', () => {
  for (const k2 of '123456789') assert.equal(isValidIdentityNumber(`0101901248${k2}`), false);
});

test('remainder 10: no check digit can make it valid under the classic rule', () => {
  // k2 would be 10 for 0101901386 → every final digit is rejected.
  assert.equal(mod11('010190138', K1), 6);
  assert.equal(mod11('0101901386', K2), null);
  for (let k2 = 0; k2 <= 9; k2++) assert.equal(isValidIdentityNumber(`0101901386${k2}`), false);
  // k1 would be 10 for 010190123: k1 digits 3–9 give remainders 4–10 and are rejected.
  assert.equal(mod11('010190123', K1), null);
  for (let k1 = 3; k1 <= 9; k1++) {
    for (let k2 = 0; k2 <= 9; k2++) assert.equal(isValidIdentityNumber(`010190123${k1}${k2}`), false);
  }
});

test('2032 rule: k1 remainder 1–3 accepted when the old rule rejects it', () => {
  // Classic k1 for 010190124 is 8; with k1 = 9 the k1 remainder is 1, k2 then 9.
  assert.equal(dot('0101901249', [...K1, 1]) % 11, 1);
  assert.equal(mod11('0101901249', K2), 9);
  assert.equal(isValidIdentityNumber('01019012499'), true);
  // Base whose classic k1 would be 10: k1 = 0 gives remainder 1 and is accepted.
  assert.equal(dot('0101901230', [...K1, 1]) % 11, 1);
  assert.equal(mod11('0101901230', K2), 8);
  assert.equal(isValidIdentityNumber('01019012308'), true);
});

test('D-number: day + 40', () => {
  const v = firstValid('410190', 0, 499);
  assert.deepEqual(parseIdentityNumber(v), { value: v, kind: 'd-nummer', synthetic: false, birthDate: '1990-01-01' });
  const last = firstValid('711299', 0, 499);
  assert.equal(parseIdentityNumber(last)?.birthDate, '1999-12-31');
  assert.equal(isValidIdentityNumber(firstValid('720190', 0, 499)), false); // day 32
});

test('H-number: month + 40', () => {
  const v = firstValid('015290', 0, 499);
  assert.deepEqual(parseIdentityNumber(v), { value: v, kind: 'h-nummer', synthetic: false, birthDate: '1990-12-01' });
  assert.equal(isValidIdentityNumber(firstValid('015390', 0, 499)), false); // month 13
  assert.equal(isValidIdentityNumber(firstValid('414190', 0, 499)), false); // D + H
});

test('synthetic number: month + 80 (born 01.11.2024 → 019124…)', () => {
  const v = firstValid('019124', 500, 999);
  assert.ok(v.startsWith('019124'));
  assert.deepEqual(parseIdentityNumber(v), {
    value: v,
    kind: 'fodselsnummer',
    synthetic: true,
    birthDate: '2024-11-01',
  });
  const d = firstValid('419124', 500, 999); // D-number + synthetic
  assert.deepEqual(parseIdentityNumber(d), { value: d, kind: 'd-nummer', synthetic: true, birthDate: '2024-11-01' });
  assert.equal(isValidIdentityNumber(firstValid('019324', 500, 999)), false); // month 13
});

test('birth date must be a real calendar date', () => {
  assert.equal(isValidIdentityNumber(firstValid('310280', 0, 499)), false); // 31 Feb
  assert.equal(isValidIdentityNumber(firstValid('300280', 0, 499)), false); // 30 Feb
  assert.equal(isValidIdentityNumber(firstValid('310480', 0, 499)), false); // 31 Apr
  assert.equal(isValidIdentityNumber(firstValid('000180', 0, 499)), false); // day 0
  assert.equal(isValidIdentityNumber(firstValid('010080', 0, 499)), false); // month 0
});

test('leap day only in leap years', () => {
  assert.equal(parseIdentityNumber(firstValid('290200', 500, 999))?.birthDate, '2000-02-29');
  assert.equal(parseIdentityNumber(firstValid('290224', 500, 999))?.birthDate, '2024-02-29');
  assert.equal(parseIdentityNumber(firstValid('290296', 0, 499))?.birthDate, '1996-02-29');
  assert.equal(isValidIdentityNumber(firstValid('290200', 0, 499)), false); // 1900: not a leap year
  assert.equal(isValidIdentityNumber(firstValid('290223', 500, 999)), false);
});

test('century from individnummer', () => {
  const year = (yy: string, from: number, to: number) =>
    parseIdentityNumber(firstValid(`0101${yy}`, from, to))?.birthDate.slice(0, 4) ?? null;
  assert.equal(year('99', 0, 499), '1999');
  assert.equal(year('05', 0, 499), '1905');
  assert.equal(year('54', 500, 749), '1854');
  assert.equal(year('99', 500, 749), '1899');
  assert.equal(year('00', 500, 999), '2000');
  assert.equal(year('39', 900, 999), '2039');
  assert.equal(year('40', 900, 999), '1940');
  assert.equal(year('99', 900, 999), '1999');
  assert.equal(year('45', 500, 749), null); // 500–749 with 40–53
  assert.equal(year('53', 500, 749), null);
  assert.equal(year('60', 750, 899), null); // 750–899 with 40–99
});

test('whitespace: trimmed and inner spaces removed, nothing else', () => {
  assert.equal(parseIdentityNumber(' 010190 12480 ')?.value, '01019012480');
  assert.equal(isValidIdentityNumber('\t01 01 90 124 80\n'), true);
  assert.equal(isValidIdentityNumber('010190-12480'), false);
  assert.equal(isValidIdentityNumber('010190.12480'), false);
  assert.equal(isValidIdentityNumber('010190\t12480'), false);
});

test('non-digits and wrong length are rejected', () => {
  for (const bad of [
    '',
    '   ',
    '0101901248',
    '010190124800',
    '0101901248a',
    'abcdefghijk',
    '０1019012480',
    '+1019012480',
  ]) {
    assert.equal(parseIdentityNumber(bad), null, bad);
  }
});

test('syntheticIdentityNumber: 300 distinct valid numbers that parse back', () => {
  const seen = new Set<string>();
  for (let seq = 0; seq < 300; seq++) {
    const v = syntheticIdentityNumber('2024-11-01', seq);
    assert.match(v, /^019124\d{5}$/);
    assert.equal(complete(v.slice(0, 9)), v, 'classic check digits'); // independent check
    assert.deepEqual(parseIdentityNumber(v), {
      value: v,
      kind: 'fodselsnummer',
      synthetic: true,
      birthDate: '2024-11-01',
    });
    seen.add(v);
  }
  assert.equal(seen.size, 300);
  assert.equal(syntheticIdentityNumber('2024-11-01', 42), syntheticIdentityNumber('2024-11-01', 42));
});

test('syntheticIdentityNumber: other centuries, ≥200 per date, errors', () => {
  for (const date of [
    '1854-01-09',
    '1899-12-31',
    '1900-02-28',
    '1970-06-15',
    '1999-12-31',
    '2000-02-29',
    '2039-12-31',
  ]) {
    const values = new Set<string>();
    for (let seq = 0; seq < 200; seq++) {
      const v = syntheticIdentityNumber(date, seq);
      assert.equal(parseIdentityNumber(v)?.birthDate, date);
      values.add(v);
    }
    assert.equal(values.size, 200, date);
  }
  assert.throws(() => syntheticIdentityNumber('2024-11-01', 500), RangeError); // range exhausted
  assert.throws(() => syntheticIdentityNumber('2023-02-29', 0), RangeError);
  assert.throws(() => syntheticIdentityNumber('1850-01-01', 0), RangeError);
  assert.throws(() => syntheticIdentityNumber('2040-01-01', 0), RangeError);
  assert.throws(() => syntheticIdentityNumber('01.11.2024', 0), RangeError);
  assert.throws(() => syntheticIdentityNumber('2024-11-01', -1), RangeError);
  assert.throws(() => syntheticIdentityNumber('2024-11-01', 1.5), RangeError);
});

test('maskIdentityNumber shows only the date part', () => {
  assert.equal(maskIdentityNumber('01019012480'), '010190 *****');
  assert.equal(maskIdentityNumber(' 010190 12480 '), '010190 *****');
  assert.equal(maskIdentityNumber('abc'), '***********');
});
