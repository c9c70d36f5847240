import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { FormAudienceKind } from '../../db/schema.ts';
import { grantIds, type Actor } from '../access/actor.ts';
import { NotFoundError } from '../errors.ts';

/** A group of pupils whose guardians a form is sent to. */
export interface FormAudience {
  kind: FormAudienceKind;
  id: number;
  schoolId: number;
  name: string;
}

const active = (today: string) => sql<boolean>`e.starts_on <= ${today} and (e.ends_on is null or e.ends_on >= ${today})`;

/**
 * The audiences the actor may send a form to (S9): contact teachers and teachers their own classes and groups;
 * leadership every class and group of their school and the whole school; the SFO leader and staff their SFO.
 * Bounded: a few hundred rows at most.
 */
export async function listFormAudiences(db: Db, actor: Actor): Promise<FormAudience[]> {
  if (actor.via !== 'feide') return [];
  const leaderSchools = grantIds(actor, ['leadership'], (g) => [g.schoolId]);
  const classIds = grantIds(actor, ['contact_teacher', 'teacher'], (g) => g.classIds);
  const groupIds = grantIds(actor, ['contact_teacher', 'teacher'], (g) => g.groupIds);
  const sfoIds = grantIds(actor, ['sfo_leader', 'sfo_staff'], (g) => [g.sfoId]);
  const none = [0];
  const [schools, classes, groups, sfos] = await Promise.all([
    db.selectFrom('school').select(['id', 'name']).where('id', 'in', leaderSchools.length ? leaderSchools : none).orderBy('name').execute(),
    db.selectFrom('class').select(['id', 'name', 'school_id']).where((eb) => eb.or([eb('id', 'in', classIds.length ? classIds : none), eb('school_id', 'in', leaderSchools.length ? leaderSchools : none)]))
      .orderBy('trinn').orderBy('name').limit(300).execute(),
    db.selectFrom('teaching_group').select(['id', 'name', 'school_id']).where((eb) => eb.or([eb('id', 'in', groupIds.length ? groupIds : none), eb('school_id', 'in', leaderSchools.length ? leaderSchools : none)]))
      .orderBy('name').limit(300).execute(),
    db.selectFrom('sfo').select(['id', 'name', 'school_id']).where('id', 'in', sfoIds.length ? sfoIds : none).orderBy('name').execute(),
  ]);
  return [
    ...schools.map((s) => ({ kind: 'school' as const, id: s.id, schoolId: s.id, name: s.name })),
    ...classes.map((c) => ({ kind: 'class' as const, id: c.id, schoolId: c.school_id, name: c.name })),
    ...groups.map((g) => ({ kind: 'group' as const, id: g.id, schoolId: g.school_id, name: g.name })),
    ...sfos.map((f) => ({ kind: 'sfo' as const, id: f.id, schoolId: f.school_id, name: f.name })),
  ];
}

/** One audience the actor may send to; anything else does not exist for them (404). */
export async function requireFormAudience(db: Db, actor: Actor, kind: FormAudienceKind, id: number): Promise<FormAudience> {
  const found = (await listFormAudiences(db, actor)).find((a) => a.kind === kind && a.id === id);
  if (!found) throw new NotFoundError();
  return found;
}

/** The pupils of an audience today (active enrolment; for an SFO an SFO enrolment covering today), in one query. */
export async function audiencePupilIds(db: Db, audience: Pick<FormAudience, 'kind' | 'id'>, today: string): Promise<number[]> {
  let query = db.selectFrom('enrolment as e').select('e.pupil_id').distinct().where(active(today));
  if (audience.kind === 'class') query = query.where('e.class_id', '=', audience.id);
  if (audience.kind === 'school') query = query.where('e.school_id', '=', audience.id);
  if (audience.kind === 'group') {
    query = query.where('e.pupil_id', 'in', db.selectFrom('teaching_group_member').select('pupil_id').where('teaching_group_id', '=', audience.id));
  }
  if (audience.kind === 'sfo') {
    query = query.where('e.pupil_id', 'in', db.selectFrom('sfo_enrolment').select('pupil_id').where('sfo_id', '=', audience.id)
      .where('starts_on', '<=', today).where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', today)])));
  }
  return (await query.orderBy('e.pupil_id').limit(5000).execute()).map((r) => r.pupil_id);
}
