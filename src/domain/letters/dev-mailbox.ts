import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { NotFoundError } from '../errors.ts';
import { LETTER_REFERENCE_PREFIX } from './digital-post.ts';

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

/**
 * The references of the letters sent to this person (`letterReference` of each of their letter_dispatch rows): the
 * development mailbox is personal, like a real one, so each person sees and opens only their own letters.
 */
const referencesOf = (db: Db, personId: number) =>
  db
    .selectFrom('letter_dispatch')
    .select(sql<string>`${LETTER_REFERENCE_PREFIX} || document_id::text`.as('reference'))
    .where('guardian_id', '=', personId);

/** What the development digital mailbox has received for this person, newest first (bounded). */
export async function listDevMailbox(db: Db, personId: number, limit = 100): Promise<DevMailboxLetter[]> {
  const rows = await db
    .selectFrom('dev_digital_post')
    .where('reference', 'in', referencesOf(db, personId))
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

/**
 * Opening one of this person's letters in the mailbox: its PDF, and the opening receipt the dispatcher reads a week
 * later. Someone else's letter is not found (404).
 */
export async function openDevMailboxLetter(db: Db, personId: number, id: number, now: Date) {
  const row = await db
    .selectFrom('dev_digital_post')
    .select(['id', 'filename', 'content', 'opened_at'])
    .where('id', '=', id)
    .where('reference', 'in', referencesOf(db, personId))
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
