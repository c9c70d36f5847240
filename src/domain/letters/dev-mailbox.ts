import type { Db } from '../../db/database.ts';
import { NotFoundError } from '../errors.ts';

export interface DevMailboxLetter {
  id: number;
  /** Birth date digits only: the full number is never shown. */
  recipient: string;
  mailbox: string;
  sender: string;
  title: string;
  notifiedTo: string[];
  notifications: number;
  receivedAt: Date;
  openedAt: Date | null;
}

/** What the development digital mailbox has received, newest first (bounded). */
export async function listDevMailbox(db: Db, limit = 100): Promise<DevMailboxLetter[]> {
  const rows = await db
    .selectFrom('dev_digital_post')
    .select([
      'id',
      'recipient_fnr',
      'mailbox_address',
      'mailbox_provider',
      'sender_name',
      'title',
      'notify_email',
      'notify_mobile',
      'notifications',
      'received_at',
      'opened_at',
    ])
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    recipient: `${r.recipient_fnr.slice(0, 6)}*****`,
    mailbox: `${r.mailbox_provider} (${r.mailbox_address})`,
    sender: r.sender_name,
    title: r.title,
    notifiedTo: [r.notify_email, r.notify_mobile].filter((v): v is string => !!v),
    notifications: r.notifications,
    receivedAt: r.received_at,
    openedAt: r.opened_at,
  }));
}

/** Opening a letter in the mailbox: its PDF, and the opening receipt the dispatcher reads a week later. */
export async function openDevMailboxLetter(db: Db, id: number, now: Date) {
  const row = await db
    .selectFrom('dev_digital_post')
    .select(['id', 'filename', 'content', 'opened_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError();
  if (!row.opened_at)
    await db
      .updateTable('dev_digital_post')
      .set({ opened_at: now })
      .where('id', '=', id)
      .where('opened_at', 'is', null)
      .execute();
  return { filename: row.filename, content: row.content };
}
