import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { recordSmsDeliveryReport } from '../domain/delivery/status.ts';
import { receiveInboundSms } from '../domain/messages/inbound.ts';
import {
  MAX_WEBHOOK_BYTES,
  parseWebhookBody,
  SIGNATURE_HEADER,
  verifySignature,
  webhookSecret,
} from '../domain/messages/sms-webhook.ts';
import { smsWebhookPaths } from '../paths/sms-webhook.ts';
import { nowOf, todayOf } from './clock.ts';

/**
 * D5: the SMS gateway's webhook for replies (`type` sms) and delivery reports (`type` status), as the README documents
 * them. Server to server: no session, no CSRF check (exempt in app.ts); authenticated by an HMAC of the raw body
 * instead. Answers JSON; 401 for a bad signature, 400 for a body we do not understand (the gateway should not retry),
 * 200 otherwise — also for a repeat, and for an SMS no school can take (`unroutable`: kept and logged).
 */
export const smsWebhookRoutes = new Hono<AppEnv>().post(smsWebhookPaths.webhook, async (c) => {
  const { db, config } = c.get('deps');
  const secret = webhookSecret(config.env, config.sms.webhookSecret);
  if (!secret) return c.json({ error: 'webhook not configured' }, 503);
  const raw = new Uint8Array(await c.req.arrayBuffer());
  if (raw.byteLength > MAX_WEBHOOK_BYTES) return c.json({ error: 'too large' }, 413);
  if (!verifySignature(secret, raw, c.req.header(SIGNATURE_HEADER))) return c.json({ error: 'bad signature' }, 401);
  const event = parseWebhookBody(new TextDecoder().decode(raw), c.req.header('content-type'));
  if (!event) return c.json({ error: 'unsupported body' }, 400);
  if (event.type === 'delivery_report') {
    const known = event.report ? await recordSmsDeliveryReport(db, event.providerId, event.report, nowOf(c)) : false;
    return c.json({ status: event.report ? 'recorded' : 'ignored', known });
  }
  const result = await receiveInboundSms(db, event, nowOf(c), todayOf(c));
  // Stored, but no school's number and no known sender: an operator must give that school its number (school.sms_number).
  if (result.status === 'unroutable')
    c.get('deps').log?.({
      level: 'warn',
      msg: "inbound SMS from an unknown number to no school's SMS number: kept as unroutable",
      inboundSmsId: result.inboundId,
      to: event.to,
    });
  return c.json({ status: result.status });
});
