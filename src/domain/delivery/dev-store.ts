import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { MESSAGE_ID_DIGEST_CHARS } from './mailer.ts';

export const DEV_SMS_PAGE = 50;
export const DEV_MAIL_PAGE = 20;

/** A page of what the development gateways received, newest first; `before` is the id cursor for older ones. */
export interface DevPage<T> {
  items: T[];
  /** The cursor for the next (older) page, or null at the end. */
  olderThan: number | null;
}

function page<T extends { id: number }>(rows: T[], size: number): DevPage<T> {
  const items = rows.slice(0, size);
  return { items, olderThan: rows.length > size ? items[items.length - 1]!.id : null };
}

/**
 * The idempotency keys of the deliveries on `channel` to this person: a delivery's key is `<outbox key>:<channel>`
 * and its outbox row names the recipient. What the gateways received carries that key (the SMS reference, a digest
 * of it in the e-mail's Message-ID), so each person sees only what was sent to them.
 */
const deliveryKeysOf = (db: Db, personId: number, channel: 'sms' | 'email') =>
  db
    .selectFrom('delivery as d')
    .innerJoin('outbox as o', 'o.id', 'd.outbox_id')
    .where('o.recipient_person_id', '=', personId)
    .where('d.channel', '=', channel);

/** The SMS the development gateway received for this person (development only: /dev/sms). */
export async function listDevSms(db: Db, personId: number, before?: number) {
  let query = db
    .selectFrom('dev_sms')
    .select(['id', 'to_number', 'sender', 'text', 'received_at'])
    .where('reference', 'in', deliveryKeysOf(db, personId, 'sms').select('d.idempotency_key'))
    .orderBy('id', 'desc')
    .limit(DEV_SMS_PAGE + 1);
  if (before !== undefined) query = query.where('id', '<', before);
  return page(await query.execute(), DEV_SMS_PAGE);
}

/**
 * The e-mail the development SMTP server received for this person (/dev/mail): its Message-ID is
 * `<hex SHA-256 of the delivery's key, first MESSAGE_ID_DIGEST_CHARS@domain>` (mailer.ts messageIdFor).
 */
export async function listDevMail(db: Db, personId: number, before?: number) {
  const digests = deliveryKeysOf(db, personId, 'email').select(
    sql<string>`'<' || left(encode(sha256(convert_to(d.idempotency_key, 'UTF8')), 'hex'), ${sql.lit(MESSAGE_ID_DIGEST_CHARS)})`.as(
      'digest',
    ),
  );
  let query = db
    .selectFrom('dev_mail')
    .select(['id', 'to_address', 'from_address', 'subject', 'text', 'received_at'])
    .where(sql<string>`split_part(message_id, '@', 1)`, 'in', digests)
    .orderBy('id', 'desc')
    .limit(DEV_MAIL_PAGE + 1);
  if (before !== undefined) query = query.where('id', '<', before);
  return page(await query.execute(), DEV_MAIL_PAGE);
}

export type DevSms = Awaited<ReturnType<typeof listDevSms>>['items'][number];
export type DevMail = Awaited<ReturnType<typeof listDevMail>>['items'][number];
