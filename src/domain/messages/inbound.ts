import type { Db } from '../../db/database.ts';
import type { InboundSms, MessageThread } from '../../db/schema.ts';
import { todayInOslo } from '../access/actor.ts';
import { recordAudit } from '../audit.ts';
import { formatPhone, normaliseMobile } from '../contact/phone.ts';
import { messageBookText } from '../../i18n/messages.ts';
import { fill } from '../../i18n/index.ts';
import { enqueueNotifications, leadershipIdsForSchool } from '../notifications/outbox.ts';
import { activeOn } from '../period.ts';
import { addMessage, createThread } from './send.ts';
import { normaliseSmsNumber } from './sms-number.ts';
import { keywordTarget, splitKeyword } from './sms-address.ts';

/** An SMS reply to the school's last message lands in that thread if the school wrote within this many days. */
export const REPLY_WINDOW_DAYS = 14;

export interface IncomingSms {
  providerId: string;
  from: string;
  to: string | null;
  text: string;
  sentAt: Date | null;
}

export type InboundResult =
  | { status: 'duplicate' }
  | { status: 'placed'; threadId: number; messageId: number }
  | { status: 'queued'; inboundId: number }
  | { status: 'unroutable'; inboundId: number };

/** The school whose SMS number received it (the webhook's `to`, normalised); null when it is no school's number. */
async function schoolByNumber(db: Db, to: string | null): Promise<number | null> {
  const number = normaliseSmsNumber(to);
  if (number === null) return null;
  const school = await db.selectFrom('school').select('id').where('sms_number', '=', number).executeTakeFirst();
  return school?.id ?? null;
}

/** The one guardian whose (normalised) mobile this is, with children they reach; null if unknown or shared by several. */
async function guardianByMobile(db: Db, mobile: string | null): Promise<number | null> {
  if (!mobile) return null;
  const rows = await db
    .selectFrom('contact_info as ci')
    .select('ci.person_id')
    .where('ci.mobile', '=', mobile)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('guardian_relation as g')
          .select('g.id')
          .whereRef('g.guardian_id', '=', 'ci.person_id')
          .where('g.blocked', '=', false)
          .where('g.contact_person_only', '=', false),
      ),
    )
    .limit(2)
    .execute();
  return rows.length === 1 ? rows[0]!.person_id : null;
}

/** The guardian's children with access and a current enrolment, with that school (bounded). */
export async function reachableChildren(db: Db, guardianId: number, today: string) {
  return db
    .selectFrom('guardian_relation as g')
    .innerJoin('enrolment as e', 'e.pupil_id', 'g.pupil_id')
    .innerJoin('person as p', 'p.id', 'g.pupil_id')
    .innerJoin('class as c', 'c.id', 'e.class_id')
    .innerJoin('school as s', 's.id', 'e.school_id')
    .select(['g.pupil_id', 'p.given_name', 'p.family_name', 'e.school_id', 's.hovudmaal', 'c.name as class_name'])
    .where('g.guardian_id', '=', guardianId)
    .where('g.blocked', '=', false)
    .where('g.contact_person_only', '=', false)
    .where(activeOn('e', today))
    .orderBy('p.given_name')
    .orderBy('g.pupil_id')
    .limit(20)
    .execute();
}

/** The newest thread about one of these children where the school wrote last, within the reply window. */
async function recentSchoolThread(
  db: Db,
  pupilIds: number[],
  now: Date,
  kind?: MessageThread['kind'],
): Promise<MessageThread | undefined> {
  if (pupilIds.length === 0) return undefined;
  const since = new Date(now.getTime() - REPLY_WINDOW_DAYS * 86_400_000);
  return db
    .selectFrom('message_thread as t')
    .innerJoin('message as m', 'm.id', 't.last_message_id')
    .selectAll('t')
    .where('t.pupil_id', 'in', pupilIds)
    .where('t.school_id', 'is not', null) // an SMS to a school's number never lands in a kindergarten thread
    .$if(kind !== undefined, (q) => q.where('t.kind', '=', kind!))
    .where('m.author_capacity', 'not in', ['guardian', 'unknown'])
    .where('t.last_message_at', '>=', since)
    .orderBy('t.last_message_at', 'desc')
    .orderBy('t.id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * D5: an SMS from the gateway. Stored once per provider id (a retried webhook changes nothing). From one known
 * guardian with a keyword first, on a school's number (sms-address.ts): to that class's contact teacher or the SFO,
 * in the child's book when exactly one of their children is there (the school's last thread of that kind within the
 * window, else a new one; the keyword is taken off), else that school's office queue and no other. Otherwise: into the thread the school last wrote to them in (≤ 14 days), else — with exactly one child — a new
 * thread to that child's contact teacher, else the office queue of their children's schools. From an unknown (or
 * shared) number: the office queue of the school whose number received it (`to`), and only that school; to no
 * school's number it is kept as 'unroutable' and shown to nobody.
 */
export async function receiveInboundSms(
  db: Db,
  sms: IncomingSms,
  now = new Date(),
  today = todayInOslo(now),
): Promise<InboundResult> {
  return db.transaction().execute(async (trx) => {
    const normalised = normaliseMobile(sms.from);
    const mobile = normalised.ok ? normalised.value : null;
    const schoolId = await schoolByNumber(trx, sms.to);
    const inserted = await trx
      .insertInto('inbound_sms')
      .values({
        provider_id: sms.providerId,
        from_number: sms.from,
        normalised_number: mobile,
        to_number: sms.to,
        school_id: schoolId,
        text: sms.text,
        sent_at: sms.sentAt,
        received_at: now,
        status: 'queued',
      })
      .onConflict((oc) => oc.column('provider_id').doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!inserted) return { status: 'duplicate' };
    const guardianId = await guardianByMobile(trx, mobile);
    const children = guardianId === null ? [] : await reachableChildren(trx, guardianId, today);
    // A keyword first on a school's number ("3A …", "SFO …") addresses that class's contact teacher or the SFO.
    const addressed = schoolId !== null && guardianId !== null ? splitKeyword(sms.text) : null;
    const target = addressed ? await keywordTarget(trx, schoolId!, addressed.keyword, children, today) : null;
    if (target && addressed && guardianId !== null) {
      if (target.pupilIds.length !== 1) {
        // None or several of the guardian's children there: that school's office sorts it out, and only that school.
        await trx.updateTable('inbound_sms').set({ guardian_id: guardianId }).where('id', '=', inserted.id).execute();
        await notifyQueued(trx, inserted, [schoolId!], today);
        return { status: 'queued', inboundId: inserted.id };
      }
      const pupilId = target.pupilIds[0]!;
      const child = children.find((c) => c.pupil_id === pupilId)!;
      const thread =
        (await recentSchoolThread(trx, [pupilId], now, target.kind)) ??
        (await createThread(
          trx,
          {
            pupilId,
            schoolId: child.school_id,
            kind: target.kind,
            sfoId: target.kind === 'sfo' ? target.sfoId : null,
            subject: fill(messageBookText[child.hovudmaal].smsSubject, { name: await guardianName(trx, guardianId) }),
            startedBy: guardianId,
          },
          now,
        ));
      return placeInThread(trx, inserted.id, thread, guardianId, addressed.rest || sms.text, mobile, now, today);
    }
    let thread = await recentSchoolThread(
      trx,
      children.map((c) => c.pupil_id),
      now,
    );
    if (!thread && children.length === 1 && guardianId !== null) {
      const child = children[0]!;
      const name = await guardianName(trx, guardianId);
      const subject = fill(messageBookText[child.hovudmaal].smsSubject, { name });
      thread = await createThread(
        trx,
        {
          pupilId: child.pupil_id,
          schoolId: child.school_id,
          kind: 'contact_teacher',
          sfoId: null,
          subject,
          startedBy: guardianId,
        },
        now,
      );
    }
    if (guardianId === null && schoolId === null) {
      await trx.updateTable('inbound_sms').set({ status: 'unroutable' }).where('id', '=', inserted.id).execute();
      return { status: 'unroutable', inboundId: inserted.id };
    }
    if (!thread || guardianId === null) {
      await trx.updateTable('inbound_sms').set({ guardian_id: guardianId }).where('id', '=', inserted.id).execute();
      const schools = guardianId === null ? [schoolId!] : [...new Set(children.map((c) => c.school_id))];
      await notifyQueued(trx, inserted, schools, today);
      return { status: 'queued', inboundId: inserted.id };
    }
    return placeInThread(trx, inserted.id, thread, guardianId, sms.text, mobile, now, today);
  });
}

/** The SMS becomes the guardian's message in the thread; the inbound row records where it went. */
async function placeInThread(
  trx: Db,
  inboundId: number,
  thread: MessageThread,
  guardianId: number,
  body: string,
  mobile: string | null,
  now: Date,
  today: string,
): Promise<InboundResult> {
  const message = {
    authorId: guardianId,
    capacity: 'guardian' as const,
    body,
    via: 'sms' as const,
    senderNumber: mobile,
  };
  const messageId = await addMessage(trx, thread, message, now, today, {
    actor: { personId: guardianId, via: 'idporten' },
    action: 'message.inbound',
  });
  await trx
    .updateTable('inbound_sms')
    .set({ guardian_id: guardianId, status: 'placed', thread_id: thread.id, message_id: messageId })
    .where('id', '=', inboundId)
    .execute();
  return { status: 'placed', threadId: thread.id, messageId };
}

async function guardianName(db: Db, personId: number): Promise<string> {
  const p = await db
    .selectFrom('person')
    .select(['given_name', 'family_name'])
    .where('id', '=', personId)
    .executeTakeFirstOrThrow();
  return `${p.given_name} ${p.family_name}`;
}

/**
 * An SMS that could not be placed: the leadership of the known guardian's children's schools, or of the school whose
 * number an unknown number wrote to, is told (no content).
 */
async function notifyQueued(db: Db, sms: InboundSms, schoolIds: number[], today: string): Promise<void> {
  for (const schoolId of schoolIds) {
    const leaders = await leadershipIdsForSchool(db, schoolId, today);
    await enqueueNotifications(
      db,
      leaders.map((personId) => ({
        recipientPersonId: personId,
        category: 'messages' as const,
        eventType: 'message.sms_queued',
        schoolId,
        payload: { inboundSmsId: sms.id },
        idempotencyKey: `inbound-sms:${sms.id}:${personId}`,
      })),
    );
  }
}

/** For display: the number as people read it. */
export const displayNumber = (sms: Pick<InboundSms, 'normalised_number' | 'from_number'>) =>
  sms.normalised_number ? formatPhone(sms.normalised_number) : sms.from_number;

/** Audit row for a queue action by leadership. */
export async function auditQueueAction(
  db: Db,
  actorId: number,
  sms: InboundSms,
  pupilId: number | null,
  outcome: 'attached' | 'dismissed',
  now: Date,
) {
  await recordAudit(
    db,
    {
      actor: { personId: actorId, via: 'feide' },
      role: 'leadership',
      action: 'message.inbound',
      subjectPersonId: pupilId,
      record: { type: 'inbound_sms', id: sms.id },
      details: { outcome },
    },
    now,
  );
}
