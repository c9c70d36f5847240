import type { PaperReason } from '../../db/schema.ts';
import type { KrrContact, KrrPerson } from './krr.ts';

/** Where the mailbox provider sends its "you have a new letter" notice. Only contact data we may use for a vedtak. */
export interface LetterNotification {
  email: string | null;
  mobile: string | null;
}

export type LetterRoute =
  | { channel: 'digital_post'; mailbox: { address: string; providerAddress: string }; notification: LetterNotification }
  | { channel: 'paper'; reason: PaperReason };

/** eForvaltningsforskriften § 9 / DOMAIN-FACTS §2: contact data not updated or verified in 18 months is not used for a vedtak. */
export const CONTACT_FRESH_MONTHS = 18;

/**
 * D3: digital post when the person is AKTIV in KRR, not reserved, has a digital mailbox and can be notified;
 * otherwise paper. Reserved, SLETTET, IKKE_REGISTRERT, no mailbox and KAN_IKKE_VARSLES all go on paper.
 * The notice goes only to the KRR e-mail / mobile updated or verified within 18 months; when neither is, the
 * vedtak could not be notified lawfully, so it goes on paper too (KRR itself reports such people KAN_IKKE_VARSLES,
 * so this also holds when a register answer lags).
 */
export function routeLetter(person: KrrPerson | undefined, now: Date): LetterRoute {
  if (!person || person.status === 'IKKE_REGISTRERT') return paper('not_registered');
  if (person.status === 'SLETTET') return paper('deleted');
  if (person.reservasjon === 'JA') return paper('reserved');
  if (!person.mailbox) return paper('no_mailbox');
  if (person.varslingsstatus !== 'KAN_VARSLES') return paper('not_notifiable');
  const notification = notificationFor(person, now);
  if (!notification.email && !notification.mobile) return paper('stale_contact');
  return { channel: 'digital_post', mailbox: person.mailbox, notification };
}

/** The KRR contact we may use to notify about a vedtak now (for the first notice and the one a week later). */
export function notificationFor(person: KrrPerson, now: Date): LetterNotification {
  return { email: fresh(person.email, now), mobile: fresh(person.mobile, now) };
}

/** The contact's value when it was updated or verified within 18 months of `now`. */
export function fresh(contact: KrrContact | null, now: Date): string | null {
  if (!contact) return null;
  const last = Math.max(contact.updatedAt?.getTime() ?? 0, contact.verifiedAt?.getTime() ?? 0);
  return last >= monthsBefore(now, CONTACT_FRESH_MONTHS).getTime() ? contact.value : null;
}

export function monthsBefore(now: Date, months: number): Date {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

/** When the contact was last updated or verified (what the dispatch row keeps of it). */
export function lastConfirmed(contact: KrrContact | null): Date | null {
  if (!contact) return null;
  const last = Math.max(contact.updatedAt?.getTime() ?? 0, contact.verifiedAt?.getTime() ?? 0);
  return last ? new Date(last) : null;
}

const paper = (reason: PaperReason): LetterRoute => ({ channel: 'paper', reason });
