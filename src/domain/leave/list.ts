import type { Db } from '../../db/database.ts';
import type { ApplicationStatus, LeaveReason } from '../../db/schema.ts';
import type { Actor } from '../access/actor.ts';
import { confirmationsOf, ownVedtakOf } from '../applications/confirm.ts';
import { schoolYearOf } from '../calendar/school-days.ts';
import type { GuardianChild } from '../guardian/child.ts';
import { guardiansWithAccess } from '../guardian/guardians.ts';
import { leaveDaysInYear, leaveLimitDays, type SchoolYear } from './limits.ts';

export const LEAVE_LIST_LIMIT = 50;

export interface LeaveItem {
  id: number;
  reason: LeaveReason;
  from: string;
  to: string;
  schoolDays: number;
  status: ApplicationStatus;
  createdAt: Date;
  submittedAt: Date | null;
  grantedFrom: string | null;
  grantedTo: string | null;
  applicantName: string;
  /** Who still has to confirm (person id and name); the actor may be one of them. */
  waitingFor: { personId: number; name: string }[];
  declinedBy: string[];
  /** This guardian's own vedtak letter, once decided. */
  documentId: number | null;
}

export interface LeaveOverview {
  schoolYear: SchoolYear | null;
  items: LeaveItem[];
  granted: number;
  pending: number;
  limit: number;
}

/** G7: the child's applications of this school year (and later), newest first, bounded; the days granted vs the limit. */
export async function listLeaveApplications(
  db: Db,
  actor: Actor,
  child: GuardianChild,
  today: string,
): Promise<LeaveOverview> {
  const schoolYear = await schoolYearOf(db, child.municipalityId, today);
  const [limit, totals, rows] = await Promise.all([
    leaveLimitDays(db, child.municipalityId),
    schoolYear ? leaveDaysInYear(db, child.pupilId, schoolYear) : { granted: 0, pending: 0 },
    db
      .selectFrom('application as a')
      .innerJoin('leave_application as l', 'l.application_id', 'a.id')
      .innerJoin('person as p', 'p.id', 'a.applicant_id')
      .select([
        'a.id',
        'l.reason',
        'l.from_date',
        'l.to_date',
        'l.school_days',
        'a.status',
        'a.created_at',
        'a.submitted_at',
        'l.granted_from',
        'l.granted_to',
        'p.given_name',
        'p.family_name',
      ])
      .where('a.pupil_id', '=', child.pupilId)
      .where('l.to_date', '>=', schoolYear?.startsOn ?? today)
      .orderBy('a.created_at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(LEAVE_LIST_LIMIT)
      .execute(),
  ]);
  const ids = rows.map((r) => r.id);
  const [confirmations, documents] = await Promise.all([
    confirmationsOf(db, ids),
    ownVedtakOf(db, ids, actor.personId),
  ]);
  const items = rows.map((r): LeaveItem => {
    const own = confirmations.filter((c) => c.application_id === r.id);
    return {
      id: r.id,
      reason: r.reason,
      from: r.from_date,
      to: r.to_date,
      schoolDays: r.school_days,
      status: r.status,
      createdAt: r.created_at,
      submittedAt: r.submitted_at,
      grantedFrom: r.granted_from,
      grantedTo: r.granted_to,
      applicantName: `${r.given_name} ${r.family_name}`,
      waitingFor: own
        .filter((c) => c.answer === null)
        .map((c) => ({ personId: c.guardian_id, name: `${c.given_name} ${c.family_name}` })),
      declinedBy: own.filter((c) => c.answer === 'declined').map((c) => `${c.given_name} ${c.family_name}`),
      documentId: documents.find((d) => d.application_id === r.id)?.document_id ?? null,
    };
  });
  return { schoolYear, items, granted: totals.granted, pending: totals.pending, limit };
}

/** What the form tells the guardian up front: the limit, and who else must confirm (DOMAIN-FACTS §4). */
export async function leaveFormFacts(db: Db, actor: Actor, child: GuardianChild) {
  const [limit, guardians] = await Promise.all([
    leaveLimitDays(db, child.municipalityId),
    guardiansWithAccess(db, child.pupilId),
  ]);
  const others = guardians
    .filter((g) => g.personId !== actor.personId)
    .map((g) => ({ givenName: g.givenName, name: `${g.givenName} ${g.familyName}` }));
  return { limit, others };
}

export type LeaveFormFacts = Awaited<ReturnType<typeof leaveFormFacts>>;
