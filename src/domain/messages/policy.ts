import type { AuthorCapacity, ThreadKind } from '../../db/schema.ts';
import { grantIds, type Actor } from '../access/actor.ts';
import type { CareFacts } from '../access/care-facts.ts';
import { canSendMessage, canViewPupil, careReachOf, reachOf } from '../access/policy.ts';
import { isActivePupil, type PupilFacts } from '../access/pupil-facts.ts';

/**
 * Who sees and writes in a pupil's message book (S7, G12). The seed: "Både foresatte, kontaktlærer og skolens
 * administrator vil ha tilgang til alle sendte og mottatte meldinger i meldingsboka." So:
 * - the guardians with access (not blocked, not contact persons only) see every thread of their child;
 * - the contact teacher(s) of the pupil's current class and the school's leadership see every thread of
 *   their school;
 * - the SFO leader and staff of the pupil's SFO see the threads to that SFO;
 * - a teacher (and anyone else) sees the threads they started or wrote in, while they still reach the pupil;
 * - nobody else: not the pupil, not the school owner, not another school. The book is for current pupils.
 * Everyone who sees a thread and may message the pupil's home (canSendMessage) may reply.
 * The SQL twin for lists is `staffThreadCondition` (scope.ts); test/domain/message-book.test.ts asserts they agree.
 */

export interface ThreadFacts {
  kind: ThreadKind;
  /** The school of a school thread; null for a kindergarten thread. */
  schoolId: number | null;
  sfoId: number | null;
  /** Only for kind 'kindergarten': the department, and its kindergarten. */
  departmentId: number | null;
  kindergartenId: number | null;
  /** The actor started the thread or wrote in it. */
  participated: boolean;
}

export const GUARDIAN_KINDS = ['contact_teacher', 'school_office', 'sfo'] as const satisfies readonly ThreadKind[];
export type GuardianThreadKind = (typeof GUARDIAN_KINDS)[number];

const STAFF_CAPACITIES = ['contact_teacher', 'leadership', 'teacher', 'sfo_leader', 'sfo_staff'] as const;
export type StaffCapacity = (typeof STAFF_CAPACITIES)[number];

const leaderSchools = (actor: Actor) => grantIds(actor, ['leadership'], (g) => [g.schoolId]);
const contactClasses = (actor: Actor) => grantIds(actor, ['contact_teacher'], (g) => g.classIds);
/** The SFOs of the actor that the pupil attends now. */
export const sharedSfos = (actor: Actor, pupil: PupilFacts) =>
  grantIds(actor, ['sfo_leader', 'sfo_staff'], (g) => [g.sfoId]).filter((id) => pupil.sfoIds.includes(id));

export function canViewThread(actor: Actor, pupil: PupilFacts, thread: ThreadFacts): boolean {
  if (thread.schoolId === null || !isActivePupil(pupil)) return false;
  const reach = reachOf(actor, pupil);
  if (reach.has('guardian')) return true;
  if (actor.via === 'idporten') return false;
  const active = pupil.enrolments.filter((e) => e.active);
  if (leaderSchools(actor).includes(thread.schoolId) && active.some((e) => e.schoolId === thread.schoolId)) return true;
  if (active.some((e) => e.schoolId === thread.schoolId && contactClasses(actor).includes(e.classId))) return true;
  if (thread.kind === 'sfo' && thread.sfoId !== null && sharedSfos(actor, pupil).includes(thread.sfoId)) return true;
  return thread.participated && canViewPupil(actor, pupil);
}

export function canReplyToThread(actor: Actor, pupil: PupilFacts, thread: ThreadFacts): boolean {
  return canViewThread(actor, pupil, thread) && canSendMessage(actor, pupil);
}

/** The guardian's choice of recipient: the SFO only when the child attends one. */
export function canStartGuardianThread(actor: Actor, pupil: PupilFacts, kind: GuardianThreadKind): boolean {
  if (!isActivePupil(pupil) || !reachOf(actor, pupil).has('guardian')) return false;
  return kind !== 'sfo' || pupil.sfoIds.length > 0;
}

/** The kinds a guardian may choose for this child. */
export const guardianKindsFor = (actor: Actor, pupil: PupilFacts): GuardianThreadKind[] =>
  GUARDIAN_KINDS.filter((kind) => canStartGuardianThread(actor, pupil, kind));

/**
 * The capacity staff write in to this pupil's home, or null. A contact teacher who is also rektor writes as
 * the contact teacher (closest to the class); a subject teacher as teacher; SFO people to the SFO.
 */
export function staffCapacityFor(actor: Actor, pupil: PupilFacts): StaffCapacity | null {
  if (actor.via === 'idporten' || !canSendMessage(actor, pupil)) return null;
  const reach = reachOf(actor, pupil);
  return STAFF_CAPACITIES.find((capacity) => reach.has(capacity)) ?? null;
}

/** The thread a staff member starts, by capacity: who on the school side it belongs to. */
export function staffThreadKind(capacity: StaffCapacity): ThreadKind {
  switch (capacity) {
    case 'contact_teacher':
      return 'contact_teacher';
    case 'leadership':
      return 'school_office';
    case 'teacher':
      return 'teacher';
    case 'sfo_leader':
    case 'sfo_staff':
      return 'sfo';
  }
}

/** The capacity a reply is written in: the guardian, or the staff capacity (reply to an SFO thread as SFO). */
export function replyCapacity(actor: Actor, pupil: PupilFacts, thread: ThreadFacts): AuthorCapacity | null {
  if (!canReplyToThread(actor, pupil, thread)) return null;
  if (actor.via === 'idporten') return 'guardian';
  const reach = reachOf(actor, pupil);
  if (thread.kind === 'sfo' && thread.sfoId !== null && sharedSfos(actor, pupil).includes(thread.sfoId))
    return reach.has('sfo_leader') ? 'sfo_leader' : 'sfo_staff';
  if (thread.kind === 'school_office' && reach.has('leadership')) return 'leadership';
  return staffCapacityFor(actor, pupil);
}

/** A message from the home side (the school's answer is what the inbound-SMS rule looks for). */
export const isHomeSide = (capacity: AuthorCapacity) => capacity === 'guardian' || capacity === 'unknown';

/*
 * A kindergarten child's message book (issue 13, items 1 and 5): threads between the child's guardians and the child's
 * department (kind 'kindergarten'). Who sees and writes:
 * - the guardians with care reach (careReachOf: not blocked, not contact persons only) while the child has a
 *   kindergarten place that covers today: every kindergarten thread of their child; they start threads to the
 *   department of that place;
 * - the department's pedagogical leader and staff (staff_membership.department_id) while the child has a place in
 *   that department today;
 * - the kindergarten's styrer (kindergarten_leader) while the child has a place in that kindergarten today;
 * - nobody else: not the staff of another department (though they reach the child's daily care), not a kindergarten
 *   staff member without a department, not the school side, not the owner.
 * Everyone who sees a thread replies in it. The SQL twin for lists is the kindergarten reaches in scope.ts.
 */

const kindergartenPlaces = (child: CareFacts) => child.places.filter((p) => p.kind === 'kindergarten');
const departmentGrants = (actor: Actor) =>
  actor.via === 'feide'
    ? actor.staff.filter((g) => g.role === 'pedagogical_leader' || g.role === 'kindergarten_staff')
    : [];
const kindergartenLeaderOf = (actor: Actor) =>
  actor.via === 'feide' ? grantIds(actor, ['kindergarten_leader'], (g) => [g.kindergartenId]) : [];

/** The department a guardian's new thread goes to: the child's kindergarten place today, or null (no book). */
export function kindergartenThreadDepartment(actor: Actor, child: CareFacts): number | null {
  if (!careReachOf(actor, child).has('guardian')) return null;
  return kindergartenPlaces(child)[0]?.departmentId ?? null;
}

export function canViewKindergartenThread(actor: Actor, child: CareFacts, thread: ThreadFacts): boolean {
  if (thread.kind !== 'kindergarten' || thread.departmentId === null) return false;
  const places = kindergartenPlaces(child);
  if (places.length === 0) return false;
  if (actor.via === 'idporten') return careReachOf(actor, child).has('guardian');
  if (
    thread.kindergartenId !== null &&
    kindergartenLeaderOf(actor).includes(thread.kindergartenId) &&
    places.some((p) => p.id === thread.kindergartenId)
  )
    return true;
  return (
    departmentGrants(actor).some((g) => g.departmentId === thread.departmentId) &&
    places.some((p) => p.departmentId === thread.departmentId)
  );
}

/**
 * The capacity a reply in a kindergarten thread is written in, or null (may not see it). The department's own people
 * write as themselves (closest to the child) before the styrer.
 */
export function kindergartenReplyCapacity(actor: Actor, child: CareFacts, thread: ThreadFacts): AuthorCapacity | null {
  if (!canViewKindergartenThread(actor, child, thread)) return null;
  if (actor.via === 'idporten') return 'guardian';
  const inDepartment = kindergartenPlaces(child).some((p) => p.departmentId === thread.departmentId);
  const grants = inDepartment ? departmentGrants(actor).filter((g) => g.departmentId === thread.departmentId) : [];
  if (grants.some((g) => g.role === 'pedagogical_leader')) return 'pedagogical_leader';
  return grants.length ? 'kindergarten_staff' : 'kindergarten_leader';
}
