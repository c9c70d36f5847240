import type { Actor } from './actor.ts';
import { grantIds } from './actor.ts';
import type { CareFacts, CareUnit } from './care-facts.ts';
import { isActivePupil, starterEnrolments, type PupilFacts } from './pupil-facts.ts';

/**
 * The role table (REQUIREMENTS.md) in one place. `reachOf` says in which capacities an actor reaches a
 * pupil; every `can*` decision is made from that set. Scoped SQL (scope.ts) mirrors `canViewPupil` and
 * a test asserts they agree.
 *
 * Decisions the requirements leave open, made here:
 * - Everyone reaches a pupil through a CURRENT enrolment only (access ends with the affiliation).
 *   Leadership and the school owner of a school the pupil has left keep read access as 'archive'
 *   (they hold the archive, D8): view the card and consents, nothing else.
 * - A blocked guardian, and a contact person without parental responsibility, reach nothing.
 * - A pupil reaches only themself, while enrolled.
 * - 'starter_guardian' (issue 12, skolestarter): a guardian — decided exactly as 'guardian' — of a child admitted to
 *   a 1. trinn class from a later day, with no active enrolment yet. It reaches only the child's SFO: apply for a place
 *   from the first school day, the summer SFO (canApplyForSfo, requireSfoChild); everything else stays a 404.
 */
export type Reach =
  | 'school_owner'
  | 'leadership'
  | 'contact_teacher'
  | 'teacher'
  | 'sfo_leader'
  | 'sfo_staff'
  | 'guardian'
  | 'starter_guardian'
  | 'self'
  | 'archive';

export function reachOf(actor: Actor, pupil: PupilFacts): Set<Reach> {
  const reach = new Set<Reach>();
  const active = isActivePupil(pupil);
  const activeEnrolments = pupil.enrolments.filter((e) => e.active);
  const intersects = (a: number[], b: number[]) => a.some((id) => b.includes(id));

  if (actor.via === 'idporten') {
    const relation = pupil.guardians.find((g) => g.guardianId === actor.personId);
    const guardian = relation && !relation.blocked && !relation.contactOnly && actor.guardianOf.includes(pupil.pupilId);
    if (guardian && active) reach.add('guardian');
    else if (guardian && starterEnrolments(pupil).length > 0) reach.add('starter_guardian');
    return reach;
  }
  if (active && actor.isPupil && actor.personId === pupil.pupilId) reach.add('self');
  const leaderSchools = grantIds(actor, ['leadership'], (g) => [g.schoolId]);
  if (activeEnrolments.some((e) => actor.ownerSchoolIds.includes(e.schoolId))) reach.add('school_owner');
  if (
    intersects(
      activeEnrolments.map((e) => e.schoolId),
      leaderSchools,
    )
  )
    reach.add('leadership');
  if (
    !reach.has('school_owner') &&
    !reach.has('leadership') &&
    pupil.enrolments.some((e) => actor.ownerSchoolIds.includes(e.schoolId) || leaderSchools.includes(e.schoolId))
  ) {
    reach.add('archive');
  }
  if (
    intersects(
      activeEnrolments.map((e) => e.classId),
      grantIds(actor, ['contact_teacher'], (g) => g.classIds),
    )
  )
    reach.add('contact_teacher');
  if (
    active &&
    (intersects(
      pupil.groupIds,
      grantIds(actor, ['teacher'], (g) => g.groupIds),
    ) ||
      intersects(
        pupil.compositeGroupIds,
        grantIds(actor, ['teacher'], (g) => g.compositeGroupIds),
      ) ||
      intersects(
        activeEnrolments.map((e) => e.classId),
        grantIds(actor, ['teacher'], (g) => g.classIds),
      ))
  ) {
    reach.add('teacher');
  }
  if (
    active &&
    intersects(
      pupil.sfoIds,
      grantIds(actor, ['sfo_leader'], (g) => [g.sfoId]),
    )
  )
    reach.add('sfo_leader');
  if (
    active &&
    intersects(
      pupil.sfoIds,
      grantIds(actor, ['sfo_staff'], (g) => [g.sfoId]),
    )
  )
    reach.add('sfo_staff');
  return reach;
}

const any = <R extends string>(reach: Set<R>, roles: R[]) => roles.some((role) => reach.has(role));

export function canViewPupil(actor: Actor, pupil: PupilFacts): boolean {
  return reachOf(actor, pupil).size > 0;
}

/**
 * Addresses (D2): unprotected → those who need it; fortrolig → leadership, the contact teacher, and a guardian with
 * access who lives with the child (guardian_relation.lives_with_child, from the register: it is their own address);
 * strengt fortrolig → nobody (leadership may reveal it explicitly, audited: canRevealProtectedAddress).
 */
export function canViewAddress(actor: Actor, pupil: PupilFacts): boolean {
  const reach = reachOf(actor, pupil);
  switch (pupil.protection) {
    case 'none':
      return any(reach, ['school_owner', 'leadership', 'contact_teacher', 'sfo_leader', 'guardian', 'self']);
    case 'fortrolig':
      return (
        any(reach, ['leadership', 'contact_teacher']) ||
        (reach.has('guardian') && pupil.guardians.some((g) => g.guardianId === actor.personId && g.livesWith))
      );
    case 'strengt_fortrolig':
      return false;
  }
}

export function canRevealProtectedAddress(actor: Actor, pupil: PupilFacts): boolean {
  return pupil.protection === 'strengt_fortrolig' && reachOf(actor, pupil).has('leadership');
}

/** The protection marker is itself confidential: leadership and the contact teacher only. */
export function canViewProtectionMarker(actor: Actor, pupil: PupilFacts): boolean {
  return any(reachOf(actor, pupil), ['leadership', 'contact_teacher']);
}

export function canRegisterAbsence(actor: Actor, pupil: PupilFacts): boolean {
  return isActivePupil(pupil) && any(reachOf(actor, pupil), ['leadership', 'contact_teacher', 'teacher']);
}

export function canViewConsents(actor: Actor, pupil: PupilFacts): boolean {
  return any(reachOf(actor, pupil), [
    'school_owner',
    'leadership',
    'archive',
    'contact_teacher',
    'teacher',
    'sfo_leader',
    'guardian',
  ]);
}

export function canSendMessage(actor: Actor, pupil: PupilFacts): boolean {
  return (
    isActivePupil(pupil) &&
    any(reachOf(actor, pupil), ['leadership', 'contact_teacher', 'teacher', 'sfo_leader', 'sfo_staff', 'guardian'])
  );
}

/**
 * Who decides an application (S8); each kind names its rule (domain/applications/kinds.ts):
 * - 'school_leadership': the leadership of the application's school, for a pupil enrolled there now (leave);
 * - 'sfo_leader': the leader of the application's SFO and the leadership of its school, for a pupil enrolled at the
 *   SFO's school now (also one not yet in the SFO: a place is applied for before it exists), or a skolestarter
 *   admitted to a 1. trinn class there from a later day (starterEnrolments: the place starts on the first school day).
 * scope.ts has the SQL twin (decidableApplicationCondition) for the decision queue.
 */
export type DeciderRule = 'school_leadership' | 'sfo_leader';

/** Where an application belongs: its school, and for SFO kinds its SFO. */
export interface ApplicationPlace {
  schoolId: number;
  sfoId: number | null;
}

export function canDecideApplication(
  actor: Actor,
  pupil: PupilFacts,
  rule: DeciderRule,
  place: ApplicationPlace,
): boolean {
  if (rule === 'school_leadership') {
    return (
      canLeadSchool(actor, place.schoolId) && pupil.enrolments.some((e) => e.active && e.schoolId === place.schoolId)
    );
  }
  const atSchool = [...pupil.enrolments.filter((e) => e.active), ...starterEnrolments(pupil)];
  return (
    place.sfoId !== null &&
    atSchool.some((e) => e.schoolId === place.schoolId) &&
    (grantIds(actor, ['sfo_leader'], (g) => [g.sfoId]).includes(place.sfoId) || canLeadSchool(actor, place.schoolId))
  );
}

/** Staff at work (Feide, with a role today): they have the staff pages, and on a phone "Skolebro – Ansatt" (issue 14). */
export function canUseStaffView(actor: Actor): boolean {
  return actor.via === 'feide' && actor.staff.length > 0;
}

/** Whether the actor decides any application under this rule at all (else the decision queue does not exist for them). */
export function decidesUnder(actor: Actor, rule: DeciderRule): boolean {
  if (actor.via !== 'feide') return false;
  if (rule === 'school_leadership') return grantIds(actor, ['leadership'], (g) => [g.schoolId]).length > 0;
  return (
    grantIds(actor, ['sfo_leader'], (g) => [g.sfoId]).length > 0 ||
    grantIds(actor, ['leadership'], (g) => [g.schoolId]).length > 0
  );
}

/** G6: a guardian reports absence for their own child (and withdraws it). */
export function canReportAbsence(actor: Actor, pupil: PupilFacts): boolean {
  return isActivePupil(pupil) && reachOf(actor, pupil).has('guardian');
}

/**
 * Who sees a pupil's absence (G6, P1, S4): the guardians, the pupil, those who register it, leadership
 * and the school owner, and the archive (absence is kept: DOMAIN-FACTS §6). Not SFO staff: school absence
 * is not SFO business.
 */
export function canViewAbsence(actor: Actor, pupil: PupilFacts): boolean {
  return any(reachOf(actor, pupil), [
    'school_owner',
    'leadership',
    'archive',
    'contact_teacher',
    'teacher',
    'guardian',
    'self',
  ]);
}

/** Documentation received for reported absence (a doctor's note): leadership and the contact teacher mark it. */
export function canMarkAbsenceDocumented(actor: Actor, pupil: PupilFacts): boolean {
  return isActivePupil(pupil) && any(reachOf(actor, pupil), ['leadership', 'contact_teacher']);
}

/** G7: a guardian applies for leave for their own child, and confirms or declines the other guardian's application. */
export function canApplyForLeave(actor: Actor, pupil: PupilFacts): boolean {
  return isActivePupil(pupil) && reachOf(actor, pupil).has('guardian');
}

/**
 * G8: a guardian with parental responsibility (not blocked) applies for an SFO place, a change or a termination for
 * their own child, and confirms or declines the other guardian's application. With `sfo`: the child must be enrolled
 * at that SFO's school now (a school without an SFO has nothing to apply to). A skolestarter's guardian
 * ('starter_guardian') too, to the SFO of the school the child starts at.
 */
export function canApplyForSfo(actor: Actor, pupil: PupilFacts, sfo?: { schoolId: number }): boolean {
  const reach = reachOf(actor, pupil);
  if (isActivePupil(pupil) && reach.has('guardian'))
    return !sfo || pupil.enrolments.some((e) => e.active && e.schoolId === sfo.schoolId);
  if (!reach.has('starter_guardian')) return false;
  return !sfo || starterEnrolments(pupil).some((e) => e.schoolId === sfo.schoolId);
}

/**
 * G9: a guardian applies for reduced SFO payment for their own child with an SFO place now (and confirms or declines
 * the other guardian's application). The 1.–4. trinn rule is the form's (a message on the field, not a 404).
 */
export function canApplyForReducedSfoPayment(actor: Actor, pupil: PupilFacts): boolean {
  return isActivePupil(pupil) && pupil.sfoIds.length > 0 && reachOf(actor, pupil).has('guardian');
}

/** A class or a teaching group, as attendance registration sees it. */
export interface RegisterUnit {
  kind: 'class' | 'group';
  id: number;
  schoolId: number;
}

/**
 * S4: attendance for a class or group is registered by the school's leadership and by the teachers of that
 * very class or group (contact teacher or teacher of the class; teacher of the group). Nobody else: for
 * them the register does not exist (404).
 */
export function canRegisterAttendance(actor: Actor, unit: RegisterUnit): boolean {
  if (grantIds(actor, ['leadership'], (g) => [g.schoolId]).includes(unit.schoolId)) return true;
  if (unit.kind === 'class')
    return grantIds(actor, ['contact_teacher', 'teacher'], (g) => g.classIds).includes(unit.id);
  return grantIds(actor, ['contact_teacher', 'teacher'], (g) => g.groupIds).includes(unit.id);
}

/** The leadership of the school: leave decisions (canDecideApplication), the vitnemål view, the letters' print batch. */
export function canLeadSchool(actor: Actor, schoolId: number): boolean {
  return grantIds(actor, ['leadership'], (g) => [g.schoolId]).includes(schoolId);
}

/**
 * D1: the schools whose Folkeregisteret change reports the actor reads — leadership of a school, and the school owner
 * for all its schools. Empty for everyone else (the report pages are then a 404).
 */
export function fregReportSchoolIds(actor: Actor): number[] {
  if (actor.via !== 'feide') return [];
  return [...new Set([...grantIds(actor, ['leadership'], (g) => [g.schoolId]), ...actor.ownerSchoolIds])].sort(
    (a, b) => a - b,
  );
}

/** D1: leadership and the school owner read the change reports of the Folkeregisteret import. */
export function canViewFregReports(actor: Actor): boolean {
  return fregReportSchoolIds(actor).length > 0;
}

/**
 * The school office (issue 11): classes and enrolments of a school. Its leadership, and the school owner for every
 * school it owns; nobody else (for them the school's office does not exist: 404). Only with a Feide login.
 */
export function canManageSchool(actor: Actor, schoolId: number): boolean {
  return actor.via === 'feide' && (canLeadSchool(actor, schoolId) || actor.ownerSchoolIds.includes(schoolId));
}

/** The capacity an office change is made (and audited) in: leadership of the school before the school owner. */
export function officeRoleOf(actor: Actor, schoolId: number): 'leadership' | 'school_owner' {
  return canLeadSchool(actor, schoolId) ? 'leadership' : 'school_owner';
}

/** An SFO as the policy sees it: its school and that school's owner (municipality or private owner). */
export interface SfoUnit {
  sfoId: number;
  schoolId: number;
  municipalityId: number;
}

/**
 * What a staff member may do with an SFO as a whole (issue 12). Each answers false for everyone else, and the SFO's
 * pages are then a 404 for them (requireSfo in domain/sfo/units.ts):
 * - 'prices': offers, prices, billing months, sibling discount, capacity, notice — the school owner decides them;
 *   the SFO's leader and the school's leadership read them;
 * - 'run': the SFO's daily business — summer SFO, free SFO decisions, capacity and the waiting list — its leader and
 *   the school's leadership;
 * - 'accounts': the monthly invoice basis — the SFO's leader, the school's leadership and the school owner.
 * Not SFO staff (assistants), not teachers, nobody at another school. Only with a Feide login.
 */
export type SfoCapability = 'view_prices' | 'edit_prices' | 'run' | 'accounts';

export function canUseSfo(actor: Actor, sfo: SfoUnit, capability: SfoCapability): boolean {
  if (actor.via !== 'feide') return false;
  const leader = grantIds(actor, ['sfo_leader'], (g) => [g.sfoId]).includes(sfo.sfoId);
  const leadership = canLeadSchool(actor, sfo.schoolId);
  const owner = grantIds(actor, ['school_owner'], (g) => [g.municipalityId]).includes(sfo.municipalityId);
  switch (capability) {
    case 'edit_prices':
      return owner;
    case 'view_prices':
    case 'accounts':
      return owner || leader || leadership;
    case 'run':
      return leader || leadership;
  }
}

/*
 * Daily care in SFO and kindergarten (issue 13; G11, S10, K1). The same rules for both kinds of unit:
 * - 'leader': the SFO's leader and the leadership of its school; a kindergarten's styrer (kindergarten_leader);
 * - 'staff': SFO staff; a kindergarten's pedagogical leaders and staff. Kindergarten staff reach every child of their
 *   kindergarten, not only their department's: mornings and afternoons the departments are together, and whoever is
 *   on duty checks the child in or out and must see who may fetch it;
 * - 'owner': the school owner (municipality or private owner) of the unit — statistics only, never a child's day.
 * A guardian (unblocked, with parental responsibility or not, never a contact person only) reaches a child with a
 * place that covers today. Everyone else: the child's daily care does not exist (404). care-scope.ts has the SQL twin.
 */
export type CareReach = 'guardian' | 'care_leader' | 'care_staff';

/** In which capacities the actor works at a daily-care unit (empty: the unit's pages are a 404 for them). */
export function careUnitRoles(actor: Actor, unit: CareUnit): Set<'leader' | 'staff' | 'owner'> {
  const roles = new Set<'leader' | 'staff' | 'owner'>();
  if (actor.via !== 'feide') return roles;
  if (unit.kind === 'sfo') {
    if (grantIds(actor, ['sfo_leader'], (g) => [g.sfoId]).includes(unit.id)) roles.add('leader');
    if (unit.schoolId !== null && canLeadSchool(actor, unit.schoolId)) roles.add('leader');
    if (grantIds(actor, ['sfo_staff'], (g) => [g.sfoId]).includes(unit.id)) roles.add('staff');
  } else {
    if (grantIds(actor, ['kindergarten_leader'], (g) => [g.kindergartenId]).includes(unit.id)) roles.add('leader');
    if (grantIds(actor, ['pedagogical_leader', 'kindergarten_staff'], (g) => [g.kindergartenId]).includes(unit.id))
      roles.add('staff');
  }
  if (grantIds(actor, ['school_owner'], (g) => [g.municipalityId]).includes(unit.municipalityId)) roles.add('owner');
  return roles;
}

export function careReachOf(actor: Actor, child: CareFacts): Set<CareReach> {
  const reach = new Set<CareReach>();
  if (child.places.length === 0) return reach;
  if (actor.via === 'idporten') {
    const relation = child.guardians.find((g) => g.guardianId === actor.personId);
    if (relation && !relation.blocked && !relation.contactOnly && actor.guardianOf.includes(child.childId))
      reach.add('guardian');
    return reach;
  }
  for (const place of child.places) {
    const roles = careUnitRoles(actor, place);
    if (roles.has('leader')) reach.add('care_leader');
    if (roles.has('staff')) reach.add('care_staff');
  }
  return reach;
}

/** The board of a unit (S10): its leaders and staff. */
export function canUseCareBoard(actor: Actor, unit: CareUnit): boolean {
  const roles = careUnitRoles(actor, unit);
  return roles.has('leader') || roles.has('staff');
}

/** Attendance per day and week, hours against the stay plans: the unit's leaders and its school owner. */
export function canViewCareStatistics(actor: Actor, unit: CareUnit): boolean {
  const roles = careUnitRoles(actor, unit);
  return roles.has('leader') || roles.has('owner');
}

/** A child's day, stay plan and pickup: the guardians, and the leaders and staff of the child's unit. */
export function canViewChildCare(actor: Actor, child: CareFacts): boolean {
  return careReachOf(actor, child).size > 0;
}

/** Check in, check out and the staff's note: the leaders and staff of the child's unit. */
export function canRegisterChildCare(actor: Actor, child: CareFacts): boolean {
  return any(careReachOf(actor, child), ['care_leader', 'care_staff']);
}

/** The stay plan, changes for a date, holidays, pickup and the guardian's note: the child's guardians. */
export function canPlanChildCare(actor: Actor, child: CareFacts): boolean {
  return careReachOf(actor, child).has('guardian');
}

/**
 * The kindergarten's office (K1): departments, admitting children to a department, moving them, ending a place, and
 * the staff. The styrer of the kindergarten and its owner (municipality or private owner); nobody else (404).
 */
export function canManageKindergarten(actor: Actor, unit: CareUnit): boolean {
  if (unit.kind !== 'kindergarten') return false;
  const roles = careUnitRoles(actor, unit);
  return roles.has('owner') || grantIds(actor, ['kindergarten_leader'], (g) => [g.kindergartenId]).includes(unit.id);
}

/** A kindergarten's news post or weekly plan (issue 13): the whole kindergarten (departmentId null), or one department. */
export interface KindergartenNewsTarget {
  kindergartenId: number;
  departmentId: number | null;
}

/**
 * Who publishes (and takes down) a kindergarten's news and weekly plans, in which capacity: its styrer for the whole
 * kindergarten and any of its departments; a pedagogical leader for their own department. Nobody else (null).
 */
export function kindergartenNewsCapacity(
  actor: Actor,
  target: KindergartenNewsTarget,
): 'kindergarten_leader' | 'pedagogical_leader' | null {
  if (actor.via !== 'feide') return null;
  if (grantIds(actor, ['kindergarten_leader'], (g) => [g.kindergartenId]).includes(target.kindergartenId))
    return 'kindergarten_leader';
  const leadsDepartment = actor.staff.some(
    (g) =>
      g.role === 'pedagogical_leader' &&
      g.kindergartenId === target.kindergartenId &&
      target.departmentId !== null &&
      g.departmentId === target.departmentId,
  );
  return leadsDepartment ? 'pedagogical_leader' : null;
}

export const canPublishKindergartenNews = (actor: Actor, target: KindergartenNewsTarget): boolean =>
  kindergartenNewsCapacity(actor, target) !== null;

/**
 * Staff who read a kindergarten's post without publishing it: every pedagogical leader and staff member of the
 * kindergarten for a post to the whole kindergarten; for a department's post, those of that department.
 */
export function canReadKindergartenNews(actor: Actor, target: KindergartenNewsTarget): boolean {
  if (canPublishKindergartenNews(actor, target)) return true;
  if (actor.via !== 'feide') return false;
  return actor.staff.some(
    (g) =>
      (g.role === 'pedagogical_leader' || g.role === 'kindergarten_staff') &&
      g.kindergartenId === target.kindergartenId &&
      (target.departmentId === null || g.departmentId === target.departmentId),
  );
}

/** A kindergarten child's news and weekly plans (of its kindergarten and department): the child's guardians. */
export function canReadChildKindergartenNews(actor: Actor, child: CareFacts): boolean {
  return careReachOf(actor, child).has('guardian') && child.places.some((p) => p.kind === 'kindergarten');
}

/**
 * A kindergarten child's consents (issue 13, K1): its guardians see and answer them (answering needs parental
 * responsibility too, checked when saving). Staff see them in the kindergarten's overview, not here.
 */
export function canAnswerKindergartenConsents(actor: Actor, child: CareFacts): boolean {
  return careReachOf(actor, child).has('guardian') && child.places.some((p) => p.kind === 'kindergarten');
}

/**
 * The kindergarten's consent overview (children × consents, what applies now): its styrer, pedagogical leaders and
 * staff — whoever takes the photos and goes on the trips must know. Not the owner, not another kindergarten.
 */
export function canViewKindergartenConsents(actor: Actor, unit: CareUnit): boolean {
  if (unit.kind !== 'kindergarten') return false;
  const roles = careUnitRoles(actor, unit);
  return roles.has('leader') || roles.has('staff');
}

/** A school as the statistics policy sees it: the school and its owner (municipality or private owner). */
export interface StatisticsSchool {
  schoolId: number;
  municipalityId: number;
}

/**
 * S12: a school's statistics (absence per class, trinn and month; SFO occupancy) — aggregates only, never a pupil's
 * name. Its leadership and its school owner, with a Feide login; for everyone else the page does not exist (404).
 */
export function canViewSchoolStatistics(actor: Actor, school: StatisticsSchool): boolean {
  return (
    actor.via === 'feide' && (canLeadSchool(actor, school.schoolId) || actor.ownerSchoolIds.includes(school.schoolId))
  );
}

/** D7: the archive extract of a school owner is taken by its school owner (Feide), nobody else (404). */
export function canExtractArchive(actor: Actor, municipalityId: number): boolean {
  return isSchoolOwnerOf(actor, municipalityId);
}

/** S12: the school owner compares its schools; only the school owner of that municipality (or private owner). */
export function canViewOwnerStatistics(actor: Actor, municipalityId: number): boolean {
  return isSchoolOwnerOf(actor, municipalityId);
}

/** The school owner (skoleeier) of that municipality or private owner, logged in with Feide. */
function isSchoolOwnerOf(actor: Actor, municipalityId: number): boolean {
  return actor.via === 'feide' && grantIds(actor, ['school_owner'], (g) => [g.municipalityId]).includes(municipalityId);
}

/**
 * Issue 16, item 7: a school owner's privacy statement is edited by the school owner of that municipality (or private
 * owner), with a Feide login; everyone else finds no edit page (404). Reading it is public.
 */
export function canEditPrivacyStatement(actor: Actor, municipalityId: number): boolean {
  return isSchoolOwnerOf(actor, municipalityId);
}
