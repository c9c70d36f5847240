import type { Db } from '../../db/database.ts';
import type { LeaveStatus } from '../../db/schema.ts';
import type { Actor } from '../access/actor.ts';
import { canApplyForLeave } from '../access/policy.ts';
import { recordAudit } from '../audit.ts';
import { ForbiddenError } from '../errors.ts';
import type { GuardianChild } from '../guardian/child.ts';
import { lockApplication } from './confirm.ts';

/** Until the school has decided, a guardian may take the application back. */
export const mayWithdrawLeave = (status: LeaveStatus) => status === 'awaiting_guardians' || status === 'submitted';

/** G7: any guardian with access withdraws the child's application while it waits (on a guardian or the school). */
export async function withdrawLeaveApplication(db: Db, actor: Actor, child: GuardianChild, applicationId: number, now = new Date()): Promise<{ ok: boolean }> {
  if (!canApplyForLeave(actor, child.facts)) throw new ForbiddenError();
  return db.transaction().execute(async (trx) => {
    const app = await lockApplication(trx, child, applicationId);
    if (!mayWithdrawLeave(app.status)) return { ok: false };
    await trx.updateTable('leave_application').set({ status: 'withdrawn' }).where('id', '=', app.id).execute();
    await recordAudit(trx, {
      actor, role: 'guardian', action: 'leave.withdraw', subjectPersonId: child.pupilId,
      record: { type: 'leave_application', id: app.id }, details: { from: app.status },
    }, now);
    return { ok: true };
  });
}
