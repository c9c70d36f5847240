import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { SentAudienceKind } from '../../db/schema.ts';
import type { Actor } from '../access/actor.ts';
import { NotFoundError } from '../errors.ts';
import { pageWindow, toPaged, type Paged } from '../paging.ts';
import { canViewBroadcastStatus } from './policy.ts';
import { deliveryStatusFor, type OutboxDeliveryStatus } from '../delivery/status.ts';
import type { NotificationChannel } from '../../db/schema.ts';

export const SENT_PER_PAGE = 20;
export const RECIPIENTS_PER_PAGE = 50;

/** A notice as its sender sees it, with how many got it and how many have read it. */
export interface SentBroadcast {
  id: number;
  /** Null for a municipality notice (no school of its own; schoolName is then the municipality's name). */
  schoolId: number | null;
  schoolName: string;
  audienceKind: SentAudienceKind;
  audienceName: string;
  trinn: number | null;
  /** A municipality notice: the schools (names) and trinn the school owner chose; null for other notices. */
  targetSchools: string[] | null;
  targetTrinn: number[] | null;
  subject: string;
  body: string;
  senderName: string;
  createdAt: Date;
  recipients: number;
  read: number;
}

export interface RecipientStatus {
  guardianName: string;
  children: string[];
  readAt: Date | null;
  /** How the SMS and e-mail about it went (null only if the notification row is missing). */
  delivery: OutboxDeliveryStatus | null;
}

/** The outbox row of a recipient's copy: the key send.ts gives it. */
const outboxKey = sql<string>`'broadcast:' || r.broadcast_id || ':' || r.guardian_id`;

function sentQuery(db: Db) {
  return db
    .selectFrom('broadcast as b')
    .leftJoin('school as s', 's.id', 'b.school_id')
    .innerJoin('person as p', 'p.id', 'b.sender_id')
    .leftJoin('broadcast_recipient as r', 'r.broadcast_id', 'b.id')
    .select([
      'b.id',
      'b.school_id',
      sql<string>`coalesce(s.name, b.audience_name)`.as('school_name'),
      'b.audience_kind',
      'b.audience_name',
      'b.trinn',
      sql<string[] | null>`(select array_agg(ts.name order by ts.name) from school ts
        where ts.id = any(b.target_school_ids))`.as('target_schools'),
      'b.target_trinn',
      'b.subject',
      'b.body',
      'b.sender_id',
      'b.created_at',
      'p.given_name',
      'p.family_name',
      (eb) => eb.fn.count<number>('r.guardian_id').as('recipients'),
      (eb) => eb.fn.count<number>('r.read_at').as('read'),
    ])
    .groupBy(['b.id', 's.name', 'p.given_name', 'p.family_name']);
}

type SentRow = Awaited<ReturnType<ReturnType<typeof sentQuery>['execute']>>[number];
const toSent = (r: SentRow): SentBroadcast => ({
  id: r.id,
  schoolId: r.school_id,
  schoolName: r.school_name,
  audienceKind: r.audience_kind,
  audienceName: r.audience_name,
  trinn: r.trinn,
  targetSchools: r.target_schools,
  targetTrinn: r.target_trinn,
  subject: r.subject,
  body: r.body,
  senderName: `${r.given_name} ${r.family_name}`,
  createdAt: r.created_at,
  recipients: Number(r.recipients),
  read: Number(r.read),
});

/** What the actor has sent, newest first, one page. */
export async function listSentBroadcasts(db: Db, actor: Actor, page: number): Promise<Paged<SentBroadcast>> {
  const { limit, offset } = pageWindow(page, SENT_PER_PAGE);
  const rows = await sentQuery(db)
    .where('b.sender_id', '=', actor.personId)
    .orderBy('b.created_at', 'desc')
    .orderBy('b.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return toPaged(rows.map(toSent), page, SENT_PER_PAGE);
}

/** A notice with its read status, for its sender or the school's leadership; for anyone else it does not exist (404). */
export async function findSentBroadcast(db: Db, actor: Actor, id: number): Promise<SentBroadcast> {
  const row = id > 0 ? await sentQuery(db).where('b.id', '=', id).executeTakeFirst() : undefined;
  if (!row || !canViewBroadcastStatus(actor, { senderId: row.sender_id, schoolId: row.school_id }))
    throw new NotFoundError();
  return toSent(row);
}

/** Read status per recipient (guardian, their children in the audience, read or not), by name, one page. */
export async function listRecipientStatus(
  db: Db,
  broadcast: SentBroadcast,
  page: number,
): Promise<Paged<RecipientStatus>> {
  const { limit, offset } = pageWindow(page, RECIPIENTS_PER_PAGE);
  const rows = await db
    .selectFrom('broadcast_recipient as r')
    .innerJoin('person as g', 'g.id', 'r.guardian_id')
    .select([
      'g.given_name',
      'g.family_name',
      'r.read_at',
      (eb) => eb.selectFrom('outbox as o').select('o.id').where('o.idempotency_key', '=', outboxKey).as('outbox_id'),
      sql<
        string[]
      >`(select json_agg(p.given_name || ' ' || p.family_name order by p.given_name, p.id) from person p where p.id = any(r.pupil_ids))`.as(
        'children',
      ),
    ])
    .where('r.broadcast_id', '=', broadcast.id)
    .orderBy('g.family_name')
    .orderBy('g.given_name')
    .orderBy('g.id')
    .limit(limit)
    .offset(offset)
    .execute();
  const deliveries = await deliveryStatusFor(
    db,
    rows.flatMap((r) => (r.outbox_id === null ? [] : [r.outbox_id])),
  );
  return toPaged(
    rows.map((r) => ({
      guardianName: `${r.given_name} ${r.family_name}`,
      children: r.children ?? [],
      readAt: r.read_at,
      delivery: r.outbox_id === null ? null : (deliveries.get(r.outbox_id) ?? null),
    })),
    page,
    RECIPIENTS_PER_PAGE,
  );
}

export type DeliveryCount = 'queued' | 'sent' | 'delivered' | 'waiting' | 'skipped' | 'failed';
export type DeliverySummary = Record<NotificationChannel, Partial<Record<DeliveryCount, number>>>;

/**
 * For the sender, over all recipients in one query: per channel how many SMS/e-mails were sent (delivered, by the
 * provider's report), are still queued or waiting to be retried, were not sent (opt-out, read, no address) or failed.
 */
export async function broadcastDeliverySummary(db: Db, broadcast: SentBroadcast): Promise<DeliverySummary> {
  const rows = await db
    .selectFrom('broadcast_recipient as r')
    .innerJoin('outbox as o', (join) => join.on('o.idempotency_key', '=', outboxKey))
    .innerJoin('delivery as d', 'd.outbox_id', 'o.id')
    .select([
      'd.channel',
      sql<DeliveryCount>`case when d.delivered_at is not null then 'delivered' when d.status in ('pending', 'sending') then 'waiting' else d.status end`.as(
        'state',
      ),
      (eb) => eb.fn.countAll<number>().as('n'),
    ])
    .where('r.broadcast_id', '=', broadcast.id)
    .groupBy(['d.channel', 'state'])
    .execute();
  const summary: DeliverySummary = { sms: {}, email: {} };
  for (const row of rows) summary[row.channel][row.state] = Number(row.n);
  for (const channel of ['sms', 'email'] as const) {
    const planned = Object.values(summary[channel]).reduce((a, b) => a + (b ?? 0), 0);
    if (broadcast.recipients > planned) summary[channel].queued = broadcast.recipients - planned;
  }
  return summary;
}
