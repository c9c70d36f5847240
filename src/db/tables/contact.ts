import type { Generated, Selectable } from 'kysely';

export type NotificationChannel = 'sms' | 'email';
/** The categories a guardian chooses channels for (G18); other outbox categories follow 'messages'. */
export type SettingCategory = 'messages' | 'absence' | 'news' | 'decisions';

/** One choice: does this person want this category on this channel? No row → the default. */
export interface NotificationSettingTable {
  person_id: number;
  channel: NotificationChannel;
  category: SettingCategory;
  enabled: boolean;
  updated_at: Generated<Date>;
}

/** A guardian's "the address Folkeregisteret gave you is wrong" report, for the school to follow up. */
export interface AddressReportTable {
  id: Generated<number>;
  person_id: number;
  what_is_wrong: string;
  correct_address: string | null;
  created_at: Generated<Date>;
  handled_at: Date | null;
  handled_by: number | null;
}

/** Tables of the contact card (G4, G18). */
export interface ContactTables {
  notification_setting: NotificationSettingTable;
  address_report: AddressReportTable;
}

export type NotificationSetting = Selectable<NotificationSettingTable>;
export type AddressReport = Selectable<AddressReportTable>;
