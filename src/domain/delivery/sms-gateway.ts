import type { Db } from '../../db/database.ts';
import { PermanentDeliveryError } from './errors.ts';
import { groupCommit } from './group-commit.ts';

export interface SmsToSend {
  /** +47 and 8 digits (src/domain/contact/phone.ts). */
  to: string;
  /** Sender id, ≤ 11 characters (config.sms.sender). */
  sender: string;
  text: string;
  /** The delivery's idempotency key: the provider dedupes on it, so a resend after a crash is sent once. */
  reference: string;
}

/** D5: something that sends an SMS and returns the provider's id for it (delivery reports refer to that id). */
export interface SmsGateway {
  send(sms: SmsToSend): Promise<{ providerId: string }>;
}

/**
 * Development and tests: "sends" by recording in dev_sms (shown at /dev/sms). `reference` is unique there, so
 * a resend of the same delivery records nothing new and returns the first id, like a provider deduping on a
 * client reference. Shared by every process on the database. The SMS sent at once are stored in one statement
 * (group commit), as a provider's batch API would take them.
 */
export class DevSmsGateway implements SmsGateway {
  private readonly store = groupCommit<SmsToSend, number>(async (batch) => {
    const inserted = await this.db
      .insertInto('dev_sms')
      .values(batch.map((sms) => ({ reference: sms.reference, to_number: sms.to, sender: sms.sender, text: sms.text })))
      .onConflict((oc) => oc.column('reference').doNothing())
      .returning(['id', 'reference'])
      .execute();
    const ids = new Map(inserted.map((r) => [r.reference, r.id]));
    const missing = batch.filter((sms) => !ids.has(sms.reference)).map((sms) => sms.reference);
    if (missing.length > 0)
      for (const r of await this.db
        .selectFrom('dev_sms')
        .select(['id', 'reference'])
        .where('reference', 'in', missing)
        .execute())
        ids.set(r.reference, r.id);
    return batch.map((sms) => ids.get(sms.reference)!);
  });

  constructor(private readonly db: Db) {}

  async send(sms: SmsToSend): Promise<{ providerId: string }> {
    return { providerId: `dev-sms-${await this.store(sms)}` };
  }
}

/**
 * A real provider over HTTP (config.sms.gatewayUrl, bearer config.sms.token). We POST JSON
 *   { "to": "+4791234567", "from": "Skolebro", "text": "…", "reference": "<idempotency key>" }
 * and expect 2xx with { "id": "<provider message id>" }. 4xx (but 408/429) is permanent; anything else is retried.
 * Map to a provider in a thin proxy or by pointing this at an endpoint with this shape:
 * - LINK Mobility SMS REST (POST /sms/send): source ← from, destination ← to, userData ← text, refId ← reference,
 *   platformId/platformPartnerId from the account; the answer's messageId → id; delivery reports via a DLR gate.
 * - Sveve (POST /SMS/SendMessage, f=json): to, msg ← text, from, reference ← reference; the answer's ids[0] → id;
 *   delivery reports and replies are pushed to our webhook (part B: /webhooks/sms → recordSmsDeliveryReport).
 */
export class HttpSmsGateway implements SmsGateway {
  constructor(
    private readonly url: string,
    private readonly token: string | undefined,
    private readonly timeoutMs = 10_000,
  ) {}

  async send(sms: SmsToSend): Promise<{ providerId: string }> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: JSON.stringify({ to: sms.to, from: sms.sender, text: sms.text, reference: sms.reference }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const body = await response.text();
    if (!response.ok) {
      const message = `SMS gateway answered ${response.status}: ${body.slice(0, 200)}`;
      if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429)
        throw new PermanentDeliveryError(message);
      throw new Error(message);
    }
    const id = (JSON.parse(body) as { id?: unknown }).id;
    if (typeof id !== 'string' && typeof id !== 'number') throw new Error('SMS gateway answered without an id');
    return { providerId: String(id) };
  }
}
