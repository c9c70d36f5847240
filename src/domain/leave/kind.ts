import type { Db } from '../../db/database.ts';
import { canApplyForLeave } from '../access/policy.ts';
import type { AbsenceTotals } from '../absence/year.ts';
import type { ApplicationKindDefinition } from '../applications/definition.ts';
import { loadLeavePageFacts, loadLeaveQueueFacts, type LeavePageFacts } from './decision-facts.ts';
import { checkLeaveDecision, saveLeaveDecision, type LeaveDecisionErrors, type LeaveGrant } from './decision.ts';
import type { LeaveDetails } from './details.ts';
import { leaveVedtakParts } from './vedtak.ts';

async function loadLeaveDetails(db: Db, ids: number[]): Promise<Map<number, LeaveDetails>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('leave_application').selectAll().where('application_id', 'in', ids).execute();
  return new Map(
    rows.map((r) => [
      r.application_id,
      {
        reason: r.reason,
        justification: r.justification,
        from: r.from_date,
        to: r.to_date,
        schoolDays: r.school_days,
        grantedFrom: r.granted_from,
        grantedTo: r.granted_to,
        grantedDays: r.granted_days,
      },
    ]),
  );
}

/**
 * Leave of absence (permisjon, G7, S8): a guardian applies for days off school; the school's leadership decides
 * (opplæringslova § 2-2). Its events are in the 'absence' category: 'leave.confirmation_requested', 'leave.declined',
 * 'leave.submitted', 'leave.decided'.
 */
export const leaveKind: { kind: 'leave' } & ApplicationKindDefinition<
  LeaveDetails,
  LeaveGrant,
  LeaveDecisionErrors,
  AbsenceTotals | null,
  LeavePageFacts
> & { kind: 'leave' } = {
  kind: 'leave',
  decider: 'school_leadership',
  category: 'absence',
  mayApply: canApplyForLeave,
  loadDetails: loadLeaveDetails,
  eventFields: (details) => ({ from: details.from, to: details.to }),
  loadQueueFacts: loadLeaveQueueFacts,
  loadPageFacts: loadLeavePageFacts,
  checkDecision: checkLeaveDecision,
  saveDecision: saveLeaveDecision,
  vedtak: leaveVedtakParts,
};
