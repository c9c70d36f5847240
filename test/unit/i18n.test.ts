import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import { formatDate, LOCALES, messages, parseDate } from '../../src/i18n/index.ts';

test('dates are dd.mm.yyyy, in Norwegian time for instants', () => {
  assert.equal(formatDate('2026-08-17'), '17.08.2026');
  // 23:30 UTC on 31 Dec is already 1 Jan in Oslo
  assert.equal(formatDate(new Date('2026-12-31T23:30:00Z')), '01.01.2027');
  assert.equal(formatDate(new Date('2026-06-30T21:59:00Z')), '30.06.2026');
});

test('Norwegian and ISO dates parse; impossible dates do not', () => {
  assert.equal(parseDate('17.08.2026'), '2026-08-17');
  assert.equal(parseDate('1.8.2026'), '2026-08-01');
  assert.equal(parseDate('2026-08-17'), '2026-08-17');
  assert.equal(parseDate('29.02.2027'), null);
  assert.equal(parseDate('31.04.2026'), null);
  assert.equal(parseDate('17/08/2026'), '2026-08-17');
  for (const typed of [
    '15.03.2027',
    '15.3.27',
    '15/3-27',
    '15 03 2027',
    '15032027',
    '150327',
    '2027-03-15',
    ' 15-3-2027 ',
  ])
    assert.equal(parseDate(typed), '2027-03-15', typed);
  for (const typed of ['1503202', '15032', '15.03', '150327x', '15..03.2027', '2027/03/15', '310227', '32.01.2027'])
    assert.equal(parseDate(typed), null, typed);
});

test('a date far outside the life of a school is refused, so nothing downstream leaves the range of the database', () => {
  assert.equal(parseDate('31.12.9999'), null);
  assert.equal(parseDate('9999-12-31'), null);
  assert.equal(parseDate('0001-01-01'), null);
  assert.equal(parseDate('01.01.1900'), '1900-01-01');
  assert.equal(parseDate('31.12.2100'), '2100-12-31');
});

function leaves(value: unknown, prefix = ''): [string, unknown][] {
  if (typeof value !== 'object' || value === null) return [[prefix, value]];
  return Object.entries(value).flatMap(([key, inner]) => leaves(inner, prefix ? `${prefix}.${key}` : key));
}

test('every language fills every UI string', () => {
  const reference = leaves(messages('nb'))
    .map(([key]) => key)
    .sort();
  for (const locale of LOCALES) {
    const entries = leaves(messages(locale));
    assert.deepEqual(entries.map(([key]) => key).sort(), reference, locale);
    for (const [key, value] of entries)
      assert.ok(typeof value === 'string' && value.trim() !== '', `${locale}: ${key}`);
  }
});

// Letters go out in the school's hovudmål only (bokmål or nynorsk), never in English.
const LETTER_TEXTS = new Set([
  'leave-decision.ts:vedtakText',
  'applications.ts:vedtakFrameText',
  'sfo-places.ts:sfoVedtakText',
  'sfo-support.ts:reducedVedtakText',
]);
const AREA_DIR = new URL('../../src/i18n/', import.meta.url);
const areaFiles = readdirSync(AREA_DIR).filter(
  (f) => f.endsWith('.ts') && !['index.ts', 'nb.ts', 'nn.ts', 'en.ts'].includes(f),
);

test('every area file fills every string in every language, in the same shape as bokmål', async () => {
  const checked: string[] = [];
  for (const file of areaFiles) {
    const module = (await import(new URL(file, AREA_DIR).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (typeof value !== 'object' || value === null || !('nb' in value)) continue;
      const catalogue = value as Record<string, unknown>;
      const id = `${file}:${name}`;
      const expected = LETTER_TEXTS.has(id) ? ['nb', 'nn'] : [...LOCALES];
      assert.deepEqual(Object.keys(catalogue).sort(), [...expected].sort(), `${id}: languages`);
      const shape = leaves(catalogue.nb)
        .map(([key]) => key)
        .sort();
      for (const locale of expected) {
        const entries = leaves(catalogue[locale]);
        assert.deepEqual(entries.map(([key]) => key).sort(), shape, `${id}.${locale}: keys differ from bokmål`);
        for (const [key, text] of entries) {
          const filled = typeof text === 'function' || (typeof text === 'string' && text.trim() !== '');
          assert.ok(filled, `${id}.${locale}.${key} is empty`);
        }
      }
      checked.push(id);
    }
  }
  // Every area file has at least one catalogue, so a file that stops exporting one (or a broken import) fails here.
  for (const file of areaFiles)
    assert.ok(
      checked.some((id) => id.startsWith(`${file}:`)),
      `${file} has no catalogue`,
    );
  assert.ok(checked.length >= 15, checked.join(', '));
});

test('nynorsk and English differ from bokmål where the languages differ', () => {
  assert.notEqual(messages('nn').front.title, messages('nb').front.title);
  assert.notEqual(messages('en').front.title, messages('nb').front.title);
});
