import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { done, part, type Part } from '../../db/together.ts';
import type { AddressProtection } from '../../db/schema.ts';
import { activeOn, hasNotEnded, isActiveOn } from '../period.ts';

/** What the policy needs to know about one pupil to decide who may see or do what. */
export interface PupilFacts {
  pupilId: number;
  protection: AddressProtection;
  /**
   * Every enrolment, past, current and future; `active` = today is within it, `upcoming` = it starts after today (the
   * school office has admitted the pupil from a later date); `trinn` of its class.
   */
  enrolments: {
    schoolId: number;
    municipalityId: number;
    classId: number;
    trinn: number;
    startsOn: string;
    active: boolean;
    upcoming: boolean;
  }[];
  /**
   * Teaching groups of a school the pupil has an active enrolment at: a membership lingering at a school the pupil
   * has left gives that group's teacher nothing.
   */
  groupIds: number[];
  /** Composite groups, by the same rule as groupIds. */
  compositeGroupIds: number[];
  /** SFOs with an enrolment that covers today. */
  sfoIds: number[];
  /** `livesWith`: the guardian lives with the child (Folkeregisteret's bostedsadresse, guardian_relation). */
  guardians: { guardianId: number; blocked: boolean; contactOnly: boolean; livesWith: boolean }[];
}

export const isActivePupil = (facts: PupilFacts) => facts.enrolments.some((e) => e.active);

/** The trinn of a skolestarter's class: a child admitted to it from a later day is starting school. */
export const STARTER_TRINN = 1;

/**
 * A skolestarter's enrolments: in a 1. trinn class, starting after today, while the child has no active enrolment
 * (a pupil moving up or changing school has one). Empty for everyone else. scope.ts has the SQL twin (starterCondition).
 */
export const starterEnrolments = (facts: PupilFacts) =>
  isActivePupil(facts) ? [] : facts.enrolments.filter((e) => e.upcoming && e.trinn === STARTER_TRINN);

/** What the policy needs about one pupil, with the guardians whose answers count (consents, forms). */
export interface PupilFactsWithGuardians {
  facts: PupilFacts;
  /** Guardians whose answers count: parental responsibility, not blocked, not a contact person only. */
  countedGuardianIds: number[];
}

/** The facts of one pupil (loadPupilFactsMany for one). Null if no such person, or never enrolled (not a pupil). */
export async function loadPupilFacts(db: Db, pupilId: number, today: string): Promise<PupilFacts | null> {
  const facts = (await loadPupilFactsMany(db, [pupilId], today)).get(pupilId)?.facts;
  return facts && facts.enrolments.length > 0 ? facts : null;
}

interface FactsRow {
  id: number;
  address_protection: AddressProtection;
  enrolments: {
    school_id: number;
    municipality_id: number;
    class_id: number;
    trinn: number;
    starts_on: string;
    ends_on: string | null;
  }[];
  groups: { id: number; school_id: number }[];
  composites: { id: number; school_id: number }[];
  sfos: number[];
  guardians: {
    guardian_id: number;
    blocked: boolean;
    contact_person_only: boolean;
    parental_responsibility: boolean;
    lives_with_child: boolean;
  }[];
}

/**
 * The facts of many pupils at once in one statement whatever their number and history (each kind of fact a JSON
 * aggregate per pupil; issue 18, item 4), so a class overview asks the policy about every pupil without N+1 queries.
 * Every person found gets an entry, also one never enrolled.
 */
export async function loadPupilFactsMany(
  db: Db,
  pupilIds: number[],
  today: string,
): Promise<Map<number, PupilFactsWithGuardians>> {
  if (pupilIds.length === 0) return new Map();
  const { rows } = await factsQuery(pupilIds, today).execute(db);
  return factsFromRows(rows, today);
}

/** The facts of these pupils as a part of a larger statement (db/together.ts): loadPupilFactsMany's rows. */
export function pupilFactsPart(pupilIds: number[], today: string): Part<Map<number, PupilFactsWithGuardians>> {
  if (pupilIds.length === 0) return done(new Map());
  return part({ facts: factsQuery(pupilIds, today) }, ({ facts }) => factsFromRows(facts, today));
}

function factsQuery(pupilIds: number[], today: string) {
  return sql<FactsRow>`select p.id, p.address_protection,
    (select coalesce(json_agg(json_build_object('school_id', e.school_id, 'municipality_id', s.municipality_id,
        'class_id', e.class_id, 'trinn', c.trinn, 'starts_on', e.starts_on, 'ends_on', e.ends_on) order by e.id), '[]'::json)
      from enrolment e join school s on s.id = e.school_id join class c on c.id = e.class_id
      where e.pupil_id = p.id) as enrolments,
    (select coalesce(json_agg(json_build_object('id', m.teaching_group_id, 'school_id', g.school_id)
        order by m.teaching_group_id), '[]'::json)
      from teaching_group_member m join teaching_group g on g.id = m.teaching_group_id
      where m.pupil_id = p.id) as groups,
    (select coalesce(json_agg(json_build_object('id', m.composite_group_id, 'school_id', g.school_id)
        order by m.composite_group_id), '[]'::json)
      from composite_group_member m join composite_group g on g.id = m.composite_group_id
      where m.pupil_id = p.id) as composites,
    (select coalesce(json_agg(f.sfo_id order by f.sfo_id), '[]'::json)
      from sfo_enrolment f where f.pupil_id = p.id and ${activeOn('f', today)}) as sfos,
    (select coalesce(json_agg(json_build_object('guardian_id', r.guardian_id, 'blocked', r.blocked,
        'contact_person_only', r.contact_person_only, 'parental_responsibility', r.parental_responsibility,
        'lives_with_child', r.lives_with_child) order by r.guardian_id), '[]'::json)
      from guardian_relation r where r.pupil_id = p.id) as guardians
    from person p where p.id = any(${sql.val(pupilIds)}::bigint[])`;
}

function factsFromRows(rows: FactsRow[], today: string): Map<number, PupilFactsWithGuardians> {
  const result = new Map<number, PupilFactsWithGuardians>();
  for (const row of rows) {
    const activeSchools = new Set(row.enrolments.filter((e) => isActiveOn(e, today)).map((e) => e.school_id));
    result.set(Number(row.id), {
      facts: {
        pupilId: Number(row.id),
        protection: row.address_protection,
        enrolments: row.enrolments.map((e) => ({
          schoolId: e.school_id,
          municipalityId: e.municipality_id,
          classId: e.class_id,
          trinn: e.trinn,
          startsOn: e.starts_on,
          active: isActiveOn(e, today),
          upcoming: hasNotEnded(e, today) && !isActiveOn(e, today),
        })),
        groupIds: row.groups.filter((g) => activeSchools.has(g.school_id)).map((g) => g.id),
        compositeGroupIds: row.composites.filter((g) => activeSchools.has(g.school_id)).map((g) => g.id),
        sfoIds: row.sfos,
        guardians: row.guardians.map((g) => ({
          guardianId: g.guardian_id,
          blocked: g.blocked,
          contactOnly: g.contact_person_only,
          livesWith: g.lives_with_child,
        })),
      },
      countedGuardianIds: row.guardians
        .filter((g) => g.parental_responsibility && !g.blocked && !g.contact_person_only)
        .map((g) => g.guardian_id),
    });
  }
  return result;
}
