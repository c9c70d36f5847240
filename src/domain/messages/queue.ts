import { sql, type ExpressionBuilder } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database, InboundSms } from '../../db/schema.ts';
import { grantIds, todayInOslo, type Actor } from '../access/actor.ts';
import { requireVisiblePupil } from '../access/scope.ts';
import { NotFoundError } from '../errors.ts';
import { activeOn } from '../period.ts';
import { fill } from '../../i18n/index.ts';
import { messageBookText } from '../../i18n/messages.ts';
import { auditQueueAction, displayNumber, reachableChildren } from './inbound.ts';
import { addMessage, createThread } from './send.ts';

export const QUEUE_SHOWN = 20;

export interface QueueItem {
  id: number;
  from: string;
  text: string;
  receivedAt: Date;
  guardianName: string | null;
  /** The guardian's children at the actor's schools: where the SMS can go with one click. */
  candidates: { pupilId: number; name: string; className: string }[];
}

type SmsEb = ExpressionBuilder<Database & { q: Database['inbound_sms'] }, 'q'>;

/**
 * The school-office queue as the leadership of `schools` sees it: SMS from unknown numbers sent to one of these
 * schools' numbers (`school_id`, by the webhook's `to`), and SMS from a known guardian with a child there.
 */
function visibleToLeaders(eb: SmsEb, schools: number[], today: string) {
  return eb.or([
    eb.and([eb('q.guardian_id', 'is', null), eb('q.school_id', 'in', schools)]),
    eb.exists(
      eb
        .selectFrom('guardian_relation as g')
        .innerJoin('enrolment as e', 'e.pupil_id', 'g.pupil_id')
        .select(sql`1`.as('one'))
        .whereRef('g.guardian_id', '=', 'q.guardian_id')
        .where('g.blocked', '=', false)
        .where('g.contact_person_only', '=', false)
        .where('e.school_id', 'in', schools)
        .where(activeOn('e', today)),
    ),
  ]);
}

const leaderSchools = (actor: Actor) =>
  actor.via === 'feide' ? grantIds(actor, ['leadership'], (g) => [g.schoolId]) : [];

/** The queue for leadership (others: empty and not shown). Newest first, bounded, with the total. */
export async function listOfficeQueue(
  db: Db,
  actor: Actor,
  options: { pupilId?: number; today?: string } = {},
): Promise<{ items: QueueItem[]; total: number }> {
  const schools = leaderSchools(actor);
  if (schools.length === 0) return { items: [], total: 0 };
  const today = options.today ?? todayInOslo();
  let base = db
    .selectFrom('inbound_sms as q')
    .where('q.status', '=', 'queued')
    .where((eb) => visibleToLeaders(eb, schools, today));
  if (options.pupilId !== undefined) {
    const pupilId = options.pupilId;
    base = base.where((eb) =>
      eb.or([
        eb.and([
          eb('q.guardian_id', 'is', null),
          eb.exists(
            eb
              .selectFrom('enrolment as e')
              .select('e.id')
              .whereRef('e.school_id', '=', 'q.school_id')
              .where('e.pupil_id', '=', pupilId)
              .where(activeOn('e', today)),
          ),
        ]),
        eb.exists(
          eb
            .selectFrom('guardian_relation as g')
            .select('g.id')
            .whereRef('g.guardian_id', '=', 'q.guardian_id')
            .where('g.pupil_id', '=', pupilId),
        ),
      ]),
    );
  }
  const rows = await base
    .leftJoin('person as gp', 'gp.id', 'q.guardian_id')
    .select([
      'q.id',
      'q.from_number',
      'q.normalised_number',
      'q.text',
      'q.received_at',
      'q.guardian_id',
      'gp.given_name',
      'gp.family_name',
    ])
    .orderBy('q.received_at', 'desc')
    .orderBy('q.id', 'desc')
    .limit(QUEUE_SHOWN)
    .execute();
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const guardians = [...new Set(rows.flatMap((r) => (r.guardian_id === null ? [] : [r.guardian_id])))];
  const children = guardians.length
    ? await db
        .selectFrom('guardian_relation as g')
        .innerJoin('enrolment as e', 'e.pupil_id', 'g.pupil_id')
        .innerJoin('person as p', 'p.id', 'g.pupil_id')
        .innerJoin('class as c', 'c.id', 'e.class_id')
        .select(['g.guardian_id', 'g.pupil_id', 'p.given_name', 'p.family_name', 'c.name as class_name'])
        .where('g.guardian_id', 'in', guardians)
        .where('g.blocked', '=', false)
        .where('g.contact_person_only', '=', false)
        .where('e.school_id', 'in', schools)
        .where(activeOn('e', today))
        .orderBy('p.given_name')
        .execute()
    : [];
  const items = rows.map((r) => ({
    id: r.id,
    from: displayNumber(r),
    text: r.text,
    receivedAt: r.received_at,
    guardianName: r.given_name ? `${r.given_name} ${r.family_name}` : null,
    candidates: children
      .filter((c) => c.guardian_id === r.guardian_id)
      .map((c) => ({ pupilId: c.pupil_id, name: `${c.given_name} ${c.family_name}`, className: c.class_name })),
  }));
  return { items, total: Number(n) };
}

/** A queued SMS this leader may handle, locked for the change; 404 when out of their sight. */
async function lockVisible(trx: Db, actor: Actor, smsId: number, today: string): Promise<InboundSms> {
  const schools = leaderSchools(actor);
  if (schools.length === 0 || !Number.isSafeInteger(smsId) || smsId <= 0) throw new NotFoundError();
  const sms = await trx
    .selectFrom('inbound_sms as q')
    .selectAll()
    .where('q.id', '=', smsId)
    .where((eb) => visibleToLeaders(eb, schools, today))
    .forUpdate()
    .executeTakeFirst();
  if (!sms) throw new NotFoundError();
  return sms;
}

export type QueueOutcome =
  | { status: 'attached'; threadId: number }
  | { status: 'dismissed' }
  | { status: 'already_handled' };

/**
 * Leadership puts a queued SMS in a pupil's book at their school: a new thread to the school office, the message
 * from the guardian (or from the unknown number). A known guardian's SMS goes only to a child of that guardian.
 */
export async function attachInboundSms(
  db: Db,
  actor: Actor,
  smsId: number,
  pupilId: number,
  now = new Date(),
  today = todayInOslo(now),
): Promise<QueueOutcome> {
  const pupil = await requireVisiblePupil(db, actor, pupilId, today);
  const schools = leaderSchools(actor);
  const enrolment = pupil.enrolments.find((e) => e.active && schools.includes(e.schoolId));
  if (!enrolment) throw new NotFoundError();
  return db.transaction().execute(async (trx) => {
    const sms = await lockVisible(trx, actor, smsId, today);
    if (sms.status !== 'queued') return { status: 'already_handled' as const };
    if (
      sms.guardian_id !== null &&
      !(await reachableChildren(trx, sms.guardian_id, today)).some((c) => c.pupil_id === pupilId)
    )
      throw new NotFoundError();
    // An unknown number wrote to one school: its SMS goes only into the book of a pupil at that school.
    if (sms.guardian_id === null && !pupil.enrolments.some((e) => e.active && e.schoolId === sms.school_id))
      throw new NotFoundError();
    const schoolId = sms.guardian_id === null ? sms.school_id! : enrolment.schoolId;
    const school = await trx
      .selectFrom('school')
      .select('hovudmaal')
      .where('id', '=', schoolId)
      .executeTakeFirstOrThrow();
    const guardian =
      sms.guardian_id === null
        ? undefined
        : await trx
            .selectFrom('person')
            .select(['given_name', 'family_name'])
            .where('id', '=', sms.guardian_id)
            .executeTakeFirstOrThrow();
    const subject = fill(messageBookText[school.hovudmaal].smsSubject, {
      name: guardian ? `${guardian.given_name} ${guardian.family_name}` : displayNumber(sms),
    });
    const thread = await createThread(
      trx,
      { pupilId, schoolId, kind: 'school_office', sfoId: null, subject, startedBy: actor.personId },
      now,
    );
    const message = {
      authorId: sms.guardian_id,
      capacity: sms.guardian_id === null ? ('unknown' as const) : ('guardian' as const),
      body: sms.text,
      via: 'sms' as const,
      senderNumber: sms.normalised_number ?? sms.from_number,
    };
    const messageId = await addMessage(trx, thread, message, now, today, {
      actor,
      role: 'leadership',
      action: 'message.inbound',
    });
    await trx
      .updateTable('inbound_sms')
      .set({
        status: 'attached',
        thread_id: thread.id,
        message_id: messageId,
        handled_at: now,
        handled_by: actor.personId,
      })
      .where('id', '=', sms.id)
      .execute();
    return { status: 'attached' as const, threadId: thread.id };
  });
}

/** Leadership removes an SMS from the queue (spam, a wrong number); kept, audited. */
export async function dismissInboundSms(
  db: Db,
  actor: Actor,
  smsId: number,
  now = new Date(),
  today = todayInOslo(now),
): Promise<QueueOutcome> {
  return db.transaction().execute(async (trx) => {
    const sms = await lockVisible(trx, actor, smsId, today);
    if (sms.status !== 'queued') return { status: 'already_handled' as const };
    await trx
      .updateTable('inbound_sms')
      .set({ status: 'dismissed', handled_at: now, handled_by: actor.personId })
      .where('id', '=', sms.id)
      .execute();
    await auditQueueAction(trx, actor.personId, sms, null, 'dismissed', now);
    return { status: 'dismissed' as const };
  });
}
