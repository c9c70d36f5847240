import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../access/actor.ts';
import { activeOn } from '../period.ts';

/**
 * The consent type that is the reservation against the class list (G3: "Oppført på klasselisten"); a school owner
 * who defines it under this key gets the reservation honoured on every shared class list.
 */
export const CLASS_LIST_CONSENT_KEY = 'klasseliste';

/** A class list as a pupil sees it: first and last names only, sorted by first name. */
export interface OwnClassList {
  names: { id: number; name: string; self: boolean }[];
}

/**
 * The pupil's own class list (P1), names only and never more than one class. A classmate is left out when
 * - their address is protected (fortrolig or strengt fortrolig): the name on a shared list is then confidential too
 *   (DOMAIN-FACTS §3, udir on class lists), and the list does not say that anyone is missing because of it;
 * - any guardian who counts (parental responsibility, access not blocked, not a contact person only) has refused
 *   the class-list consent (the reservation).
 * The pupil is always on their own list. Only for a pupil actively enrolled in `classId` today; null otherwise.
 * Two queries; bounded (a class holds at most a few dozen pupils, capped at 200).
 */
export async function ownClassList(db: Db, actor: Actor, classId: number, today: string): Promise<OwnClassList | null> {
  if (!actor.isPupil) return null;
  const member = await db
    .selectFrom('enrolment as e')
    .select('e.id')
    .where('e.pupil_id', '=', actor.personId)
    .where('e.class_id', '=', classId)
    .where(activeOn('e', today))
    .executeTakeFirst();
  if (!member) return null;
  const rows = await db
    .selectFrom('enrolment as e')
    .innerJoin('person as p', 'p.id', 'e.pupil_id')
    .innerJoin('class as c', 'c.id', 'e.class_id')
    .innerJoin('school as s', 's.id', 'c.school_id')
    .select(['p.id', 'p.given_name', 'p.family_name'])
    .where('e.class_id', '=', classId)
    .where(activeOn('e', today))
    .where((eb) =>
      eb.or([
        eb('p.id', '=', actor.personId),
        eb.and([
          eb('p.address_protection', '=', 'none'),
          eb.not(
            eb.exists(
              eb
                .selectFrom('consent_answer as a')
                .innerJoin('consent_type as t', 't.id', 'a.consent_type_id')
                .innerJoin('guardian_relation as g', (join) =>
                  join.onRef('g.pupil_id', '=', 'a.pupil_id').onRef('g.guardian_id', '=', 'a.guardian_id'),
                )
                .select(sql<number>`1`.as('one'))
                .whereRef('a.pupil_id', '=', 'p.id')
                .where('a.state', '=', 'refused')
                .where('t.key', '=', CLASS_LIST_CONSENT_KEY)
                .whereRef('t.municipality_id', '=', 's.municipality_id')
                .where('t.active', '=', true)
                .where('g.parental_responsibility', '=', true)
                .where('g.blocked', '=', false)
                .where('g.contact_person_only', '=', false),
            ),
          ),
        ]),
      ]),
    )
    .orderBy('p.given_name')
    .orderBy('p.family_name')
    .orderBy('p.id')
    .limit(200)
    .execute();
  return {
    names: rows.map((r) => ({
      id: r.id,
      name: `${r.given_name} ${r.family_name}`,
      self: r.id === actor.personId,
    })),
  };
}
