import { sql, type ExpressionBuilder } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database, LeaveReason, LeaveStatus } from '../../db/schema.ts';
import { grantIds, type Actor } from '../access/actor.ts';
import { canDecideApplication, canLeadSchool } from '../access/policy.ts';
import { loadPupilFacts, type PupilFacts } from '../access/pupil-facts.ts';
import { loadAbsenceYears, type AbsenceTotals, type AbsenceYear } from '../absence/year.ts';
import { schoolYearOf } from '../calendar/school-days.ts';
import { NotFoundError } from '../errors.ts';
import { activeOn } from '../period.ts';

export const QUEUE_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 50;
const RECENT_LIMIT = 10;

export type DecidedOutcome = 'granted' | 'partly_granted' | 'refused';

/** One leave application with what the leadership needs to decide it. */
export interface LeaveCase {
  id: number;
  status: LeaveStatus;
  pupilId: number;
  pupilName: string;
  className: string;
  schoolId: number;
  schoolName: string;
  schoolAddress: string[];
  hovudmaal: 'nb' | 'nn';
  municipalityId: number;
  municipalityName: string;
  applicantName: string;
  reason: LeaveReason;
  justification: string;
  from: string;
  to: string;
  schoolDays: number;
  submittedAt: Date | null;
  decision: null | { outcome: DecidedOutcome; grantedFrom: string | null; grantedTo: string | null; grantedDays: number | null; reasons: string | null; decidedAt: Date; deciderName: string };
}

export interface QueueItem extends LeaveCase {
  /** The pupil's absence this school year so far (null when no school year is set up). */
  absence: AbsenceTotals | null;
}

export interface LeaveQueue {
  items: QueueItem[];
  total: number;
  limit: number;
  offset: number;
  recent: LeaveCase[];
}

type CaseEb = ExpressionBuilder<Database & { la: Database['leave_application'] }, 'la'>;

/** The pupil's current class at the application's school (a correlated subquery: one row per application). */
const currentEnrolment = (eb: CaseEb, today: string) =>
  eb.selectFrom('enrolment as e').innerJoin('class as c', 'c.id', 'e.class_id').select('c.name')
    .whereRef('e.pupil_id', '=', 'la.pupil_id').whereRef('e.school_id', '=', 'la.school_id')
    .where(activeOn('e', today))
    .orderBy('e.starts_on', 'desc').limit(1);

function caseQuery(db: Db, today: string) {
  return db.selectFrom('leave_application as la')
    .innerJoin('person as p', 'p.id', 'la.pupil_id')
    .innerJoin('person as ap', 'ap.id', 'la.applicant_id')
    .innerJoin('school as s', 's.id', 'la.school_id')
    .innerJoin('municipality as m', 'm.id', 's.municipality_id')
    .leftJoin('person as dp', 'dp.id', 'la.decided_by')
    .select((eb) => [
      'la.id', 'la.status', 'la.pupil_id', 'la.school_id', 'la.reason', 'la.justification', 'la.from_date', 'la.to_date', 'la.school_days',
      'la.submitted_at', 'la.decided_at', 'la.decision_reasons', 'la.granted_from', 'la.granted_to', 'la.granted_days',
      'p.given_name', 'p.family_name', 'ap.given_name as applicant_given', 'ap.family_name as applicant_family',
      's.name as school_name', 's.address_line', 's.postal_code', 's.postal_place', 's.hovudmaal', 's.municipality_id', 'm.name as municipality_name',
      'dp.given_name as decider_given', 'dp.family_name as decider_family',
      currentEnrolment(eb, today).as('class_name'),
    ])
    .where((eb) => eb.exists(currentEnrolment(eb, today)));
}

type CaseRow = Awaited<ReturnType<ReturnType<typeof caseQuery>['executeTakeFirstOrThrow']>>;

function toCase(r: CaseRow): LeaveCase {
  const decided = r.status === 'granted' || r.status === 'partly_granted' || r.status === 'refused';
  return {
    id: r.id, status: r.status, pupilId: r.pupil_id, pupilName: `${r.given_name} ${r.family_name}`, className: r.class_name ?? '',
    schoolId: r.school_id, schoolName: r.school_name, hovudmaal: r.hovudmaal, municipalityId: r.municipality_id, municipalityName: r.municipality_name,
    schoolAddress: [r.address_line, [r.postal_code, r.postal_place].filter(Boolean).join(' ')].filter((l): l is string => !!l),
    applicantName: `${r.applicant_given} ${r.applicant_family}`, reason: r.reason, justification: r.justification,
    from: r.from_date, to: r.to_date, schoolDays: r.school_days, submittedAt: r.submitted_at,
    decision: decided && r.decided_at ? {
      outcome: r.status as DecidedOutcome, grantedFrom: r.granted_from, grantedTo: r.granted_to, grantedDays: r.granted_days,
      reasons: r.decision_reasons, decidedAt: r.decided_at, deciderName: `${r.decider_given ?? ''} ${r.decider_family ?? ''}`.trim(),
    } : null,
  };
}

/** The schools whose leadership the actor is (Feide login only). */
export function ledSchoolIds(actor: Actor): number[] {
  if (actor.via !== 'feide') return [];
  return grantIds(actor, ['leadership'], (g) => [g.schoolId]).filter((id) => canLeadSchool(actor, id));
}

/**
 * S8: the applications waiting for a decision at the schools the actor leads, oldest submitted first, one page
 * (at most 50), each with the pupil's absence this school year (one loadAbsenceYears call per school year range,
 * in practice one), plus the latest decided ones. Not leadership anywhere → 404.
 */
export async function listLeaveQueue(db: Db, actor: Actor, page: { limit?: number; offset?: number }, today: string): Promise<LeaveQueue> {
  const schools = ledSchoolIds(actor);
  if (schools.length === 0) throw new NotFoundError();
  const limit = Math.min(Math.max(page.limit ?? QUEUE_PAGE_SIZE, 1), MAX_PAGE_SIZE);
  const offset = Math.max(page.offset ?? 0, 0);
  const waiting = caseQuery(db, today).where('la.school_id', 'in', schools).where('la.status', '=', 'submitted');
  const [rows, count, recent] = await Promise.all([
    waiting.orderBy('la.submitted_at').orderBy('la.id').limit(limit).offset(offset).execute(),
    waiting.clearSelect().select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
    caseQuery(db, today).where('la.school_id', 'in', schools).where('la.status', 'in', ['granted', 'partly_granted', 'refused'])
      .orderBy('la.decided_at', 'desc').orderBy('la.id', 'desc').limit(RECENT_LIMIT).execute(),
  ]);
  const cases = rows.map(toCase);
  const absence = await absenceOf(db, cases, today);
  return {
    items: cases.map((c) => ({ ...c, absence: absence.get(c.pupilId)?.year.totals ?? null })),
    total: Number(count.n), limit, offset, recent: recent.map(toCase),
  };
}

/** The school year of each municipality, and every listed pupil's absence in it. */
async function absenceOf(db: Db, cases: LeaveCase[], today: string) {
  const result = new Map<number, { year: AbsenceYear; schoolYear: { name: string; startsOn: string; endsOn: string } }>();
  const byMunicipality = new Map<number, LeaveCase[]>();
  for (const c of cases) byMunicipality.set(c.municipalityId, [...(byMunicipality.get(c.municipalityId) ?? []), c]);
  for (const [municipalityId, list] of byMunicipality) {
    const schoolYear = await schoolYearOf(db, municipalityId, today);
    if (!schoolYear) continue;
    const years = await loadAbsenceYears(db, list.map((c) => ({ pupilId: c.pupilId, municipalityId })), { from: schoolYear.startsOn, to: schoolYear.endsOn }, today);
    for (const [pupilId, year] of years) result.set(pupilId, { year, schoolYear });
  }
  return result;
}

/** Loads an application the actor may decide: leadership of the pupil's (and the application's) school, else 404. */
export async function requireLeaveCase(db: Db, actor: Actor, id: number, today: string): Promise<{ leave: LeaveCase; facts: PupilFacts }> {
  if (!Number.isSafeInteger(id) || id <= 0 || ledSchoolIds(actor).length === 0) throw new NotFoundError();
  const row = await caseQuery(db, today).where('la.id', '=', id).executeTakeFirst();
  const facts = row ? await loadPupilFacts(db, row.pupil_id, today) : null;
  if (!row || !facts || !canDecideApplication(actor, facts, 'leave') || !canLeadSchool(actor, row.school_id)) throw new NotFoundError();
  return { leave: toCase(row), facts };
}

export interface LeaveCaseView {
  leave: LeaveCase;
  schoolYear: { name: string; startsOn: string; endsOn: string } | null;
  absence: AbsenceYear | null;
  /** The pupil's other applications this school year (bounded). */
  others: { id: number; status: LeaveStatus; from: string; to: string; schoolDays: number; reason: LeaveReason }[];
  /** The vedtak letters, one per guardian, once decided. */
  documents: { documentId: number; guardianName: string; title: string }[];
}

/** The application page: the application, the pupil's absence this school year, other applications, the letters. */
export async function findLeaveApplicationForDecision(db: Db, actor: Actor, id: number, today: string): Promise<LeaveCaseView> {
  const { leave } = await requireLeaveCase(db, actor, id, today);
  const found = (await absenceOf(db, [leave], today)).get(leave.pupilId);
  const schoolYear = found?.schoolYear ?? (await schoolYearOf(db, leave.municipalityId, today));
  const [others, documents] = await Promise.all([
    db.selectFrom('leave_application').select(['id', 'status', 'from_date', 'to_date', 'school_days', 'reason'])
      .where('pupil_id', '=', leave.pupilId).where('id', '<>', leave.id)
      .$if(schoolYear !== null, (q) => q.where('to_date', '>=', schoolYear!.startsOn).where('from_date', '<=', schoolYear!.endsOn))
      .orderBy('from_date', 'desc').limit(20).execute(),
    db.selectFrom('leave_decision_document as ld').innerJoin('person as g', 'g.id', 'ld.guardian_id').innerJoin('document as d', 'd.id', 'ld.document_id')
      .select(['ld.document_id', 'g.given_name', 'g.family_name', 'd.title'])
      .where('ld.leave_application_id', '=', leave.id).orderBy('ld.guardian_id').limit(10).execute(),
  ]);
  return {
    leave, schoolYear, absence: found?.year ?? null,
    others: others.map((o) => ({ id: o.id, status: o.status, from: o.from_date, to: o.to_date, schoolDays: o.school_days, reason: o.reason })),
    documents: documents.map((d) => ({ documentId: d.document_id, guardianName: `${d.given_name} ${d.family_name}`, title: d.title })),
  };
}
