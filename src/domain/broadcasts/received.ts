import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../access/actor.ts';
import { NotFoundError } from '../errors.ts';
import { pageWindow, toPaged, type Paged } from '../paging.ts';

export const RECEIVED_PER_PAGE = 20;

/** A guardian's copy of a notice: to them, naming their children in the audience. Never the other recipients. */
export interface ReceivedBroadcast {
  id: number;
  subject: string;
  body: string;
  /** Who the notice is from as guardians know it: the SFO for a notice to an SFO, the municipality for its notice, else the school. */
  from: string;
  senderName: string;
  createdAt: Date;
  /** Given names of the guardian's children the notice is about (only children the guardian still reaches). */
  children: string[];
  readAt: Date | null;
}

/**
 * The copies of this guardian, restricted to children they still reach (a relation blocked after sending hides the
 * copy). `guardianOf` comes from the actor, loaded fresh on every request.
 */
function receivedQuery(db: Db, actor: Actor) {
  const reach = sql`array[${sql.join(actor.guardianOf.length ? actor.guardianOf : [0])}]::bigint[]`;
  return db
    .selectFrom('broadcast_recipient as r')
    .innerJoin('broadcast as b', 'b.id', 'r.broadcast_id')
    .leftJoin('school as s', 's.id', 'b.school_id')
    .innerJoin('person as sender', 'sender.id', 'b.sender_id')
    .select([
      'b.id',
      'b.subject',
      'b.body',
      's.name as school_name',
      'b.audience_kind',
      'b.audience_name',
      'sender.given_name',
      'sender.family_name',
      'b.created_at',
      'r.read_at',
      sql<
        string[]
      >`(select json_agg(p.given_name order by p.given_name, p.id) from person p where p.id = any(r.pupil_ids) and p.id = any(${reach}))`.as(
        'children',
      ),
    ])
    .where('r.guardian_id', '=', actor.personId)
    .where(sql<boolean>`r.pupil_ids && ${reach}`);
}

type Row = Awaited<ReturnType<ReturnType<typeof receivedQuery>['execute']>>[number];
const toReceived = (r: Row): ReceivedBroadcast => ({
  id: r.id,
  subject: r.subject,
  body: r.body,
  from:
    r.audience_kind === 'sfo' || r.audience_kind === 'municipality' || r.school_name === null
      ? r.audience_name
      : r.school_name,
  senderName: `${r.given_name} ${r.family_name}`,
  createdAt: r.created_at,
  children: r.children ?? [],
  readAt: r.read_at,
});

/** The notices a guardian has received, newest first, one page (or only those about one child). */
export async function listReceivedBroadcasts(
  db: Db,
  actor: Actor,
  page: number,
  options: { pupilId?: number; perPage?: number } = {},
): Promise<Paged<ReceivedBroadcast>> {
  if (actor.via !== 'idporten' || actor.guardianOf.length === 0) return { items: [], page, hasNext: false };
  const perPage = options.perPage ?? RECEIVED_PER_PAGE;
  const { limit, offset } = pageWindow(page, perPage);
  let query = receivedQuery(db, actor)
    .orderBy('b.created_at', 'desc')
    .orderBy('b.id', 'desc')
    .limit(limit)
    .offset(offset);
  if (options.pupilId !== undefined) query = query.where(sql<boolean>`${options.pupilId}::bigint = any(r.pupil_ids)`);
  return toPaged((await query.execute()).map(toReceived), page, perPage);
}

/**
 * Opens the guardian's copy and marks it read (the sender sees "read"), and its in-app notification with it.
 * Someone else's notice, or one about children the guardian no longer reaches, does not exist (404).
 */
export async function openReceivedBroadcast(db: Db, actor: Actor, id: number, now: Date): Promise<ReceivedBroadcast> {
  if (actor.via !== 'idporten' || actor.guardianOf.length === 0 || id <= 0) throw new NotFoundError();
  const row = await receivedQuery(db, actor).where('b.id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError();
  if (row.read_at === null) {
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('broadcast_recipient')
        .set({ read_at: now })
        .where('broadcast_id', '=', id)
        .where('guardian_id', '=', actor.personId)
        .where('read_at', 'is', null)
        .execute();
      await trx
        .updateTable('outbox')
        .set({ read_at: now })
        .where('recipient_person_id', '=', actor.personId)
        .where('idempotency_key', '=', `broadcast:${id}:${actor.personId}`)
        .where('read_at', 'is', null)
        .execute();
    });
  }
  return toReceived({ ...row, read_at: row.read_at ?? now });
}
