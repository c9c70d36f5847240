import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { BroadcastAudienceKind } from '../../db/schema.ts';
import type { Actor } from '../access/actor.ts';
import { NotFoundError } from '../errors.ts';
import { pageWindow, toPaged, type Paged } from './paging.ts';
import { canViewBroadcastStatus } from './policy.ts';

export const SENT_PER_PAGE = 20;
export const RECIPIENTS_PER_PAGE = 50;

/** A notice as its sender sees it, with how many got it and how many have read it. */
export interface SentBroadcast {
  id: number;
  schoolId: number;
  schoolName: string;
  audienceKind: BroadcastAudienceKind;
  audienceName: string;
  trinn: number | null;
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
}

function sentQuery(db: Db) {
  return db
    .selectFrom('broadcast as b')
    .innerJoin('school as s', 's.id', 'b.school_id')
    .innerJoin('person as p', 'p.id', 'b.sender_id')
    .leftJoin('broadcast_recipient as r', 'r.broadcast_id', 'b.id')
    .select([
      'b.id', 'b.school_id', 's.name as school_name', 'b.audience_kind', 'b.audience_name', 'b.trinn', 'b.subject', 'b.body', 'b.sender_id', 'b.created_at',
      'p.given_name', 'p.family_name',
      (eb) => eb.fn.count<number>('r.guardian_id').as('recipients'),
      (eb) => eb.fn.count<number>('r.read_at').as('read'),
    ])
    .groupBy(['b.id', 's.name', 'p.given_name', 'p.family_name']);
}

type SentRow = Awaited<ReturnType<ReturnType<typeof sentQuery>['execute']>>[number];
const toSent = (r: SentRow): SentBroadcast => ({
  id: r.id, schoolId: r.school_id, schoolName: r.school_name, audienceKind: r.audience_kind, audienceName: r.audience_name, trinn: r.trinn,
  subject: r.subject, body: r.body, senderName: `${r.given_name} ${r.family_name}`, createdAt: r.created_at,
  recipients: Number(r.recipients), read: Number(r.read),
});

/** What the actor has sent, newest first, one page. */
export async function listSentBroadcasts(db: Db, actor: Actor, page: number): Promise<Paged<SentBroadcast>> {
  const { limit, offset } = pageWindow(page, SENT_PER_PAGE);
  const rows = await sentQuery(db).where('b.sender_id', '=', actor.personId).orderBy('b.created_at', 'desc').orderBy('b.id', 'desc').limit(limit).offset(offset).execute();
  return toPaged(rows.map(toSent), page, SENT_PER_PAGE);
}

/** A notice with its read status, for its sender or the school's leadership; for anyone else it does not exist (404). */
export async function findSentBroadcast(db: Db, actor: Actor, id: number): Promise<SentBroadcast> {
  const row = id > 0 ? await sentQuery(db).where('b.id', '=', id).executeTakeFirst() : undefined;
  if (!row || !canViewBroadcastStatus(actor, { senderId: row.sender_id, schoolId: row.school_id })) throw new NotFoundError();
  return toSent(row);
}

/** Read status per recipient (guardian, their children in the audience, read or not), by name, one page. */
export async function listRecipientStatus(db: Db, broadcast: SentBroadcast, page: number): Promise<Paged<RecipientStatus>> {
  const { limit, offset } = pageWindow(page, RECIPIENTS_PER_PAGE);
  const rows = await db
    .selectFrom('broadcast_recipient as r')
    .innerJoin('person as g', 'g.id', 'r.guardian_id')
    .select([
      'g.given_name', 'g.family_name', 'r.read_at',
      sql<string[]>`(select json_agg(p.given_name || ' ' || p.family_name order by p.given_name, p.id) from person p where p.id = any(r.pupil_ids))`.as('children'),
    ])
    .where('r.broadcast_id', '=', broadcast.id)
    .orderBy('g.family_name').orderBy('g.given_name').orderBy('g.id')
    .limit(limit).offset(offset)
    .execute();
  return toPaged(rows.map((r) => ({ guardianName: `${r.given_name} ${r.family_name}`, children: r.children ?? [], readAt: r.read_at })), page, RECIPIENTS_PER_PAGE);
}
