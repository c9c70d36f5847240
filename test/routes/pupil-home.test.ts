import assert from 'node:assert/strict';
import { countStatements } from '../../src/db/counting.ts';
import { test } from 'node:test';
import { CLASS_LIST_CONSENT_KEY } from '../../src/domain/pupils/class-list.ts';
import { createTestApp, html, sessionCookie } from '../support/app.ts';
import { createDemoTestDb } from '../support/db.ts';
import { loginPersonId } from '../support/fixtures.ts';

// P1: the pupil's own class on the pupil's home page: the class, the contact teacher and the class list (names only),
// without classmates whose address is protected or who are reserved against the class list.
const TODAY = '2026-11-25';
const db = await createDemoTestDb(TODAY);
const clock = () => new Date(`${TODAY}T10:00:00Z`);
const counter = countStatements(db);
const counted = counter.db;
const client = createTestApp(counted, {}, { clock });

const pupilId = await loginPersonId(db, 'pupil');
const pupil = { cookie: await sessionCookie(db, pupilId, 'feide') };
const own = await db
  .selectFrom('enrolment')
  .select(['class_id', 'school_id'])
  .where('pupil_id', '=', pupilId)
  .where('ends_on', 'is', null)
  .executeTakeFirstOrThrow();
const classmates = await db
  .selectFrom('enrolment as e')
  .innerJoin('person as p', 'p.id', 'e.pupil_id')
  .select(['p.id', 'p.given_name', 'p.family_name', 'p.address_protection'])
  .where('e.class_id', '=', own.class_id)
  .where('e.ends_on', 'is', null)
  .where('p.id', '!=', pupilId)
  .orderBy('p.id')
  .execute();
const fullName = (p: { given_name: string; family_name: string }) => `${p.given_name} ${p.family_name}`;
const other = await db
  .selectFrom('enrolment as e')
  .innerJoin('person as p', 'p.id', 'e.pupil_id')
  .select(['p.given_name', 'p.family_name'])
  .where('e.school_id', '=', own.school_id)
  .where('e.class_id', '!=', own.class_id)
  .where('e.ends_on', 'is', null)
  .orderBy('p.id')
  .executeTakeFirstOrThrow();

async function classList(): Promise<string[]> {
  const res = await client.get('/home', pupil);
  assert.equal(res.status, 200);
  const { document } = await html(res);
  const section = document.querySelector('section[aria-labelledby="class-list"]');
  assert.ok(section, 'the class list is on the page');
  return Array.from(section.querySelectorAll('li')).map((li) => li.textContent?.trim() ?? '');
}

test('a pupil sees the class list of their own class: names only, themselves marked, no other class', async () => {
  const visible = classmates.filter((p) => p.address_protection === 'none');
  assert.ok(visible.length >= 5, 'the demo class has classmates');
  const names = await classList();
  const me = await db.selectFrom('person').selectAll().where('id', '=', pupilId).executeTakeFirstOrThrow();
  assert.ok(names.includes(`${fullName(me)} (deg)`), 'the pupil is on the list, marked');
  for (const p of visible) assert.ok(names.includes(fullName(p)), fullName(p));
  assert.ok(!names.includes(fullName(other)), 'a pupil of another class is not listed');
  assert.ok(
    names.every((n) => !/\d{11}/.test(n)),
    'no fødselsnummer',
  );
});

test('a classmate with a protected address is left out, and so is one a guardian has reserved', async () => {
  const [protectedOne, reservedOne, blockedRefusal] = classmates.filter((p) => p.address_protection === 'none');
  await db.updateTable('person').set({ address_protection: 'fortrolig' }).where('id', '=', protectedOne!.id).execute();
  const school = await db
    .selectFrom('school')
    .select('municipality_id')
    .where('id', '=', own.school_id)
    .executeTakeFirstOrThrow();
  const type = await db
    .selectFrom('consent_type')
    .select('id')
    .where('key', '=', CLASS_LIST_CONSENT_KEY)
    .where('municipality_id', '=', school.municipality_id)
    .executeTakeFirstOrThrow();
  const refuse = async (pupilId: number, blocked: boolean) => {
    const g = await db
      .selectFrom('guardian_relation')
      .select('guardian_id')
      .where('pupil_id', '=', pupilId)
      .where('parental_responsibility', '=', true)
      .orderBy('guardian_id')
      .executeTakeFirstOrThrow();
    if (blocked)
      await db
        .updateTable('guardian_relation')
        .set({ blocked: true })
        .where('pupil_id', '=', pupilId)
        .where('guardian_id', '=', g.guardian_id)
        .execute();
    await db
      .insertInto('consent_answer')
      .values({ pupil_id: pupilId, guardian_id: g.guardian_id, consent_type_id: type.id, state: 'refused' })
      .onConflict((oc) => oc.columns(['pupil_id', 'guardian_id', 'consent_type_id']).doUpdateSet({ state: 'refused' }))
      .execute();
  };
  await refuse(reservedOne!.id, false);
  // A guardian whose access is blocked does not count: the refusal does not take the child off the list.
  await refuse(blockedRefusal!.id, true);
  const names = await classList();
  assert.ok(!names.includes(fullName(protectedOne!)), 'protected address');
  assert.ok(!names.includes(fullName(reservedOne!)), 'reserved against the class list');
  assert.ok(names.includes(fullName(blockedRefusal!)), "a blocked guardian's refusal does not count");
});

test('the pupil home runs a fixed number of queries', async () => {
  counter.reset();
  await classList();
  const first = counter.count;
  assert.ok(first <= 20, `${first} queries`);
});
