import { requireAnyConsentChild } from '../consents/kindergarten.ts';
import type { Db } from '../../db/database.ts';
import { todayInOslo, type Actor } from '../access/actor.ts';
import { recordAudit } from '../audit.ts';
import { NotFoundError } from '../errors.ts';
import { requireGuardianChild, requireSfoChild, type GuardianChild } from '../guardian/child.ts';
import { SFO_PLACE_KINDS } from '../sfo/place-form.ts';
import { postgresDocumentStore, type DocumentInfo, type StoredDocument } from './store.ts';

export const DOCUMENTS_PER_PAGE = 20;

export interface DocumentPage {
  documents: DocumentInfo[];
  /** The cursor for the next (older) page, or null when this is the last one. */
  olderThan: number | null;
}

/**
 * The documents a guardian sees for a child (already loaded through `requireGuardianChild`):
 * those for all guardians and those addressed to this guardian, newest first, one bounded page.
 */
export async function listChildDocuments(
  db: Db,
  actor: Actor,
  child: GuardianChild,
  beforeId?: number,
): Promise<DocumentPage> {
  const rows = await postgresDocumentStore(db).list({
    pupilId: child.pupilId,
    visibleToGuardian: actor.personId,
    limit: DOCUMENTS_PER_PAGE + 1,
    beforeId,
  });
  const documents = rows.slice(0, DOCUMENTS_PER_PAGE);
  return { documents, olderThan: rows.length > DOCUMENTS_PER_PAGE ? documents[documents.length - 1]!.id : null };
}

/**
 * A document for download, audited. Only a guardian who reaches the pupil now (not blocked, the pupil
 * still enrolled), and only a document for all guardians or addressed to them; anything else is 404.
 * Staff access comes with case handling.
 */
export async function downloadDocument(
  db: Db,
  actor: Actor,
  id: number,
  today = todayInOslo(),
): Promise<StoredDocument> {
  const store = postgresDocumentStore(db);
  const info = await store.info(id);
  if (!info || actor.via !== 'idporten') throw new NotFoundError();
  if (info.guardianId !== null && info.guardianId !== actor.personId) throw new NotFoundError();
  // The vedtak on an SFO place reaches a skolestarter's guardians too (linked from the SFO screen, all they reach).
  const sfoVedtak =
    info.kind === 'vedtak' &&
    (await db
      .selectFrom('application_document as d')
      .innerJoin('application as a', 'a.id', 'd.application_id')
      .select('a.id')
      .where('d.document_id', '=', id)
      .where('a.kind', 'in', SFO_PLACE_KINDS)
      .executeTakeFirst()) !== undefined;
  // A consent receipt may be a kindergarten child's (issue 13), reached through the guardian's care reach.
  const reach = sfoVedtak
    ? requireSfoChild
    : info.kind === 'consent_receipt'
      ? requireAnyConsentChild
      : requireGuardianChild;
  await reach(db, actor, info.pupilId, today);
  const doc = await store.get(id);
  if (!doc) throw new NotFoundError();
  await recordAudit(db, {
    actor,
    role: 'guardian',
    action: 'document.download',
    subjectPersonId: doc.pupilId,
    record: { type: 'document', id: doc.id },
    details: { kind: doc.kind, sha256: doc.sha256 },
  });
  return doc;
}
