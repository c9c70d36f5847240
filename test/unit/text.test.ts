import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { checkText, cleanText } from '../../src/domain/text.ts';

test('free text: NFC, LF line ends, no control characters but newline and tab, no lone surrogates', () => {
  assert.equal(cleanText('e\u0301'), '\u00e9');
  assert.equal(cleanText('a\r\nb\rc'), 'a\nb\nc');
  assert.equal(cleanText('a\u0000b\u0007\u001b[31m\tc\n'), 'ab[31m\tc\n');
  assert.equal(cleanText('x\uD800y'), 'x\uFFFDy');
  assert.equal(cleanText('😀 Blåbær'), '😀 Blåbær');
});

test('checkText trims, requires, and limits the length after cleaning', () => {
  assert.deepEqual(checkText('  hei  ', { max: 10 }), { text: 'hei' });
  assert.deepEqual(checkText(' \u0000 ', { max: 10, required: true }), { text: '', error: 'required' });
  assert.deepEqual(checkText('', { max: 10 }), { text: '' });
  assert.deepEqual(checkText('abc', { max: 10, min: 5 }), { text: 'abc', error: 'too_short' });
  assert.equal(checkText('x'.repeat(11), { max: 10 }).error, 'too_long');
  assert.equal(checkText('e\u0301'.repeat(10), { max: 10 }).error, undefined);
  assert.deepEqual(checkText(42, { max: 10, required: true }), { text: '', error: 'required' });
});

test('no route reads a body except through readForm (one place that answers 400 for a broken body)', () => {
  const dir = new URL('../../src/routes/', import.meta.url);
  const offenders = readdirSync(dir, { recursive: true })
    .map(String)
    .filter((file) => /\.tsx?$/.test(file) && file !== 'form-body.ts')
    .filter((file) => /\.(parseBody|formData)\(/.test(readFileSync(new URL(file, dir), 'utf8')));
  assert.deepEqual(offenders, []);
});
