import type { Generated, Selectable } from 'kysely';

export type DocumentKind = 'consent_receipt' | 'vedtak' | 'letter' | 'attachment';

/** A stored file about a pupil (a letter, a consent receipt, a vedtak); the bytes live in `content`. */
export interface DocumentTable {
  id: Generated<number>;
  pupil_id: number;
  /** null = every guardian with access to the pupil; else only this guardian. */
  guardian_id: number | null;
  kind: DocumentKind;
  title: string;
  filename: string;
  content_type: 'application/pdf';
  size_bytes: number;
  /** Hex SHA-256 of `content`. */
  sha256: string;
  content: Buffer;
  created_at: Generated<Date>;
  created_by: number | null;
}

export type DocumentRow = Selectable<DocumentTable>;

/** Tables of this area; filled in by the area's migration. */
export interface DocumentsTables {
  document: DocumentTable;
}
