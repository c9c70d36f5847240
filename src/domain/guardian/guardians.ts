import type { Db } from '../../db/database.ts';

/** A guardian who has access to the child: parental responsibility, not blocked, not a contact person only. */
export interface GuardianWithAccess {
  personId: number;
  givenName: string;
  familyName: string;
  /** Folkeregister address lines; empty when the address is protected (a letter then goes by digital post only). */
  address: string[];
}

/**
 * The child's guardians with access (bounded): the people who receive follow-ups and vedtak letters, and who
 * must agree to a leave application (DOMAIN-FACTS §4: with shared parental responsibility, both).
 */
export async function guardiansWithAccess(db: Db, pupilId: number): Promise<GuardianWithAccess[]> {
  const rows = await db
    .selectFrom('guardian_relation as g')
    .innerJoin('person as p', 'p.id', 'g.guardian_id')
    .select([
      'p.id',
      'p.given_name',
      'p.family_name',
      'p.address_line',
      'p.postal_code',
      'p.postal_place',
      'p.address_protection',
    ])
    .where('g.pupil_id', '=', pupilId)
    .where('g.parental_responsibility', '=', true)
    .where('g.blocked', '=', false)
    .where('g.contact_person_only', '=', false)
    .orderBy('p.id')
    .limit(10)
    .execute();
  return rows.map((r) => ({
    personId: r.id,
    givenName: r.given_name,
    familyName: r.family_name,
    address:
      r.address_protection === 'none'
        ? [r.address_line, [r.postal_code, r.postal_place].filter(Boolean).join(' ')].filter((l): l is string => !!l)
        : [],
  }));
}

/** The same for many pupils in one query: pupil id → guardian ids (for jobs over a whole school). */
export async function guardianIdsWithAccess(db: Db, pupilIds: number[]): Promise<Map<number, number[]>> {
  const map = new Map<number, number[]>();
  if (pupilIds.length === 0) return map;
  const rows = await db
    .selectFrom('guardian_relation')
    .select(['pupil_id', 'guardian_id'])
    .where('pupil_id', 'in', pupilIds)
    .where('parental_responsibility', '=', true)
    .where('blocked', '=', false)
    .where('contact_person_only', '=', false)
    .orderBy('pupil_id')
    .orderBy('guardian_id')
    .execute();
  for (const r of rows) map.set(r.pupil_id, [...(map.get(r.pupil_id) ?? []), r.guardian_id]);
  return map;
}
