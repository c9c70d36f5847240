import type { Db } from '../../db/database.ts';
import type { ApplicationKind, ApplicationStatus } from '../../db/schema.ts';
import { actorName, type Actor } from '../access/actor.ts';
import { recordAudit } from '../audit.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import type { GuardianChild } from '../guardian/child.ts';
import { enqueueNotifications } from '../notifications/outbox.ts';
import { APPLICATION_KINDS } from './kinds.ts';
import { eventFieldsOf, eventKey, eventType } from './notify.ts';
import { submitApplication } from './send.ts';
import type { Ok, Refused } from '../result.ts';

export type ConfirmationAnswer = 'confirmed' | 'declined';
export type AnswerResult = Ok<{ status: ApplicationStatus }> | Refused<'closed'>;

/** The child's application of this kind, locked for the change; another child's, another kind's (or none) → 404. */
export async function lockChildApplication(
  trx: Db,
  child: GuardianChild,
  kind: ApplicationKind,
  applicationId: number,
) {
  const app = await trx
    .selectFrom('application')
    .select(['id', 'kind', 'pupil_id', 'school_id', 'sfo_id', 'applicant_id', 'status'])
    .where('id', '=', applicationId)
    .where('pupil_id', '=', child.pupilId)
    .where('kind', '=', kind)
    .forUpdate()
    .executeTakeFirst();
  if (!app) throw new NotFoundError();
  return app;
}

/** The audit record of an application: `<kind>_application` and its id. */
export const auditRecord = (kind: ApplicationKind, id: number) => ({ type: `${kind}_application`, id });

/**
 * Another guardian with parental responsibility confirms or declines (G7, G8). Only a guardian asked to confirm has
 * anything to answer (the applicant and everyone else: 404). All confirmed → it is submitted to the deciders;
 * one declines → it stops there and the applicant is told.
 */
export async function answerConfirmation(
  db: Db,
  kind: ApplicationKind,
  actor: Actor,
  child: GuardianChild,
  applicationId: number,
  answer: ConfirmationAnswer,
  now = new Date(),
): Promise<AnswerResult> {
  if (!APPLICATION_KINDS[kind].mayApply(actor, child.facts)) throw new ForbiddenError();
  return db.transaction().execute(async (trx) => {
    const app = await lockChildApplication(trx, child, kind, applicationId);
    const mine = await trx
      .selectFrom('application_confirmation')
      .select('answer')
      .where('application_id', '=', app.id)
      .where('guardian_id', '=', actor.personId)
      .executeTakeFirst();
    if (!mine) throw new NotFoundError();
    if (mine.answer !== null || app.status !== 'awaiting_guardians')
      return { ok: false as const, reason: 'closed' as const };
    await trx
      .updateTable('application_confirmation')
      .set({ answer, answered_at: now })
      .where('application_id', '=', app.id)
      .where('guardian_id', '=', actor.personId)
      .execute();
    const audit = { actor, role: 'guardian', subjectPersonId: child.pupilId, record: auditRecord(kind, app.id) };
    const fields = await eventFieldsOf(trx, kind, app.id);
    if (answer === 'declined') {
      await trx.updateTable('application').set({ status: 'declined' }).where('id', '=', app.id).execute();
      await enqueueNotifications(trx, [
        {
          recipientPersonId: app.applicant_id,
          category: APPLICATION_KINDS[kind].category,
          eventType: eventType(kind, 'declined'),
          schoolId: app.school_id,
          pupilId: app.pupil_id,
          payload: { applicationId: app.id, guardianName: actorName(actor), ...fields },
          idempotencyKey: eventKey(kind, app.id, 'declined'),
        },
      ]);
      await recordAudit(trx, { ...audit, action: `${kind}.decline` }, now);
      return { ok: true as const, status: 'declined' as const };
    }
    const open = await trx
      .selectFrom('application_confirmation')
      .select('guardian_id')
      .where('application_id', '=', app.id)
      .where('answer', 'is', null)
      .limit(1)
      .execute();
    if (open.length === 0)
      await submitApplication(
        trx,
        { id: app.id, kind, pupilId: app.pupil_id, schoolId: app.school_id, sfoId: app.sfo_id },
        fields,
        now,
      );
    await recordAudit(trx, { ...audit, action: `${kind}.confirm` }, now);
    return { ok: true as const, status: open.length === 0 ? ('submitted' as const) : ('awaiting_guardians' as const) };
  });
}

/** Who was asked to confirm these applications and how they answered (for the guardians' lists), by application. */
export async function confirmationsOf(db: Db, applicationIds: number[]) {
  if (applicationIds.length === 0) return [];
  return db
    .selectFrom('application_confirmation as c')
    .innerJoin('person as p', 'p.id', 'c.guardian_id')
    .select(['c.application_id', 'c.guardian_id', 'c.answer', 'p.given_name', 'p.family_name'])
    .where('c.application_id', 'in', applicationIds)
    .orderBy('c.guardian_id')
    .execute();
}

/** This guardian's own vedtak letter of each decided application. */
export async function ownVedtakOf(db: Db, applicationIds: number[], guardianId: number) {
  if (applicationIds.length === 0) return [];
  return db
    .selectFrom('application_document')
    .select(['application_id', 'document_id'])
    .where('application_id', 'in', applicationIds)
    .where('guardian_id', '=', guardianId)
    .execute();
}
