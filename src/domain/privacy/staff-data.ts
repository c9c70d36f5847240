import type { Db } from '../../db/database.ts';
import type { Actor } from '../access/actor.ts';
import { NotFoundError } from '../errors.ts';
import { loadPersonSection } from './person-section.ts';
import type { MyData } from './types.ts';

/**
 * G16 for staff (Feide, not a pupil): what Skolebro stores about them — the person and contact data, every role they
 * have had (school, SFO, kindergarten or school owner, from–to), and what they have done in Skolebro (the audit rows
 * they are the actor of, newest first; `actionRows` of them, the rest marked by `actionsMore`). The children's data
 * they worked with is not theirs, so the rows name the kind of record, never the child.
 */
export async function collectStaffData(db: Db, actor: Actor, actionRows: number): Promise<MyData> {
  if (actor.via !== 'feide' || actor.isPupil) throw new NotFoundError();
  const [person, roles, actions] = await Promise.all([
    loadPersonSection(db, actor.personId),
    db
      .selectFrom('staff_membership as m')
      .innerJoin('municipality as o', 'o.id', 'm.municipality_id')
      .leftJoin('school as s', 's.id', 'm.school_id')
      .leftJoin('sfo as f', 'f.id', 'm.sfo_id')
      .leftJoin('kindergarten as k', 'k.id', 'm.kindergarten_id')
      .select((eb) => [
        'm.role',
        'm.title',
        'm.starts_on',
        'm.ends_on',
        eb.fn.coalesce('s.name', 'f.name', 'k.name', 'o.name').as('unit'),
      ])
      .where('m.person_id', '=', actor.personId)
      .orderBy('m.starts_on', 'desc')
      .limit(200)
      .execute(),
    db
      .selectFrom('audit_log')
      .select(['at', 'action', 'record_type'])
      .where('actor_person_id', '=', actor.personId)
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(actionRows + 1)
      .execute(),
  ]);
  if (roles.length === 0) throw new NotFoundError();
  return {
    generatedAt: new Date().toISOString(),
    subject: 'staff',
    guardian: person,
    children: [],
    staff: {
      roles: roles.map((r) => ({
        role: r.role,
        title: r.title,
        unit: r.unit ?? '',
        from: r.starts_on,
        to: r.ends_on,
      })),
      actions: actions.slice(0, actionRows).map((a) => ({
        at: a.at.toISOString(),
        action: a.action,
        record: a.record_type,
      })),
      actionsMore: actions.length > actionRows,
    },
  };
}
