import type { Db } from '../../db/database.ts';
import type { DeliveryStatus, NotificationChannel, SkipReason } from '../../db/schema.ts';

/** One channel of one notification as the sender sees it. 'queued': not planned yet (the worker runs every few seconds). */
export interface ChannelStatus {
  status: DeliveryStatus | 'queued';
  skipReason: SkipReason | null;
  attempts: number;
  sentAt: Date | null;
  /** Set by the SMS provider's delivery report. */
  deliveredAt: Date | null;
}

export type OutboxDeliveryStatus = Record<NotificationChannel, ChannelStatus>;

const QUEUED: ChannelStatus = { status: 'queued', skipReason: null, attempts: 0, sentAt: null, deliveredAt: null };
const CHUNK = 1000;

/**
 * For senders' views (message book, broadcasts, forms, letters): per outbox id, the state of its SMS and e-mail.
 * Ids that do not exist are absent from the map. The caller decides who may see it (the sender of the event).
 */
export async function deliveryStatusFor(db: Db, outboxIds: number[]): Promise<Map<number, OutboxDeliveryStatus>> {
  const ids = [...new Set(outboxIds)];
  const statuses = new Map<number, OutboxDeliveryStatus>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const rows = await db
      .selectFrom('outbox as o')
      .leftJoin('delivery as d', 'd.outbox_id', 'o.id')
      .select([
        'o.id as outbox_id',
        'd.channel',
        'd.status',
        'd.skip_reason',
        'd.attempts',
        'd.sent_at',
        'd.delivered_at',
      ])
      .where('o.id', 'in', chunk)
      .execute();
    for (const row of rows) {
      const entry = statuses.get(row.outbox_id) ?? { sms: QUEUED, email: QUEUED };
      statuses.set(row.outbox_id, entry);
      if (row.channel && row.status) {
        entry[row.channel] = {
          status: row.status,
          skipReason: row.skip_reason,
          attempts: row.attempts ?? 0,
          sentAt: row.sent_at,
          deliveredAt: row.delivered_at,
        };
      }
    }
  }
  return statuses;
}

export type SmsReport = 'delivered' | 'failed';

/**
 * The SMS provider's delivery report (pushed to the webhook, part B): 'delivered' stamps delivered_at; 'failed'
 * (number unreachable, expired) marks a sent SMS failed. Returns false when no SMS has this provider id.
 * Idempotent: a repeated report changes nothing.
 */
export async function recordSmsDeliveryReport(
  db: Db,
  providerId: string,
  report: SmsReport,
  now = new Date(),
): Promise<boolean> {
  const base = db.updateTable('delivery').where('channel', '=', 'sms').where('provider_message_id', '=', providerId);
  const updated =
    report === 'delivered'
      ? await base
          .set((eb) => ({ delivered_at: eb.fn.coalesce('delivered_at', eb.val(now)), updated_at: now }))
          .where('status', '=', 'sent')
          .returning('id')
          .execute()
      : await base
          .set({ status: 'failed', last_error: 'the provider reported the SMS undelivered', updated_at: now })
          .where('status', 'in', ['sent', 'failed'])
          .returning('id')
          .execute();
  return updated.length > 0;
}

/** Counts per channel and status for a list of outbox ids: "SMS: 28 sent, 2 not sent" for a broadcast. */
export function summariseDeliveries(
  statuses: Iterable<OutboxDeliveryStatus>,
): Record<NotificationChannel, Partial<Record<ChannelStatus['status'] | 'delivered', number>>> {
  const summary: Record<NotificationChannel, Partial<Record<ChannelStatus['status'] | 'delivered', number>>> = {
    sms: {},
    email: {},
  };
  for (const status of statuses) {
    for (const channel of ['sms', 'email'] as const) {
      const key = status[channel].deliveredAt ? 'delivered' : status[channel].status;
      summary[channel][key] = (summary[channel][key] ?? 0) + 1;
    }
  }
  return summary;
}
