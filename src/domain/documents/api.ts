/**
 * The documents area's public API (G14). Implemented in this folder; other areas (consent receipts,
 * vedtak letters) use only what is exported here.
 */
export interface LetterSection {
  heading: string;
  /** Label/value rows, or plain paragraphs when label is empty. */
  rows: { label: string; value: string }[];
}

export interface Letter {
  /** The sender line, e.g. the school's name and address. */
  sender: string[];
  /** The recipient block (name, address lines). */
  recipient: string[];
  /** dd.mm.yyyy */
  date: string;
  title: string;
  intro?: string;
  sections: LetterSection[];
  footer?: string;
  /** The letter's language (the school's hovudmål for letters to guardians); default nb. */
  lang?: 'nb' | 'nn' | 'en';
}

export interface NewDocument {
  pupilId: number;
  /** null = every guardian with access to the pupil; else only this guardian. */
  guardianId: number | null;
  kind: 'consent_receipt' | 'vedtak' | 'letter' | 'attachment';
  title: string;
  filename: string;
  contentType: 'application/pdf';
  content: Uint8Array;
  createdBy: number | null;
  /** When the document was made; default now (the demo seed passes a fixed time). */
  createdAt?: Date;
}
