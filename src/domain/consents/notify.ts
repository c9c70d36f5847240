import type { Db } from '../../db/database.ts';
import type { Locale } from '../../i18n/index.ts';
import { todayInOslo } from '../access/actor.ts';
import { contactTeacherIdsForPupil, enqueueNotifications } from '../notifications/outbox.ts';
import type { ConsentState } from './state.ts';

/** One changed answer, as the school is told about it (G3: "Skolen varsles når du endrer et samtykke"). */
export interface ConsentChange {
  eventId: number;
  pupilId: number;
  schoolId: number | null;
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

/** Tells the child's contact teacher(s): one outbox row per teacher per change, in the caller's transaction. */
export async function notifyConsentChanges(trx: Db, changes: ConsentChange[], now = new Date()): Promise<void> {
  const teachers = new Map<number, number[]>();
  for (const pupilId of new Set(changes.map((c) => c.pupilId)))
    teachers.set(pupilId, await contactTeacherIdsForPupil(trx, pupilId, todayInOslo(now)));
  await enqueueNotifications(
    trx,
    changes.flatMap((change) =>
      (teachers.get(change.pupilId) ?? []).map((teacherId) => ({
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
