import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { todayInOslo } from '../access/actor.ts';
import { isoWeekday } from '../calendar/dates.ts';
import { guardianIdsWithAccess } from '../guardian/guardians.ts';
import { enqueueNotifications, type NewNotification } from '../notifications/outbox.ts';
import type { EventPayloads } from '../notifications/events.ts';
import { activeOn } from '../period.ts';

export interface FollowUpCounts {
  /** School owners whose follow-up time had passed on a school day. */
  municipalities: number;
  /** Pupils followed up now (each at most once a day). */
  followUps: number;
  notifications: number;
}

const CLOCK = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Oslo',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const NOTIFICATION_CHUNK = 1000;

/** 'HH:MM' in Norwegian time. */
export const osloTime = (now: Date): string => CLOCK.format(now);

/**
 * S4 follow-up: for each school owner whose `absence_follow_up_time` has passed today, on a school day, every pupil
 * registered absent today (the day or any lesson) without a not-withdrawn report from home and without granted leave
 * gets one absence_follow_up row, and each guardian with access an 'absence.follow_up' notification. The primary key
 * (pupil, date) decides who is new, so repeated and concurrent runs (several app processes) notify exactly once.
 * One transaction per school owner; a fixed number of queries per school owner, none per pupil.
 */
export async function runAbsenceFollowUp(db: Db, now = new Date()): Promise<FollowUpCounts> {
  const today = todayInOslo(now);
  const counts: FollowUpCounts = { municipalities: 0, followUps: 0, notifications: 0 };
  if (isoWeekday(today) > 5) return counts;
  const due = await db
    .selectFrom('municipality as m')
    .select('m.id')
    .where('m.absence_follow_up_time', '<=', osloTime(now))
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('school_year as y')
          .select(sql`1`.as('one'))
          .whereRef('y.municipality_id', '=', 'm.id')
          .where(activeOn('y', today)),
      ),
    )
    .where(({ exists, not, selectFrom }) =>
      not(
        exists(
          selectFrom('school_calendar_day as d')
            .select(sql`1`.as('one'))
            .whereRef('d.municipality_id', '=', 'm.id')
            .where('d.date', '=', today),
        ),
      ),
    )
    .orderBy('m.id')
    .execute();
  for (const { id } of due) {
    const done = await followUpMunicipality(db, id, today);
    counts.municipalities++;
    counts.followUps += done.followUps;
    counts.notifications += done.notifications;
  }
  return counts;
}

/**
 * The pupils of one school owner registered absent today (the day or any lesson) with no not-withdrawn report from
 * home and no granted leave covering today. Reads only today's absent registrations (the partial index
 * `attendance_absent_date_idx`, migration 0022), so its cost is today's absences, not the year's registers;
 * `test/domain/absence-follow-up-plan.test.ts` checks the plan.
 */
export function unreportedAbsenceQuery(db: Db, municipalityId: number, today: string) {
  return db
    .selectFrom('attendance as a')
    .innerJoin('school as s', 's.id', 'a.school_id')
    .select([
      'a.pupil_id',
      sql<string>`cast(${today} as date)`.as('date'),
      (eb) => eb.fn.min('a.school_id').as('school_id'),
    ])
    .where('s.municipality_id', '=', municipalityId)
    .where('a.date', '=', today)
    .where('a.status', '=', 'absent')
    .where(({ exists, not, selectFrom }) =>
      not(
        exists(
          selectFrom('absence_report as r')
            .select(sql`1`.as('one'))
            .whereRef('r.pupil_id', '=', 'a.pupil_id')
            .where('r.withdrawn_at', 'is', null)
            .where('r.from_date', '<=', today)
            .where('r.to_date', '>=', today),
        ),
      ),
    )
    .where(({ exists, not, selectFrom }) =>
      not(
        exists(
          selectFrom('leave_application as l')
            .innerJoin('application as ap', 'ap.id', 'l.application_id')
            .select(sql`1`.as('one'))
            .whereRef('ap.pupil_id', '=', 'a.pupil_id')
            .where('ap.status', 'in', ['granted', 'partly_granted'])
            .where('l.granted_from', '<=', today)
            .where('l.granted_to', '>=', today),
        ),
      ),
    )
    .groupBy('a.pupil_id');
}

async function followUpMunicipality(db: Db, municipalityId: number, today: string) {
  return db.transaction().execute(async (trx) => {
    const unreported = unreportedAbsenceQuery(trx, municipalityId, today);
    const inserted = await trx
      .insertInto('absence_follow_up')
      .columns(['pupil_id', 'date', 'school_id'])
      .expression(unreported)
      .onConflict((oc) => oc.columns(['pupil_id', 'date']).doNothing())
      .returning(['pupil_id', 'school_id'])
      .execute();
    const guardians = await guardianIdsWithAccess(
      trx,
      inserted.map((r) => r.pupil_id),
    );
    const payload: EventPayloads['absence.follow_up'] = { date: today };
    const notifications: NewNotification[] = inserted.flatMap((row) =>
      (guardians.get(row.pupil_id) ?? []).map((guardianId) => ({
        recipientPersonId: guardianId,
        category: 'absence' as const,
        eventType: 'absence.follow_up',
        schoolId: row.school_id,
        pupilId: row.pupil_id,
        payload,
        idempotencyKey: `absence-follow-up:${row.pupil_id}:${today}:${guardianId}`,
      })),
    );
    for (let i = 0; i < notifications.length; i += NOTIFICATION_CHUNK)
      await enqueueNotifications(trx, notifications.slice(i, i + NOTIFICATION_CHUNK));
    return { followUps: inserted.length, notifications: notifications.length };
  });
}
