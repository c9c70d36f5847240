import type { Generated, Selectable } from 'kysely';
import type { NotificationChannel } from './contact.ts';

/** pending → sending (leased) → sent | pending again (backoff) | failed; skipped when the channel must not be used. */
export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'skipped';

/**
 * Why a channel was not used: read = already seen in-app; not_configured = no gateway/SMTP in production;
 * opted_out = SMS turned off on the contact card (holds for everything); email_only = staff recipients and
 * categories without a setting get e-mail only; setting_off = the recipient's choice for the category;
 * no_address = no mobile / e-mail; unverified_contact = contact data older than 18 months, for decisions.
 */
export type SkipReason =
  | 'read'
  | 'not_configured'
  | 'opted_out'
  | 'email_only'
  | 'setting_off'
  | 'no_address'
  | 'unverified_contact';

/** One channel of one outbox row to deliver. While 'sending', locked_until is the worker's lease. */
export interface DeliveryTable {
  id: Generated<number>;
  outbox_id: number;
  channel: NotificationChannel;
  status: DeliveryStatus;
  skip_reason: SkipReason | null;
  /** `<outbox idempotency key>:<channel>`: the SMS client reference and the e-mail Message-ID come from it. */
  idempotency_key: string;
  attempts: Generated<number>;
  next_attempt_at: Date;
  locked_until: Date | null;
  /** The worker holding (or last holding) the lease: `<host>:<pid>`. */
  claimed_by: string | null;
  last_error: string | null;
  provider_message_id: string | null;
  sent_at: Date | null;
  /** From the SMS provider's delivery report. */
  delivered_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

/** What the development SMS gateway received (/dev/sms). `reference` unique: a resend is recorded once. */
export interface DevSmsTable {
  id: Generated<number>;
  reference: string;
  to_number: string;
  sender: string;
  text: string;
  received_at: Generated<Date>;
}

/** What the development SMTP server received (/dev/mail). `message_id` unique: a resend is recorded once. */
export interface DevMailTable {
  id: Generated<number>;
  message_id: string;
  to_address: string;
  from_address: string;
  subject: string;
  text: string;
  raw: string;
  received_at: Generated<Date>;
}

export interface DeliveryTables {
  delivery: DeliveryTable;
  dev_sms: DevSmsTable;
  dev_mail: DevMailTable;
}

export type Delivery = Selectable<DeliveryTable>;
