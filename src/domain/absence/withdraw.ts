import type { Db } from '../../db/database.ts';
import { todayInOslo, type Actor } from '../access/actor.ts';
import { canReportAbsence } from '../access/policy.ts';
import { recordAudit } from '../audit.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import type { GuardianChild } from '../guardian/child.ts';
import type { AbsenceEntry } from './year.ts';
import type { Ok, Refused } from '../result.ts';

/** A report from home can be withdrawn until its first day begins. */
export const mayWithdraw = (entry: AbsenceEntry, today: string): boolean =>
  entry.source === 'home' && entry.from > today;

export type WithdrawResult = Ok | Refused<'started'>;

/**
 * G6: any guardian with access to the child withdraws a report (theirs or the other guardian's) before its first
 * day. The report is kept, marked withdrawn, and counts for nothing. Another child's report → NotFoundError;
 * an already withdrawn one is fine (a double submit).
 */
export async function withdrawAbsenceReport(
  db: Db,
  actor: Actor,
  child: GuardianChild,
  reportId: number,
  now = new Date(),
): Promise<WithdrawResult> {
  if (!canReportAbsence(actor, child.facts)) throw new ForbiddenError();
  const today = todayInOslo(now);
  return db.transaction().execute(async (trx): Promise<WithdrawResult> => {
    const report = await trx
      .selectFrom('absence_report')
      .select(['id', 'kind', 'from_date', 'to_date', 'withdrawn_at'])
      .where('id', '=', reportId)
      .where('pupil_id', '=', child.pupilId)
      .forUpdate()
      .executeTakeFirst();
    if (!report) throw new NotFoundError();
    if (report.withdrawn_at) return { ok: true };
    if (report.from_date <= today) return { ok: false, reason: 'started' };
    await trx
      .updateTable('absence_report')
      .set({ withdrawn_at: now, withdrawn_by: actor.personId })
      .where('id', '=', report.id)
      .execute();
    await recordAudit(
      trx,
      {
        actor,
        role: 'guardian',
        action: 'absence.withdraw',
        subjectPersonId: child.pupilId,
        record: { type: 'absence_report', id: report.id },
        details: { kind: report.kind, from: report.from_date, to: report.to_date },
      },
      now,
    );
    return { ok: true };
  });
}
