import type { Db } from '../../db/database.ts';
import { todayInOslo, type Actor } from '../access/actor.ts';
import { reachOf } from '../access/policy.ts';
import { sql, type Expression, type SqlBool } from 'kysely';
import { pupilFactsPart, starterEnrolments, type PupilFacts } from '../access/pupil-facts.ts';
import { isRowId, requireVisibleFacts, requireVisiblePupil } from '../access/scope.ts';
import { loadPart, loadParts, part } from '../../db/together.ts';
import { NotFoundError } from '../errors.ts';
import { activeOn } from '../period.ts';

/** A child seen by one of its guardians (the child page, G5). */
export interface GuardianChild {
  pupilId: number;
  givenName: string;
  familyName: string;
  schoolId: number;
  municipalityId: number;
  schoolName: string;
  schoolEmail: string | null;
  schoolPhone: string | null;
  hovudmaal: 'nb' | 'nn';
  classId: number;
  className: string;
  trinn: number;
  /**
   * A skolestarter (reach 'starter_guardian'): the first school day, the start of the 1. trinn enrolment the school,
   * class and trinn above are of. Null for a child at school now.
   */
  startsOn: string | null;
  facts: PupilFacts;
}

/** Loads a child through the guardian's reach: another family's child, a blocked relation or a pupil who left → 404. */
export async function requireGuardianChild(
  db: Db,
  actor: Actor,
  pupilId: number,
  today = todayInOslo(),
): Promise<GuardianChild> {
  if (!isRowId(pupilId)) throw new NotFoundError();
  // one statement: the facts the policy decides on, and the child's school and class today (issue 18, item 4)
  const loaded = await loadParts(db, {
    facts: pupilFactsPart([pupilId], today),
    child: childRowPart(db, pupilId, activeOn('e', today)),
  });
  const facts = requireVisibleFacts(actor, loaded.facts.get(pupilId)?.facts);
  if (!reachOf(actor, facts).has('guardian') || !loaded.child) throw new NotFoundError();
  return toChild(loaded.child, facts, null);
}

/**
 * The child's SFO pages (G8, G10): a child at school now as requireGuardianChild, and also a skolestarter — a child
 * admitted to 1. trinn from a later day, whose guardians apply for a place from the first school day and answer the
 * summer SFO before it. Everything else of a skolestarter is a 404 (requireGuardianChild).
 */
export async function requireSfoChild(
  db: Db,
  actor: Actor,
  pupilId: number,
  today = todayInOslo(),
): Promise<GuardianChild> {
  const facts = await requireVisiblePupil(db, actor, pupilId, today);
  const reach = reachOf(actor, facts);
  if (reach.has('guardian')) return loadChild(db, pupilId, facts, activeOn('e', today), null);
  const starter = starterEnrolments(facts).sort((a, b) => a.startsOn.localeCompare(b.startsOn))[0];
  if (!reach.has('starter_guardian') || !starter) throw new NotFoundError();
  return loadChild(
    db,
    pupilId,
    facts,
    sql<SqlBool>`e.class_id = ${starter.classId} and e.starts_on = ${starter.startsOn}`,
    starter.startsOn,
  );
}

async function loadChild(
  db: Db,
  pupilId: number,
  facts: PupilFacts,
  enrolment: Expression<SqlBool>,
  startsOn: string | null,
): Promise<GuardianChild> {
  const row = await loadPart(db, childRowPart(db, pupilId, enrolment));
  if (!row) throw new NotFoundError();
  return toChild(row, facts, startsOn);
}

/** The child's school and class by the enrolment `enrolment` picks (on `enrolment as e`); null when there is none. */
function childRowPart(db: Db, pupilId: number, enrolment: Expression<SqlBool>) {
  return part(
    {
      child: db
        .selectFrom('person as p')
        .innerJoin('enrolment as e', 'e.pupil_id', 'p.id')
        .innerJoin('class as c', 'c.id', 'e.class_id')
        .innerJoin('school as s', 's.id', 'e.school_id')
        .select([
          'p.id',
          'p.given_name',
          'p.family_name',
          's.id as school_id',
          's.municipality_id',
          's.name as school_name',
          's.email',
          's.phone',
          's.hovudmaal',
          'c.id as class_id',
          'c.name as class_name',
          'c.trinn',
        ])
        .where('p.id', '=', pupilId)
        .where(enrolment)
        .orderBy('e.starts_on')
        .limit(1),
    },
    ({ child: [row] }) => row ?? null,
  );
}

type ChildRow = NonNullable<ReturnType<ReturnType<typeof childRowPart>['finish']>>;

function toChild(row: ChildRow, facts: PupilFacts, startsOn: string | null): GuardianChild {
  return {
    pupilId: row.id,
    givenName: row.given_name,
    familyName: row.family_name,
    schoolId: row.school_id,
    municipalityId: row.municipality_id,
    schoolName: row.school_name,
    schoolEmail: row.email,
    schoolPhone: row.phone,
    hovudmaal: row.hovudmaal,
    classId: row.class_id,
    className: row.class_name,
    trinn: row.trinn,
    startsOn,
    facts,
  };
}

/**
 * Overview: contact teachers and how to reach them, the school, and the child's other guardians; a part of the child
 * page's statement (db/together.ts).
 */
export function childOverviewPart(db: Db, actor: Actor, child: GuardianChild, today: string) {
  return part(
    {
      teachers: db
        .selectFrom('staff_assignment as a')
        .innerJoin('staff_membership as m', 'm.id', 'a.staff_membership_id')
        .innerJoin('person as p', 'p.id', 'm.person_id')
        .leftJoin('contact_info as ci', 'ci.person_id', 'p.id')
        .select(['p.given_name', 'p.family_name', 'ci.email'])
        .where('a.class_id', '=', child.classId)
        .where('m.role', '=', 'contact_teacher')
        .where(activeOn('m', today))
        .orderBy('p.family_name')
        .limit(5),
      otherGuardians: db
        .selectFrom('guardian_relation as g')
        .innerJoin('person as p', 'p.id', 'g.guardian_id')
        .select(['p.given_name', 'p.family_name', 'g.relation'])
        .where('g.pupil_id', '=', child.pupilId)
        .where('g.guardian_id', '<>', actor.personId)
        .where('g.blocked', '=', false)
        .where('g.contact_person_only', '=', false)
        .orderBy('p.given_name')
        .limit(10),
    },
    ({ teachers, otherGuardians }) => ({
      contactTeachers: teachers.map((t) => ({ name: `${t.given_name} ${t.family_name}`, email: t.email })),
      otherGuardians: otherGuardians.map((g) => ({ name: `${g.given_name} ${g.family_name}`, relation: g.relation })),
    }),
  );
}
