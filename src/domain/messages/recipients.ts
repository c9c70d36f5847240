import type { Db } from '../../db/database.ts';
import type { MessageThread } from '../../db/schema.ts';
import { contactTeacherIdsForPupil, enqueueNotifications, leadershipIdsForSchool } from '../notifications/outbox.ts';
import { activeOn } from '../period.ts';

/** Guardians who see the book: not blocked, not contact persons only (the same rule as the guardian's reach). */
export async function bookGuardianIds(db: Db, pupilId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('guardian_relation')
    .select('guardian_id')
    .where('pupil_id', '=', pupilId)
    .where('blocked', '=', false)
    .where('contact_person_only', '=', false)
    .orderBy('guardian_id')
    .limit(10)
    .execute();
  return rows.map((r) => r.guardian_id);
}

/** The SFO's leader(s) and staff, current memberships. */
async function sfoPeopleIds(db: Db, sfoId: number, today: string): Promise<number[]> {
  const rows = await db
    .selectFrom('staff_membership')
    .select('person_id')
    .distinct()
    .where('sfo_id', '=', sfoId)
    .where('role', 'in', ['sfo_leader', 'sfo_staff'])
    .where(activeOn('staff_membership', today))
    .execute();
  return rows.map((r) => r.person_id);
}

/** A kindergarten department's pedagogical leader and staff, and the styrer of its kindergarten: current memberships. */
async function kindergartenPeopleIds(db: Db, departmentId: number, today: string): Promise<number[]> {
  const rows = await db
    .selectFrom('staff_membership as sm')
    .innerJoin('kindergarten_department as d', (join) => join.on('d.id', '=', departmentId))
    .select('sm.person_id')
    .distinct()
    .where((eb) =>
      eb.or([
        eb.and([
          eb('sm.role', 'in', ['pedagogical_leader', 'kindergarten_staff']),
          eb('sm.department_id', '=', eb.ref('d.id')),
        ]),
        eb.and([eb('sm.role', '=', 'kindergarten_leader'), eb('sm.kindergarten_id', '=', eb.ref('d.kindergarten_id'))]),
      ]),
    )
    .where(activeOn('sm', today))
    .execute();
  return rows.map((r) => r.person_id);
}

/** Staff who started or wrote in the thread and still work at its school (or its SFOs). */
async function staffParticipantIds(db: Db, thread: MessageThread, schoolId: number, today: string): Promise<number[]> {
  const rows = await db
    .selectFrom('staff_membership as sm')
    .leftJoin('sfo', 'sfo.id', 'sm.sfo_id')
    .select('sm.person_id')
    .distinct()
    .where((eb) => eb.or([eb('sm.school_id', '=', schoolId), eb('sfo.school_id', '=', schoolId)]))
    .where(activeOn('sm', today))
    .where((eb) =>
      eb.or([
        eb('sm.person_id', '=', thread.started_by ?? 0),
        eb(
          'sm.person_id',
          'in',
          eb
            .selectFrom('message')
            .select('author_id')
            .where('thread_id', '=', thread.id)
            .where('author_capacity', 'not in', ['guardian', 'unknown'])
            .where('author_id', 'is not', null)
            .$castTo<number>(),
        ),
      ]),
    )
    .execute();
  return rows.map((r) => r.person_id);
}

/**
 * Who should know about a new message: the guardians who see the book, the school side the thread belongs to
 * (contact teachers — or leadership when the class has none —, the school office, or the SFO), and staff who
 * took part; for a kindergarten thread the guardians, the department's pedagogical leader and staff and the
 * kindergarten's styrer. Never the author.
 */
export async function messageRecipients(
  db: Db,
  thread: MessageThread,
  authorId: number | null,
  today: string,
): Promise<number[]> {
  const ids = new Set<number>(await bookGuardianIds(db, thread.pupil_id));
  if (thread.kindergarten_department_id !== null) {
    // a kindergarten thread: the department and the styrer, who see every such thread of the child anyway
    for (const id of await kindergartenPeopleIds(db, thread.kindergarten_department_id, today)) ids.add(id);
    if (authorId !== null) ids.delete(authorId);
    return [...ids].sort((a, b) => a - b);
  }
  if (thread.school_id === null) return [];
  const schoolId = thread.school_id;
  if (thread.kind === 'contact_teacher') {
    const teachers = await contactTeacherIdsForPupil(db, thread.pupil_id, today);
    for (const id of teachers.length ? teachers : await leadershipIdsForSchool(db, schoolId, today)) ids.add(id);
  }
  if (thread.kind === 'school_office') for (const id of await leadershipIdsForSchool(db, schoolId, today)) ids.add(id);
  if (thread.kind === 'sfo' && thread.sfo_id !== null)
    for (const id of await sfoPeopleIds(db, thread.sfo_id, today)) ids.add(id);
  for (const id of await staffParticipantIds(db, thread, schoolId, today)) ids.add(id);
  if (authorId !== null) ids.delete(authorId);
  return [...ids].sort((a, b) => a - b);
}

/** Outbox rows for a new message, in the caller's transaction: one per recipient, idempotent per message and person. */
export async function notifyNewMessage(
  db: Db,
  thread: MessageThread,
  messageId: number,
  authorId: number | null,
  today: string,
): Promise<number[]> {
  const recipients = await messageRecipients(db, thread, authorId, today);
  await enqueueNotifications(
    db,
    recipients.map((personId) => ({
      recipientPersonId: personId,
      category: 'messages' as const,
      eventType: 'message.new',
      schoolId: thread.school_id,
      pupilId: thread.pupil_id,
      payload: thread.kind === 'kindergarten' ? { threadId: thread.id, kindergarten: true } : { threadId: thread.id },
      idempotencyKey: `message:${messageId}:${personId}`,
    })),
  );
  return recipients;
}
