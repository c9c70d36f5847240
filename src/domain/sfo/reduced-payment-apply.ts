import type { Db } from '../../db/database.ts';
import type { ApplicationStatus } from '../../db/schema.ts';
import { todayInOslo, type Actor } from '../access/actor.ts';
import { canApplyForReducedSfoPayment } from '../access/policy.ts';
import { auditRecord } from '../applications/confirm.ts';
import { requireDecidableApplication } from '../applications/queue.ts';
import { insertApplication, sendApplication } from '../applications/send.ts';
import { CLOSED_STATUSES } from '../applications/status.ts';
import { recordAudit } from '../audit.ts';
import { addDays } from '../calendar/dates.ts';
import { schoolYearOf } from '../calendar/school-days.ts';
import { postgresDocumentStore, storeDocument, type StoredDocument } from '../documents/store.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import { requireGuardianChild, type GuardianChild } from '../guardian/child.ts';
import { activeOn } from '../period.ts';
import { checkText } from '../text.ts';
import {
  ATTACHMENT_MAX_BYTES,
  HOUSEHOLD_MEMBERS_MAX,
  INCOME_MAX_KRONER,
  loadReducedPaymentDetails,
  parseKroner,
  type ReducedPaymentDetails,
} from './reduced-payment.ts';

/** G9: the guardian's application for reduced payment, its list, and the attachment's download. */
export interface ReducedPaymentInput {
  schoolYearId: string;
  householdMembers: string;
  householdSize: string;
  grossIncome: string;
}
export interface UploadedPdf {
  filename: string;
  bytes: Uint8Array;
}

export interface ReducedPaymentErrors {
  trinn?: 'not_eligible';
  sfo?: 'no_place';
  schoolYear?: 'invalid' | 'duplicate';
  householdMembers?: 'required' | 'too_long';
  householdSize?: 'required' | 'invalid';
  grossIncome?: 'required' | 'invalid' | 'too_large';
  attachment?: 'required' | 'not_pdf' | 'too_large';
}

export interface ReducedPaymentFacts {
  /** 1.–4. trinn. */
  trinnOk: boolean;
  /** The SFO the child has a place in now (the application goes to it), or null. */
  sfo: { id: number; name: string } | null;
  /** The school years one can apply for: the current and the next. */
  years: { id: number; name: string }[];
}

export const isPdf = (bytes: Uint8Array) =>
  bytes.byteLength >= 5 && Buffer.from(bytes.buffer, bytes.byteOffset, 5).toString('latin1') === '%PDF-';

/** What the form needs: whether the child may get it, the SFO and the school years (two queries). */
export async function reducedPaymentFacts(db: Db, child: GuardianChild, today: string): Promise<ReducedPaymentFacts> {
  const sfo = await db
    .selectFrom('sfo_enrolment as e')
    .innerJoin('sfo as f', 'f.id', 'e.sfo_id')
    .select(['f.id', 'f.name'])
    .where('e.pupil_id', '=', child.pupilId)
    .where(activeOn('e', today))
    .orderBy('e.starts_on', 'desc')
    .limit(1)
    .executeTakeFirst();
  const current = await schoolYearOf(db, child.municipalityId, today);
  const next = current ? await schoolYearOf(db, child.municipalityId, addDays(current.endsOn, 1)) : null;
  return {
    trinnOk: child.trinn >= 1 && child.trinn <= 4,
    sfo: sfo ?? null,
    years: [current, next].filter((y) => y !== null).map((y) => ({ id: y.id, name: y.name })),
  };
}

export function checkReducedPaymentForm(
  facts: ReducedPaymentFacts,
  input: ReducedPaymentInput,
  file: UploadedPdf | null,
): { errors: ReducedPaymentErrors; schoolYearId: number; members: string; size: number; incomeOre: number } {
  const errors: ReducedPaymentErrors = {};
  if (!facts.trinnOk) errors.trinn = 'not_eligible';
  if (!facts.sfo) errors.sfo = 'no_place';
  const schoolYearId = Number(input.schoolYearId);
  if (!facts.years.some((y) => y.id === schoolYearId)) errors.schoolYear = 'invalid';
  const members = checkText(input.householdMembers, { max: HOUSEHOLD_MEMBERS_MAX, required: true });
  if (members.error) errors.householdMembers = members.error === 'too_long' ? 'too_long' : 'required';
  const sizeText = input.householdSize.trim();
  const size = /^\d{1,2}$/.test(sizeText) ? Number(sizeText) : Number.NaN;
  if (!sizeText) errors.householdSize = 'required';
  else if (!(size >= 1 && size <= 20)) errors.householdSize = 'invalid';
  const incomeOre = input.grossIncome.trim() ? parseKroner(input.grossIncome) : null;
  if (!input.grossIncome.trim()) errors.grossIncome = 'required';
  else if (incomeOre === null) errors.grossIncome = 'invalid';
  else if (incomeOre > INCOME_MAX_KRONER * 100) errors.grossIncome = 'too_large';
  if (!file || file.bytes.byteLength === 0) errors.attachment = 'required';
  else if (file.bytes.byteLength > ATTACHMENT_MAX_BYTES) errors.attachment = 'too_large';
  else if (!isPdf(file.bytes)) errors.attachment = 'not_pdf';
  return { errors, schoolYearId, members: members.text, size, incomeOre: incomeOre ?? 0 };
}

export type ReducedApplyResult =
  | { ok: true; applicationId: number; status: Extract<ApplicationStatus, 'submitted' | 'awaiting_guardians'> }
  | { ok: false; errors: ReducedPaymentErrors };

/**
 * G9: a guardian applies for reduced payment for a school year, with the tax assessment as a PDF (stored as a
 * document addressed to the applicant; deciders download it through the application). One open or granted
 * application per child and school year. Like leave, it waits for the other guardian's confirmation where there is one.
 */
export async function applyForReducedPayment(
  db: Db,
  actor: Actor,
  child: GuardianChild,
  input: ReducedPaymentInput,
  file: UploadedPdf | null,
  now = new Date(),
): Promise<ReducedApplyResult> {
  const today = todayInOslo(now);
  const facts = await reducedPaymentFacts(db, child, today);
  const checked = checkReducedPaymentForm(facts, input, file);
  if (Object.keys(checked.errors).length) return { ok: false, errors: checked.errors };
  if (!canApplyForReducedSfoPayment(actor, child.facts)) throw new ForbiddenError();
  const sfo = facts.sfo!;
  return db.transaction().execute(async (trx): Promise<ReducedApplyResult> => {
    await trx.selectFrom('person').select('id').where('id', '=', child.pupilId).forUpdate().execute();
    const duplicate = await trx
      .selectFrom('sfo_reduced_payment_application as r')
      .innerJoin('application as a', 'a.id', 'r.application_id')
      .select('a.id')
      .where('a.pupil_id', '=', child.pupilId)
      .where('r.school_year_id', '=', checked.schoolYearId)
      .where('a.status', 'not in', CLOSED_STATUSES)
      .executeTakeFirst();
    if (duplicate) return { ok: false, errors: { schoolYear: 'duplicate' } };
    const app = {
      kind: 'sfo_reduced_payment' as const,
      pupilId: child.pupilId,
      schoolId: child.schoolId,
      sfoId: sfo.id,
    };
    const id = await insertApplication(trx, { ...app, applicantId: actor.personId }, now);
    const year = facts.years.find((y) => y.id === checked.schoolYearId)!;
    const { id: documentId } = await storeDocument(trx, {
      pupilId: child.pupilId,
      guardianId: actor.personId,
      kind: 'attachment',
      title: `Skattemelding/skatteoppgjør – SFO ${year.name}`,
      filename: file!.filename || 'skattemelding.pdf',
      contentType: 'application/pdf',
      content: file!.bytes,
      createdBy: actor.personId,
      createdAt: now,
    });
    await trx
      .insertInto('sfo_reduced_payment_application')
      .values({
        application_id: id,
        school_year_id: checked.schoolYearId,
        household_members: checked.members,
        household_size: checked.size,
        gross_income_ore: checked.incomeOre,
        attachment_document_id: documentId,
      })
      .execute();
    const status = await sendApplication(trx, { ...app, id }, actor, now);
    await recordAudit(
      trx,
      {
        actor,
        role: 'guardian',
        action: 'sfo_reduced_payment.apply',
        subjectPersonId: child.pupilId,
        record: auditRecord('sfo_reduced_payment', id),
        details: { status, schoolYearId: checked.schoolYearId, attachment: documentId },
      },
      now,
    );
    return { ok: true, applicationId: id, status };
  });
}

/** One earlier application as the guardian's page lists it. */
export interface ReducedPaymentListItem {
  id: number;
  status: ApplicationStatus;
  createdAt: Date;
  details: ReducedPaymentDetails;
  /** The applicant's own attachment (only the applicant downloads it). */
  mine: boolean;
  /** This guardian's vedtak letter, once decided. */
  vedtakDocumentId: number | null;
  /** Another guardian applied and waits for this guardian to confirm or decline. */
  mustAnswer: boolean;
  applicantName: string;
}

/** The child's reduced-payment applications, newest first (bounded: 20). */
export async function listReducedPaymentApplications(
  db: Db,
  actor: Actor,
  child: GuardianChild,
): Promise<ReducedPaymentListItem[]> {
  const rows = await db
    .selectFrom('application as a')
    .leftJoin('application_document as d', (j) =>
      j.onRef('d.application_id', '=', 'a.id').on('d.guardian_id', '=', actor.personId),
    )
    .leftJoin('application_confirmation as k', (j) =>
      j.onRef('k.application_id', '=', 'a.id').on('k.guardian_id', '=', actor.personId),
    )
    .innerJoin('person as p', 'p.id', 'a.applicant_id')
    .select([
      'a.id',
      'a.status',
      'a.created_at',
      'a.applicant_id',
      'd.document_id',
      'k.guardian_id as asked',
      'k.answer',
      'p.given_name',
      'p.family_name',
    ])
    .where('a.pupil_id', '=', child.pupilId)
    .where('a.kind', '=', 'sfo_reduced_payment')
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(20)
    .execute();
  const details = await loadReducedPaymentDetails(
    db,
    rows.map((r) => r.id),
  );
  return rows.flatMap((r) => {
    const d = details.get(r.id);
    return d
      ? [
          {
            id: r.id,
            status: r.status,
            createdAt: r.created_at,
            details: d,
            mine: r.applicant_id === actor.personId,
            vedtakDocumentId: r.document_id ?? null,
            mustAnswer: r.status === 'awaiting_guardians' && r.asked !== null && r.answer === null,
            applicantName: `${r.given_name} ${r.family_name}`,
          },
        ]
      : [];
  });
}

/**
 * The tax assessment attached to an application, audited: for the applicant (a guardian who still reaches the
 * child), and for whoever decides the application (S8). Anyone else: 404.
 */
export async function downloadReducedPaymentAttachment(
  db: Db,
  actor: Actor,
  applicationId: number,
  today = todayInOslo(),
): Promise<StoredDocument> {
  if (!Number.isSafeInteger(applicationId) || applicationId <= 0) throw new NotFoundError();
  const row = await db
    .selectFrom('application as a')
    .innerJoin('sfo_reduced_payment_application as r', 'r.application_id', 'a.id')
    .select(['a.pupil_id', 'a.applicant_id', 'r.attachment_document_id'])
    .where('a.id', '=', applicationId)
    .executeTakeFirst();
  if (!row || row.attachment_document_id === null) throw new NotFoundError();
  let role: string;
  if (actor.via === 'idporten') {
    if (row.applicant_id !== actor.personId) throw new NotFoundError();
    await requireGuardianChild(db, actor, row.pupil_id, today);
    role = 'guardian';
  } else {
    const { app } = await requireDecidableApplication(db, actor, applicationId, today);
    if (app.kind !== 'sfo_reduced_payment') throw new NotFoundError();
    role = 'sfo_leader';
  }
  const doc = await postgresDocumentStore(db).get(row.attachment_document_id);
  if (!doc || doc.pupilId !== row.pupil_id) throw new NotFoundError();
  await recordAudit(db, {
    actor,
    role,
    action: 'document.download',
    subjectPersonId: doc.pupilId,
    record: { type: 'document', id: doc.id },
    details: { kind: doc.kind, sha256: doc.sha256, applicationId },
  });
  return doc;
}
