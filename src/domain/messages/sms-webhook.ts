import { createHmac, timingSafeEqual } from 'node:crypto';
import * as v from 'valibot';
import type { SmsReport } from '../delivery/status.ts';

/**
 * The SMS gateway's webhook (D5), documented in the README:
 *   POST /webhooks/sms, JSON (application/json) or a form (application/x-www-form-urlencoded), fields
 *     type       'sms' (default) | 'status' — also 'inbound' and 'delivery_report', their older names
 *     id         the provider's message id (unique; a retry with the same id is stored once)
 *     from, to   the sender's and our number (sms; `to` says which school's number received it)
 *     text       the SMS text, 1–4000 characters (sms)
 *     timestamp  ISO 8601 or Unix seconds, optional (sms)
 *     status     delivered | failed (also DELIVRD, UNDELIV, EXPIRED, REJECTD, undelivered, expired, rejected);
 *                other (intermediate) statuses are acknowledged and ignored (status)
 *   The README's three examples (test/routes/sms-webhook.test.ts posts them) are the contract.
 *   header X-Skolebro-Signature: sha256=<hex HMAC-SHA256 of the raw request body, keyed with SMS_WEBHOOK_SECRET>
 * Outside production without SMS_WEBHOOK_SECRET the key is DEVELOPMENT_WEBHOOK_SECRET; in production the webhook
 * is refused until a secret is set.
 */
export const DEVELOPMENT_WEBHOOK_SECRET = 'skolebro-development-sms-webhook-secret';
export const SIGNATURE_HEADER = 'x-skolebro-signature';
export const MAX_WEBHOOK_BYTES = 32 * 1024;

export function webhookSecret(
  env: 'development' | 'production' | 'test',
  configured: string | undefined,
): string | null {
  if (configured) return configured;
  return env === 'production' ? null : DEVELOPMENT_WEBHOOK_SECRET;
}

export function signatureFor(secret: string, rawBody: Uint8Array | string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

/** Constant-time comparison of the header with the HMAC of the exact bytes received. */
export function verifySignature(secret: string, rawBody: Uint8Array, header: string | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(signatureFor(secret, rawBody));
  const given = Buffer.from(header.trim().toLowerCase());
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export type WebhookEvent =
  | { type: 'inbound'; providerId: string; from: string; to: string | null; text: string; sentAt: Date | null }
  | { type: 'delivery_report'; providerId: string; report: SmsReport | null };

const Str = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max));
/** The documented names, and the older names kept as aliases (a gateway set up from an older README keeps working). */
export const SMS_TYPES = ['sms', 'inbound'] as const;
export const STATUS_TYPES = ['status', 'delivery_report'] as const;

const Inbound = v.object({
  type: v.optional(v.picklist(SMS_TYPES)),
  id: Str(200),
  from: Str(40),
  to: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(40))),
  text: v.pipe(v.string(), v.minLength(1), v.maxLength(4000)),
  timestamp: v.optional(v.union([v.string(), v.number()])),
});
const Report = v.object({ type: v.picklist(STATUS_TYPES), id: Str(200), status: Str(40) });

const DELIVERED = new Set(['delivered', 'delivrd']);
const FAILED = new Set(['failed', 'undelivered', 'undeliv', 'expired', 'rejected', 'rejectd']);

function report(status: string): SmsReport | null {
  const s = status.toLowerCase();
  return DELIVERED.has(s) ? 'delivered' : FAILED.has(s) ? 'failed' : null;
}

function timestamp(value: string | number | undefined): Date | null {
  if (value === undefined || value === '') return null;
  const date = typeof value === 'number' || /^\d{9,11}$/.test(value) ? new Date(Number(value) * 1000) : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Parses the raw body (already authenticated) by content type. Null: not a shape we accept (400, the gateway must not retry). */
export function parseWebhookBody(raw: string, contentType: string | undefined): WebhookEvent | null {
  let data: unknown;
  try {
    data = (contentType ?? '').includes('application/json')
      ? JSON.parse(raw)
      : Object.fromEntries(new URLSearchParams(raw));
  } catch {
    return null;
  }
  const asReport = v.safeParse(Report, data);
  if (asReport.success)
    return { type: 'delivery_report', providerId: asReport.output.id, report: report(asReport.output.status) };
  const asInbound = v.safeParse(Inbound, data);
  if (!asInbound.success || asInbound.output.text.trim() === '') return null;
  const o = asInbound.output;
  return {
    type: 'inbound',
    providerId: o.id,
    from: o.from,
    to: o.to || null,
    text: o.text.trim(),
    sentAt: timestamp(o.timestamp),
  };
}
