import type { Db } from '../../db/database.ts';
import { grantIds, todayInOslo, type Actor } from '../access/actor.ts';
import { visiblePupilCondition } from '../access/scope.ts';
import { canRegisterAttendance } from '../access/policy.ts';
import { NotFoundError } from '../errors.ts';
import { contactTeachersOf } from '../guardian/children.ts';
import { activeOn } from '../period.ts';

export interface UnitSummary {
  id: number;
  name: string;
  schoolName: string;
  pupils: number;
}

/** Class ids the actor reaches as a class: own classes, and every class at a school they lead or own. */
function classScope(actor: Actor) {
  return {
    classIds: grantIds(actor, ['contact_teacher', 'teacher'], (g) => g.classIds),
    schoolIds: [...new Set([...actor.ownerSchoolIds, ...grantIds(actor, ['leadership'], (g) => [g.schoolId])])],
  };
}

/** What a staff member's home page lists: their classes, groups and SFOs (bounded). */
export async function listStaffUnits(db: Db, actor: Actor, today = todayInOslo()) {
  const contactClassIds = grantIds(actor, ['contact_teacher'], (g) => g.classIds);
  const leaderSchoolIds = grantIds(actor, ['leadership'], (g) => [g.schoolId]);
  const teacherClassIds = grantIds(actor, ['teacher'], (g) => g.classIds);
  const groupIds = grantIds(actor, ['teacher'], (g) => g.groupIds);
  const sfoIds = grantIds(actor, ['sfo_leader', 'sfo_staff'], (g) => [g.sfoId]);

  const classIds = [...new Set([...contactClassIds, ...teacherClassIds])];
  const classes =
    classIds.length || leaderSchoolIds.length
      ? await db
          .selectFrom('class as c')
          .innerJoin('school as s', 's.id', 'c.school_id')
          .leftJoin('enrolment as e', (join) => join.onRef('e.class_id', '=', 'c.id').on(activeOn('e', today)))
          .select([
            'c.id',
            'c.name',
            'c.trinn',
            's.name as schoolName',
            (eb) => eb.fn.count<number>('e.id').as('pupils'),
          ])
          .where((eb) =>
            eb.or([
              eb('c.id', 'in', classIds.length ? classIds : [0]),
              eb('c.school_id', 'in', leaderSchoolIds.length ? leaderSchoolIds : [0]),
            ]),
          )
          .groupBy(['c.id', 's.name'])
          .orderBy('s.name')
          .orderBy('c.trinn')
          .orderBy('c.name')
          .limit(200)
          .execute()
      : [];
  const groups = groupIds.length
    ? await db
        .selectFrom('teaching_group as g')
        .innerJoin('school as s', 's.id', 'g.school_id')
        .leftJoin('teaching_group_member as m', 'm.teaching_group_id', 'g.id')
        .select(['g.id', 'g.name', 's.name as schoolName', (eb) => eb.fn.count<number>('m.pupil_id').as('pupils')])
        .where('g.id', 'in', groupIds)
        .groupBy(['g.id', 's.name'])
        .orderBy('g.name')
        .limit(200)
        .execute()
    : [];
  const schools = actor.ownerSchoolIds.length
    ? await db
        .selectFrom('school as s')
        .leftJoin('enrolment as e', (join) => join.onRef('e.school_id', '=', 's.id').on(activeOn('e', today)))
        .select(['s.id', 's.name', 's.name as schoolName', (eb) => eb.fn.count<number>('e.id').as('pupils')])
        .where('s.id', 'in', actor.ownerSchoolIds)
        .groupBy('s.id')
        .orderBy('s.name')
        .limit(200)
        .execute()
    : [];
  const sfos = sfoIds.length
    ? await db
        .selectFrom('sfo as f')
        .innerJoin('school as s', 's.id', 'f.school_id')
        .select(['f.id', 'f.name', 's.name as schoolName'])
        .where('f.id', 'in', sfoIds)
        .orderBy('f.name')
        .execute()
    : [];
  return {
    roles: [...new Set(actor.staff.map((g) => g.role))],
    contactClassIds,
    classes: classes satisfies UnitSummary[] as (UnitSummary & { trinn: number })[],
    groups: groups satisfies UnitSummary[] as UnitSummary[],
    schools: schools satisfies UnitSummary[] as UnitSummary[],
    sfos,
  };
}

/** A class with the pupils the actor may see in it; 404 unless the actor reaches the class itself. */
export async function findClassForActor(db: Db, actor: Actor, classId: number, today = todayInOslo()) {
  const scope = classScope(actor);
  const found = await db
    .selectFrom('class as c')
    .innerJoin('school as s', 's.id', 'c.school_id')
    .select(['c.id', 'c.name', 'c.trinn', 'c.school_id', 's.name as schoolName'])
    .where('c.id', '=', classId)
    .where((eb) =>
      eb.or([
        eb('c.id', 'in', scope.classIds.length ? scope.classIds : [0]),
        eb('c.school_id', 'in', scope.schoolIds.length ? scope.schoolIds : [0]),
      ]),
    )
    .executeTakeFirst();
  if (!found || actor.via !== 'feide') throw new NotFoundError();
  const pupils = await db
    .selectFrom('person as p')
    .innerJoin('enrolment as e', 'e.pupil_id', 'p.id')
    .select(['p.id', 'p.given_name', 'p.family_name'])
    .where('e.class_id', '=', classId)
    .where(activeOn('e', today))
    .where((eb) => visiblePupilCondition(eb, actor, today))
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .limit(100)
    .execute();
  const teachers = await contactTeachersOf(db, [classId], today);
  const mayRegisterAttendance = canRegisterAttendance(actor, {
    kind: 'class',
    id: found.id,
    schoolId: found.school_id,
  });
  return { ...found, pupils, contactTeachers: teachers.get(classId) ?? [], mayRegisterAttendance };
}

/** A teaching group with the pupils the actor may see in it; 404 unless the actor teaches it or leads/owns its school. */
export async function findGroupForActor(db: Db, actor: Actor, groupId: number, today = todayInOslo()) {
  const groupIds = grantIds(actor, ['teacher'], (g) => g.groupIds);
  const { schoolIds } = classScope(actor);
  const found = await db
    .selectFrom('teaching_group as g')
    .innerJoin('school as s', 's.id', 'g.school_id')
    .select(['g.id', 'g.name', 'g.subject', 'g.school_id', 's.name as schoolName'])
    .where('g.id', '=', groupId)
    .where((eb) =>
      eb.or([
        eb('g.id', 'in', groupIds.length ? groupIds : [0]),
        eb('g.school_id', 'in', schoolIds.length ? schoolIds : [0]),
      ]),
    )
    .executeTakeFirst();
  if (!found || actor.via !== 'feide') throw new NotFoundError();
  const pupils = await db
    .selectFrom('person as p')
    .innerJoin('teaching_group_member as m', 'm.pupil_id', 'p.id')
    .select(['p.id', 'p.given_name', 'p.family_name'])
    .where('m.teaching_group_id', '=', groupId)
    .where((eb) => visiblePupilCondition(eb, actor, today))
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .limit(100)
    .execute();
  return {
    ...found,
    pupils,
    mayRegisterAttendance: canRegisterAttendance(actor, { kind: 'group', id: found.id, schoolId: found.school_id }),
  };
}

/** The pupil's own class, school and contact teachers (pupil home, P1). */
export async function findOwnClass(db: Db, actor: Actor, today = todayInOslo()) {
  if (!actor.isPupil) return null;
  const row = await db
    .selectFrom('enrolment as e')
    .innerJoin('class as c', 'c.id', 'e.class_id')
    .innerJoin('school as s', 's.id', 'e.school_id')
    .select(['c.id', 'c.name', 'c.trinn', 's.name as schoolName'])
    .where('e.pupil_id', '=', actor.personId)
    .where(activeOn('e', today))
    .executeTakeFirst();
  if (!row) return null;
  const teachers = await contactTeachersOf(db, [row.id], today);
  return { ...row, contactTeachers: teachers.get(row.id) ?? [] };
}
