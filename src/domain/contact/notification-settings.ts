import type { Db } from '../../db/database.ts';
import type { NotificationChannel, SettingCategory } from '../../db/schema.ts';
import type { Actor } from '../access/actor.ts';
import { recordAudit } from '../audit.ts';

export const CHANNELS: readonly NotificationChannel[] = ['sms', 'email'];
export const SETTING_CATEGORIES: readonly SettingCategory[] = ['messages', 'absence', 'news', 'decisions'];

export type NotificationSettings = Record<NotificationChannel, Record<SettingCategory, boolean>>;

/** Until a person chooses: everything by e-mail; SMS for what needs a quick answer, not for news. */
export const DEFAULT_SETTINGS: NotificationSettings = {
  sms: { messages: true, absence: true, news: false, decisions: true },
  email: { messages: true, absence: true, news: true, decisions: true },
};

/** The form field of one checkbox, e.g. `sms-news`. */
export const settingField = (channel: NotificationChannel, category: SettingCategory) => `${channel}-${category}`;

const copyDefaults = (): NotificationSettings => ({
  sms: { ...DEFAULT_SETTINGS.sms },
  email: { ...DEFAULT_SETTINGS.email },
});

/** A person's settings, defaults filled in where they never chose. */
export async function findNotificationSettings(db: Db, personId: number): Promise<NotificationSettings> {
  const rows = await db
    .selectFrom('notification_setting')
    .select(['channel', 'category', 'enabled'])
    .where('person_id', '=', personId)
    .limit(CHANNELS.length * SETTING_CATEGORIES.length)
    .execute();
  const settings = copyDefaults();
  for (const row of rows) settings[row.channel][row.category] = row.enabled;
  return settings;
}

/** A posted form → settings: a checked box is present, an unchecked one is absent. */
export function parseNotificationSettings(form: Record<string, unknown>): NotificationSettings {
  const settings = copyDefaults();
  for (const channel of CHANNELS) {
    for (const category of SETTING_CATEGORIES)
      settings[channel][category] = form[settingField(channel, category)] === 'on';
  }
  return settings;
}

/** Saves every choice (an explicit choice outlives a later change of defaults); audits which ones changed. */
export async function saveNotificationSettings(
  db: Db,
  actor: Actor,
  settings: NotificationSettings,
  now = new Date(),
): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    const before = await findNotificationSettings(trx, actor.personId);
    const changed = CHANNELS.flatMap((channel) =>
      SETTING_CATEGORIES.filter((category) => before[channel][category] !== settings[channel][category]).map(
        (category) => settingField(channel, category),
      ),
    );
    await trx
      .insertInto('notification_setting')
      .values(
        CHANNELS.flatMap((channel) =>
          SETTING_CATEGORIES.map((category) => ({
            person_id: actor.personId,
            channel,
            category,
            enabled: settings[channel][category],
            updated_at: now,
          })),
        ),
      )
      .onConflict((oc) =>
        oc
          .columns(['person_id', 'channel', 'category'])
          .doUpdateSet((eb) => ({ enabled: eb.ref('excluded.enabled'), updated_at: eb.ref('excluded.updated_at') })),
      )
      .execute();
    if (changed.length) {
      await recordAudit(
        trx,
        {
          actor,
          role: 'guardian',
          action: 'notification_settings.update',
          subjectPersonId: actor.personId,
          record: { type: 'notification_setting', id: actor.personId },
          details: { changed },
        },
        now,
      );
    }
    return changed;
  });
}
