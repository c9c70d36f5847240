import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { DocumentKind } from '../../db/tables/documents.ts';
import type { NewDocument } from './api.ts';

export type { NewDocument } from './api.ts';

/** What a list shows about a document (no bytes). */
export interface DocumentInfo {
  id: number;
  pupilId: number;
  guardianId: number | null;
  kind: DocumentKind;
  title: string;
  filename: string;
  contentType: 'application/pdf';
  sizeBytes: number;
  sha256: string;
  createdAt: Date;
  createdBy: number | null;
}

export interface StoredDocument extends DocumentInfo {
  content: Uint8Array;
}

export interface DocumentListQuery {
  pupilId: number;
  /** Only documents addressed to all guardians (null) or to this guardian. Omit for all of them. */
  visibleToGuardian?: number;
  limit: number;
  /** Keyset cursor: only documents older than this one (newest first order). */
  beforeId?: number;
}

/**
 * Where document bytes live. No access checks here: actor-facing code goes through access.ts,
 * which loads the pupil through the actor's reach first.
 */
export interface DocumentStore {
  put(doc: NewDocument): Promise<{ id: number }>;
  get(id: number): Promise<StoredDocument | undefined>;
  /** The same without the bytes (to check access before loading them). */
  info(id: number): Promise<DocumentInfo | undefined>;
  list(query: DocumentListQuery): Promise<DocumentInfo[]>;
}

export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
const MAX_LIST = 100;

/** A filename safe for a download header and any file system: no paths, controls or odd characters. */
export function safeFilename(name: string, fallback = 'dokument.pdf'): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f"*:<>?|;%]+/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 120);
  if (!base) return fallback;
  return /\.pdf$/i.test(base) ? base : `${base}.pdf`;
}

/** The PostgreSQL (and PGlite) store: the bytes in a bytea column of `document`. */
export function postgresDocumentStore(db: Db): DocumentStore {
  const columns = [
    'id',
    'pupil_id',
    'guardian_id',
    'kind',
    'title',
    'filename',
    'content_type',
    'size_bytes',
    'sha256',
    'created_at',
    'created_by',
  ] as const;
  return {
    async put(doc) {
      const content = Buffer.from(doc.content.buffer, doc.content.byteOffset, doc.content.byteLength);
      if (content.byteLength > MAX_DOCUMENT_BYTES) throw new Error('Document too large');
      if (content.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error('Not a PDF document');
      const title = doc.title.trim();
      if (!title) throw new Error('Document title is empty');
      const row = await db
        .insertInto('document')
        .values({
          pupil_id: doc.pupilId,
          guardian_id: doc.guardianId,
          kind: doc.kind,
          title: title.slice(0, 300),
          filename: safeFilename(doc.filename),
          content_type: doc.contentType,
          size_bytes: content.byteLength,
          sha256: createHash('sha256').update(content).digest('hex'),
          content,
          created_by: doc.createdBy,
          ...(doc.createdAt ? { created_at: doc.createdAt } : {}),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { id: row.id };
    },
    async get(id) {
      const row = await db
        .selectFrom('document')
        .select([...columns, 'content'])
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? { ...toInfo(row), content: row.content } : undefined;
    },
    async info(id) {
      const row = await db.selectFrom('document').select(columns).where('id', '=', id).executeTakeFirst();
      return row ? toInfo(row) : undefined;
    },
    async list(query) {
      let q = db
        .selectFrom('document')
        .select(columns)
        .where('pupil_id', '=', query.pupilId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(Math.max(1, Math.min(query.limit, MAX_LIST)));
      const guardian = query.visibleToGuardian;
      if (guardian !== undefined)
        q = q.where((eb) => eb.or([eb('guardian_id', 'is', null), eb('guardian_id', '=', guardian)]));
      if (query.beforeId !== undefined) {
        // The cursor row must be of the same pupil, so a foreign id reveals nothing (it gives no rows).
        q = q.where(
          sql<boolean>`(created_at, id) < (select c.created_at, c.id from document c where c.id = ${query.beforeId} and c.pupil_id = ${query.pupilId})`,
        );
      }
      return (await q.execute()).map(toInfo);
    },
  };
}

function toInfo(row: {
  id: number;
  pupil_id: number;
  guardian_id: number | null;
  kind: DocumentKind;
  title: string;
  filename: string;
  content_type: 'application/pdf';
  size_bytes: number;
  sha256: string;
  created_at: Date;
  created_by: number | null;
}): DocumentInfo {
  return {
    id: row.id,
    pupilId: row.pupil_id,
    guardianId: row.guardian_id,
    kind: row.kind,
    title: row.title,
    filename: row.filename,
    contentType: row.content_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}

/** Stores a document (pass the transaction when it belongs to one); other areas call this. */
export function storeDocument(db: Db, doc: NewDocument): Promise<{ id: number }> {
  return postgresDocumentStore(db).put(doc);
}
