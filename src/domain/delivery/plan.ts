import type { Db } from '../../db/database.ts';
import type { NotificationChannel } from '../../db/schema.ts';
import { CHANNELS } from '../contact/notification-settings.ts';
import { chooseChannel } from './channels.ts';
import { loadDeliveryContexts, type OutboxForDelivery } from './facts.ts';

export type ConfiguredChannels = Record<NotificationChannel, boolean>;

export const PLAN_BATCH = 500;
export const OUTBOX_COLUMNS = [
  'id',
  'recipient_person_id',
  'category',
  'school_id',
  'pupil_id',
  'read_at',
  'idempotency_key',
] as const;

/**
 * Planning: new outbox rows → one delivery row per channel (pending, or skipped with the reason, so the sender sees
 * why). A batch is locked with SKIP LOCKED, so several processes plan different rows; the delivery's idempotency
 * key (`<outbox key>:<channel>`) makes a repeat harmless. Returns how many outbox rows were planned.
 */
export async function planDeliveries(
  db: Db,
  configured: ConfiguredChannels,
  now: Date,
  limit = PLAN_BATCH,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const rows: OutboxForDelivery[] = await trx
      .selectFrom('outbox')
      .select(OUTBOX_COLUMNS)
      .where('planned_at', 'is', null)
      .orderBy('id')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    if (rows.length === 0) return 0;
    const contexts = await loadDeliveryContexts(trx, rows);
    const deliveries = rows.flatMap((row) =>
      CHANNELS.map((channel) => {
        const decision = chooseChannel(channel, contexts.get(row.id)!.facts, configured[channel], now);
        return {
          outbox_id: row.id,
          channel,
          status: decision.send ? ('pending' as const) : ('skipped' as const),
          skip_reason: decision.send ? null : decision.reason,
          idempotency_key: `${row.idempotency_key}:${channel}`,
          next_attempt_at: now,
          created_at: now,
          updated_at: now,
        };
      }),
    );
    await trx
      .insertInto('delivery')
      .values(deliveries)
      .onConflict((oc) => oc.doNothing())
      .execute();
    await trx
      .updateTable('outbox')
      .set({ planned_at: now })
      .where(
        'id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    return rows.length;
  });
}
