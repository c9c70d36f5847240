import type { Db } from '../../db/database.ts';
import type { ApplicationStatus } from '../../db/schema.ts';
import { todayInOslo, type Actor } from '../access/actor.ts';
import { canApplyForLeave } from '../access/policy.ts';
import { auditRecord } from '../applications/confirm.ts';
import { insertApplication, sendApplication } from '../applications/send.ts';
import { recordAudit } from '../audit.ts';
import { ForbiddenError } from '../errors.ts';
import type { GuardianChild } from '../guardian/child.ts';
import { checkLeaveApplication, type LeaveErrors, type LeaveInput } from './form.ts';
import type { LeaveLimit } from './limits.ts';

export type ApplyResult =
  | { ok: true; applicationId: number; status: Extract<ApplicationStatus, 'submitted' | 'awaiting_guardians'> }
  | { ok: false; errors: LeaveErrors; limit: LeaveLimit | null };

/**
 * G7: a guardian applies for leave. With another guardian holding parental responsibility the application
 * waits for their confirmation (DOMAIN-FACTS §4: both must agree); else it goes to the school at once.
 * Checked and saved in one transaction; the pupil row is locked so two submits cannot both pass the overlap check.
 */
export async function applyForLeave(
  db: Db,
  actor: Actor,
  child: GuardianChild,
  input: LeaveInput,
  now = new Date(),
): Promise<ApplyResult> {
  if (!canApplyForLeave(actor, child.facts)) throw new ForbiddenError();
  const today = todayInOslo(now);
  return db.transaction().execute(async (trx) => {
    await trx.selectFrom('person').select('id').where('id', '=', child.pupilId).forUpdate().execute();
    const check = await checkLeaveApplication(trx, child, input, today);
    if (!check.ok) return check;
    const { values } = check;
    const app = { kind: 'leave' as const, pupilId: child.pupilId, schoolId: child.schoolId, sfoId: null };
    const id = await insertApplication(trx, { ...app, applicantId: actor.personId }, now);
    await trx
      .insertInto('leave_application')
      .values({
        application_id: id,
        reason: values.reason,
        from_date: values.from,
        to_date: values.to,
        school_days: values.schoolDays,
        justification: values.justification,
        rules_confirmed_at: now,
      })
      .execute();
    const status = await sendApplication(trx, { ...app, id }, actor, now);
    await recordAudit(
      trx,
      {
        actor,
        role: 'guardian',
        action: 'leave.apply',
        subjectPersonId: child.pupilId,
        record: auditRecord('leave', id),
        details: { status, schoolDays: values.schoolDays, overLimit: check.limit.over },
      },
      now,
    );
    return { ok: true as const, applicationId: id, status };
  });
}
