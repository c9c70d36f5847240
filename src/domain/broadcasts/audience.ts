import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { BroadcastAudienceKind, StaffRole } from '../../db/schema.ts';
import { grantIds, type Actor } from '../access/actor.ts';
import { NotFoundError } from '../errors.ts';
import { activeOn } from '../period.ts';
import { broadcastCapacity } from './policy.ts';

/** A group of pupils whose guardians a notice can go to. */
export interface BroadcastAudience {
  kind: BroadcastAudienceKind;
  /** Class, group or SFO id; the school id for 'school' and 'trinn'. */
  id: number;
  trinn: number | null;
  schoolId: number;
  schoolName: string;
  /** The class, group or SFO name; the school's name for 'school' and 'trinn'. */
  name: string;
  /** The capacity the actor sends in. */
  role: StaffRole;
}

export const AUDIENCE_KINDS: readonly BroadcastAudienceKind[] = [
  'school',
  'trinn',
  'class',
  'teaching_group',
  'composite_group',
  'sfo',
];

/** The form value of an audience: `class:12`, `trinn:3-5` (school 3, 5. trinn), `school:3`. */
export const audienceKey = (a: Pick<BroadcastAudience, 'kind' | 'id' | 'trinn'>) =>
  a.kind === 'trinn' ? `trinn:${a.id}-${a.trinn}` : `${a.kind}:${a.id}`;

const none = [0];
const orNone = (ids: number[]) => (ids.length ? ids : none);
/** Classes and groups of the school year running today (last year's 5A is not an audience). */
const currentYear = (today: string) =>
  sql<boolean>`exists (select 1 from school_year y where y.id = school_year_id and ${activeOn('y', today)})`;

/**
 * Every audience the actor may send a notice to, in the order the form lists them (bounded: a few hundred at
 * most). The queries take the candidates from the actor's grants; broadcastCapacity (the policy) has the last word.
 */
export async function listBroadcastAudiences(db: Db, actor: Actor, today: string): Promise<BroadcastAudience[]> {
  if (actor.via !== 'feide' || actor.staff.length === 0) return [];
  const leads = orNone(grantIds(actor, ['leadership'], (g) => [g.schoolId]));
  const schoolIds = orNone([...new Set([...leads, ...actor.ownerSchoolIds])]);
  const classIds = orNone(grantIds(actor, ['contact_teacher', 'teacher'], (g) => g.classIds));
  const groupIds = orNone(grantIds(actor, ['contact_teacher', 'teacher'], (g) => g.groupIds));
  const compositeIds = orNone(grantIds(actor, ['contact_teacher', 'teacher'], (g) => g.compositeGroupIds));
  const sfoIds = orNone(grantIds(actor, ['sfo_leader', 'sfo_staff'], (g) => [g.sfoId]));
  const schools = await db
    .selectFrom('school')
    .select(['id', 'name'])
    .where('id', 'in', schoolIds)
    .orderBy('name')
    .limit(100)
    .execute();
  const classes = await db
    .selectFrom('class as c')
    .innerJoin('school as s', 's.id', 'c.school_id')
    .select(['c.id', 'c.name', 'c.trinn', 'c.school_id', 's.name as school_name'])
    .where((eb) => eb.or([eb('c.id', 'in', classIds), eb('c.school_id', 'in', leads)]))
    .where(currentYear(today))
    .orderBy('s.name')
    .orderBy('c.trinn')
    .orderBy('c.name')
    .limit(300)
    .execute();
  const groups = await db
    .selectFrom('teaching_group as g')
    .innerJoin('school as s', 's.id', 'g.school_id')
    .select(['g.id', 'g.name', 'g.school_id', 's.name as school_name'])
    .where('g.id', 'in', groupIds)
    .where(currentYear(today))
    .orderBy('g.name')
    .limit(200)
    .execute();
  const composites = await db
    .selectFrom('composite_group as g')
    .innerJoin('school as s', 's.id', 'g.school_id')
    .select(['g.id', 'g.name', 'g.school_id', 's.name as school_name'])
    .where((eb) => eb.or([eb('g.id', 'in', compositeIds), eb('g.school_id', 'in', leads)]))
    .where(currentYear(today))
    .orderBy('g.name')
    .limit(200)
    .execute();
  const sfos = await db
    .selectFrom('sfo as f')
    .innerJoin('school as s', 's.id', 'f.school_id')
    .select(['f.id', 'f.name', 'f.school_id', 's.name as school_name'])
    .where((eb) => eb.or([eb('f.id', 'in', sfoIds), eb('f.school_id', 'in', leads)]))
    .orderBy('f.name')
    .limit(50)
    .execute();

  const trinn = new Map<string, { schoolId: number; schoolName: string; trinn: number }>();
  for (const c of classes)
    if (leads.includes(c.school_id))
      trinn.set(`${c.school_id}-${c.trinn}`, { schoolId: c.school_id, schoolName: c.school_name, trinn: c.trinn });
  const candidates: Omit<BroadcastAudience, 'role'>[] = [
    ...schools.map((s) => ({
      kind: 'school' as const,
      id: s.id,
      trinn: null,
      schoolId: s.id,
      schoolName: s.name,
      name: s.name,
    })),
    ...[...trinn.values()].map((t) => ({
      kind: 'trinn' as const,
      id: t.schoolId,
      trinn: t.trinn,
      schoolId: t.schoolId,
      schoolName: t.schoolName,
      name: t.schoolName,
    })),
    ...classes.map((c) => ({
      kind: 'class' as const,
      id: c.id,
      trinn: null,
      schoolId: c.school_id,
      schoolName: c.school_name,
      name: c.name,
    })),
    ...groups.map((g) => ({
      kind: 'teaching_group' as const,
      id: g.id,
      trinn: null,
      schoolId: g.school_id,
      schoolName: g.school_name,
      name: g.name,
    })),
    ...composites.map((g) => ({
      kind: 'composite_group' as const,
      id: g.id,
      trinn: null,
      schoolId: g.school_id,
      schoolName: g.school_name,
      name: g.name,
    })),
    ...sfos.map((f) => ({
      kind: 'sfo' as const,
      id: f.id,
      trinn: null,
      schoolId: f.school_id,
      schoolName: f.school_name,
      name: f.name,
    })),
  ];
  return candidates.flatMap((a) => {
    const role = broadcastCapacity(actor, a);
    return role ? [{ ...a, role }] : [];
  });
}

/** The audience a form value names, if the actor may send to it; anything else does not exist for them (404). */
export async function requireBroadcastAudience(
  db: Db,
  actor: Actor,
  key: string,
  today: string,
): Promise<BroadcastAudience> {
  const found = (await listBroadcastAudiences(db, actor, today)).find((a) => audienceKey(a) === key);
  if (!found) throw new NotFoundError();
  return found;
}
