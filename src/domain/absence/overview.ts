import type { Db } from '../../db/database.ts';
import type { Actor } from '../access/actor.ts';
import { canMarkAbsenceDocumented, canViewAbsence, reachOf, type Reach } from '../access/policy.ts';
import type { PupilFacts } from '../access/pupil-facts.ts';
import { requireVisiblePupil } from '../access/scope.ts';
import { schoolYearOf, type SchoolYearRef } from '../calendar/school-days.ts';
import { done, loadPart, mapPart, type Part } from '../../db/together.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import type { GuardianChild } from '../guardian/child.ts';
import { recordStaffRead } from '../privacy/staff-reads.ts';
import { absenceYearsPart, type AbsenceYear } from './year.ts';

/** A pupil's absence this school year: every entry (newest first) and the totals up to today. */
export interface AbsenceOverview {
  schoolYear: { name: string; startsOn: string; endsOn: string } | null;
  year: AbsenceYear;
  today: string;
}

const EMPTY: AbsenceYear = {
  entries: [],
  totals: { days: 0, hours: 0, late: 0, deductibleDays: 0, deductibleHours: 0, leaveDays: 0 },
};
const STAFF_REACH: Reach[] = [
  'school_owner',
  'leadership',
  'archive',
  'contact_teacher',
  'teacher',
  'sfo_leader',
  'sfo_staff',
];

async function overviewOf(db: Db, pupilId: number, municipalityId: number, today: string): Promise<AbsenceOverview> {
  const schoolYear = await schoolYearOf(db, municipalityId, today);
  return loadPart(db, overviewPart(db, pupilId, municipalityId, schoolYear, today));
}

/** The pupil's absence in `schoolYear` (schoolYearOf today) as a part of a larger statement (db/together.ts). */
function overviewPart(
  db: Db,
  pupilId: number,
  municipalityId: number,
  schoolYear: SchoolYearRef | null,
  today: string,
): Part<AbsenceOverview> {
  if (!schoolYear) return done({ schoolYear, year: EMPTY, today });
  return mapPart(
    absenceYearsPart(db, [{ pupilId, municipalityId }], { from: schoolYear.startsOn, to: schoolYear.endsOn }, today),
    (years) => ({ schoolYear, year: years.get(pupilId) ?? EMPTY, today }),
  );
}

/**
 * loadChildAbsence as a part of a larger statement, given the school year (schoolYearPart of today), so the child page
 * asks for it beside the child's other facts and for the year beside the next lessons (issue 18, item 4).
 */
export function childAbsencePart(
  db: Db,
  actor: Actor,
  child: GuardianChild,
  schoolYear: SchoolYearRef | null,
  today: string,
): Part<AbsenceOverview> {
  if (!canViewAbsence(actor, child.facts)) throw new ForbiddenError();
  return overviewPart(db, child.pupilId, child.municipalityId, schoolYear, today);
}

/** G6: the child's absence page (the child was loaded through the guardian's reach). */
export async function loadChildAbsence(
  db: Db,
  actor: Actor,
  child: GuardianChild,
  today: string,
): Promise<AbsenceOverview> {
  if (!canViewAbsence(actor, child.facts)) throw new ForbiddenError();
  return overviewOf(db, child.pupilId, child.municipalityId, today);
}

/** P1: the pupil's own absence (Feide login). Anyone else has no such page: NotFoundError. */
export async function loadOwnAbsence(db: Db, actor: Actor, today: string): Promise<AbsenceOverview> {
  if (actor.via !== 'feide' || !actor.isPupil) throw new NotFoundError();
  const facts = await requireVisiblePupil(db, actor, actor.personId, today);
  if (!reachOf(actor, facts).has('self') || !canViewAbsence(actor, facts)) throw new NotFoundError();
  return overviewOf(db, facts.pupilId, municipalityOf(facts), today);
}

export interface PupilAbsence {
  pupil: { id: number; givenName: string; familyName: string; className: string; schoolName: string };
  facts: PupilFacts;
  overview: AbsenceOverview;
  canMarkDocumented: boolean;
}

/** S4: a pupil's absence for staff. Out of reach (or not staff) → NotFoundError; seen but not allowed (SFO) → ForbiddenError. */
export async function loadPupilAbsence(db: Db, actor: Actor, pupilId: number, today: string): Promise<PupilAbsence> {
  const facts = await requireVisiblePupil(db, actor, pupilId, today);
  const reach = reachOf(actor, facts);
  if (!STAFF_REACH.some((r) => reach.has(r))) throw new NotFoundError();
  if (!canViewAbsence(actor, facts)) throw new ForbiddenError();
  const row = await db
    .selectFrom('person as p')
    .innerJoin('enrolment as e', 'e.pupil_id', 'p.id')
    .innerJoin('class as c', 'c.id', 'e.class_id')
    .innerJoin('school as s', 's.id', 'e.school_id')
    .select([
      'p.id',
      'p.given_name',
      'p.family_name',
      'c.name as class_name',
      's.name as school_name',
      's.municipality_id',
    ])
    .where('p.id', '=', pupilId)
    .orderBy('e.starts_on', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  const overview = await overviewOf(db, pupilId, row.municipality_id, today);
  await recordStaffRead(db, actor, { pupil: facts }, 'pupil_absence.view', { type: 'person', id: pupilId });
  return {
    pupil: {
      id: row.id,
      givenName: row.given_name,
      familyName: row.family_name,
      className: row.class_name,
      schoolName: row.school_name,
    },
    facts,
    overview,
    canMarkDocumented: canMarkAbsenceDocumented(actor, facts),
  };
}

const municipalityOf = (facts: PupilFacts): number =>
  (facts.enrolments.find((e) => e.active) ?? facts.enrolments[0]!).municipalityId;
