import type { BroadcastAudienceKind, NewsScope, StaffRole } from '../../db/schema.ts';
import { grantIds, type Actor } from '../access/actor.ts';
import { kindergartenNewsCapacity } from '../access/policy.ts';
import { NotFoundError } from '../errors.ts';

/** What an audience is, as the policy needs it: its kind, id (school id for 'school' and 'trinn') and school. */
export interface AudienceTarget {
  kind: BroadcastAudienceKind;
  id: number;
  schoolId: number;
}

/**
 * S7: who may send a notice to whom, and in which capacity (null = not at all):
 * - leadership: the whole school, any trinn, class, composite group or SFO of their school;
 * - contact teacher and teacher: their own classes, teaching groups and composite groups;
 * - SFO leader and SFO staff: their SFO;
 * - the school owner: the whole of any of their schools (a closure, an emergency), nothing narrower.
 * Teaching groups are left to their teachers: leadership reaches the same pupils through the class.
 */
export function broadcastCapacity(actor: Actor, target: AudienceTarget): StaffRole | null {
  if (actor.via !== 'feide') return null;
  const own = (roles: StaffRole[], pick: Parameters<typeof grantIds>[2]) =>
    grantIds(actor, roles, pick).includes(target.id);
  const leads = grantIds(actor, ['leadership'], (g) => [g.schoolId]).includes(target.schoolId);
  switch (target.kind) {
    case 'school':
      return leads ? 'leadership' : actor.ownerSchoolIds.includes(target.schoolId) ? 'school_owner' : null;
    case 'trinn':
      return leads ? 'leadership' : null;
    case 'class':
      if (leads) return 'leadership';
      if (own(['contact_teacher'], (g) => g.classIds)) return 'contact_teacher';
      return own(['teacher'], (g) => g.classIds) ? 'teacher' : null;
    case 'teaching_group':
      return own(['teacher', 'contact_teacher'], (g) => g.groupIds) ? 'teacher' : null;
    case 'composite_group':
      if (leads) return 'leadership';
      return own(['teacher', 'contact_teacher'], (g) => g.compositeGroupIds) ? 'teacher' : null;
    case 'sfo':
      if (leads) return 'leadership';
      if (own(['sfo_leader'], (g) => [g.sfoId])) return 'sfo_leader';
      return own(['sfo_staff'], (g) => [g.sfoId]) ? 'sfo_staff' : null;
  }
}

/**
 * Issue 18, item 7: a notice to the whole municipality (or a chosen set of its schools and trinn) is the school
 * owner's, for their own municipality. Leadership sends to its own school only (broadcastCapacity): a rektor has
 * no municipality scope; nobody else either.
 */
export function canSendMunicipalityNotice(actor: Actor, municipalityId: number): boolean {
  return actor.via === 'feide' && grantIds(actor, ['school_owner'], (g) => [g.municipalityId]).includes(municipalityId);
}

export const canSendBroadcast = (actor: Actor, target: AudienceTarget): boolean =>
  broadcastCapacity(actor, target) !== null;

/** A news post's scope: the school, one class or one SFO; or a kindergarten or one of its departments. */
export interface NewsTarget {
  scope: NewsScope;
  /** Null for a kindergarten's post. */
  schoolId: number | null;
  classId: number | null;
  sfoId: number | null;
  kindergartenId: number | null;
  departmentId: number | null;
}

/**
 * G15: who publishes (and manages) news and weekly plans: leadership for their school and any of its classes
 * and its SFO; contact teachers and teachers for their own classes; SFO leader and staff for their SFO. A
 * kindergarten's posts follow kindergartenNewsCapacity (the care policy): its styrer, and a department's
 * pedagogical leader.
 */
export function newsCapacity(actor: Actor, target: NewsTarget): StaffRole | null {
  if (actor.via !== 'feide') return null;
  if (target.scope === 'kindergarten' || target.scope === 'department') {
    if (target.kindergartenId === null) return null;
    const departmentId = target.scope === 'department' ? target.departmentId : null;
    if (target.scope === 'department' && departmentId === null) return null;
    return kindergartenNewsCapacity(actor, { kindergartenId: target.kindergartenId, departmentId });
  }
  if (target.schoolId === null) return null;
  if (grantIds(actor, ['leadership'], (g) => [g.schoolId]).includes(target.schoolId)) return 'leadership';
  if (target.scope === 'class' && target.classId !== null) {
    if (grantIds(actor, ['contact_teacher'], (g) => g.classIds).includes(target.classId)) return 'contact_teacher';
    if (grantIds(actor, ['teacher'], (g) => g.classIds).includes(target.classId)) return 'teacher';
  }
  if (target.scope === 'sfo' && target.sfoId !== null) {
    if (grantIds(actor, ['sfo_leader'], (g) => [g.sfoId]).includes(target.sfoId)) return 'sfo_leader';
    if (grantIds(actor, ['sfo_staff'], (g) => [g.sfoId]).includes(target.sfoId)) return 'sfo_staff';
  }
  return null;
}

export const canPublishNews = (actor: Actor, target: NewsTarget): boolean => newsCapacity(actor, target) !== null;

/**
 * The read status of a notice: its sender, and the leadership of its school (they answer for what the school sends).
 * A municipality notice has no school of its own: its sender only.
 */
export function canViewBroadcastStatus(
  actor: Actor,
  broadcast: { senderId: number; schoolId: number | null },
): boolean {
  if (actor.via !== 'feide') return false;
  return (
    broadcast.senderId === actor.personId ||
    (broadcast.schoolId !== null && grantIds(actor, ['leadership'], (g) => [g.schoolId]).includes(broadcast.schoolId))
  );
}

/** Staff pages (sending, publishing) exist only for a Feide login with a current staff role; for others they are 404. */
export function requireStaffActor(actor: Actor): void {
  if (actor.via !== 'feide' || actor.staff.length === 0) throw new NotFoundError();
}
