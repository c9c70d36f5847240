import { cleanText } from '../text.ts';
import * as v from 'valibot';
import type { Db } from '../../db/database.ts';
import type { ApplicationKind } from '../../db/schema.ts';
import { actorName, todayInOslo, type Actor } from '../access/actor.ts';
import { recordAudit } from '../audit.ts';
import { storeDocument } from '../documents/store.ts';
import { guardiansWithAccess } from '../guardian/guardians.ts';
import { enqueueNotifications } from '../notifications/outbox.ts';
import { auditRecord } from './confirm.ts';
import { deciderRole, deciderTitle } from './deciders.ts';
import type { DecisionInput, VedtakDecision } from './definition.ts';
import { definitionOf, type CaseOf, type DecisionErrorsOf, type GrantOf } from './kinds.ts';
import { eventKey, eventType } from './notify.ts';
import { requireDecidableApplication } from './queue.ts';
import { conflictOf, DECIDED_OUTCOMES, type DecidedOutcome, type DecisionConflict } from './status.ts';
import { renderVedtak } from './vedtak.ts';
import type { Invalid, Ok, Refused } from '../result.ts';

export type { DecisionInput };

export const MIN_REASONS = 10;
export const MAX_REASONS = 4000;
const Outcome = v.picklist(DECIDED_OUTCOMES);

/** What every decision form can get wrong; each kind adds its own fields' errors. */
export interface CommonDecisionErrors {
  outcome?: 'missing';
  reasons?: 'missing' | 'short' | 'long';
}

export type DecisionErrors<K extends ApplicationKind = ApplicationKind> = CommonDecisionErrors & DecisionErrorsOf<K>;

export type DecisionResult<K extends ApplicationKind = ApplicationKind> =
  | Ok<{ outcome: DecidedOutcome; documents: { documentId: number; guardianId: number }[] }>
  | Invalid<DecisionErrors<K>>
  | Refused<DecisionConflict>;

/**
 * S8: a decider decides a submitted application. Someone who may not decide it gets 404; an application no longer
 * waiting gets a conflict. Reasons are required for a partial grant and a refusal; the kind checks its own fields.
 */
export async function decideApplication(
  db: Db,
  actor: Actor,
  id: number,
  input: DecisionInput,
  now = new Date(),
): Promise<DecisionResult> {
  const today = todayInOslo(now);
  const { app } = await requireDecidableApplication(db, actor, id, today);
  return decide(db, actor, app, input, now, today);
}

/** The outcome and the reasons, as every kind needs them. */
function checkCommon(input: DecisionInput): {
  outcome: DecidedOutcome | null;
  reasons: string;
  errors: CommonDecisionErrors;
} {
  const errors: CommonDecisionErrors = {};
  const parsed = v.safeParse(Outcome, input.outcome);
  const reasons = cleanText(input.reasons).trim();
  if (!parsed.success) errors.outcome = 'missing';
  if (reasons.length > MAX_REASONS) errors.reasons = 'long';
  else if (parsed.success && parsed.output !== 'granted' && reasons.length < MIN_REASONS)
    errors.reasons = reasons ? 'short' : 'missing';
  return { outcome: parsed.success ? parsed.output : null, reasons, errors };
}

/**
 * In one transaction: the application is decided (locked and checked again), the kind saves its part, each guardian
 * with access gets a vedtak PDF addressed to them in the child's documents (and an application_document row), an
 * outbox row '<kind>.decided' per guardian (the letters pipeline sends it by digital post or paper), and an audit row.
 */
async function decide<K extends ApplicationKind>(
  db: Db,
  actor: Actor,
  app: CaseOf<K>,
  input: DecisionInput,
  now: Date,
  today: string,
): Promise<DecisionResult<K>> {
  const definition = definitionOf<K>(app.kind);
  const early = conflictOf(app.status);
  if (early) return { ok: false, reason: early };
  const common = checkCommon(input);
  if (!common.outcome) return { ok: false, errors: common.errors as DecisionErrors<K> };
  const checked = await definition.checkDecision(db, app, common.outcome, input);
  if (!checked.ok || Object.keys(common.errors).length)
    return { ok: false, errors: { ...common.errors, ...(checked.ok ? {} : checked.errors) } as DecisionErrors<K> };
  const title = await deciderTitle(db, actor, definition.decider, app, today);
  const decision: VedtakDecision<GrantOf<K>> = {
    outcome: common.outcome,
    reasons: common.reasons || null,
    grant: checked.grant,
    deciderName: actorName(actor),
    deciderTitle: title,
    decidedAt: now,
  };
  const parts = definition.vedtak(app, decision);

  return db.transaction().execute(async (trx): Promise<DecisionResult<K>> => {
    const locked = await trx
      .selectFrom('application')
      .select('status')
      .where('id', '=', app.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const conflict = conflictOf(locked.status);
    if (conflict) return { ok: false, reason: conflict };
    await trx
      .updateTable('application')
      .set({
        status: decision.outcome,
        decided_at: now,
        decided_by: actor.personId,
        decision_reasons: decision.reasons,
      })
      .where('id', '=', app.id)
      .execute();
    await definition.saveDecision(trx, app, decision.grant);
    const documents: { documentId: number; guardianId: number }[] = [];
    for (const guardian of await guardiansWithAccess(trx, app.pupilId)) {
      const pdf = await renderVedtak(app, decision, parts, guardian);
      const { id: documentId } = await storeDocument(trx, {
        pupilId: app.pupilId,
        guardianId: guardian.personId,
        kind: 'vedtak',
        title: pdf.title,
        filename: pdf.filename,
        contentType: 'application/pdf',
        content: pdf.content,
        createdBy: actor.personId,
        createdAt: now,
      });
      await trx
        .insertInto('application_document')
        .values({ application_id: app.id, guardian_id: guardian.personId, document_id: documentId })
        .execute();
      documents.push({ documentId, guardianId: guardian.personId });
    }
    await enqueueNotifications(
      trx,
      documents.map((d) => ({
        recipientPersonId: d.guardianId,
        category: 'decisions',
        eventType: eventType(app.kind, 'decided'),
        schoolId: app.schoolId,
        pupilId: app.pupilId,
        payload: { applicationId: app.id, outcome: decision.outcome, documentId: d.documentId },
        idempotencyKey: eventKey(app.kind, app.id, 'decided', d.guardianId),
      })),
    );
    await recordAudit(
      trx,
      {
        actor,
        role: deciderRole(definition.decider, actor, app),
        action: `${app.kind}.decide`,
        subjectPersonId: app.pupilId,
        record: auditRecord(app.kind, app.id),
        details: { outcome: decision.outcome, ...decision.grant, documents: documents.map((d) => d.documentId) },
      },
      now,
    );
    return { ok: true, outcome: decision.outcome, documents };
  });
}
