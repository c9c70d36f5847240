import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { Db } from '../../db/database.ts';
import { groupCommit } from './group-commit.ts';

export interface DevSmtpServer {
  /** smtp://127.0.0.1:<port> — hand it to createSmtpMailer. */
  url: string;
  close(): Promise<void>;
}

const MAX_MESSAGE_BYTES = 1_000_000;
const addresses = (value: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(value) ? value : value ? [value] : []).map((a) => a.text).join(', ');

/**
 * Development and tests: a real SMTP server on 127.0.0.1 (a free port) that stores what it receives in dev_mail
 * (/dev/mail), so the app speaks real SMTP through nodemailer even in the demo. Deduped on Message-ID, as a
 * mailbox shows one message per Message-ID: a resend after a crash is stored once.
 */
export async function startDevSmtpServer(
  db: Db,
  log: (line: Record<string, unknown>) => void = () => {},
): Promise<DevSmtpServer> {
  // What arrives on the connections at once is stored in one statement (group commit).
  const store = groupCommit<NewDevMail, void>(async (mails) => {
    await db
      .insertInto('dev_mail')
      .values(mails)
      .onConflict((oc) => oc.column('message_id').doNothing())
      .execute();
    return mails.map(() => undefined);
  });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    size: MAX_MESSAGE_BYTES,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        parseMail(raw, session.envelope.rcptTo.map((r) => r.address).join(', '))
          .then(store)
          .then(() => callback())
          .catch((error: unknown) => {
            log({ level: 'error', msg: 'dev SMTP server could not store a message', error: String(error) });
            callback(Object.assign(new Error('Temporary failure storing the message'), { responseCode: 451 }));
          });
      });
    },
  });
  server.on('error', (error) => log({ level: 'error', msg: 'dev SMTP server error', error: String(error) }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

interface NewDevMail {
  message_id: string;
  to_address: string;
  from_address: string;
  subject: string;
  text: string;
  raw: string;
}

async function parseMail(raw: Buffer, envelopeTo: string): Promise<NewDevMail> {
  // mailparser is loaded at the first message, not at start (half a second of module loading: issue 18, item 6)
  const { simpleParser } = await import('mailparser');
  const parsed = await simpleParser(raw);
  return {
    message_id: parsed.messageId ?? `<${createHash('sha256').update(raw).digest('hex')}@dev-smtp>`,
    to_address: addresses(parsed.to) || envelopeTo,
    from_address: addresses(parsed.from),
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    raw: raw.toString('utf8'),
  };
}
