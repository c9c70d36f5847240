import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { done, loadPart, part, type Part } from '../../db/together.ts';
import { todayInOslo, type Actor } from '../access/actor.ts';
import { STARTER_TRINN } from '../access/pupil-facts.ts';
import { activeEnrolment, visiblePupilCondition } from '../access/scope.ts';
import { activeOn, notEndedBy } from '../period.ts';

/** A skolestarter on the guardian's home page: the school, the 1. trinn class and the first school day. */
export interface StarterSummary {
  pupilId: number;
  givenName: string;
  familyName: string;
  schoolName: string;
  className: string;
  startsOn: string;
}

/**
 * The guardian's skolestartere (reach 'starter_guardian', issue 12): children admitted to a 1. trinn class from a
 * later day, with no active enrolment yet. One row per child (the earliest start). Bounded to 20.
 */
export const listStarterChildren = (db: Db, actor: Actor, today = todayInOslo()) =>
  loadPart(db, starterChildrenPart(db, actor, today));

/** listStarterChildren as a part of a larger statement (db/together.ts). */
export function starterChildrenPart(db: Db, actor: Actor, today: string): Part<StarterSummary[]> {
  if (actor.via !== 'idporten' || actor.guardianOf.length === 0) return done([]);
  const starters = db
    .selectFrom('person as p')
    .innerJoin('enrolment as n', 'n.pupil_id', 'p.id')
    .innerJoin('class as c', 'c.id', 'n.class_id')
    .innerJoin('school as s', 's.id', 'n.school_id')
    .select(['p.id', 'p.given_name', 'p.family_name', 's.name as school_name', 'c.name as class_name', 'n.starts_on'])
    .where((eb) => visiblePupilCondition(eb, actor, today))
    .where((eb) => eb.not(activeEnrolment(eb, 'p.id', today)))
    .where('c.trinn', '=', STARTER_TRINN)
    .where(notEndedBy('n', today))
    .where((eb) => eb.not(activeOn('n', today)))
    .orderBy('p.given_name')
    .orderBy('p.id')
    .orderBy('n.starts_on')
    .limit(20);
  return part({ starters }, ({ starters: rows }) => {
    const seen = new Set<number>();
    return rows.flatMap((r) => {
      if (seen.has(r.id)) return [];
      seen.add(r.id);
      return [
        {
          pupilId: r.id,
          givenName: r.given_name,
          familyName: r.family_name,
          schoolName: r.school_name,
          className: r.class_name,
          startsOn: r.starts_on,
        },
      ];
    });
  });
}
