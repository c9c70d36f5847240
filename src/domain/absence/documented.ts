import type { Db } from '../../db/database.ts';
import type { Actor } from '../access/actor.ts';
import { canMarkAbsenceDocumented, reachOf } from '../access/policy.ts';
import type { PupilFacts } from '../access/pupil-facts.ts';
import { recordAudit } from '../audit.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';

/**
 * The school has (or has not) received documentation for a report from home, e.g. a doctor's note: documented
 * health absence is left off the vitnemål. Leadership and the contact teacher (403 for others who see the
 * pupil); a report of another pupil, or a withdrawn one → NotFoundError. Audited when it changes.
 */
export async function markAbsenceDocumented(
  db: Db,
  actor: Actor,
  pupil: PupilFacts,
  reportId: number,
  documented: boolean,
  now = new Date(),
): Promise<void> {
  if (!canMarkAbsenceDocumented(actor, pupil)) throw new ForbiddenError();
  await db.transaction().execute(async (trx) => {
    const report = await trx
      .selectFrom('absence_report')
      .select(['id', 'documented'])
      .where('id', '=', reportId)
      .where('pupil_id', '=', pupil.pupilId)
      .where('withdrawn_at', 'is', null)
      .forUpdate()
      .executeTakeFirst();
    if (!report) throw new NotFoundError();
    if (report.documented === documented) return;
    await trx.updateTable('absence_report').set({ documented }).where('id', '=', report.id).execute();
    const role = reachOf(actor, pupil).has('leadership') ? 'leadership' : 'contact_teacher';
    await recordAudit(
      trx,
      {
        actor,
        role,
        action: 'absence.documented',
        subjectPersonId: pupil.pupilId,
        record: { type: 'absence_report', id: report.id },
        details: { documented },
      },
      now,
    );
  });
}
