import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LoginProvider } from '../../src/db/schema.ts';
import type { DemoLoginKey } from '../../src/db/seed/seed.ts';
import { loadActor, type Actor } from '../../src/domain/access/actor.ts';
import { canViewOwnerStatistics, canViewSchoolStatistics } from '../../src/domain/access/policy.ts';
import { NotFoundError } from '../../src/domain/errors.ts';
import { requireStatisticsScope } from '../../src/domain/statistics/school.ts';
import { createDemoTestDb } from '../support/db.ts';
import { loginPersonId } from '../support/fixtures.ts';

// S12: who sees a school's statistics and the owner's comparison — the policy and the scoped lookup agree.
const TODAY = '2026-11-25';
const db = await createDemoTestDb(TODAY);
const schoolOf = (name: string) =>
  db.selectFrom('school').select(['id', 'municipality_id']).where('name', '=', name).executeTakeFirstOrThrow();
const bjorkelia = await schoolOf('Bjørkelia skole');
const fjellheim = await schoolOf('Fjellheim skule');
const nordlys = await schoolOf('Nordlys montessoriskole');
const fjellheimLeader = await db
  .selectFrom('staff_membership')
  .select('person_id')
  .where('role', '=', 'leadership')
  .where('school_id', '=', fjellheim.id)
  .executeTakeFirstOrThrow();

const actorOf = async (person: number, via: LoginProvider): Promise<Actor> =>
  (await loadActor(db, person, via, TODAY))!;
const demo = async (key: DemoLoginKey, via: LoginProvider = 'feide') => actorOf(await loginPersonId(db, key), via);

// who × (Bjørkelia's statistics, Fjellheim's statistics, the owner's comparison of municipality 1)
const rows: [string, () => Promise<Actor>, boolean, boolean, boolean][] = [
  ['rektor of Bjørkelia', () => demo('leadership'), true, false, false],
  ['rektor of Bjørkelia via ID-porten', () => demo('leadership', 'idporten'), false, false, false],
  ['rektor of Fjellheim', () => actorOf(fjellheimLeader.person_id, 'feide'), false, true, false],
  ['school owner', () => demo('school-owner'), true, true, true],
  ['teacher', () => demo('teacher'), false, false, false],
  ['contact teacher', () => demo('contact-teacher'), false, false, false],
  ['SFO leader', () => demo('sfo-leader'), false, false, false],
  ['kindergarten leader', () => demo('kindergarten-leader'), false, false, false],
  ['guardian', () => demo('guardian', 'idporten'), false, false, false],
  ['pupil', () => demo('pupil'), false, false, false],
];

const school = (s: { id: number; municipality_id: number }) => ({ schoolId: s.id, municipalityId: s.municipality_id });

for (const [who, load, seesBjorkelia, seesFjellheim, compares] of rows) {
  test(`${who}: Bjørkelia ${seesBjorkelia}, Fjellheim ${seesFjellheim}, comparison ${compares}`, async () => {
    const actor = await load();
    assert.equal(canViewSchoolStatistics(actor, school(bjorkelia)), seesBjorkelia);
    assert.equal(canViewSchoolStatistics(actor, school(fjellheim)), seesFjellheim);
    assert.equal(canViewSchoolStatistics(actor, school(nordlys)), false, 'another owner’s school');
    assert.equal(canViewOwnerStatistics(actor, bjorkelia.municipality_id), compares);
    for (const [s, sees] of [
      [bjorkelia, seesBjorkelia],
      [fjellheim, seesFjellheim],
      [nordlys, false],
    ] as const) {
      const lookup = requireStatisticsScope(db, actor, s.id, TODAY);
      if (sees) assert.equal(((await lookup) as { school: { id: number } }).school.id, s.id);
      else await assert.rejects(lookup, NotFoundError);
    }
    const own = requireStatisticsScope(db, actor, null, TODAY);
    if (compares) assert.equal((await own).kind, 'owner');
    else if (seesBjorkelia || seesFjellheim) assert.equal((await own).kind, 'school');
    else await assert.rejects(own, NotFoundError);
  });
}
