import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { AuthorCapacity, MessageThread } from '../../db/schema.ts';
import { todayInOslo, type Actor } from '../access/actor.ts';
import { loadCareFacts, type CareFacts } from '../access/care-facts.ts';
import type { PupilFacts } from '../access/pupil-facts.ts';
import { requireVisiblePupil } from '../access/scope.ts';
import { NotFoundError } from '../errors.ts';
import type { GuardianChild } from '../guardian/child.ts';
import { recordStaffRead } from '../privacy/staff-reads.ts';
import {
  canViewKindergartenThread,
  canViewThread,
  kindergartenReplyCapacity,
  replyCapacity,
  type ThreadFacts,
} from './policy.ts';

/** A thread as loaded for one actor: the row, the pupil's facts, and what the actor may do in it. */
export interface ThreadRecord {
  thread: MessageThread;
  /** The pupil's facts (a school thread), or the kindergarten child's care facts (a kindergarten thread). */
  pupil: PupilFacts | null;
  child: CareFacts | null;
  pupilName: { given: string; family: string };
  facts: ThreadFacts;
  /** A kindergarten thread's department (the child may have moved since); null for a school thread. */
  departmentName: string | null;
  /** The capacity a reply is written in; null = may read, not reply. */
  replyAs: AuthorCapacity | null;
}

const validId = (id: number) => Number.isSafeInteger(id) && id > 0;

async function participated(db: Db, thread: MessageThread, personId: number): Promise<boolean> {
  if (thread.started_by === personId) return true;
  const row = await db
    .selectFrom('message')
    .select('id')
    .where('thread_id', '=', thread.id)
    .where('author_id', '=', personId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

async function threadFacts(
  db: Db,
  thread: MessageThread,
  personId: number,
): Promise<ThreadFacts & { departmentName: string | null }> {
  const department =
    thread.kindergarten_department_id === null
      ? undefined
      : await db
          .selectFrom('kindergarten_department')
          .select(['kindergarten_id', 'name'])
          .where('id', '=', thread.kindergarten_department_id)
          .executeTakeFirst();
  return {
    kind: thread.kind,
    schoolId: thread.school_id,
    sfoId: thread.sfo_id,
    departmentId: thread.kindergarten_department_id,
    kindergartenId: department?.kindergarten_id ?? null,
    participated: await participated(db, thread, personId),
    departmentName: department?.name ?? null,
  };
}

async function childName(db: Db, thread: MessageThread) {
  const person = await db
    .selectFrom('person')
    .select(['given_name', 'family_name'])
    .where('id', '=', thread.pupil_id)
    .executeTakeFirstOrThrow();
  return { given: person.given_name, family: person.family_name };
}

async function toRecord(db: Db, actor: Actor, thread: MessageThread, pupil: PupilFacts): Promise<ThreadRecord> {
  const facts = await threadFacts(db, thread, actor.personId);
  if (!canViewThread(actor, pupil, facts)) throw new NotFoundError();
  const pupilName = await childName(db, thread);
  const departmentName = null;
  return { thread, pupil, child: null, pupilName, facts, departmentName, replyAs: replyCapacity(actor, pupil, facts) };
}

/** A kindergarten thread through the child's care facts and canViewKindergartenThread (out of reach → 404). */
async function toKindergartenRecord(db: Db, actor: Actor, thread: MessageThread, today: string): Promise<ThreadRecord> {
  const child = await loadCareFacts(db, thread.pupil_id, today);
  const facts = await threadFacts(db, thread, actor.personId);
  if (!child || !canViewKindergartenThread(actor, child, facts)) throw new NotFoundError();
  const pupilName = await childName(db, thread);
  return {
    thread,
    pupil: null,
    child,
    pupilName,
    facts,
    departmentName: facts.departmentName,
    replyAs: kindergartenReplyCapacity(actor, child, facts),
  };
}

/** A thread in the book of the guardian's child (loaded with requireGuardianChild): another child's thread → 404. */
export async function requireChildThread(
  db: Db,
  actor: Actor,
  child: GuardianChild,
  threadId: number,
): Promise<ThreadRecord> {
  const thread = validId(threadId)
    ? await db
        .selectFrom('message_thread')
        .selectAll()
        .where('id', '=', threadId)
        .where('pupil_id', '=', child.pupilId)
        .where('school_id', 'is not', null)
        .executeTakeFirst()
    : undefined;
  if (!thread) throw new NotFoundError();
  return toRecord(db, actor, thread, child.facts);
}

/** A thread in a kindergarten child's book (the guardian's view): another child's or a school thread → 404. */
export async function requireKindergartenChildThread(
  db: Db,
  actor: Actor,
  childId: number,
  threadId: number,
  today = todayInOslo(),
): Promise<ThreadRecord> {
  const thread = validId(threadId)
    ? await db
        .selectFrom('message_thread')
        .selectAll()
        .where('id', '=', threadId)
        .where('pupil_id', '=', childId)
        .where('kind', '=', 'kindergarten')
        .executeTakeFirst()
    : undefined;
  if (!thread) throw new NotFoundError();
  return toKindergartenRecord(db, actor, thread, today);
}

/** A thread for staff: through the pupil's reach (404) and the thread rule (404: a thread one may not see does not exist). */
export async function requireStaffThread(
  db: Db,
  actor: Actor,
  threadId: number,
  today = todayInOslo(),
): Promise<ThreadRecord> {
  if (actor.via === 'idporten') throw new NotFoundError();
  const thread = validId(threadId)
    ? await db.selectFrom('message_thread').selectAll().where('id', '=', threadId).executeTakeFirst()
    : undefined;
  if (!thread) throw new NotFoundError();
  if (thread.kind === 'kindergarten') return toKindergartenRecord(db, actor, thread, today);
  const pupil = await requireVisiblePupil(db, actor, thread.pupil_id, today);
  return toRecord(db, actor, thread, pupil);
}

/** The staff's GET of a thread: requireStaffThread, and the read in the audit (D9). */
export async function openStaffThread(
  db: Db,
  actor: Actor,
  threadId: number,
  today = todayInOslo(),
): Promise<ThreadRecord> {
  const record = await requireStaffThread(db, actor, threadId, today);
  const child = record.pupil ? { pupil: record.pupil } : { care: record.child! };
  await recordStaffRead(db, actor, child, 'message_thread.view', { type: 'message_thread', id: record.thread.id });
  return record;
}

export interface MessageView {
  id: number;
  authorId: number | null;
  authorName: string | null;
  authorCapacity: AuthorCapacity;
  body: string;
  via: 'web' | 'sms';
  senderNumber: string | null;
  createdAt: Date;
  mine: boolean;
  /** Not written by the reader and newer than what they had read before this visit. */
  unread: boolean;
}

export const MESSAGES_SHOWN = 200;

/** The thread's newest messages (bounded), oldest first, with the reader's unread markers as they were before this visit. */
export async function loadMessages(
  db: Db,
  record: ThreadRecord,
  readerId: number,
): Promise<{ messages: MessageView[]; olderHidden: boolean }> {
  const read = await db
    .selectFrom('message_read')
    .select('last_read_message_id')
    .where('thread_id', '=', record.thread.id)
    .where('person_id', '=', readerId)
    .executeTakeFirst();
  const lastRead = read?.last_read_message_id ?? 0;
  const rows = await db
    .selectFrom('message as m')
    .leftJoin('person as a', 'a.id', 'm.author_id')
    .select([
      'm.id',
      'm.author_id',
      'a.given_name',
      'a.family_name',
      'm.author_capacity',
      'm.body',
      'm.via',
      'm.sender_number',
      'm.created_at',
    ])
    .where('m.thread_id', '=', record.thread.id)
    .orderBy('m.id', 'desc')
    .limit(MESSAGES_SHOWN + 1)
    .execute();
  const messages = rows
    .slice(0, MESSAGES_SHOWN)
    .reverse()
    .map((r) => ({
      id: r.id,
      authorId: r.author_id,
      authorName: r.given_name ? `${r.given_name} ${r.family_name}` : null,
      authorCapacity: r.author_capacity,
      body: r.body,
      via: r.via,
      senderNumber: r.sender_number,
      createdAt: r.created_at,
      mine: r.author_id === readerId,
      unread: r.author_id !== readerId && r.id > lastRead,
    }));
  return { messages, olderHidden: rows.length > MESSAGES_SHOWN };
}

/**
 * The reader has seen the thread up to its newest message: the unread marker goes, and so do their in-app
 * notifications of it (so the delivery worker does not send an SMS about what was already read).
 */
export async function markThreadRead(
  db: Db,
  personId: number,
  thread: Pick<MessageThread, 'id' | 'last_message_id'>,
  now = new Date(),
): Promise<void> {
  if (thread.last_message_id === null) return;
  const last = thread.last_message_id;
  await db
    .insertInto('message_read')
    .values({ thread_id: thread.id, person_id: personId, last_read_message_id: last, read_at: now })
    .onConflict((oc) =>
      oc.columns(['thread_id', 'person_id']).doUpdateSet({
        last_read_message_id: sql`greatest(message_read.last_read_message_id, excluded.last_read_message_id)`,
        read_at: now,
      }),
    )
    .execute();
  await db
    .updateTable('outbox')
    .set({ read_at: now })
    .where('recipient_person_id', '=', personId)
    .where('event_type', '=', 'message.new')
    .where('read_at', 'is', null)
    .where(sql<boolean>`payload->>'threadId' = ${String(thread.id)}`)
    .execute();
}
