import type { Db } from '../../db/database.ts';
import type { ApplicationStatus, SfoPlaceKind } from '../../db/schema.ts';
import { todayInOslo, type Actor } from '../access/actor.ts';
import { canApplyForSfo } from '../access/policy.ts';
import { auditRecord } from '../applications/confirm.ts';
import { insertApplication, sendApplication } from '../applications/send.ts';
import { recordAudit } from '../audit.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import type { GuardianChild } from '../guardian/child.ts';
import { checkSfoPlaceApplication, type SfoPlaceErrors, type SfoPlaceInput } from './place-form.ts';
import { sfoOfChild } from './place-state.ts';

export type SfoApplyResult =
  | { ok: true; applicationId: number; status: Extract<ApplicationStatus, 'submitted' | 'awaiting_guardians'> }
  | { ok: false; errors: SfoPlaceErrors };

/**
 * G8: a guardian applies for an SFO place, a change of it, or its termination. The applicant is the payer (the
 * "shared invoice" box is a request the SFO leader sees). With another guardian holding parental responsibility it
 * waits for their confirmation (the applications module); else it goes to the SFO leader at once. A school without
 * an SFO → 404. Checked and saved in one transaction, the pupil row locked so two submits cannot both pass.
 */
export async function applyForSfoPlace(
  db: Db,
  actor: Actor,
  child: GuardianChild,
  kind: SfoPlaceKind,
  input: SfoPlaceInput,
  now = new Date(),
): Promise<SfoApplyResult> {
  const today = todayInOslo(now);
  const sfo = await sfoOfChild(db, child, today);
  if (!sfo) throw new NotFoundError();
  if (!canApplyForSfo(actor, child.facts, sfo)) throw new ForbiddenError();
  return db.transaction().execute(async (trx) => {
    await trx.selectFrom('person').select('id').where('id', '=', child.pupilId).forUpdate().execute();
    const check = await checkSfoPlaceApplication(trx, kind, child, sfo, input, today);
    if (!check.ok) return check;
    const { values } = check;
    const app = { kind, pupilId: child.pupilId, schoolId: sfo.schoolId, sfoId: sfo.sfoId };
    const id = await insertApplication(trx, { ...app, applicantId: actor.personId }, now);
    await trx
      .insertInto('sfo_application')
      .values({
        application_id: id,
        offer_id: values.offerId,
        days: values.days,
        from_date: values.from,
        comment: values.comment,
        shared_invoice: values.sharedInvoice,
        enrolment_id: values.enrolmentId,
      })
      .execute();
    const status = await sendApplication(trx, { ...app, id }, actor, now);
    await recordAudit(
      trx,
      {
        actor,
        role: 'guardian',
        action: `${kind}.apply`,
        subjectPersonId: child.pupilId,
        record: auditRecord(kind, id),
        details: { status, offerId: values.offerId, days: values.days, from: values.from },
      },
      now,
    );
    return { ok: true as const, applicationId: id, status };
  });
}
