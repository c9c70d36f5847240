import * as v from 'valibot';
import type { Db } from '../../db/database.ts';
import { parseDate } from '../../i18n/index.ts';
import { actorName, todayInOslo, type Actor } from '../access/actor.ts';
import { recordAudit } from '../audit.ts';
import { countSchoolDays } from '../calendar/school-days.ts';
import { storeDocument } from '../documents/store.ts';
import { guardiansWithAccess } from '../guardian/guardians.ts';
import { enqueueNotifications } from '../notifications/outbox.ts';
import type { EventPayloads } from '../notifications/events.ts';
import { activeOn } from '../period.ts';
import { requireLeaveCase, type DecidedOutcome, type LeaveCase } from './queue.ts';
import { renderVedtak, type VedtakDecision } from './vedtak.ts';

/** What the decision form sends (raw text; dates dd.mm.yyyy or YYYY-MM-DD). */
export interface DecisionInput {
  outcome: string;
  grantedFrom: string;
  grantedTo: string;
  reasons: string;
}

export interface DecisionErrors {
  outcome?: 'missing';
  grantedFrom?: 'missing' | 'format' | 'outside' | 'not_shorter' | 'no_school_days';
  grantedTo?: 'missing' | 'format' | 'outside' | 'order';
  reasons?: 'missing' | 'short' | 'long';
}

export type DecisionConflict = 'already_decided' | 'withdrawn' | 'not_submitted';

export type DecisionResult =
  | { kind: 'decided'; outcome: DecidedOutcome; documents: { documentId: number; guardianId: number }[] }
  | { kind: 'invalid'; errors: DecisionErrors }
  | { kind: 'conflict'; conflict: DecisionConflict };

export const MIN_REASONS = 10;
export const MAX_REASONS = 4000;
const Outcome = v.picklist(['granted', 'partly_granted', 'refused']);

/** Why an application cannot be decided (any more), or null when it waits for a decision. */
export function conflictOf(status: string): DecisionConflict | null {
  if (status === 'submitted') return null;
  if (status === 'withdrawn') return 'withdrawn';
  return status === 'granted' || status === 'partly_granted' || status === 'refused' ? 'already_decided' : 'not_submitted';
}

type Granted = Pick<VedtakDecision, 'outcome' | 'grantedFrom' | 'grantedTo' | 'grantedDays' | 'reasons'>;

/**
 * Checks the form against the application: reasons are required for a partial grant and a refusal; a partial
 * grant is a shorter period inside the one applied for with at least one school day. Days by the skolerute.
 */
export async function checkDecision(db: Db, leave: LeaveCase, input: DecisionInput): Promise<{ ok: true; values: Granted } | { ok: false; errors: DecisionErrors }> {
  const errors: DecisionErrors = {};
  const parsed = v.safeParse(Outcome, input.outcome);
  const reasons = input.reasons.trim();
  if (!parsed.success) errors.outcome = 'missing';
  if (reasons.length > MAX_REASONS) errors.reasons = 'long';
  else if (parsed.success && parsed.output !== 'granted' && reasons.length < MIN_REASONS) errors.reasons = reasons ? 'short' : 'missing';
  if (!parsed.success) return { ok: false, errors };
  const outcome = parsed.output;
  let from = leave.from;
  let to = leave.to;
  if (outcome === 'partly_granted') {
    const f = input.grantedFrom.trim() ? parseDate(input.grantedFrom) : null;
    const t = input.grantedTo.trim() ? parseDate(input.grantedTo) : null;
    if (!f) errors.grantedFrom = input.grantedFrom.trim() ? 'format' : 'missing';
    else if (f < leave.from || f > leave.to) errors.grantedFrom = 'outside';
    if (!t) errors.grantedTo = input.grantedTo.trim() ? 'format' : 'missing';
    else if (t < leave.from || t > leave.to) errors.grantedTo = 'outside';
    else if (f && t < f) errors.grantedTo = 'order';
    if (f && t && !errors.grantedFrom && !errors.grantedTo && f === leave.from && t === leave.to) errors.grantedFrom = 'not_shorter';
    if (f && t && !errors.grantedFrom && !errors.grantedTo) [from, to] = [f, t];
  }
  if (outcome === 'partly_granted' && !errors.grantedFrom && !errors.grantedTo) {
    const [days, applied] = await Promise.all([countSchoolDays(db, leave.municipalityId, from, to), countSchoolDays(db, leave.municipalityId, leave.from, leave.to)]);
    if (days === 0) errors.grantedFrom = 'no_school_days';
    else if (days >= applied) errors.grantedFrom = 'not_shorter';
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  if (outcome === 'refused') return { ok: true, values: { outcome, grantedFrom: null, grantedTo: null, grantedDays: null, reasons } };
  const grantedDays = await countSchoolDays(db, leave.municipalityId, from, to);
  return { ok: true, values: { outcome, grantedFrom: from, grantedTo: to, grantedDays, reasons: reasons || null } };
}

/**
 * S8: the leadership decides a submitted leave application. In one transaction: the application is decided, each
 * guardian with access gets a vedtak PDF addressed to them in the child's documents (and a leave_decision_document
 * row), an outbox row 'leave.decided' per guardian (the messaging work delivers it by digital post or paper), and an
 * audit row. Someone who may not decide it gets 404; an application no longer waiting gets a conflict.
 */
export async function decideLeave(db: Db, actor: Actor, id: number, input: DecisionInput, now = new Date()): Promise<DecisionResult> {
  const today = todayInOslo(now);
  const { leave } = await requireLeaveCase(db, actor, id, today);
  const early = conflictOf(leave.status);
  if (early) return { kind: 'conflict', conflict: early };
  const checked = await checkDecision(db, leave, input);
  if (!checked.ok) return { kind: 'invalid', errors: checked.errors };
  const title = await db.selectFrom('staff_membership').select('title').where('person_id', '=', actor.personId)
    .where('school_id', '=', leave.schoolId).where('role', '=', 'leadership').where(activeOn('staff_membership', today)).orderBy('id').limit(1).executeTakeFirst();
  const decision: VedtakDecision = { ...checked.values, deciderName: actorName(actor), deciderTitle: title?.title ?? null, decidedAt: now };

  return db.transaction().execute(async (trx): Promise<DecisionResult> => {
    const locked = await trx.selectFrom('leave_application').select('status').where('id', '=', leave.id).forUpdate().executeTakeFirstOrThrow();
    const conflict = conflictOf(locked.status);
    if (conflict) return { kind: 'conflict', conflict };
    await trx.updateTable('leave_application').set({
      status: decision.outcome, decided_at: now, decided_by: actor.personId, decision_reasons: decision.reasons,
      granted_from: decision.grantedFrom, granted_to: decision.grantedTo, granted_days: decision.grantedDays,
    }).where('id', '=', leave.id).execute();
    const documents: { documentId: number; guardianId: number }[] = [];
    for (const guardian of await guardiansWithAccess(trx, leave.pupilId)) {
      const pdf = await renderVedtak(leave, decision, guardian);
      const { id: documentId } = await storeDocument(trx, {
        pupilId: leave.pupilId, guardianId: guardian.personId, kind: 'vedtak', title: pdf.title, filename: pdf.filename,
        contentType: 'application/pdf', content: pdf.content, createdBy: actor.personId, createdAt: now,
      });
      await trx.insertInto('leave_decision_document').values({ leave_application_id: leave.id, guardian_id: guardian.personId, document_id: documentId }).execute();
      documents.push({ documentId, guardianId: guardian.personId });
    }
    await enqueueNotifications(trx, documents.map((d) => ({
      recipientPersonId: d.guardianId, category: 'decisions', eventType: 'leave.decided', schoolId: leave.schoolId, pupilId: leave.pupilId,
      payload: { applicationId: leave.id, outcome: decision.outcome, documentId: d.documentId } satisfies EventPayloads['leave.decided'],
      idempotencyKey: `leave:${leave.id}:decided:${d.guardianId}`,
    })));
    await recordAudit(trx, {
      actor, role: 'leadership', action: 'leave.decide', subjectPersonId: leave.pupilId, record: { type: 'leave_application', id: leave.id },
      details: { outcome: decision.outcome, grantedFrom: decision.grantedFrom, grantedTo: decision.grantedTo, grantedDays: decision.grantedDays, documents: documents.map((d) => d.documentId) },
    }, now);
    return { kind: 'decided', outcome: decision.outcome, documents };
  });
}
