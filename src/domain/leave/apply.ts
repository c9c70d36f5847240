import type { Db } from '../../db/database.ts';
import type { LeaveStatus } from '../../db/schema.ts';
import { actorName, todayInOslo, type Actor } from '../access/actor.ts';
import { canApplyForLeave } from '../access/policy.ts';
import { recordAudit } from '../audit.ts';
import { ForbiddenError } from '../errors.ts';
import type { GuardianChild } from '../guardian/child.ts';
import { guardiansWithAccess } from '../guardian/guardians.ts';
import type { EventPayloads } from '../notifications/events.ts';
import { enqueueNotifications, leadershipIdsForSchool } from '../notifications/outbox.ts';
import { checkLeaveApplication, type LeaveErrors, type LeaveInput } from './form.ts';
import type { LeaveLimit } from './limits.ts';

export type ApplyResult =
  | { ok: true; applicationId: number; status: Extract<LeaveStatus, 'submitted' | 'awaiting_guardians'> }
  | { ok: false; errors: LeaveErrors; limit: LeaveLimit | null };

interface SubmittedApplication {
  id: number;
  pupilId: number;
  schoolId: number;
  from: string;
  to: string;
}

/** The application goes to the school: status submitted, and the school's leadership is told (S8's queue). */
export async function submitToSchool(trx: Db, app: SubmittedApplication, now: Date): Promise<void> {
  await trx.updateTable('leave_application').set({ status: 'submitted', submitted_at: now }).where('id', '=', app.id).execute();
  const payload: EventPayloads['leave.submitted'] = { applicationId: app.id, from: app.from, to: app.to };
  const leaders = await leadershipIdsForSchool(trx, app.schoolId, todayInOslo(now));
  await enqueueNotifications(trx, leaders.map((id) => ({
    recipientPersonId: id, category: 'absence', eventType: 'leave.submitted', schoolId: app.schoolId, pupilId: app.pupilId,
    payload, idempotencyKey: `leave:${app.id}:submitted:${id}`,
  })));
}

/**
 * G7: a guardian applies for leave. With another guardian holding parental responsibility the application
 * waits for their confirmation (DOMAIN-FACTS §4: both must agree); else it goes to the school at once.
 * Checked and saved in one transaction; the pupil row is locked so two submits cannot both pass the overlap check.
 */
export async function applyForLeave(db: Db, actor: Actor, child: GuardianChild, input: LeaveInput, now = new Date()): Promise<ApplyResult> {
  if (!canApplyForLeave(actor, child.facts)) throw new ForbiddenError();
  const today = todayInOslo(now);
  return db.transaction().execute(async (trx) => {
    await trx.selectFrom('person').select('id').where('id', '=', child.pupilId).forUpdate().execute();
    const check = await checkLeaveApplication(trx, child, input, today);
    if (!check.ok) return check;
    const { values } = check;
    const others = (await guardiansWithAccess(trx, child.pupilId)).filter((g) => g.personId !== actor.personId);
    const status = others.length ? 'awaiting_guardians' : 'submitted';
    const { id } = await trx.insertInto('leave_application').values({
      pupil_id: child.pupilId, school_id: child.schoolId, applicant_id: actor.personId, reason: values.reason,
      from_date: values.from, to_date: values.to, school_days: values.schoolDays, justification: values.justification,
      rules_confirmed_at: now, status: 'awaiting_guardians', created_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    if (others.length) {
      await trx.insertInto('leave_confirmation').values(others.map((g) => ({ leave_application_id: id, guardian_id: g.personId }))).execute();
      const payload: EventPayloads['leave.confirmation_requested'] = { applicationId: id, applicantName: actorName(actor), from: values.from, to: values.to };
      await enqueueNotifications(trx, others.map((g) => ({
        recipientPersonId: g.personId, category: 'absence', eventType: 'leave.confirmation_requested', schoolId: child.schoolId,
        pupilId: child.pupilId, payload, idempotencyKey: `leave:${id}:confirm:${g.personId}`,
      })));
    } else {
      await submitToSchool(trx, { id, pupilId: child.pupilId, schoolId: child.schoolId, from: values.from, to: values.to }, now);
    }
    await recordAudit(trx, {
      actor, role: 'guardian', action: 'leave.apply', subjectPersonId: child.pupilId, record: { type: 'leave_application', id },
      details: { status, schoolDays: values.schoolDays, overLimit: check.limit.over },
    }, now);
    return { ok: true as const, applicationId: id, status };
  });
}
