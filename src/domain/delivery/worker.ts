import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { NotificationChannel, SkipReason } from '../../db/schema.ts';
import { chooseChannel } from './channels.ts';
import { PermanentDeliveryError } from './errors.ts';
import { loadDeliveryContexts, type DeliveryContext } from './facts.ts';
import { groupCommit } from './group-commit.ts';
import { valuesTable } from '../../db/values.ts';
import type { Mailer } from './mailer.ts';
import { OUTBOX_COLUMNS, planDeliveries } from './plan.ts';
import type { SmsGateway } from './sms-gateway.ts';
import { mailNotice, smsNotice } from './texts.ts';

/** What the worker sends with. A channel that is null is not configured (production without SMTP_URL / SMS_GATEWAY_URL). */
export interface DeliveryDeps {
  sms: SmsGateway | null;
  mailer: Mailer | null;
  /** Absolute URL of a page behind the login: the only link an SMS or e-mail carries. */
  link: string;
  smsSender: string;
  mailFrom: string;
  /** `<host>:<pid>`, written to delivery.claimed_by. */
  workerId: string;
  /** Deliveries claimed at once (default DELIVERY_BATCH). */
  batchSize?: number;
  leaseMs?: number;
  /** Sends in flight at once within a batch (default SEND_CONCURRENCY). */
  concurrency?: number;
  log?: (line: Record<string, unknown>) => void;
}

export const MAX_ATTEMPTS = 6;
/** Wait after failed attempt n (1-based): 1, 5, 25 minutes, then every 2 hours; the 6th failure is final. */
export const BACKOFF_MINUTES = [1, 5, 25, 120, 120];
export const LEASE_MS = 2 * 60_000;
export const DELIVERY_BATCH = 200;
export const SEND_CONCURRENCY = 50;

export interface BatchResult {
  claimed: number;
  sent: number;
  skipped: number;
  retrying: number;
  failed: number;
  /** Not sent by this worker: its lease ran out before the send and another worker has taken the row. */
  lost: number;
}

interface Claimed {
  id: number;
  outbox_id: number;
  channel: NotificationChannel;
  attempts: number;
  idempotency_key: string;
}

const configuredOf = (deps: DeliveryDeps) => ({ sms: deps.sms !== null, email: deps.mailer !== null });

/** Plans new outbox rows, then delivers one batch. What the worker loop calls until there is nothing to do. */
export async function runOutbox(
  db: Db,
  deps: DeliveryDeps,
  now = new Date(),
): Promise<BatchResult & { planned: number }> {
  const planned = await planDeliveries(db, configuredOf(deps), now);
  return { planned, ...(await runDeliveryBatch(db, deps, now)) };
}

/**
 * Claims up to N due deliveries (pending and due, or 'sending' with an expired lease: a process died mid-send)
 * with FOR UPDATE SKIP LOCKED in one statement, so several processes never claim the same row; each claim bumps
 * `attempts` and takes a lease, renewed while the batch runs. Then sends each and records its outcome at once (send,
 * then record, per message) — fenced on `attempts`, so a worker whose lease expired cannot overwrite the outcome of
 * the worker that took over. A crash can only resend what was in flight: at least once, with the same idempotency
 * key, which the receiver dedupes on.
 */
export async function runDeliveryBatch(db: Db, deps: DeliveryDeps, now = new Date()): Promise<BatchResult> {
  const result: BatchResult = { claimed: 0, sent: 0, skipped: 0, retrying: 0, failed: 0, lost: 0 };
  const started = performance.now();
  // `now` is the batch's time; a send late in the batch happens this much later (real time elapsed).
  const at = () => new Date(now.getTime() + (performance.now() - started));
  result.failed += await failExhaustedLeases(db, now);
  const claimed = await claimDue(db, deps, now);
  result.claimed = claimed.length;
  if (claimed.length === 0) return result;
  const outbox = await db
    .selectFrom('outbox')
    .select(OUTBOX_COLUMNS)
    .where(
      'id',
      'in',
      claimed.map((c) => c.outbox_id),
    )
    .execute();
  const contexts = await loadDeliveryContexts(db, outbox);
  const unfinished = new Map(claimed.map((c) => [c.id, c]));
  const renewal = renewLeasesWhileRunning(db, deps, () => [...unfinished.values()], at);
  const records = recorders(db, deps, now, at);
  try {
    await eachLimited(claimed, deps.concurrency ?? SEND_CONCURRENCY, async (delivery) => {
      try {
        const outcome = await deliverOne(records, deps, delivery, contexts.get(delivery.outbox_id)!, now);
        result[outcome]++;
      } finally {
        unfinished.delete(delivery.id);
      }
    });
  } finally {
    await renewal.stop();
  }
  return result;
}

/**
 * A batch may take longer than its lease (slow SMTP, many recipients); then another worker would claim the rows
 * still waiting here, or the one being sent, and send it again. So every third of the lease the leases of the
 * batch's unfinished rows are renewed — only rows still ours (status and attempts unchanged). Only a live process
 * renews: after a crash the leases run out and another worker takes the rows. A send cannot hold its row forever:
 * the gateways time out (HTTP 10 s, SMTP 30 s).
 */
function renewLeasesWhileRunning(db: Db, deps: DeliveryDeps, unfinished: () => Claimed[], at: () => Date) {
  const leaseMs = deps.leaseMs ?? LEASE_MS;
  let renewing: Promise<void> | null = null;
  const renew = async () => {
    const rows = unfinished();
    if (rows.length === 0) return;
    await db
      .updateTable('delivery')
      .set({ locked_until: new Date(at().getTime() + leaseMs) })
      .where('status', '=', 'sending')
      .where((eb) => eb.or(rows.map((r) => eb.and([eb('id', '=', r.id), eb('attempts', '=', r.attempts)]))))
      .execute();
  };
  const timer = setInterval(() => {
    if (renewing) return;
    renewing = renew()
      .catch((error: unknown) =>
        deps.log?.({ level: 'warn', msg: 'delivery lease renewal failed', error: (error as Error).message }),
      )
      .finally(() => {
        renewing = null;
      });
  }, leaseMs / 3);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await renewing;
    },
  };
}

async function claimDue(db: Db, deps: DeliveryDeps, now: Date): Promise<Claimed[]> {
  const leaseEnd = new Date(now.getTime() + (deps.leaseMs ?? LEASE_MS));
  return db
    .with('due', (qb) =>
      qb
        .selectFrom('delivery')
        .select('id')
        .where((eb) =>
          eb.or([
            eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]),
            eb.and([eb('status', '=', 'sending'), eb('locked_until', '<=', now), eb('attempts', '<', MAX_ATTEMPTS)]),
          ]),
        )
        .orderBy('id')
        .limit(deps.batchSize ?? DELIVERY_BATCH)
        .forUpdate()
        .skipLocked(),
    )
    .updateTable('delivery as d')
    .from('due')
    .whereRef('d.id', '=', 'due.id')
    .set((eb) => ({
      status: 'sending',
      attempts: eb('d.attempts', '+', 1),
      locked_until: leaseEnd,
      claimed_by: deps.workerId,
      updated_at: now,
    }))
    .returning(['d.id', 'd.outbox_id', 'd.channel', 'd.attempts', 'd.idempotency_key'])
    .execute();
}

/** A lease that expired after the last attempt: the process died on it every time. */
async function failExhaustedLeases(db: Db, now: Date): Promise<number> {
  const rows = await db
    .updateTable('delivery')
    .set({
      status: 'failed',
      last_error: 'the worker stopped during the last attempt',
      locked_until: null,
      updated_at: now,
    })
    .where('status', '=', 'sending')
    .where('locked_until', '<=', now)
    .where('attempts', '>=', MAX_ATTEMPTS)
    .returning('id')
    .execute();
  return rows.length;
}

type Outcome = 'sent' | 'skipped' | 'retrying' | 'failed' | 'lost';

interface Finish {
  status: 'sent' | 'skipped' | 'pending' | 'failed';
  skip_reason?: SkipReason;
  provider_message_id?: string;
  sent_at?: Date;
  next_attempt_at?: Date;
  last_error?: string | null;
}

type Records = ReturnType<typeof recorders>;

/**
 * The two writes around each send, group-committed (issue 18, item 7): each send still waits for its own lease
 * check before it and its own record after it, but the sends in flight share the statements — one UPDATE … FROM
 * (VALUES …) for many rows instead of one per row.
 * - renew: the last check before a send. Renews the row's lease only if it is still ours (status and attempts
 *   unchanged). If the periodic renewal could not keep up (a stalled process) and another worker has taken the
 *   row, this one does not send.
 * - finish: records the outcome unless another worker has claimed the row since (its attempts would differ).
 */
function recorders(db: Db, deps: DeliveryDeps, now: Date, at: () => Date) {
  const leaseMs = deps.leaseMs ?? LEASE_MS;
  const renew = groupCommit<Claimed, boolean>(async (rows) => {
    const renewed = await db
      .updateTable('delivery as d')
      .from(
        valuesTable(
          rows.map((r) => ({ id: r.id, attempts: r.attempts })),
          'v',
          { id: 'bigint', attempts: 'integer' },
        ),
      )
      .set({ locked_until: new Date(at().getTime() + leaseMs) })
      .whereRef('d.id', '=', 'v.id')
      .whereRef('d.attempts', '=', 'v.attempts')
      .where('d.status', '=', 'sending')
      .returning('d.id')
      .execute();
    const ours = new Set(renewed.map((r) => Number(r.id)));
    return rows.map((r) => ours.has(r.id));
  });
  const finish = groupCommit<{ delivery: Claimed; values: Finish }, void>(async (rows) => {
    const table = valuesTable(
      rows.map(({ delivery: d, values: f }) => ({
        id: d.id,
        attempts: d.attempts,
        status: f.status,
        skip_reason: f.skip_reason ?? null,
        provider_message_id: f.provider_message_id ?? null,
        sent_at: f.sent_at ?? null,
        next_attempt_at: f.next_attempt_at ?? null,
        set_error: 'last_error' in f,
        last_error: f.last_error ?? null,
      })),
      'v',
      {
        id: 'bigint',
        attempts: 'integer',
        status: 'text',
        skip_reason: 'text',
        provider_message_id: 'text',
        sent_at: 'timestamptz',
        next_attempt_at: 'timestamptz',
        set_error: 'boolean',
        last_error: 'text',
      },
    );
    // Fields an outcome does not set are left as they are (a skip keeps last_error; a failure keeps next_attempt_at).
    await db
      .updateTable('delivery as d')
      .from(table)
      .set({
        status: sql`v.status`,
        skip_reason: sql`coalesce(v.skip_reason, d.skip_reason)`,
        provider_message_id: sql`coalesce(v.provider_message_id, d.provider_message_id)`,
        sent_at: sql`coalesce(v.sent_at, d.sent_at)`,
        next_attempt_at: sql`coalesce(v.next_attempt_at, d.next_attempt_at)`,
        last_error: sql`case when v.set_error then v.last_error else d.last_error end`,
        locked_until: null,
        updated_at: now,
      })
      .whereRef('d.id', '=', 'v.id')
      .whereRef('d.attempts', '=', 'v.attempts')
      .where('d.status', '=', 'sending')
      .execute();
    return rows.map(() => undefined);
  });
  return {
    renew,
    async finish(delivery: Claimed, outcome: Outcome, values: Finish): Promise<Outcome> {
      await finish({ delivery, values });
      return outcome;
    },
  };
}

async function deliverOne(
  records: Records,
  deps: DeliveryDeps,
  delivery: Claimed,
  context: DeliveryContext,
  now: Date,
): Promise<Outcome> {
  // Decided again at send time: an opt-out or a read made after planning still holds for a retry.
  const decision = chooseChannel(delivery.channel, context.facts, configuredOf(deps)[delivery.channel], now);
  if (!decision.send) return records.finish(delivery, 'skipped', { status: 'skipped', skip_reason: decision.reason });
  if (!(await records.renew(delivery))) return 'lost';
  const notice = { category: context.facts.category, school: context.school, link: deps.link };
  try {
    const { providerId } =
      delivery.channel === 'sms'
        ? await deps.sms!.send({
            to: decision.to,
            sender: deps.smsSender,
            text: smsNotice(notice),
            reference: delivery.idempotency_key,
          })
        : await deps.mailer!.send({
            to: decision.to,
            from: deps.mailFrom,
            ...mailNotice(notice),
            reference: delivery.idempotency_key,
          });
    return records.finish(delivery, 'sent', {
      status: 'sent',
      provider_message_id: providerId,
      sent_at: now,
      last_error: null,
    });
  } catch (error) {
    const final = error instanceof PermanentDeliveryError || delivery.attempts >= MAX_ATTEMPTS;
    deps.log?.({
      level: 'warn',
      msg: 'delivery attempt failed',
      deliveryId: delivery.id,
      channel: delivery.channel,
      attempt: delivery.attempts,
      final,
      error: (error as Error).name,
    });
    const lastError = String((error as Error).message ?? error).slice(0, 500);
    if (final) return records.finish(delivery, 'failed', { status: 'failed', last_error: lastError });
    const retryAt = new Date(now.getTime() + BACKOFF_MINUTES[delivery.attempts - 1]! * 60_000);
    return records.finish(delivery, 'retrying', {
      status: 'pending',
      next_attempt_at: retryAt,
      last_error: lastError,
    });
  }
}

/**
 * Runs `work` over the items, `limit` at a time. When one throws, no new item is started, but the ones in flight
 * finish (their sends are recorded) before the first error is thrown: an unrecorded send would be sent again.
 */
async function eachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const lane = async () => {
    while (next < items.length && !failure) {
      try {
        await work(items[next++]!);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  if (failure) throw failure.error;
}
