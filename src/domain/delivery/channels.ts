import type { NotificationCategory, NotificationChannel, SettingCategory, SkipReason } from '../../db/schema.ts';
import { SETTING_CATEGORIES, type NotificationSettings } from '../contact/notification-settings.ts';

/** What decides the channels of one notification, loaded in bulk by `loadRecipientFacts`. */
export interface RecipientFacts {
  category: NotificationCategory;
  /** Already read in-app: SMS and e-mail would only repeat it. */
  read: boolean;
  /** A guardian of the notification's pupil (or, without a pupil, a guardian at all). Others are staff or pupils. */
  asGuardian: boolean;
  contact: {
    email: string | null;
    mobile: string | null;
    smsEnabled: boolean;
    verifiedAt: Date | null;
    updatedAt: Date;
  } | null;
  settings: NotificationSettings;
}

export type ChannelDecision = { send: true; to: string } | { send: false; reason: SkipReason };

/** DOMAIN-FACTS §2: contact data not updated or verified within 18 months must not be used to notify about a vedtak. */
export const CONTACT_FRESH_MONTHS = 18;

const hasSetting = (category: NotificationCategory): category is SettingCategory =>
  (SETTING_CATEGORIES as readonly string[]).includes(category);

function contactIsStale(contact: NonNullable<RecipientFacts['contact']>, now: Date): boolean {
  const limit = new Date(now);
  limit.setMonth(limit.getMonth() - CONTACT_FRESH_MONTHS);
  const latest = Math.max(contact.updatedAt.getTime(), contact.verifiedAt?.getTime() ?? 0);
  return latest < limit.getTime();
}

/**
 * One channel for one notification. SMS needs: SMS not turned off (the opt-out holds for every category, an
 * emergency too), a guardian recipient, a category with a setting that is on, and a mobile. E-mail needs the
 * setting on (categories without one — consents, contact — follow 'messages') and an address. Staff and pupils
 * get e-mail only: they have no notification settings page, so SMS to them could not be turned off.
 * Decisions: contact data older than 18 months is not used.
 */
export function chooseChannel(
  channel: NotificationChannel,
  facts: RecipientFacts,
  configured: boolean,
  now: Date,
): ChannelDecision {
  if (facts.read) return { send: false, reason: 'read' };
  if (!configured) return { send: false, reason: 'not_configured' };
  const contact = facts.contact;
  if (channel === 'sms') {
    if (contact && !contact.smsEnabled) return { send: false, reason: 'opted_out' };
    if (!facts.asGuardian || !hasSetting(facts.category)) return { send: false, reason: 'email_only' };
  }
  const category = hasSetting(facts.category) ? facts.category : 'messages';
  if (!facts.settings[channel][category]) return { send: false, reason: 'setting_off' };
  const to = channel === 'sms' ? contact?.mobile : contact?.email;
  if (!contact || !to) return { send: false, reason: 'no_address' };
  if (facts.category === 'decisions' && contactIsStale(contact, now))
    return { send: false, reason: 'unverified_contact' };
  return { send: true, to };
}
