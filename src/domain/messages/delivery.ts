import type { Db } from '../../db/database.ts';
import { deliveryStatusFor, type OutboxDeliveryStatus } from '../delivery/status.ts';
import { bookGuardianIds } from './recipients.ts';
import type { MessageView, ThreadRecord } from './threads.ts';

export interface GuardianNotice {
  guardianName: string;
  status: OutboxDeliveryStatus;
}

/**
 * For staff reading a thread: how each guardian was told about the reader's own messages (SMS / e-mail sent, not
 * sent and why). Bounded by the messages shown; looked up by the notifications' keys (`message:<id>:<person>`,
 * see notifyNewMessage), so the unique index serves it. Messages of others and guardians' messages get nothing.
 */
export async function guardianNoticesOfOwnMessages(
  db: Db,
  record: ThreadRecord,
  messages: MessageView[],
): Promise<Map<number, GuardianNotice[]>> {
  const own = messages.filter((m) => m.mine);
  const guardians = own.length ? await bookGuardianIds(db, record.thread.pupil_id) : [];
  const keys = own.flatMap((m) => guardians.map((g) => `message:${m.id}:${g}`));
  if (keys.length === 0) return new Map();
  const rows = await db
    .selectFrom('outbox as o')
    .innerJoin('person as p', 'p.id', 'o.recipient_person_id')
    .select(['o.id', 'o.idempotency_key', 'p.given_name', 'p.family_name'])
    .where('o.idempotency_key', 'in', keys)
    .orderBy('p.given_name')
    .orderBy('p.id')
    .execute();
  const statuses = await deliveryStatusFor(
    db,
    rows.map((r) => r.id),
  );
  const notices = new Map<number, GuardianNotice[]>();
  for (const row of rows) {
    const messageId = Number(row.idempotency_key.split(':')[1]);
    const list = notices.get(messageId) ?? [];
    list.push({ guardianName: `${row.given_name} ${row.family_name}`, status: statuses.get(row.id)! });
    notices.set(messageId, list);
  }
  return notices;
}
