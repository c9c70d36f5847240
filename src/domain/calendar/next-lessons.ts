import type { Db } from '../../db/database.ts';
import { addDays, isoWeekday } from './dates.ts';
import { calendarDays } from './school-days.ts';
import { heldOn, pupilLessons, type WeekLesson } from './week.ts';

/** How far ahead the child overview looks for the next school day with lessons (covers a holiday week). */
const LOOKAHEAD_DAYS = 14;

export interface NextLessons {
  date: string;
  lessons: WeekLesson[];
}

/**
 * A pupil's next lessons (the child overview, issue 19): what is left of today's lessons, or else the lessons of the
 * next school day within two weeks; null when there is none. Two queries.
 */
export async function nextLessons(
  db: Db,
  pupil: { pupilId: number; classId: number; municipalityId: number },
  today: string,
  time: string,
): Promise<NextLessons | null> {
  const last = addDays(today, LOOKAHEAD_DAYS - 1);
  const [days, lessons] = await Promise.all([
    calendarDays(db, pupil.municipalityId, today, last),
    pupilLessons(db, pupil.pupilId, pupil.classId, today, last),
  ]);
  const sorted = [...lessons].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  for (let i = 0; i < LOOKAHEAD_DAYS; i++) {
    const date = addDays(today, i);
    if (days.get(date)?.kind !== 'school_day') continue;
    const held = sorted.filter((l) => heldOn(l, date, isoWeekday(date)) && (date > today || l.endsAt > time));
    if (held.length) return { date, lessons: held };
  }
  return null;
}
