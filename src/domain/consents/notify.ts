import type { Db } from '../../db/database.ts';
import { activeOn } from '../period.ts';
import type { Locale } from '../../i18n/index.ts';
import { todayInOslo } from '../access/actor.ts';
import { contactTeacherIdsForPupil, enqueueNotifications } from '../notifications/outbox.ts';
import type { ConsentState } from './state.ts';

/** One changed answer, as the school is told about it (G3: "Skolen varsles når du endrer et samtykke"). */
export interface ConsentChange {
  eventId: number;
  pupilId: number;
  schoolId: number | null;
  /** A kindergarten's consent type (issue 13): told to the child's pedagogical leaders instead. */
  kindergarten: boolean;
  guardianName: string;
  typeKey: string;
  typeName: Record<Locale, string>;
  from: ConsentState;
  to: ConsentState;
}

/** What the staff notification list reads back from the outbox payload. */
export interface ConsentChangedPayload {
  typeKey: string;
  typeName: Record<Locale, string>;
  guardianName: string;
  from: ConsentState;
  state: ConsentState;
}

/**
 * A kindergarten child's pedagogical leaders today (of the departments the child has a place in), or — where a
 * department has none — the kindergarten's styrer.
 */
export async function kindergartenLeaderIdsForChild(db: Db, childId: number, today: string): Promise<number[]> {
  const rows = await db
    .selectFrom('kindergarten_enrolment as ke')
    .innerJoin('kindergarten_department as d', 'd.id', 'ke.department_id')
    .innerJoin('staff_membership as m', (join) =>
      join.on((eb) =>
        eb.or([
          eb.and([eb('m.role', '=', 'pedagogical_leader'), eb('m.department_id', '=', eb.ref('d.id'))]),
          eb.and([eb('m.role', '=', 'kindergarten_leader'), eb('m.kindergarten_id', '=', eb.ref('d.kindergarten_id'))]),
        ]),
      ),
    )
    .select(['m.person_id', 'm.role'])
    .distinct()
    .where('ke.child_id', '=', childId)
    .where(activeOn('ke', today))
    .where(activeOn('m', today))
    .execute();
  const leaders = rows.filter((r) => r.role === 'pedagogical_leader').map((r) => r.person_id);
  return leaders.length ? leaders : rows.map((r) => r.person_id);
}

/**
 * Tells the child's contact teacher(s) — for a kindergarten child its pedagogical leaders —: one outbox row per
 * person per change, in the caller's transaction.
 */
export async function notifyConsentChanges(trx: Db, changes: ConsentChange[], now = new Date()): Promise<void> {
  const teachers = new Map<string, number[]>();
  const key = (change: ConsentChange) => `${change.kindergarten ? 'k' : 's'}${change.pupilId}`;
  for (const change of changes) {
    if (teachers.has(key(change))) continue;
    teachers.set(
      key(change),
      change.kindergarten
        ? await kindergartenLeaderIdsForChild(trx, change.pupilId, todayInOslo(now))
        : await contactTeacherIdsForPupil(trx, change.pupilId, todayInOslo(now)),
    );
  }
  await enqueueNotifications(
    trx,
    changes.flatMap((change) =>
      (teachers.get(key(change)) ?? []).map((teacherId) => ({
        recipientPersonId: teacherId,
        category: 'consents' as const,
        eventType: 'consent.changed',
        schoolId: change.schoolId,
        pupilId: change.pupilId,
        payload: {
          typeKey: change.typeKey,
          typeName: change.typeName,
          guardianName: change.guardianName,
          from: change.from,
          state: change.to,
        } satisfies ConsentChangedPayload,
        idempotencyKey: `consent.changed:${change.eventId}:${teacherId}`,
      })),
    ),
  );
}
