import type { Db } from '../../db/database.ts';
import type { LeaveStatus } from '../../db/schema.ts';
import { actorName, type Actor } from '../access/actor.ts';
import { canApplyForLeave } from '../access/policy.ts';
import { recordAudit } from '../audit.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import type { GuardianChild } from '../guardian/child.ts';
import type { EventPayloads } from '../notifications/events.ts';
import { enqueueNotifications } from '../notifications/outbox.ts';
import { submitToSchool } from './apply.ts';

export type ConfirmationAnswer = 'confirmed' | 'declined';
export type AnswerResult = { ok: true; status: LeaveStatus } | { ok: false; reason: 'closed' };

/** The child's application, locked for the change; another child's (or none) → 404. */
export async function lockApplication(trx: Db, child: GuardianChild, applicationId: number) {
  const app = await trx.selectFrom('leave_application')
    .select(['id', 'pupil_id', 'school_id', 'applicant_id', 'from_date', 'to_date', 'status'])
    .where('id', '=', applicationId).where('pupil_id', '=', child.pupilId)
    .forUpdate().executeTakeFirst();
  if (!app) throw new NotFoundError();
  return app;
}

/**
 * G7: another guardian with parental responsibility confirms or declines. Only a guardian asked to confirm
 * has anything to answer (the applicant and everyone else: 404). All confirmed → the school gets it;
 * one declines → it stops there and the applicant is told.
 */
export async function answerLeaveConfirmation(db: Db, actor: Actor, child: GuardianChild, applicationId: number, answer: ConfirmationAnswer, now = new Date()): Promise<AnswerResult> {
  if (!canApplyForLeave(actor, child.facts)) throw new ForbiddenError();
  return db.transaction().execute(async (trx) => {
    const app = await lockApplication(trx, child, applicationId);
    const mine = await trx.selectFrom('leave_confirmation').select('answer')
      .where('leave_application_id', '=', app.id).where('guardian_id', '=', actor.personId).executeTakeFirst();
    if (!mine) throw new NotFoundError();
    if (mine.answer !== null || app.status !== 'awaiting_guardians') return { ok: false as const, reason: 'closed' as const };
    await trx.updateTable('leave_confirmation').set({ answer, answered_at: now })
      .where('leave_application_id', '=', app.id).where('guardian_id', '=', actor.personId).execute();
    const audit = { actor, role: 'guardian', subjectPersonId: child.pupilId, record: { type: 'leave_application', id: app.id } };
    if (answer === 'declined') {
      await trx.updateTable('leave_application').set({ status: 'declined' }).where('id', '=', app.id).execute();
      const payload: EventPayloads['leave.declined'] = { applicationId: app.id, guardianName: actorName(actor), from: app.from_date, to: app.to_date };
      await enqueueNotifications(trx, [{
        recipientPersonId: app.applicant_id, category: 'absence', eventType: 'leave.declined', schoolId: app.school_id,
        pupilId: app.pupil_id, payload, idempotencyKey: `leave:${app.id}:declined`,
      }]);
      await recordAudit(trx, { ...audit, action: 'leave.decline' }, now);
      return { ok: true as const, status: 'declined' as const };
    }
    const open = await trx.selectFrom('leave_confirmation').select('guardian_id')
      .where('leave_application_id', '=', app.id).where('answer', 'is', null).limit(1).execute();
    if (open.length === 0) await submitToSchool(trx, { id: app.id, pupilId: app.pupil_id, schoolId: app.school_id, from: app.from_date, to: app.to_date }, now);
    await recordAudit(trx, { ...audit, action: 'leave.confirm' }, now);
    return { ok: true as const, status: open.length === 0 ? 'submitted' as const : 'awaiting_guardians' as const };
  });
}
