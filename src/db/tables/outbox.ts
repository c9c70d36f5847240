import type { Generated, Selectable } from 'kysely';

export type NotificationCategory = 'messages' | 'absence' | 'news' | 'decisions' | 'consents' | 'contact';

/**
 * One notification for one recipient, written in the same transaction as the event that caused it.
 * Shown in-app now; the messaging work delivers it by SMS / e-mail per the recipient's settings.
 */
export interface OutboxTable {
  id: Generated<number>;
  created_at: Generated<Date>;
  recipient_person_id: number;
  category: NotificationCategory;
  event_type: string;
  school_id: number | null;
  pupil_id: number | null;
  payload: unknown;
  idempotency_key: string;
  read_at: Date | null;
  /** Set when the delivery worker has planned its SMS / e-mail (src/domain/delivery); null = not yet. */
  planned_at: Date | null;
}

export type OutboxRow = Selectable<OutboxTable>;
