import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { BroadcastAudienceKind } from '../../db/schema.ts';
import { activeOn } from '../period.ts';

/** An audience as SQL needs it: its kind, id (school id for 'school' and 'trinn') and trinn. */
export interface AudienceRef {
  kind: BroadcastAudienceKind;
  id: number;
  trinn: number | null;
}

/** The pupils of an audience today: an active enrolment (in the class, trinn, school), group membership, an SFO place. */
export function audiencePupilIds(db: Db, audience: AudienceRef, today: string) {
  const query = db.selectFrom('enrolment as e').select('e.pupil_id').where(activeOn('e', today));
  switch (audience.kind) {
    case 'class':
      return query.where('e.class_id', '=', audience.id);
    case 'school':
      return query.where('e.school_id', '=', audience.id);
    case 'trinn':
      return query.where('e.school_id', '=', audience.id).where(
        'e.class_id',
        'in',
        db
          .selectFrom('class')
          .select('id')
          .where('school_id', '=', audience.id)
          .where('trinn', '=', audience.trinn ?? 0),
      );
    case 'teaching_group':
      // Only members enrolled at the group's school (not a membership left behind when a pupil changed school).
      return query
        .where(
          'e.pupil_id',
          'in',
          db.selectFrom('teaching_group_member').select('pupil_id').where('teaching_group_id', '=', audience.id),
        )
        .where('e.school_id', '=', db.selectFrom('teaching_group').select('school_id').where('id', '=', audience.id));
    case 'composite_group':
      // As for teaching groups: only members enrolled at the composite group's school.
      return query
        .where(
          'e.pupil_id',
          'in',
          db.selectFrom('composite_group_member').select('pupil_id').where('composite_group_id', '=', audience.id),
        )
        .where('e.school_id', '=', db.selectFrom('composite_group').select('school_id').where('id', '=', audience.id));
    case 'sfo':
      return query.where(
        'e.pupil_id',
        'in',
        db
          .selectFrom('sfo_enrolment as f')
          .select('f.pupil_id')
          .where('f.sfo_id', '=', audience.id)
          .where(activeOn('f', today)),
      );
  }
}

/**
 * The audience's guardians with access (parental responsibility, not blocked, not a contact person only: the same
 * rule as guardianIdsWithAccess), one row per guardian with the children they have in the audience. One query
 * whatever the size of the audience; callers insert from it (INSERT … SELECT), so nothing is looped per guardian.
 */
export function audienceGuardians(db: Db, audience: AudienceRef, today: string) {
  return db
    .selectFrom('guardian_relation as g')
    .select([
      'g.guardian_id',
      sql<number[]>`array_agg(g.pupil_id order by g.pupil_id)`.as('pupil_ids'),
      sql<number>`min(g.pupil_id)`.as('first_pupil_id'),
    ])
    .where('g.pupil_id', 'in', audiencePupilIds(db, audience, today))
    .where('g.parental_responsibility', '=', true)
    .where('g.blocked', '=', false)
    .where('g.contact_person_only', '=', false)
    .groupBy('g.guardian_id');
}
