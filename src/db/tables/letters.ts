import type { Generated, Selectable } from 'kysely';

export type KrrReservasjon = 'JA' | 'NEI';
export type KrrStatus = 'AKTIV' | 'SLETTET' | 'IKKE_REGISTRERT';
export type KrrVarslingsstatus = 'KAN_VARSLES' | 'KAN_IKKE_VARSLES';

/** The development KRR (src/domain/letters/krr.ts): one row per person, the KRR REST field names. */
export interface KrrPersonTable {
  personidentifikator: string;
  reservasjon: KrrReservasjon;
  status: KrrStatus;
  varslingsstatus: KrrVarslingsstatus | null;
  epostadresse: string | null;
  epostadresse_oppdatert: Date | null;
  epostadresse_sist_verifisert: Date | null;
  mobiltelefonnummer: string | null;
  mobiltelefonnummer_oppdatert: Date | null;
  mobiltelefonnummer_sist_verifisert: Date | null;
  postkasseadresse: string | null;
  /** The mailbox provider's organisation number (Digipost, e-Boks). */
  postkasseleverandoeradresse: string | null;
  sertifikat: string | null;
  spraak: string | null;
}

/**
 * new → routing (leased) → sent (digital post) | awaiting_print → printed | manual → handled_manually;
 * new again after a failed attempt (backoff); withheld when the guardian no longer has access to the child.
 */
export type LetterStatus =
  | 'new'
  | 'routing'
  | 'sent'
  | 'awaiting_print'
  | 'printed'
  | 'manual'
  | 'handled_manually'
  | 'withheld';
export type LetterChannel = 'digital_post' | 'paper';

/** Why a letter goes on paper (the KRR answer, or a service we could not use). */
export type PaperReason =
  | 'no_identity_number'
  | 'not_registered'
  | 'deleted'
  | 'reserved'
  | 'no_mailbox'
  | 'not_notifiable'
  | 'stale_contact'
  | 'krr_unavailable'
  | 'krr_failed'
  | 'digital_post_unavailable'
  | 'digital_post_failed';

/** Why a paper letter cannot go into the print batch: the office sends it by hand. */
export type ManualReason = 'protected_address' | 'no_address';

export type RenotifyOutcome = 'renotified' | 'opened' | 'not_notifiable';

/** One decision letter (a `document` of kind 'vedtak' to one guardian) on its way: exactly one row per document. */
export interface LetterDispatchTable {
  id: Generated<number>;
  document_id: number;
  guardian_id: number;
  pupil_id: number;
  school_id: number;
  status: LetterStatus;
  channel: LetterChannel | null;
  paper_reason: PaperReason | null;
  manual_reason: ManualReason | null;
  attempts: Generated<number>;
  next_attempt_at: Date;
  locked_until: Date | null;
  last_error: string | null;
  /** What KRR said when the letter was routed. */
  krr_status: string | null;
  krr_reservasjon: string | null;
  krr_varslingsstatus: string | null;
  krr_mailbox_provider: string | null;
  krr_email_verified_at: Date | null;
  krr_mobile_verified_at: Date | null;
  /** Which KRR contact the mailbox was asked to notify (only contact verified within 18 months). */
  notified_by_email: Generated<boolean>;
  notified_by_sms: Generated<boolean>;
  message_id: string | null;
  decided_at: Date | null;
  sent_at: Date | null;
  /** A week after sending: notify again if the letter is still unopened. */
  renotify_due_at: Date | null;
  renotified_at: Date | null;
  renotify_outcome: RenotifyOutcome | null;
  print_batch_id: number | null;
  printed_at: Date | null;
  handled_by: number | null;
  handled_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

/** One day's merged PDF for the school office: an address page before each guardian's letters. */
export interface PrintBatchTable {
  id: Generated<number>;
  school_id: number;
  date: string;
  letter_count: number;
  envelope_count: number;
  page_count: number;
  content: Buffer;
  sha256: string;
  created_by: number;
  created_at: Date;
}

/** What the development digital mailbox received (/dev/digital-post). */
export interface DevDigitalPostTable {
  id: Generated<number>;
  reference: string;
  recipient_fnr: string;
  mailbox_address: string;
  mailbox_provider: string;
  sender_name: string;
  sender_org_number: string;
  title: string;
  filename: string;
  content: Buffer;
  notify_email: string | null;
  notify_mobile: string | null;
  notifications: Generated<number>;
  received_at: Date;
  opened_at: Date | null;
}

export type LetterDispatch = Selectable<LetterDispatchTable>;
export type PrintBatch = Selectable<PrintBatchTable>;

export interface LettersTables {
  krr_person: KrrPersonTable;
  letter_dispatch: LetterDispatchTable;
  print_batch: PrintBatchTable;
  dev_digital_post: DevDigitalPostTable;
}
