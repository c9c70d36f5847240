import type { Db } from '../../db/database.ts';
import type { Maalform, NotificationCategory } from '../../db/schema.ts';
import { DEFAULT_SETTINGS, type NotificationSettings } from '../contact/notification-settings.ts';
import type { RecipientFacts } from './channels.ts';

/** The outbox columns delivery needs. */
export interface OutboxForDelivery {
  id: number;
  recipient_person_id: number;
  category: NotificationCategory;
  school_id: number | null;
  pupil_id: number | null;
  read_at: Date | null;
  idempotency_key: string;
}

export interface DeliveryContext {
  facts: RecipientFacts;
  school: { name: string; hovudmaal: Maalform } | null;
}

const unique = (ids: (number | null)[]) => [...new Set(ids.filter((id): id is number => id !== null))];

/** Facts for a batch of outbox rows in four queries (contact, settings, guardian relations, schools), never per row. */
export async function loadDeliveryContexts(db: Db, rows: OutboxForDelivery[]): Promise<Map<number, DeliveryContext>> {
  const people = unique(rows.map((r) => r.recipient_person_id));
  const schoolIds = unique(rows.map((r) => r.school_id));
  if (people.length === 0) return new Map();
  // One after another: inside a transaction they share one connection anyway.
  const contacts = await db
    .selectFrom('contact_info')
    .select(['person_id', 'email', 'mobile', 'sms_enabled', 'verified_at', 'updated_at'])
    .where('person_id', 'in', people)
    .execute();
  const settingRows = await db
    .selectFrom('notification_setting')
    .select(['person_id', 'channel', 'category', 'enabled'])
    .where('person_id', 'in', people)
    .execute();
  const relations = await db
    .selectFrom('guardian_relation')
    .select(['guardian_id', 'pupil_id'])
    .where('guardian_id', 'in', people)
    .where('blocked', '=', false)
    .where('contact_person_only', '=', false)
    .execute();
  const schools = schoolIds.length
    ? await db.selectFrom('school').select(['id', 'name', 'hovudmaal']).where('id', 'in', schoolIds).execute()
    : [];
  const contactOf = new Map(contacts.map((c) => [c.person_id, c]));
  const settingsOf = new Map<number, NotificationSettings>();
  for (const s of settingRows) {
    let settings = settingsOf.get(s.person_id);
    if (!settings)
      settingsOf.set(
        s.person_id,
        (settings = { sms: { ...DEFAULT_SETTINGS.sms }, email: { ...DEFAULT_SETTINGS.email } }),
      );
    settings[s.channel][s.category] = s.enabled;
  }
  const childrenOf = new Map<number, Set<number>>();
  for (const r of relations)
    (childrenOf.get(r.guardian_id) ?? childrenOf.set(r.guardian_id, new Set()).get(r.guardian_id)!).add(r.pupil_id);
  const schoolOf = new Map(schools.map((s) => [s.id, { name: s.name, hovudmaal: s.hovudmaal }]));
  return new Map(
    rows.map((row) => {
      const contact = contactOf.get(row.recipient_person_id);
      const children = childrenOf.get(row.recipient_person_id);
      const facts: RecipientFacts = {
        category: row.category,
        read: row.read_at !== null,
        asGuardian: children !== undefined && (row.pupil_id === null || children.has(row.pupil_id)),
        contact: contact
          ? {
              email: contact.email,
              mobile: contact.mobile,
              smsEnabled: contact.sms_enabled,
              verifiedAt: contact.verified_at,
              updatedAt: contact.updated_at,
            }
          : null,
        settings: settingsOf.get(row.recipient_person_id) ?? DEFAULT_SETTINGS,
      };
      return [row.id, { facts, school: row.school_id === null ? null : (schoolOf.get(row.school_id) ?? null) }];
    }),
  );
}
