import { createHash } from 'node:crypto';
import nodemailer from 'nodemailer';
import { PermanentDeliveryError } from './errors.ts';

export interface MailToSend {
  to: string;
  from: string;
  subject: string;
  text: string;
  /** The delivery's idempotency key: the Message-ID is derived from it, so a resend carries the same id. */
  reference: string;
}

/** D6: e-mail out. `providerId` is the Message-ID. */
export interface Mailer {
  send(mail: MailToSend): Promise<{ providerId: string }>;
  close(): void;
}

/** How many hex characters of SHA-256(key) the Message-ID carries (the development mailbox matches on them too). */
export const MESSAGE_ID_DIGEST_CHARS = 40;

/** Connections of the pool: each carries one message at a time, so this bounds e-mails in flight. */
export const SMTP_CONNECTIONS = 3;

/** `<sha256(key)@domain of From>`: stable per delivery, no personal data, valid RFC 5322 syntax. */
export function messageIdFor(reference: string, from: string): string {
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] ?? 'skolebro.invalid';
  return `<${createHash('sha256').update(reference).digest('hex').slice(0, MESSAGE_ID_DIGEST_CHARS)}@${domain}>`;
}

/**
 * nodemailer over SMTP (a pool of a few connections, SMTP_POOL_SIZE). `url` is SMTP_URL (smtp:// or smtps://, credentials in it),
 * or the built-in development server. A 5xx answer (e.g. unknown recipient) is permanent; the rest is retried.
 */
export function createSmtpMailer(url: string, options: { ignoreTls?: boolean; maxConnections?: number } = {}): Mailer {
  const transport = nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: options.maxConnections ?? SMTP_CONNECTIONS,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    ignoreTLS: options.ignoreTls ?? false,
  });
  return {
    async send(mail) {
      const messageId = messageIdFor(mail.reference, mail.from);
      try {
        await transport.sendMail({
          from: mail.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          messageId,
          headers: { 'Auto-Submitted': 'auto-generated' },
        });
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode;
        if (code !== undefined && code >= 500 && code < 600)
          throw new PermanentDeliveryError(`SMTP ${code}: ${(error as Error).message}`);
        throw error;
      }
      return { providerId: messageId };
    },
    close: () => transport.close(),
  };
}
