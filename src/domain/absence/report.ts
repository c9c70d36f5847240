import type { Db } from '../../db/database.ts';
import { todayInOslo, type Actor } from '../access/actor.ts';
import { canReportAbsence } from '../access/policy.ts';
import { recordAudit } from '../audit.ts';
import { ForbiddenError } from '../errors.ts';
import type { GuardianChild } from '../guardian/child.ts';
import { checkAbsenceReport } from './report-checks.ts';
import type { ReportErrors, ReportValues } from './report-form.ts';

export type ReportResult = { ok: true; reportId: number } | { ok: false; errors: ReportErrors };

/**
 * G6: a guardian reports the child's absence. Checked against the school year, the skolerute, the timetable
 * and the child's earlier reports inside one transaction (the child's row is locked, so two guardians
 * reporting at once cannot both report the same day). Audited without the note.
 */
export async function reportAbsence(
  db: Db,
  actor: Actor,
  child: GuardianChild,
  values: ReportValues,
  now = new Date(),
): Promise<ReportResult> {
  if (!canReportAbsence(actor, child.facts)) throw new ForbiddenError();
  const today = todayInOslo(now);
  return db.transaction().execute(async (trx): Promise<ReportResult> => {
    await trx.selectFrom('person').select('id').where('id', '=', child.pupilId).forUpdate().execute();
    const errors = await checkAbsenceReport(trx, child, values, today);
    if (errors) return { ok: false, errors };
    const { id } = await trx
      .insertInto('absence_report')
      .values({
        pupil_id: child.pupilId,
        school_id: child.schoolId,
        reported_by: actor.personId,
        kind: values.kind,
        from_date: values.from,
        to_date: values.to,
        reason: values.reason,
        note: values.note,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (values.kind === 'lessons') {
      await trx
        .insertInto('absence_report_lesson')
        .values(values.lessonIds.map((lessonId) => ({ absence_report_id: id, lesson_id: lessonId })))
        .execute();
    }
    await recordAudit(
      trx,
      {
        actor,
        role: 'guardian',
        action: 'absence.report',
        subjectPersonId: child.pupilId,
        record: { type: 'absence_report', id },
        details: {
          kind: values.kind,
          from: values.from,
          to: values.to,
          ...(values.kind === 'lessons' ? { lessonIds: values.lessonIds } : {}),
        },
      },
      now,
    );
    return { ok: true, reportId: id };
  });
}
