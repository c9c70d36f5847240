import type { Db } from '../../db/database.ts';
import type { ApplicationKind } from '../../db/schema.ts';
import type { Actor } from '../access/actor.ts';
import { recordAudit } from '../audit.ts';
import { ForbiddenError } from '../errors.ts';
import type { GuardianChild } from '../guardian/child.ts';
import { auditRecord, lockChildApplication } from './confirm.ts';
import { APPLICATION_KINDS } from './kinds.ts';
import { mayWithdraw } from './status.ts';

/** Any guardian with access withdraws the child's application while it waits (on a guardian or the deciders). */
export async function withdrawApplication(
  db: Db,
  kind: ApplicationKind,
  actor: Actor,
  child: GuardianChild,
  applicationId: number,
  now = new Date(),
): Promise<{ ok: boolean }> {
  if (!APPLICATION_KINDS[kind].mayApply(actor, child.facts)) throw new ForbiddenError();
  return db.transaction().execute(async (trx) => {
    const app = await lockChildApplication(trx, child, kind, applicationId);
    if (!mayWithdraw(app.status)) return { ok: false };
    await trx.updateTable('application').set({ status: 'withdrawn' }).where('id', '=', app.id).execute();
    await recordAudit(
      trx,
      {
        actor,
        role: 'guardian',
        action: `${kind}.withdraw`,
        subjectPersonId: child.pupilId,
        record: auditRecord(kind, app.id),
        details: { from: app.status },
      },
      now,
    );
    return { ok: true };
  });
}
