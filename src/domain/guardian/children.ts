import type { Db } from '../../db/database.ts';
import { done, loadPart, mapPart, part, type Part } from '../../db/together.ts';
import { todayInOslo, type Actor } from '../access/actor.ts';
import { visiblePupilCondition } from '../access/scope.ts';
import { activeOn } from '../period.ts';

export interface ChildSummary {
  pupilId: number;
  givenName: string;
  familyName: string;
  schoolName: string;
  className: string;
  ownerName: string;
  classId: number;
  municipalityId: number;
  contactTeachers: string[];
}

/** The guardian's children they may see, across schools and school owners (G1). Bounded to 20. Two statements. */
export async function listGuardianChildren(db: Db, actor: Actor, today = todayInOslo()): Promise<ChildSummary[]> {
  const rows = await loadPart(db, guardianChildRowsPart(db, actor, today));
  return loadPart(db, withContactTeachersPart(db, rows, today));
}

export type GuardianChildRow = Omit<ChildSummary, 'contactTeachers'>;

/** The children of listGuardianChildren without their contact teachers, as a part of a statement (db/together.ts). */
export function guardianChildRowsPart(db: Db, actor: Actor, today: string): Part<GuardianChildRow[]> {
  if (actor.via !== 'idporten' || actor.guardianOf.length === 0) return done([]);
  const children = db
    .selectFrom('person as p')
    .innerJoin('enrolment as e', 'e.pupil_id', 'p.id')
    .innerJoin('class as c', 'c.id', 'e.class_id')
    .innerJoin('school as s', 's.id', 'e.school_id')
    .innerJoin('municipality as m', 'm.id', 's.municipality_id')
    .select([
      'p.id',
      'p.given_name',
      'p.family_name',
      's.name as school_name',
      'c.name as class_name',
      'c.id as class_id',
      'm.name as owner_name',
      's.municipality_id',
    ])
    .where((eb) => visiblePupilCondition(eb, actor, today))
    .where(activeOn('e', today))
    .orderBy('p.given_name')
    .limit(20);
  return part({ children }, (rows) =>
    rows.children.map((r) => ({
      pupilId: r.id,
      givenName: r.given_name,
      familyName: r.family_name,
      schoolName: r.school_name,
      className: r.class_name,
      ownerName: r.owner_name,
      classId: r.class_id,
      municipalityId: r.municipality_id,
    })),
  );
}

/** The children with their classes' contact teachers, as a part of a statement (db/together.ts). */
export const withContactTeachersPart = (db: Db, rows: GuardianChildRow[], today: string): Part<ChildSummary[]> =>
  mapPart(
    contactTeachersPart(
      db,
      rows.map((r) => r.classId),
      today,
    ),
    (teachers) => rows.map((r) => ({ ...r, contactTeachers: teachers.get(r.classId) ?? [] })),
  );

/** Contact teachers' names per class, in one query. */
export const contactTeachersOf = (db: Db, classIds: number[], today = todayInOslo()) =>
  loadPart(db, contactTeachersPart(db, classIds, today));

function contactTeachersPart(db: Db, classIds: number[], today: string): Part<Map<number, string[]>> {
  if (classIds.length === 0) return done(new Map());
  const teachers = db
    .selectFrom('staff_assignment as a')
    .innerJoin('staff_membership as m', 'm.id', 'a.staff_membership_id')
    .innerJoin('person as p', 'p.id', 'm.person_id')
    .select(['a.class_id', 'p.given_name', 'p.family_name'])
    .where('a.class_id', 'in', classIds)
    .where('m.role', '=', 'contact_teacher')
    .where(activeOn('m', today))
    .orderBy('p.family_name');
  return part({ teachers }, ({ teachers: rows }) => {
    const map = new Map<number, string[]>();
    for (const row of rows) {
      const list = map.get(row.class_id!) ?? [];
      list.push(`${row.given_name} ${row.family_name}`);
      map.set(row.class_id!, list);
    }
    return map;
  });
}
