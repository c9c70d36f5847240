import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import { loadActor, todayInOslo, type Actor } from '../access/actor.ts';
import { requireGuardianChild, type GuardianChild } from '../guardian/child.ts';
import { NotFoundError } from '../errors.ts';
import { addDays, datesBetween, isoWeekday, mondayOf } from './dates.ts';
import { buildIcs, type IcsEvent } from './ics.ts';
import { calendarDays } from './school-days.ts';
import { heldOn, pupilLessons } from './week.ts';

const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest();
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const FEED_WEEKS = 4;

/** Creates a new secret feed token for the guardian's child, revoking any earlier one. Returns the token once. */
export async function createFeedToken(db: Db, actor: Actor, child: GuardianChild): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.transaction().execute(async (trx) => {
    await revokeActive(trx, actor.personId, child.pupilId);
    await trx
      .insertInto('calendar_feed_token')
      .values({ guardian_id: actor.personId, pupil_id: child.pupilId, token_hash: hashToken(token) })
      .execute();
  });
  return token;
}

/** Revokes the guardian's feed for the child; true when there was one. */
export async function revokeFeedToken(db: Db, actor: Actor, child: GuardianChild): Promise<boolean> {
  return (await revokeActive(db, actor.personId, child.pupilId)) > 0;
}

export async function hasActiveFeed(db: Db, actor: Actor, child: GuardianChild): Promise<boolean> {
  const row = await db
    .selectFrom('calendar_feed_token')
    .select('id')
    .where('guardian_id', '=', actor.personId)
    .where('pupil_id', '=', child.pupilId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

async function revokeActive(db: Db, guardianId: number, pupilId: number): Promise<number> {
  const result = await db
    .updateTable('calendar_feed_token')
    .set({ revoked_at: new Date() })
    .where('guardian_id', '=', guardianId)
    .where('pupil_id', '=', pupilId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * The iCalendar text behind a feed token: the child's lessons for the next 4 weeks and the days off.
 * Unknown or revoked token, a blocked guardian or a child who left → NotFoundError (checked on every fetch).
 */
export async function feedCalendar(db: Db, token: string, now = new Date()): Promise<string> {
  if (!TOKEN_PATTERN.test(token)) throw new NotFoundError();
  const row = await db
    .selectFrom('calendar_feed_token')
    .select(['guardian_id', 'pupil_id'])
    .where('token_hash', '=', hashToken(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new NotFoundError();
  const today = todayInOslo(now);
  const actor = await loadActor(db, row.guardian_id, 'idporten', today);
  if (!actor) throw new NotFoundError();
  const child = await requireGuardianChild(db, actor, row.pupil_id, today);
  const from = mondayOf(today);
  const to = addDays(from, FEED_WEEKS * 7 - 1);
  const [days, lessons] = await Promise.all([
    calendarDays(db, child.municipalityId, from, to),
    pupilLessons(db, child.pupilId, child.classId, from, to),
  ]);
  const events: IcsEvent[] = [];
  for (const date of datesBetween(from, to)) {
    const info = days.get(date);
    if (info && 'name' in info) {
      events.push({
        uid: `day-${date}-${child.pupilId}@skolebro`,
        date,
        allDay: true,
        summary: info.name ?? (child.hovudmaal === 'nn' ? 'Skulefri' : 'Skolefri'),
      });
    } else if (info?.kind === 'school_day') {
      for (const lesson of lessons.filter((l) => heldOn(l, date, isoWeekday(date)))) {
        events.push({
          uid: `lesson-${lesson.id}-${date}-${child.pupilId}@skolebro`,
          date,
          start: lesson.startsAt,
          end: lesson.endsAt,
          summary: lesson.subject,
          location: lesson.room,
          description: lesson.teacherName,
        });
      }
    }
  }
  return buildIcs(`Timeplan – ${child.givenName}`, events, now);
}
