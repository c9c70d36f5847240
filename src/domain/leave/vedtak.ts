import type { Db } from '../../db/database.ts';
import { fill, formatDate } from '../../i18n/index.ts';
import { leaveDecisionText, vedtakText } from '../../i18n/leave-decision.ts';
import type { Actor } from '../access/actor.ts';
import { recordAudit } from '../audit.ts';
import type { Letter } from '../documents/api.ts';
import { renderLetterPdf } from '../documents/pdf.ts';
import { postgresDocumentStore, safeFilename, type StoredDocument } from '../documents/store.ts';
import { NotFoundError } from '../errors.ts';
import type { GuardianWithAccess } from '../guardian/guardians.ts';
import { requireLeaveCase, type DecidedOutcome, type LeaveCase } from './queue.ts';

/** What was decided, as the letter states it. */
export interface VedtakDecision {
  outcome: DecidedOutcome;
  grantedFrom: string | null;
  grantedTo: string | null;
  grantedDays: number | null;
  reasons: string | null;
  deciderName: string;
  /** The decider's title at the school, e.g. "Rektor". */
  deciderTitle: string | null;
  decidedAt: Date;
}

const range = (from: string, to: string) => `${formatDate(from)}–${formatDate(to)}`;

/**
 * The vedtak (an enkeltvedtak) to one guardian, in the school's hovudmål: the pupil, what was applied for,
 * the decision and its reasons (fvl. §§ 24–25), the legal basis (opplæringslova § 2-2 fourth paragraph and the
 * municipality's local forskrift; the fifth paragraph for religious holidays), the parents' duty during the
 * leave, the right to appeal within 3 weeks (fvl. §§ 28–29) and to see the documents (fvl. § 18).
 */
export function buildVedtakLetter(leave: LeaveCase, decision: VedtakDecision, recipient: GuardianWithAccess): Letter {
  const lang = leave.hovudmaal;
  const t = vedtakText[lang];
  const days = (n: number) => fill(n === 1 ? t.schoolDay : t.schoolDays_, { count: n });
  const granted = decision.outcome !== 'refused' && decision.grantedFrom && decision.grantedTo
    ? { from: formatDate(decision.grantedFrom), to: formatDate(decision.grantedTo), days: days(decision.grantedDays ?? 0) }
    : { from: formatDate(leave.from), to: formatDate(leave.to), days: days(leave.schoolDays) };
  const paragraph = (value: string) => ({ label: '', value });
  return {
    lang,
    sender: [leave.schoolName, ...leave.schoolAddress],
    recipient: [`${recipient.givenName} ${recipient.familyName}`, ...recipient.address],
    date: formatDate(decision.decidedAt),
    title: t.title,
    intro: fill(t.intro, { name: leave.pupilName, received: formatDate(leave.submittedAt ?? decision.decidedAt), applicant: leave.applicantName }),
    sections: [
      { heading: t.pupilHeading, rows: [{ label: t.pupil, value: leave.pupilName }, { label: t.class, value: leave.className }, { label: t.school, value: leave.schoolName }] },
      {
        heading: t.applicationHeading,
        rows: [
          { label: t.period, value: range(leave.from, leave.to) },
          { label: t.schoolDays, value: String(leave.schoolDays) },
          { label: t.reason, value: leaveDecisionText[lang].reasonsByCode[leave.reason] },
          { label: t.justification, value: leave.justification },
        ],
      },
      {
        heading: t.decisionHeading,
        rows: [
          { label: t.decision, value: fill(t.outcome[decision.outcome], granted) },
          paragraph(fill(t.statement[decision.outcome], { name: leave.pupilName, ...granted })),
        ],
      },
      { heading: t.reasonsHeading, rows: [paragraph(decision.reasons?.trim() || t.grantedAsApplied)] },
      { heading: t.legalHeading, rows: [paragraph(fill(t.legal, { municipality: leave.municipalityName })), ...(leave.reason === 'religion' ? [paragraph(t.legalReligion)] : [])] },
      ...(decision.outcome === 'refused' ? [] : [{ heading: t.dutyHeading, rows: [paragraph(t.duty)] }]),
      { heading: t.appealHeading, rows: [paragraph(t.appeal), paragraph(t.access)] },
      { heading: t.signatureHeading, rows: [paragraph(decision.deciderName), paragraph([decision.deciderTitle?.toLowerCase(), leave.schoolName].filter(Boolean).join(', '))] },
    ],
    footer: t.footer,
  };
}

/** The letter as a PDF with its document title and filename. */
export async function renderVedtak(leave: LeaveCase, decision: VedtakDecision, recipient: GuardianWithAccess) {
  const t = vedtakText[leave.hovudmaal];
  const content = await renderLetterPdf(buildVedtakLetter(leave, decision, recipient), { now: decision.decidedAt });
  const given = leave.pupilName.split(' ')[0]!.toLowerCase();
  return {
    content,
    title: fill(t.documentTitle, { name: leave.pupilName }),
    filename: safeFilename(fill(t.filename, { name: given, date: formatDate(decision.decidedAt) })),
  };
}

/**
 * Staff download of a vedtak letter: only for an application the actor may decide, and only a document that is
 * one of that application's letters; anything else is 404. Audited like a guardian's download.
 */
export async function downloadVedtak(db: Db, actor: Actor, applicationId: number, documentId: number, today: string, now = new Date()): Promise<StoredDocument> {
  const { leave } = await requireLeaveCase(db, actor, applicationId, today);
  const link = await db.selectFrom('leave_decision_document').select('document_id')
    .where('leave_application_id', '=', leave.id).where('document_id', '=', documentId).executeTakeFirst();
  const doc = link ? await postgresDocumentStore(db).get(documentId) : undefined;
  if (!doc) throw new NotFoundError();
  await recordAudit(db, {
    actor, role: 'leadership', action: 'document.download', subjectPersonId: doc.pupilId,
    record: { type: 'document', id: doc.id }, details: { kind: doc.kind, sha256: doc.sha256, leaveApplicationId: leave.id },
  }, now);
  return doc;
}
