import type { Db } from '../../db/database.ts';
import { vedtakFrameText } from '../../i18n/applications.ts';
import { fill, formatDate } from '../../i18n/index.ts';
import type { Actor } from '../access/actor.ts';
import { recordAudit } from '../audit.ts';
import type { Letter } from '../documents/api.ts';
import { renderLetterPdf } from '../documents/pdf.ts';
import { postgresDocumentStore, safeFilename, type StoredDocument } from '../documents/store.ts';
import { NotFoundError } from '../errors.ts';
import type { GuardianWithAccess } from '../guardian/guardians.ts';
import { deciderRole } from './deciders.ts';
import type { ApplicationCase, VedtakDecision, VedtakParts } from './definition.ts';
import { APPLICATION_KINDS } from './kinds.ts';
import { requireDecidableApplication } from './queue.ts';

/**
 * The vedtak (an enkeltvedtak) to one guardian, in the school's hovudmål: the pupil, what was applied for, the
 * decision and its reasons (fvl. §§ 24–25), the legal basis, the kind's own sections, the right to appeal within
 * 3 weeks (fvl. §§ 28–29) and to see the documents (fvl. § 18), the signature. The kind supplies its parts.
 */
export function buildVedtakLetter(
  app: ApplicationCase,
  decision: VedtakDecision<unknown>,
  parts: VedtakParts,
  recipient: GuardianWithAccess,
): Letter {
  const lang = app.hovudmaal;
  const t = vedtakFrameText[lang];
  const paragraph = (value: string) => ({ label: '', value });
  return {
    lang,
    sender: [app.schoolName, ...app.schoolAddress],
    recipient: [`${recipient.givenName} ${recipient.familyName}`, ...recipient.address],
    date: formatDate(decision.decidedAt),
    title: parts.title,
    intro: parts.intro,
    sections: [
      {
        heading: t.pupilHeading,
        rows: [
          { label: t.pupil, value: app.pupilName },
          { label: t.class, value: app.className },
          { label: t.school, value: app.schoolName },
        ],
      },
      { heading: t.applicationHeading, rows: parts.applied },
      { heading: t.decisionHeading, rows: [{ label: t.decision, value: parts.outcome }, paragraph(parts.statement)] },
      { heading: t.reasonsHeading, rows: [paragraph(decision.reasons?.trim() || t.grantedAsApplied)] },
      { heading: t.legalHeading, rows: parts.legal.map(paragraph) },
      ...parts.sections,
      {
        heading: t.appealHeading,
        rows: [paragraph(fill(t.appeal, { appealBody: parts.appealBody })), paragraph(t.access)],
      },
      {
        heading: t.signatureHeading,
        rows: [
          paragraph(decision.deciderName),
          paragraph([decision.deciderTitle?.toLowerCase(), app.schoolName].filter(Boolean).join(', ')),
        ],
      },
    ],
    footer: t.footer,
  };
}

/** The letter to one guardian as a PDF, with its document title and filename. */
export async function renderVedtak(
  app: ApplicationCase,
  decision: VedtakDecision<unknown>,
  parts: VedtakParts,
  recipient: GuardianWithAccess,
) {
  const content = await renderLetterPdf(buildVedtakLetter(app, decision, parts, recipient), {
    now: decision.decidedAt,
  });
  return { content, title: parts.documentTitle, filename: safeFilename(parts.filename) };
}

/**
 * A decider's download of a vedtak letter: only for an application the actor may decide, and only a document that
 * is one of that application's letters; anything else is 404. Audited like a guardian's download.
 */
export async function downloadVedtak(
  db: Db,
  actor: Actor,
  applicationId: number,
  documentId: number,
  today: string,
  now = new Date(),
): Promise<StoredDocument> {
  const { app } = await requireDecidableApplication(db, actor, applicationId, today);
  const link = await db
    .selectFrom('application_document')
    .select('document_id')
    .where('application_id', '=', app.id)
    .where('document_id', '=', documentId)
    .executeTakeFirst();
  const doc = link ? await postgresDocumentStore(db).get(documentId) : undefined;
  if (!doc) throw new NotFoundError();
  await recordAudit(
    db,
    {
      actor,
      role: deciderRole(APPLICATION_KINDS[app.kind].decider, actor, app),
      action: 'document.download',
      subjectPersonId: doc.pupilId,
      record: { type: 'document', id: doc.id },
      details: { kind: doc.kind, sha256: doc.sha256, applicationId: app.id },
    },
    now,
  );
  return doc;
}
