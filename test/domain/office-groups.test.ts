import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadActor } from '../../src/domain/access/actor.ts';
import { requireManagedGroup } from '../../src/domain/access/scope.ts';
import { audiencePupilIds } from '../../src/domain/broadcasts/recipients.ts';
import { addMember, closeGroup, createGroup, findSchoolPupils } from '../../src/domain/office/groups.ts';
import { createDemoTestDb } from '../support/db.ts';
import { loginPersonId } from '../support/fixtures.ts';

const TODAY = '2026-11-25';
const db = await createDemoTestDb(TODAY);
const actor = (await loadActor(db, await loginPersonId(db, 'leadership'), 'feide', TODAY))!;
const school = await db
  .selectFrom('school')
  .select(['id', 'name', 'municipality_id'])
  .where('name', '=', 'Bjørkelia skole')
  .executeTakeFirstOrThrow();
const managedSchool = { id: school.id, name: school.name, municipalityId: school.municipality_id };
const year = (
  await db
    .selectFrom('school_year')
    .select('id')
    .where('municipality_id', '=', school.municipality_id)
    .where('starts_on', '<=', TODAY)
    .where('ends_on', '>=', TODAY)
    .executeTakeFirstOrThrow()
).id;
const pupilNamed = async (given: string, family: string) =>
  (
    await db
      .selectFrom('person')
      .select('id')
      .where('given_name', '=', given)
      .where('family_name', '=', family)
      .executeTakeFirstOrThrow()
  ).id;

async function freshGroup(name: string) {
  const made = await createGroup(db, actor, managedSchool, { name, subject: 'Musikk', schoolYearId: String(year) });
  assert.ok(made.ok);
  return requireManagedGroup(db, actor, made.groupId);
}

test('closing and adding a member at the same time: never a closed group with members', async () => {
  for (let i = 0; i < 5; i++) {
    const group = await freshGroup(`Kappløp ${i}`);
    const sofie = await pupilNamed('Sofie', 'Nordmann');
    const [closed, added] = await Promise.all([
      closeGroup(db, actor, group, TODAY),
      addMember(db, actor, group, { personId: String(sofie) }, TODAY),
    ]);
    assert.ok(closed.ok !== added.ok, `exactly one wins (${JSON.stringify([closed, added])})`);
    const row = await db
      .selectFrom('teaching_group')
      .select('closed_on')
      .where('id', '=', group.id)
      .executeTakeFirstOrThrow();
    const members = await db
      .selectFrom('teaching_group_member')
      .select('pupil_id')
      .where('teaching_group_id', '=', group.id)
      .execute();
    assert.ok(row.closed_on === null || members.length === 0, 'a closed group has no members');
  }
});

test('the search finds pupils of the school only, not members already, and treats % and _ as letters', async () => {
  const group = await freshGroup('Søkegruppe');
  const found = await findSchoolPupils(db, group, 'nordmann', TODAY);
  assert.ok(found.ok);
  const names = found.pupils.map((p) => `${p.givenName} ${p.familyName}`);
  assert.ok(names.includes('Sofie Nordmann'), names.join(', '));
  assert.ok(!names.includes('Jonas Nordmann'), 'Jonas goes to Fjellheim');
  await addMember(db, actor, group, { personId: String(await pupilNamed('Sofie', 'Nordmann')) }, TODAY);
  const again = await findSchoolPupils(db, group, 'sofie nordmann', TODAY);
  assert.ok(again.ok);
  assert.deepEqual(again.pupils, [], 'a member is not offered again');
  const wild = await findSchoolPupils(db, group, '%%', TODAY);
  assert.ok(wild.ok);
  assert.deepEqual(wild.pupils, []);
  assert.deepEqual(await findSchoolPupils(db, group, 'a', TODAY), { ok: false, error: 'too_short' });
});

test('a broadcast to a teaching group reaches no pupil whose membership lingers after changing school', async () => {
  const group = await freshGroup('Kringkasting');
  const sofie = await pupilNamed('Sofie', 'Nordmann');
  const jonas = await pupilNamed('Jonas', 'Nordmann'); // enrolled at Fjellheim
  await db
    .insertInto('teaching_group_member')
    .values([
      { teaching_group_id: group.id, pupil_id: sofie },
      { teaching_group_id: group.id, pupil_id: jonas },
    ])
    .execute();
  const ids = (await audiencePupilIds(db, { kind: 'teaching_group', id: group.id, trinn: null }, TODAY).execute()).map(
    (r) => r.pupil_id,
  );
  assert.deepEqual(ids, [sofie]);
});
