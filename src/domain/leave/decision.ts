import type { Db } from '../../db/database.ts';
import { parseDate } from '../../i18n/index.ts';
import type { ApplicationCase, DecisionInput } from '../applications/definition.ts';
import type { DecidedOutcome } from '../applications/status.ts';
import { countSchoolDays } from '../calendar/school-days.ts';
import type { LeaveDetails } from './details.ts';

/** What a leave decision grants: the period and its school days (all null when refused). */
export type LeaveGrant = { grantedFrom: string | null; grantedTo: string | null; grantedDays: number | null };

/** The leave fields of the decision form that can be wrong (a partial grant's period). */
export interface LeaveDecisionErrors {
  grantedFrom?: 'missing' | 'format' | 'outside' | 'not_shorter' | 'no_school_days';
  grantedTo?: 'missing' | 'format' | 'outside' | 'order';
}

type LeaveCase = ApplicationCase<LeaveDetails>;

/**
 * Leave's part of the decision: granted is the period applied for; a partial grant is a shorter period inside it
 * (`grantedFrom`, `grantedTo`: dd.mm.yyyy or YYYY-MM-DD) with at least one school day; days by the skolerute.
 */
export async function checkLeaveDecision(
  db: Db,
  app: LeaveCase,
  outcome: DecidedOutcome,
  input: DecisionInput,
): Promise<{ ok: true; grant: LeaveGrant } | { ok: false; errors: LeaveDecisionErrors }> {
  const leave = app.details;
  if (outcome === 'refused') return { ok: true, grant: { grantedFrom: null, grantedTo: null, grantedDays: null } };
  const errors: LeaveDecisionErrors = {};
  let from = leave.from;
  let to = leave.to;
  if (outcome === 'partly_granted') {
    const fromText = (input.grantedFrom ?? '').trim();
    const toText = (input.grantedTo ?? '').trim();
    const f = fromText ? parseDate(fromText) : null;
    const t = toText ? parseDate(toText) : null;
    if (!f) errors.grantedFrom = fromText ? 'format' : 'missing';
    else if (f < leave.from || f > leave.to) errors.grantedFrom = 'outside';
    if (!t) errors.grantedTo = toText ? 'format' : 'missing';
    else if (t < leave.from || t > leave.to) errors.grantedTo = 'outside';
    else if (f && t < f) errors.grantedTo = 'order';
    if (f && t && !errors.grantedFrom && !errors.grantedTo && f === leave.from && t === leave.to)
      errors.grantedFrom = 'not_shorter';
    if (Object.keys(errors).length) return { ok: false, errors };
    [from, to] = [f!, t!];
    const [days, applied] = await Promise.all([
      countSchoolDays(db, app.municipalityId, from, to),
      countSchoolDays(db, app.municipalityId, leave.from, leave.to),
    ]);
    if (days === 0) return { ok: false, errors: { grantedFrom: 'no_school_days' } };
    if (days >= applied) return { ok: false, errors: { grantedFrom: 'not_shorter' } };
  }
  return {
    ok: true,
    grant: { grantedFrom: from, grantedTo: to, grantedDays: await countSchoolDays(db, app.municipalityId, from, to) },
  };
}

/** Saves the granted period with the decision. */
export async function saveLeaveDecision(trx: Db, app: LeaveCase, grant: LeaveGrant): Promise<void> {
  await trx
    .updateTable('leave_application')
    .set({ granted_from: grant.grantedFrom, granted_to: grant.grantedTo, granted_days: grant.grantedDays })
    .where('application_id', '=', app.id)
    .execute();
}
