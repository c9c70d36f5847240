import type { Db } from '../../db/database.ts';
import type { AddressProtection } from '../../db/schema.ts';
import { activeOn, isActiveOn } from '../period.ts';

/** What the policy needs to know about one pupil to decide who may see or do what. */
export interface PupilFacts {
  pupilId: number;
  protection: AddressProtection;
  /** Every enrolment, current and past; `active` = today is within it. */
  enrolments: { schoolId: number; municipalityId: number; classId: number; active: boolean }[];
  groupIds: number[];
  compositeGroupIds: number[];
  /** SFOs with an enrolment that covers today. */
  sfoIds: number[];
  guardians: { guardianId: number; blocked: boolean; contactOnly: boolean }[];
}

export const isActivePupil = (facts: PupilFacts) => facts.enrolments.some((e) => e.active);

/** Loads the facts in a fixed number of queries (five), whatever the pupil's history. Null if no such pupil. */
export async function loadPupilFacts(db: Db, pupilId: number, today: string): Promise<PupilFacts | null> {
  const person = await db.selectFrom('person').select(['id', 'address_protection']).where('id', '=', pupilId).executeTakeFirst();
  if (!person) return null;
  const enrolments = await db
    .selectFrom('enrolment as e')
    .innerJoin('school as s', 's.id', 'e.school_id')
    .select(['e.school_id', 's.municipality_id', 'e.class_id', 'e.starts_on', 'e.ends_on'])
    .where('e.pupil_id', '=', pupilId)
    .execute();
  if (enrolments.length === 0) return null; // not a pupil
  const groups = await db.selectFrom('teaching_group_member').select('teaching_group_id').where('pupil_id', '=', pupilId).execute();
  const composites = await db.selectFrom('composite_group_member').select('composite_group_id').where('pupil_id', '=', pupilId).execute();
  const sfo = await db
    .selectFrom('sfo_enrolment')
    .select('sfo_id')
    .where('pupil_id', '=', pupilId)
    .where(activeOn('sfo_enrolment', today))
    .execute();
  const guardians = await db
    .selectFrom('guardian_relation')
    .select(['guardian_id', 'blocked', 'contact_person_only'])
    .where('pupil_id', '=', pupilId)
    .execute();
  return {
    pupilId,
    protection: person.address_protection,
    enrolments: enrolments.map((e) => ({
      schoolId: e.school_id,
      municipalityId: e.municipality_id,
      classId: e.class_id,
      active: isActiveOn(e, today),
    })),
    groupIds: groups.map((g) => g.teaching_group_id),
    compositeGroupIds: composites.map((g) => g.composite_group_id),
    sfoIds: sfo.map((s) => s.sfo_id),
    guardians: guardians.map((g) => ({ guardianId: g.guardian_id, blocked: g.blocked, contactOnly: g.contact_person_only })),
  };
}
