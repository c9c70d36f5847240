import type { Db } from '../../db/database.ts';
import { asDate, loadPart, part } from '../../db/together.ts';
import type { NotificationCategory } from '../../db/schema.ts';
import { todayInOslo } from '../access/actor.ts';
import { activeOn } from '../period.ts';

export interface NewNotification {
  recipientPersonId: number;
  category: NotificationCategory;
  /** e.g. 'consent.changed', 'address.reported' — the view turns it into words in the reader's language. */
  eventType: string;
  schoolId?: number | null;
  pupilId?: number | null;
  /** Data for the text. Never a fødselsnummer; SMS/e-mail carry only "something new" and a link. */
  payload?: Record<string, unknown>;
  /** Same key → one row: retries and double submits do not notify twice. */
  idempotencyKey: string;
}

/** Writes notifications; call it with the transaction of the event so both happen or neither. */
export async function enqueueNotifications(db: Db, notifications: NewNotification[]): Promise<void> {
  if (notifications.length === 0) return;
  await db
    .insertInto('outbox')
    .values(
      notifications.map((n) => ({
        recipient_person_id: n.recipientPersonId,
        category: n.category,
        event_type: n.eventType,
        school_id: n.schoolId ?? null,
        pupil_id: n.pupilId ?? null,
        payload: JSON.stringify(n.payload ?? {}),
        idempotency_key: n.idempotencyKey,
      })),
    )
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .execute();
}

/** The newest in-app notifications for a person (bounded), unread first. */
export const listNotifications = (db: Db, personId: number, limit = 20) =>
  loadPart(db, notificationsPart(db, personId, limit));

/** listNotifications as a part of a larger statement (db/together.ts). */
export function notificationsPart(db: Db, personId: number, limit = 20) {
  const notifications = db
    .selectFrom('outbox as o')
    .leftJoin('person as p', 'p.id', 'o.pupil_id')
    .select([
      'o.id',
      'o.created_at',
      'o.category',
      'o.event_type',
      'o.payload',
      'o.read_at',
      'o.pupil_id',
      'p.given_name as pupil_given_name',
      'p.family_name as pupil_family_name',
    ])
    .where('o.recipient_person_id', '=', personId)
    .orderBy('o.created_at', 'desc')
    .orderBy('o.id', 'desc')
    .limit(Math.min(limit, 100));
  return part({ notifications }, (rows) =>
    rows.notifications.map((n) => ({
      ...n,
      created_at: asDate(n.created_at),
      read_at: n.read_at === null ? null : asDate(n.read_at),
    })),
  );
}

/** Marks these notifications (of this person only) as read. */
export async function markNotificationsRead(db: Db, personId: number, ids: number[], now = new Date()): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('outbox')
    .set({ read_at: now })
    .where('recipient_person_id', '=', personId)
    .where('id', 'in', ids)
    .where('read_at', 'is', null)
    .execute();
}

/** Current contact teachers of the pupil's class (the people told about consent changes). */
export async function contactTeacherIdsForPupil(db: Db, pupilId: number, today = todayInOslo()): Promise<number[]> {
  const rows = await db
    .selectFrom('enrolment as e')
    .innerJoin('staff_assignment as a', 'a.class_id', 'e.class_id')
    .innerJoin('staff_membership as m', 'm.id', 'a.staff_membership_id')
    .select('m.person_id')
    .distinct()
    .where('e.pupil_id', '=', pupilId)
    .where(activeOn('e', today))
    .where('m.role', '=', 'contact_teacher')
    .where(activeOn('m', today))
    .execute();
  return rows.map((r) => r.person_id);
}

/** Leadership of a school (the people told when a guardian reports a wrong address). */
export async function leadershipIdsForSchool(db: Db, schoolId: number, today = todayInOslo()): Promise<number[]> {
  const rows = await db
    .selectFrom('staff_membership')
    .select('person_id')
    .distinct()
    .where('school_id', '=', schoolId)
    .where('role', '=', 'leadership')
    .where(activeOn('staff_membership', today))
    .execute();
  return rows.map((r) => r.person_id);
}
