import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { countStatements } from '../../src/db/counting.ts';
import { asDate, done, loadPart, loadParts, mapPart, part, together } from '../../src/db/together.ts';
import { createTestDb } from '../support/db.ts';

// db/together.ts: independent selects as one statement (issue 18, item 4). What a part gives must be what its
// queries give run alone; the one thing JSON changes (a timestamptz arrives as a string) is undone by asDate.
const db = await createTestDb();
const counter = countStatements(db);

const typed = sql<{
  at: Date;
  day: string;
  n: number;
  t: string;
  ok: boolean;
  note: string | null;
}>`select timestamptz '2026-11-25 08:15:00+01' as at, date '2026-11-25' as day, 42::int8 as n,
  time '08:15' as t, true as ok, null::text as note`;

test('several parts cost one statement and give what each query gives alone', async () => {
  const alone = (await typed.execute(db)).rows;
  counter.reset();
  const { values, none, empty, mapped } = await loadParts(counter.db, {
    values: part({ rows: typed }, ({ rows }) => rows.map((r) => ({ ...r, at: asDate(r.at) }))),
    none: done('known'),
    empty: part({ people: counter.db.selectFrom('person').select('id').where('id', '=', -1) }, (r) => r.people),
    mapped: mapPart(
      together({ a: part({ x: sql<{ v: number }>`select 1 as v union all select 2` }, (r) => r.x.map((x) => x.v)) }),
      ({ a }) => a.reduce((sum, v) => sum + v, 0),
    ),
  });
  assert.equal(counter.count, 1, 'one statement');
  assert.deepEqual(values, alone);
  assert.ok(values[0]!.at instanceof Date);
  assert.equal(values[0]!.at.toISOString(), '2026-11-25T07:15:00.000Z');
  assert.equal(values[0]!.day, '2026-11-25', 'a date stays a YYYY-MM-DD string');
  assert.equal(values[0]!.n, 42);
  assert.equal(none, 'known');
  assert.deepEqual(empty, []);
  assert.equal(mapped, 3);
});

test('a part that needs no query sends no statement', async () => {
  counter.reset();
  assert.deepEqual(await loadPart(counter.db, done([1, 2])), [1, 2]);
  assert.equal(counter.count, 0);
});

test('rows keep the order their query gives them', async () => {
  const rows = await loadPart(
    db,
    part({ s: sql<{ i: number }>`select i from generate_series(1, 50) as i order by i desc` }, (r) => r.s),
  );
  assert.deepEqual(
    rows.map((r) => r.i),
    Array.from({ length: 50 }, (_, i) => 50 - i),
  );
});
