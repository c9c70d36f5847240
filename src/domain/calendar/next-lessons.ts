import type { Db } from '../../db/database.ts';
import { addDays, isoWeekday } from './dates.ts';
import { calendarDaysPart } from './school-days.ts';
import { heldOn, pupilLessonsPart, type WeekLesson } from './week.ts';
import { mapPart, together, type Part } from '../../db/together.ts';

/** How far ahead the child overview looks for the next school day with lessons (covers a holiday week). */
const LOOKAHEAD_DAYS = 14;

export interface NextLessons {
  date: string;
  lessons: WeekLesson[];
}

/**
 * A pupil's next lessons (the child overview, issue 19): what is left of today's lessons, or else the lessons of the
 * next school day within two weeks; null when there is none. A part of a larger statement (db/together.ts).
 */
export function nextLessonsPart(
  db: Db,
  pupil: { pupilId: number; classId: number; municipalityId: number },
  today: string,
  time: string,
): Part<NextLessons | null> {
  const last = addDays(today, LOOKAHEAD_DAYS - 1);
  return mapPart(
    together({
      days: calendarDaysPart(db, pupil.municipalityId, today, last),
      lessons: pupilLessonsPart(db, pupil.pupilId, pupil.classId, today, last),
    }),
    ({ days, lessons }) => {
      const sorted = [...lessons].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
      for (let i = 0; i < LOOKAHEAD_DAYS; i++) {
        const date = addDays(today, i);
        if (days.get(date)?.kind !== 'school_day') continue;
        const held = sorted.filter((l) => heldOn(l, date, isoWeekday(date)) && (date > today || l.endsAt > time));
        if (held.length) return { date, lessons: held };
      }
      return null;
    },
  );
}
