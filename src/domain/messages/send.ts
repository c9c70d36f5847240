import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { AuthorCapacity, MessageThread, MessageVia, ThreadKind } from '../../db/schema.ts';
import { grantIds, todayInOslo, type Actor } from '../access/actor.ts';
import { loadCareFacts } from '../access/care-facts.ts';
import { canPlanChildCare, canViewChildCare } from '../access/policy.ts';
import type { PupilFacts } from '../access/pupil-facts.ts';
import { requireVisiblePupil } from '../access/scope.ts';
import { recordAudit } from '../audit.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import type { GuardianChild } from '../guardian/child.ts';
import type { NewThreadValues } from './form.ts';
import {
  canStartGuardianThread,
  kindergartenThreadDepartment,
  sharedSfos,
  staffCapacityFor,
  staffThreadKind,
} from './policy.ts';
import { notifyNewMessage } from './recipients.ts';
import type { ThreadRecord } from './threads.ts';

export interface NewThread {
  pupilId: number;
  /** The school of a school thread; null for a kindergarten thread (departmentId set instead). */
  schoolId: number | null;
  kind: ThreadKind;
  sfoId: number | null;
  departmentId?: number | null;
  subject: string;
  startedBy: number | null;
}

export interface NewMessage {
  authorId: number | null;
  capacity: AuthorCapacity;
  body: string;
  via: MessageVia;
  senderNumber?: string | null;
}

/** Creates a thread (without messages yet); call addMessage in the same transaction. */
export async function createThread(trx: Db, thread: NewThread, now: Date): Promise<MessageThread> {
  return trx
    .insertInto('message_thread')
    .values({
      pupil_id: thread.pupilId,
      school_id: thread.schoolId,
      kind: thread.kind,
      sfo_id: thread.sfoId,
      kindergarten_department_id: thread.departmentId ?? null,
      subject: thread.subject,
      started_by: thread.startedBy,
      created_at: now,
      last_message_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Adds a message, moves the thread's "last message", marks it read for its author, and — in the same
 * transaction — writes the outbox rows for everyone else who should know, and the audit row.
 */
export async function addMessage(
  trx: Db,
  thread: MessageThread,
  message: NewMessage,
  now: Date,
  today: string,
  audit: { actor: Pick<Actor, 'personId' | 'via'> | null; role?: string; action: 'message.send' | 'message.inbound' },
): Promise<number> {
  const { id } = await trx
    .insertInto('message')
    .values({
      thread_id: thread.id,
      author_id: message.authorId,
      author_capacity: message.capacity,
      body: message.body,
      via: message.via,
      sender_number: message.senderNumber ?? null,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const updated = await trx
    .updateTable('message_thread')
    .set({
      last_message_id: sql<number>`greatest(coalesce(last_message_id, 0), ${id})`,
      last_message_at: sql<Date>`greatest(last_message_at, ${now})`,
    })
    .where('id', '=', thread.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  if (message.authorId !== null) {
    await trx
      .insertInto('message_read')
      .values({ thread_id: thread.id, person_id: message.authorId, last_read_message_id: id, read_at: now })
      .onConflict((oc) =>
        oc.columns(['thread_id', 'person_id']).doUpdateSet({
          last_read_message_id: sql`greatest(message_read.last_read_message_id, excluded.last_read_message_id)`,
          read_at: now,
        }),
      )
      .execute();
  }
  const recipients = await notifyNewMessage(trx, updated, id, message.authorId, today);
  await recordAudit(
    trx,
    {
      actor: audit.actor,
      role: audit.role ?? message.capacity,
      action: audit.action,
      subjectPersonId: thread.pupil_id,
      record: { type: 'message', id },
      details: { threadId: thread.id, via: message.via, recipients: recipients.length },
    },
    now,
  );
  return id;
}

async function startThread(
  db: Db,
  actor: Actor,
  thread: NewThread,
  capacity: AuthorCapacity,
  body: string,
  now: Date,
  today: string,
) {
  return db.transaction().execute(async (trx) => {
    const created = await createThread(trx, thread, now);
    await recordAudit(
      trx,
      {
        actor,
        role: capacity,
        action: 'message_thread.create',
        subjectPersonId: thread.pupilId,
        record: { type: 'message_thread', id: created.id },
        details: { kind: thread.kind },
      },
      now,
    );
    const messageId = await addMessage(
      trx,
      created,
      { authorId: actor.personId, capacity, body, via: 'web' },
      now,
      today,
      { actor, action: 'message.send' },
    );
    return { threadId: created.id, messageId };
  });
}

/** G12: a guardian writes to the contact teacher, the school office or the SFO about their child. */
export async function startGuardianThread(
  db: Db,
  actor: Actor,
  child: GuardianChild,
  values: NewThreadValues,
  now = new Date(),
  today = todayInOslo(now),
) {
  if (!canStartGuardianThread(actor, child.facts, values.kind)) throw new ForbiddenError();
  const sfoId = values.kind === 'sfo' ? child.facts.sfoIds[0]! : null;
  const thread = {
    pupilId: child.pupilId,
    schoolId: child.schoolId,
    kind: values.kind,
    sfoId,
    subject: values.subject,
    startedBy: actor.personId,
  };
  return startThread(db, actor, thread, 'guardian', values.body, now, today);
}

/**
 * Issue 13: a guardian writes to the department of their kindergarten child. Out of care reach: 404; staff of the
 * child's unit (who reach the child's care, not its guardians' book): 403; a child without a kindergarten place: 404.
 */
export async function startKindergartenThread(
  db: Db,
  actor: Actor,
  childId: number,
  values: { subject: string; body: string },
  now = new Date(),
  today = todayInOslo(now),
) {
  const child = await loadCareFacts(db, childId, today);
  if (!child || !canViewChildCare(actor, child)) throw new NotFoundError();
  if (!canPlanChildCare(actor, child)) throw new ForbiddenError();
  const departmentId = kindergartenThreadDepartment(actor, child);
  if (departmentId === null) throw new NotFoundError();
  const thread = {
    pupilId: childId,
    schoolId: null,
    kind: 'kindergarten' as const,
    sfoId: null,
    departmentId,
    subject: values.subject,
    startedBy: actor.personId,
  };
  return startThread(db, actor, thread, 'guardian', values.body, now, today);
}

/** The school the staff member writes from: their own school among the pupil's current ones. */
function schoolFor(actor: Actor, pupil: PupilFacts): number {
  const active = pupil.enrolments.filter((e) => e.active);
  const mine = grantIds(actor, ['leadership', 'contact_teacher', 'teacher'], (g) => [g.schoolId]);
  return (active.find((e) => mine.includes(e.schoolId)) ?? active[0]!).schoolId;
}

/** S7: staff start a thread with the pupil's guardians. Staff who may not message this pupil's home: 403; out of reach: 404. */
export async function startStaffThread(
  db: Db,
  actor: Actor,
  pupilId: number,
  values: { subject: string; body: string },
  now = new Date(),
  today = todayInOslo(now),
) {
  if (actor.via === 'idporten') throw new NotFoundError();
  const pupil = await requireVisiblePupil(db, actor, pupilId, today);
  const capacity = staffCapacityFor(actor, pupil);
  if (!capacity) throw new ForbiddenError();
  const kind = staffThreadKind(capacity);
  const thread = {
    pupilId,
    schoolId: schoolFor(actor, pupil),
    kind,
    sfoId: kind === 'sfo' ? sharedSfos(actor, pupil)[0]! : null,
    subject: values.subject,
    startedBy: actor.personId,
  };
  return startThread(db, actor, thread, capacity, values.body, now, today);
}

/** Everyone who sees a thread and may message the home replies in it (a reader without that right: 403). */
export async function replyToThread(
  db: Db,
  actor: Actor,
  record: ThreadRecord,
  body: string,
  now = new Date(),
  today = todayInOslo(now),
): Promise<number> {
  if (!record.replyAs) throw new ForbiddenError();
  const capacity = record.replyAs;
  return db.transaction().execute((trx) =>
    addMessage(trx, record.thread, { authorId: actor.personId, capacity, body, via: 'web' }, now, today, {
      actor,
      action: 'message.send',
    }),
  );
}
