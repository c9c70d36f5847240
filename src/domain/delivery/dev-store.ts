import type { Db } from '../../db/database.ts';

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

export async function listDevSms(db: Db, before?: number) {
  let query = db
    .selectFrom('dev_sms')
    .select(['id', 'to_number', 'sender', 'text', 'received_at'])
    .orderBy('id', 'desc')
    .limit(DEV_SMS_PAGE + 1);
  if (before !== undefined) query = query.where('id', '<', before);
  return page(await query.execute(), DEV_SMS_PAGE);
}

export async function listDevMail(db: Db, before?: number) {
  let query = db
    .selectFrom('dev_mail')
    .select(['id', 'to_address', 'from_address', 'subject', 'text', 'received_at'])
    .orderBy('id', 'desc')
    .limit(DEV_MAIL_PAGE + 1);
  if (before !== undefined) query = query.where('id', '<', before);
  return page(await query.execute(), DEV_MAIL_PAGE);
}

export type DevSms = Awaited<ReturnType<typeof listDevSms>>['items'][number];
export type DevMail = Awaited<ReturnType<typeof listDevMail>>['items'][number];
