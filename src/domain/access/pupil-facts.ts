import type { Db } from '../../db/database.ts';
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

/**
 * The facts of many pupils at once in six queries whatever their number and history, so a class overview asks
 * the policy about every pupil without N+1 queries. Every person found gets an entry, also one never enrolled.
 */
export async function loadPupilFactsMany(
  db: Db,
  pupilIds: number[],
  today: string,
): Promise<Map<number, PupilFactsWithGuardians>> {
  const result = new Map<number, PupilFactsWithGuardians>();
  if (pupilIds.length === 0) return result;
  const persons = await db
    .selectFrom('person')
    .select(['id', 'address_protection'])
    .where('id', 'in', pupilIds)
    .execute();
  if (persons.length === 0) return result;
  const enrolments = await db
    .selectFrom('enrolment as e')
    .innerJoin('school as s', 's.id', 'e.school_id')
    .innerJoin('class as c', 'c.id', 'e.class_id')
    .select(['e.pupil_id', 'e.school_id', 's.municipality_id', 'e.class_id', 'c.trinn', 'e.starts_on', 'e.ends_on'])
    .where('e.pupil_id', 'in', pupilIds)
    .execute();
  const groups = await db
    .selectFrom('teaching_group_member as m')
    .innerJoin('teaching_group as g', 'g.id', 'm.teaching_group_id')
    .select(['m.pupil_id', 'm.teaching_group_id', 'g.school_id'])
    .where('m.pupil_id', 'in', pupilIds)
    .execute();
  const composites = await db
    .selectFrom('composite_group_member as m')
    .innerJoin('composite_group as g', 'g.id', 'm.composite_group_id')
    .select(['m.pupil_id', 'm.composite_group_id', 'g.school_id'])
    .where('m.pupil_id', 'in', pupilIds)
    .execute();
  const sfo = await db
    .selectFrom('sfo_enrolment')
    .select(['pupil_id', 'sfo_id'])
    .where('pupil_id', 'in', pupilIds)
    .where(activeOn('sfo_enrolment', today))
    .execute();
  const guardians = await db
    .selectFrom('guardian_relation')
    .select([
      'pupil_id',
      'guardian_id',
      'blocked',
      'contact_person_only',
      'parental_responsibility',
      'lives_with_child',
    ])
    .where('pupil_id', 'in', pupilIds)
    .execute();
  for (const person of persons) {
    const own = <T extends { pupil_id: number }>(rows: T[]) => rows.filter((r) => r.pupil_id === person.id);
    const relations = own(guardians);
    result.set(person.id, {
      facts: {
        pupilId: person.id,
        protection: person.address_protection,
        enrolments: own(enrolments).map((e) => ({
          schoolId: e.school_id,
          municipalityId: e.municipality_id,
          classId: e.class_id,
          trinn: e.trinn,
          startsOn: e.starts_on,
          active: isActiveOn(e, today),
          upcoming: hasNotEnded(e, today) && !isActiveOn(e, today),
        })),
        groupIds: own(groups)
          .filter((g) => own(enrolments).some((e) => e.school_id === g.school_id && isActiveOn(e, today)))
          .map((g) => g.teaching_group_id),
        compositeGroupIds: own(composites)
          .filter((g) => own(enrolments).some((e) => e.school_id === g.school_id && isActiveOn(e, today)))
          .map((g) => g.composite_group_id),
        sfoIds: own(sfo).map((s) => s.sfo_id),
        guardians: relations.map((g) => ({
          guardianId: g.guardian_id,
          blocked: g.blocked,
          contactOnly: g.contact_person_only,
          livesWith: g.lives_with_child,
        })),
      },
      countedGuardianIds: relations
        .filter((g) => g.parental_responsibility && !g.blocked && !g.contact_person_only)
        .map((g) => g.guardian_id),
    });
  }
  return result;
}
