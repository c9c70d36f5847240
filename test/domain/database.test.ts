import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { createTestDb } from '../support/db.ts';

const db = await createTestDb();

test('both backends hand back the same JavaScript types', async () => {
  const { rows } = await sql<{ n: unknown; d: unknown; ts: unknown; b: unknown }>`
    select count(*) as n, date '2026-08-17' as d, now() as ts, '\\x00ff'::bytea as b`.execute(db);
  const row = rows[0]!;
  assert.equal(row.n, 1);
  assert.equal(row.d, '2026-08-17');
  assert.ok(row.ts instanceof Date);
  assert.ok(Buffer.isBuffer(row.b));
  assert.deepEqual([...(row.b as Buffer)], [0, 255]);
});

test('migrating again is a no-op', async () => {
  assert.deepEqual(await migrateToLatest(db), []);
});

test('the schema refuses what would be wrong data', async () => {
  const municipality = await db
    .insertInto('municipality')
    .values({ name: 'Testkommune', org_number: '999999999' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await assert.rejects(db.insertInto('municipality').values({ name: 'Dup', org_number: '999999999' }).execute());
  await assert.rejects(
    db
      .insertInto('school')
      .values({ municipality_id: municipality.id, name: 'X', org_number: '999999998', hovudmaal: 'sv' as 'nb' })
      .execute(),
  );
  const person = await db
    .insertInto('person')
    .values({ given_name: 'Kari', family_name: 'Test', fodselsnummer: '01018012345' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await assert.rejects(
    db.insertInto('person').values({ given_name: 'Per', family_name: 'Test', fodselsnummer: '01018012345' }).execute(),
  );
  await assert.rejects(
    db.insertInto('contact_info').values({ person_id: person.id, mobile: '+4758123456' }).execute(),
    'M2M numbers are not mobiles',
  );
  await db.insertInto('contact_info').values({ person_id: person.id, mobile: '+4791234567' }).execute();
  // a school owner has no school; a contact teacher must have one
  await assert.rejects(
    db
      .insertInto('staff_membership')
      .values({ person_id: person.id, municipality_id: municipality.id, role: 'contact_teacher' })
      .execute(),
  );
});
