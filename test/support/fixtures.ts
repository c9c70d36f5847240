import assert from 'node:assert/strict';
import type { Db } from '../../src/db/database.ts';
import type { AddressProtection, LoginProvider, StaffRole } from '../../src/db/schema.ts';
import { DEMO_LOGINS, type DemoLoginKey } from '../../src/db/seed/seed.ts';

/**
 * Helpers to find seeded people for access tests, and an independent "spec oracle": who reaches which
 * pupil, written straight from the role table (not from src/domain/access), over an in-memory snapshot
 * of the database.
 */

/** The person id of a DEMO_LOGINS identity (by fødselsnummer, or Feide id for the pupil). */
export async function loginPersonId(db: Db, key: DemoLoginKey): Promise<number> {
  const login = DEMO_LOGINS.find((l) => l.key === key);
  assert.ok(login, `DEMO_LOGINS has ${key}`);
  const query = db.selectFrom('person').select('id');
  const row = login.fodselsnummer
    ? await query.where('fodselsnummer', '=', login.fodselsnummer).executeTakeFirst()
    : await query.where('feide_id', '=', login.feideId!).executeTakeFirst();
  assert.ok(row, `${key} (${login.name}) is seeded`);
  return row.id;
}

/** The id of a seeded person by name (the demo data's names are unique). */
export async function personNamed(db: Db, given: string, family: string): Promise<number> {
  const row = await db
    .selectFrom('person')
    .select('id')
    .where('given_name', '=', given)
    .where('family_name', '=', family)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The id of a guardian's child by given name (e.g. Kari's Sofie). */
export async function childOf(db: Db, guardianId: number, givenName: string): Promise<number> {
  const row = await db
    .selectFrom('guardian_relation as r')
    .innerJoin('person as p', 'p.id', 'r.pupil_id')
    .select('p.id')
    .where('r.guardian_id', '=', guardianId)
    .where('p.given_name', '=', givenName)
    .executeTakeFirst();
  assert.ok(row, `a child ${givenName} of guardian ${guardianId} is seeded`);
  return row.id;
}

export interface WorldEnrolment {
  schoolId: number;
  school: string;
  municipalityId: number;
  municipality: string;
  classId: number;
  className: string;
  trinn: number;
  startsOn: string;
  endsOn: string | null;
  active: boolean;
}

export interface WorldPupil {
  id: number;
  name: string;
  protection: AddressProtection;
  enrolments: WorldEnrolment[];
  groupIds: number[];
  compositeIds: number[];
  /** SFOs with an sfo_enrolment covering today. */
  activeSfoIds: number[];
}

export interface WorldMembership {
  id: number;
  personId: number;
  role: StaffRole;
  municipalityId: number;
  schoolId: number | null;
  sfoId: number | null;
  active: boolean;
  classIds: number[];
  groupIds: number[];
  compositeIds: number[];
}

export interface WorldRelation {
  pupilId: number;
  guardianId: number;
  blocked: boolean;
  contactOnly: boolean;
  /** From the register: the guardian lives with the child (a fortrolig address is theirs to see). */
  livesWith: boolean;
}

/** Everything access depends on, read with plain queries. */
export interface World {
  today: string;
  /** Every person with at least one enrolment. */
  pupils: Map<number, WorldPupil>;
  memberships: WorldMembership[];
  relations: WorldRelation[];
  schoolId: (name: string) => number;
  sfoId: (name: string) => number;
  classId: (school: string, name: string) => number;
  groupId: (school: string, name: string) => number;
  /** The school of each teaching group. */
  groupSchool: Map<number, number>;
  /** The school of each composite group. */
  compositeSchool: Map<number, number>;
  compositeId: (school: string, name: string) => number;
}

const covers = (today: string, startsOn: string, endsOn: string | null) =>
  startsOn <= today && (endsOn === null || endsOn >= today);

export async function loadWorld(db: Db, today: string): Promise<World> {
  const enrolments = await db
    .selectFrom('enrolment as e')
    .innerJoin('person as p', 'p.id', 'e.pupil_id')
    .innerJoin('class as c', 'c.id', 'e.class_id')
    .innerJoin('school as s', 's.id', 'e.school_id')
    .innerJoin('municipality as m', 'm.id', 's.municipality_id')
    .select([
      'p.id',
      'p.given_name',
      'p.family_name',
      'p.address_protection',
      'e.school_id',
      's.name as school',
      's.municipality_id',
      'm.name as municipality',
      'e.class_id',
      'c.name as class_name',
      'c.trinn',
      'e.starts_on',
      'e.ends_on',
    ])
    .orderBy('p.id')
    .execute();
  const pupils = new Map<number, WorldPupil>();
  for (const e of enrolments) {
    let pupil = pupils.get(e.id);
    if (!pupil) {
      pupil = {
        id: e.id,
        name: `${e.given_name} ${e.family_name}`,
        protection: e.address_protection,
        enrolments: [],
        groupIds: [],
        compositeIds: [],
        activeSfoIds: [],
      };
      pupils.set(e.id, pupil);
    }
    pupil.enrolments.push({
      schoolId: e.school_id,
      school: e.school,
      municipalityId: e.municipality_id,
      municipality: e.municipality,
      classId: e.class_id,
      className: e.class_name,
      trinn: e.trinn,
      startsOn: e.starts_on,
      endsOn: e.ends_on,
      active: covers(today, e.starts_on, e.ends_on),
    });
  }
  for (const m of await db.selectFrom('teaching_group_member').selectAll().execute())
    pupils.get(m.pupil_id)?.groupIds.push(m.teaching_group_id);
  for (const m of await db.selectFrom('composite_group_member').selectAll().execute())
    pupils.get(m.pupil_id)?.compositeIds.push(m.composite_group_id);
  for (const s of await db.selectFrom('sfo_enrolment').selectAll().execute()) {
    if (covers(today, s.starts_on, s.ends_on)) pupils.get(s.pupil_id)?.activeSfoIds.push(s.sfo_id);
  }

  const membershipRows = await db.selectFrom('staff_membership').selectAll().orderBy('id').execute();
  const assignments = await db.selectFrom('staff_assignment').selectAll().execute();
  const memberships = membershipRows.map((m): WorldMembership => {
    const own = assignments.filter((a) => a.staff_membership_id === m.id);
    return {
      id: m.id,
      personId: m.person_id,
      role: m.role,
      municipalityId: m.municipality_id,
      schoolId: m.school_id,
      sfoId: m.sfo_id,
      active: covers(today, m.starts_on, m.ends_on),
      classIds: own.flatMap((a) => (a.class_id === null ? [] : [a.class_id])),
      groupIds: own.flatMap((a) => (a.teaching_group_id === null ? [] : [a.teaching_group_id])),
      compositeIds: own.flatMap((a) => (a.composite_group_id === null ? [] : [a.composite_group_id])),
    };
  });
  const relations = (await db.selectFrom('guardian_relation').selectAll().orderBy('id').execute()).map((r) => ({
    pupilId: r.pupil_id,
    guardianId: r.guardian_id,
    blocked: r.blocked,
    contactOnly: r.contact_person_only,
    livesWith: r.lives_with_child,
  }));

  const schools = await db.selectFrom('school').select(['id', 'name']).execute();
  const sfos = await db.selectFrom('sfo').select(['id', 'name']).execute();
  const classes = await db.selectFrom('class').select(['id', 'name', 'school_id']).execute();
  const groups = await db.selectFrom('teaching_group').select(['id', 'name', 'school_id']).execute();
  const composites = await db.selectFrom('composite_group').select(['id', 'name', 'school_id']).execute();
  const one = <T extends { id: number }>(rows: T[], what: string): number => {
    assert.equal(rows.length, 1, `exactly one ${what}`);
    return rows[0]!.id;
  };
  const schoolId = (name: string) =>
    one(
      schools.filter((s) => s.name === name),
      `school ${name}`,
    );
  return {
    today,
    pupils,
    memberships,
    relations,
    schoolId,
    sfoId: (name) =>
      one(
        sfos.filter((s) => s.name === name),
        `SFO ${name}`,
      ),
    classId: (school, name) =>
      one(
        classes.filter((c) => c.school_id === schoolId(school) && c.name === name),
        `class ${school} ${name}`,
      ),
    groupSchool: new Map(groups.map((g) => [g.id, g.school_id])),
    compositeSchool: new Map(composites.map((g) => [g.id, g.school_id])),
    groupId: (school, name) =>
      one(
        groups.filter((g) => g.school_id === schoolId(school) && g.name === name),
        `group ${school} ${name}`,
      ),
    compositeId: (school, name) =>
      one(
        composites.filter((g) => g.school_id === schoolId(school) && g.name === name),
        `composite group ${school} ${name}`,
      ),
  };
}

export const isActive = (pupil: WorldPupil) => pupil.enrolments.some((e) => e.active);
export const activeEnrolment = (pupil: WorldPupil) => pupil.enrolments.find((e) => e.active);

/** The lowest-id pupil matching `predicate`; fails the test with `description` if there is none. */
export function findPupil(world: World, description: string, predicate: (pupil: WorldPupil) => boolean): WorldPupil {
  for (const pupil of world.pupils.values()) if (predicate(pupil)) return pupil;
  assert.fail(`no seeded pupil: ${description}`);
}

/** An active, unprotected pupil whose current class is `className` at `school`. */
export const inClass = (school: string, className: string) => (p: WorldPupil) =>
  p.protection === 'none' && p.enrolments.some((e) => e.active && e.school === school && e.className === className);

export const activeMembershipsOf = (world: World, personId: number, role?: StaffRole) =>
  world.memberships.filter((m) => m.active && m.personId === personId && (role === undefined || m.role === role));

/** Persons holding an active `role` membership matching `where`. */
export function staffWith(world: World, role: StaffRole, where: (m: WorldMembership) => boolean): number[] {
  return [...new Set(world.memberships.filter((m) => m.active && m.role === role && where(m)).map((m) => m.personId))];
}

export type SpecReach =
  | 'school_owner'
  | 'leadership'
  | 'contact_teacher'
  | 'teacher'
  | 'sfo_leader'
  | 'sfo_staff'
  | 'guardian'
  | 'starter_guardian'
  | 'self';

/**
 * The spec's reach rules, written independently of src/domain/access:
 * - ID-porten → guardian capacity only: unblocked, non-contact-only relation to a pupil with an active enrolment;
 *   the same relation to a skolestarter (no active enrolment, one in a 1. trinn class starting after today) →
 *   starter_guardian.
 * - Feide → staff and pupil: school owner = any enrolment (also ended) at a school of their municipality;
 *   leadership = any enrolment (also ended) at their school; contact teacher = active enrolment in their class;
 *   teacher = active pupil in their teaching or composite group with an active enrolment at the group's school, or
 *   active enrolment in a class they are assigned to;
 *   SFO = active pupil with an active SFO enrolment in their SFO; pupil = themself while enrolled.
 */
export function specReach(world: World, personId: number, via: LoginProvider, pupilId: number): Set<SpecReach> {
  const reach = new Set<SpecReach>();
  const pupil = world.pupils.get(pupilId);
  if (!pupil) return reach;
  const active = isActive(pupil);
  const activeClasses = pupil.enrolments.filter((e) => e.active).map((e) => e.classId);
  const activeSchools = pupil.enrolments.filter((e) => e.active).map((e) => e.schoolId);
  const groupsHere = pupil.groupIds.filter((g) => activeSchools.includes(world.groupSchool.get(g) ?? -1));
  const compositesHere = pupil.compositeIds.filter((g) => activeSchools.includes(world.compositeSchool.get(g) ?? -1));
  const meets = (a: number[], b: number[]) => a.some((x) => b.includes(x));
  if (via === 'idporten') {
    const ok = world.relations.some(
      (r) => r.guardianId === personId && r.pupilId === pupilId && !r.blocked && !r.contactOnly,
    );
    if (ok && active) reach.add('guardian');
    if (ok && !active && pupil.enrolments.some((e) => e.trinn === 1 && e.startsOn > world.today))
      reach.add('starter_guardian');
    return reach;
  }
  if (personId === pupilId && active) reach.add('self');
  for (const m of activeMembershipsOf(world, personId)) {
    switch (m.role) {
      case 'school_owner':
        if (pupil.enrolments.some((e) => e.municipalityId === m.municipalityId)) reach.add('school_owner');
        break;
      case 'leadership':
        if (pupil.enrolments.some((e) => e.schoolId === m.schoolId)) reach.add('leadership');
        break;
      case 'contact_teacher':
        if (meets(activeClasses, m.classIds)) reach.add('contact_teacher');
        break;
      case 'teacher':
        if (
          active &&
          (meets(groupsHere, m.groupIds) || meets(compositesHere, m.compositeIds) || meets(activeClasses, m.classIds))
        )
          reach.add('teacher');
        break;
      case 'sfo_leader':
      case 'sfo_staff':
        if (active && m.sfoId !== null && pupil.activeSfoIds.includes(m.sfoId)) reach.add(m.role);
        break;
    }
  }
  return reach;
}

/** The ids of every pupil the spec says `personId` (logged in via `via`) may see. */
export function specVisible(world: World, personId: number, via: LoginProvider): Set<number> {
  return new Set([...world.pupils.keys()].filter((id) => specReach(world, personId, via, id).size > 0));
}

/**
 * Runs `fn` in a transaction that is always rolled back, so a test can change data (block a relation,
 * add a staff membership) without affecting the other tests in the file.
 */
export async function withRollback<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  const trx = await db.startTransaction().execute();
  try {
    return await fn(trx);
  } finally {
    await trx.rollback().execute();
  }
}

let staffCounter = 0;

/** Inserts a staff person with one membership and its assignments; returns the person id. */
export async function insertStaff(
  db: Db,
  options: {
    role: StaffRole;
    municipalityId: number;
    schoolId?: number | null;
    sfoId?: number | null;
    classIds?: number[];
    groupIds?: number[];
    compositeIds?: number[];
    personId?: number;
    startsOn?: string;
    endsOn?: string | null;
  },
): Promise<number> {
  const personId =
    options.personId ??
    (
      await db
        .insertInto('person')
        .values({ given_name: 'Test', family_name: `Ansatt ${++staffCounter}` })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const membership = await db
    .insertInto('staff_membership')
    .values({
      person_id: personId,
      municipality_id: options.municipalityId,
      school_id: options.schoolId ?? null,
      sfo_id: options.sfoId ?? null,
      role: options.role,
      title: 'Test',
      starts_on: options.startsOn ?? '2020-08-01',
      ends_on: options.endsOn ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const rows = [
    ...(options.classIds ?? []).map((id) => ({ staff_membership_id: membership.id, class_id: id })),
    ...(options.groupIds ?? []).map((id) => ({ staff_membership_id: membership.id, teaching_group_id: id })),
    ...(options.compositeIds ?? []).map((id) => ({ staff_membership_id: membership.id, composite_group_id: id })),
  ];
  if (rows.length) await db.insertInto('staff_assignment').values(rows).execute();
  return personId;
}
