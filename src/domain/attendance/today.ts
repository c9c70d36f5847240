import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { done, loadPart, part, type Part } from '../../db/together.ts';
import type { Actor } from '../access/actor.ts';
import { canRegisterAttendance, type RegisterUnit } from '../access/policy.ts';
import { isoWeekday } from '../calendar/dates.ts';
import { activeOn } from '../period.ts';

/** A lesson the person teaches today, with the unit whose register it opens. */
export interface TodayLesson {
  lessonId: number;
  startsAt: string;
  endsAt: string;
  subject: string;
  unit: RegisterUnit & { name: string };
}

/**
 * "I dag" on the staff home (S4): today's lessons the person teaches (lesson.teacher_id) in a current school year,
 * when the skolerute says school, and only where they may register attendance. One query.
 */
export const listTodaysLessons = (db: Db, actor: Actor, today: string) =>
  loadPart(db, todaysLessonsPart(db, actor, today));

/** listTodaysLessons as a part of a larger statement (db/together.ts). */
export function todaysLessonsPart(db: Db, actor: Actor, today: string): Part<TodayLesson[]> {
  if (actor.via !== 'feide' || actor.staff.length === 0 || isoWeekday(today) > 5) return done([]);
  const lessons = db
    .selectFrom('lesson as l')
    .leftJoin('class as c', 'c.id', 'l.class_id')
    .leftJoin('teaching_group as g', 'g.id', 'l.teaching_group_id')
    .innerJoin('school as s', (join) => join.on(sql<boolean>`s.id = coalesce(c.school_id, g.school_id)`))
    .innerJoin('school_year as y', (join) => join.on(sql<boolean>`y.id = coalesce(c.school_year_id, g.school_year_id)`))
    .select([
      'l.id',
      'l.starts_at',
      'l.ends_at',
      'l.subject',
      'l.class_id',
      'l.teaching_group_id',
      's.id as school_id',
      'c.name as class_name',
      'g.name as group_name',
    ])
    .where('l.teacher_id', '=', actor.personId)
    .where('l.weekday', '=', isoWeekday(today))
    .where(activeOn('y', today))
    .where(({ exists, not, selectFrom }) =>
      not(
        exists(
          selectFrom('school_calendar_day as d')
            .select(sql`1`.as('one'))
            .whereRef('d.municipality_id', '=', 's.municipality_id')
            .where('d.date', '=', today),
        ),
      ),
    )
    .orderBy('l.starts_at')
    .orderBy('l.id')
    .limit(30);
  return part({ lessons }, ({ lessons: rows }) =>
    rows
      .map(
        (r): TodayLesson => ({
          lessonId: r.id,
          startsAt: r.starts_at,
          endsAt: r.ends_at,
          subject: r.subject,
          unit:
            r.class_id !== null
              ? { kind: 'class', id: r.class_id, schoolId: r.school_id, name: r.class_name ?? '' }
              : { kind: 'group', id: r.teaching_group_id!, schoolId: r.school_id, name: r.group_name ?? '' },
        }),
      )
      .filter((l) => canRegisterAttendance(actor, l.unit)),
  );
}
