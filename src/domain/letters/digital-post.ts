import type { Db } from '../../db/database.ts';
import { mailboxProviderName } from './krr.ts';
import type { LetterNotification } from './routing.ts';

export interface DigitalLetter {
  /** Ours, unique per letter: the provider dedupes on it, so a resend after a crash is delivered once. */
  reference: string;
  recipientFnr: string;
  /** From KRR: postkasseadresse and postkasseleverandoeradresse. */
  mailbox: { address: string; providerAddress: string };
  sender: { name: string; orgNumber: string };
  /** Shown in the mailbox's list; the notice itself carries no title. */
  title: string;
  filename: string;
  content: Uint8Array;
  /** Only contact data verified within 18 months (routing.ts). */
  notification: LetterNotification;
}

/** The reference a decision letter is sent with: one per document (and a vedtak document has one guardian). */
export const LETTER_REFERENCE_PREFIX = 'skolebro-vedtak-';
export const letterReference = (documentId: number) => `${LETTER_REFERENCE_PREFIX}${documentId}`;

/** D4: the citizen's digital mailbox (Digipost / e-Boks, through eFormidling's DPI in production). */
export interface DigitalPostClient {
  send(letter: DigitalLetter): Promise<{ messageId: string }>;
  /** The opening receipt (åpningskvittering), if the recipient has opened it. */
  openedAt(messageId: string): Promise<Date | null>;
  /** A new "you have an unopened letter" notice, a week after sending. */
  renotify(messageId: string, notification: LetterNotification): Promise<void>;
}

/** The provider refused the letter for good (e.g. the mailbox is closed): it goes on paper instead of being retried. */
export class PermanentSendError extends Error {
  override name = 'PermanentSendError';
}

/**
 * Development and tests: a mailbox in the dev_digital_post table, shown at /dev/digital-post (opening a letter
 * there records the opening receipt). `reference` is unique, so a resend records nothing new and returns the first
 * id, as DPI does with the sender's message id. Shared by every process on the database.
 */
export class DevDigitalPostClient implements DigitalPostClient {
  constructor(
    private readonly db: Db,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async send(letter: DigitalLetter): Promise<{ messageId: string }> {
    const inserted = await this.db
      .insertInto('dev_digital_post')
      .values({
        reference: letter.reference,
        recipient_fnr: letter.recipientFnr,
        mailbox_address: letter.mailbox.address,
        mailbox_provider: mailboxProviderName(letter.mailbox.providerAddress) ?? letter.mailbox.providerAddress,
        sender_name: letter.sender.name,
        sender_org_number: letter.sender.orgNumber,
        title: letter.title,
        filename: letter.filename,
        content: Buffer.from(letter.content),
        notify_email: letter.notification.email,
        notify_mobile: letter.notification.mobile,
        received_at: this.clock(),
      })
      .onConflict((oc) => oc.column('reference').doNothing())
      .returning('id')
      .executeTakeFirst();
    const row =
      inserted ??
      (await this.db
        .selectFrom('dev_digital_post')
        .select('id')
        .where('reference', '=', letter.reference)
        .executeTakeFirstOrThrow());
    return { messageId: devMessageId(row.id) };
  }

  async openedAt(messageId: string): Promise<Date | null> {
    const row = await this.db
      .selectFrom('dev_digital_post')
      .select('opened_at')
      .where('id', '=', devRowId(messageId))
      .executeTakeFirst();
    return row?.opened_at ?? null;
  }

  async renotify(messageId: string, notification: LetterNotification): Promise<void> {
    await this.db
      .updateTable('dev_digital_post')
      .set((eb) => ({
        notifications: eb('notifications', '+', 1),
        notify_email: notification.email,
        notify_mobile: notification.mobile,
      }))
      .where('id', '=', devRowId(messageId))
      .execute();
  }
}

const devMessageId = (id: number) => `dev-dpi-${id}`;
const devRowId = (messageId: string) => Number(/^dev-dpi-(\d+)$/.exec(messageId)?.[1] ?? 0);
