import type { Db } from '../../db/database.ts';
import { loadPart, part, type Part } from '../../db/together.ts';
import { todayInOslo, type Actor } from '../access/actor.ts';
import { activeOn } from '../period.ts';
import { addDays, isoWeekOf } from './dates.ts';
import { calendarDays, type DayInfo } from './school-days.ts';
import { inArrayOf } from '../sql.ts';

/** One lesson as the week view shows it. */
export interface WeekLesson {
  id: number;
  weekday: number;
  startsAt: string;
  endsAt: string;
  subject: string;
  teacherName: string | null;
  room: string | null;
  /** The class or teaching group (shown to teachers). */
  groupName: string;
  /** The school year of that class or group: the lesson is held only on its dates. */
  yearStartsOn: string;
  yearEndsOn: string;
}

/** A weekly lesson is held on `date` when it is its weekday and inside its class's or group's school year. */
export const heldOn = (lesson: WeekLesson, date: string, weekday: number): boolean =>
  lesson.weekday === weekday && lesson.yearStartsOn <= date && date <= lesson.yearEndsOn;

export interface WeekDay {
  date: string;
  weekday: number;
  info: DayInfo;
  lessons: WeekLesson[];
}

export interface Week {
  week: string;
  monday: string;
  previous: string;
  next: string;
  days: WeekDay[];
}

/** Monday–Friday of the week starting `monday`: lessons on school days only, the holiday's name otherwise. */
export function buildWeek(monday: string, days: Map<string, DayInfo>, lessons: WeekLesson[]): Week {
  const sorted = [...lessons].sort((a, b) => a.weekday - b.weekday || a.startsAt.localeCompare(b.startsAt));
  return {
    week: isoWeekOf(monday),
    monday,
    previous: isoWeekOf(addDays(monday, -7)),
    next: isoWeekOf(addDays(monday, 7)),
    days: [1, 2, 3, 4, 5].map((weekday) => {
      const date = addDays(monday, weekday - 1);
      const info = days.get(date) ?? { kind: 'no_school' as const };
      return {
        date,
        weekday,
        info,
        lessons: info.kind === 'school_day' ? sorted.filter((l) => heldOn(l, date, weekday)) : [],
      };
    }),
  };
}

function lessonQuery(db: Db) {
  return db
    .selectFrom('lesson as l')
    .leftJoin('person as t', 't.id', 'l.teacher_id')
    .leftJoin('class as c', 'c.id', 'l.class_id')
    .leftJoin('teaching_group as g', 'g.id', 'l.teaching_group_id')
    .innerJoin('school_year as y', (join) =>
      join.on((eb) => eb('y.id', '=', eb.fn.coalesce('c.school_year_id', 'g.school_year_id'))),
    )
    .select([
      'l.id',
      'l.weekday',
      'l.starts_at',
      'l.ends_at',
      'l.subject',
      'l.room',
      't.given_name',
      't.family_name',
      'c.name as class_name',
      'g.name as group_name',
      'y.starts_on as year_starts_on',
      'y.ends_on as year_ends_on',
    ])
    .orderBy('l.weekday')
    .orderBy('l.starts_at')
    .limit(200);
}

type LessonRow = Awaited<ReturnType<ReturnType<typeof lessonQuery>['execute']>>[number];
const toLesson = (r: LessonRow): WeekLesson => ({
  id: r.id,
  weekday: r.weekday,
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  subject: r.subject,
  room: r.room,
  teacherName: r.given_name ? `${r.given_name} ${r.family_name}` : null,
  groupName: r.class_name ?? r.group_name ?? '',
  yearStartsOn: r.year_starts_on,
  yearEndsOn: r.year_ends_on,
});

/** Lessons of the school years that overlap from–to (a lingering membership or last year's copy is not this year's). */
const inYears = (from: string, to: string) => (q: ReturnType<typeof lessonQuery>) =>
  q.where('y.starts_on', '<=', to).where('y.ends_on', '>=', from);

/**
 * The weekly lessons of a pupil between from and to: the class's own lessons and those of the pupil's teaching groups,
 * of the school years those dates fall in (filter a date with `heldOn`).
 */
export const pupilLessons = (db: Db, pupilId: number, classId: number, from: string, to: string) =>
  loadPart(db, pupilLessonsPart(db, pupilId, classId, from, to));

/** pupilLessons as a part of a larger statement (db/together.ts). */
export function pupilLessonsPart(
  db: Db,
  pupilId: number,
  classId: number,
  from: string,
  to: string,
): Part<WeekLesson[]> {
  const lessons = lessonQuery(db)
    .$call(inYears(from, to))
    .where((eb) =>
      eb.or([
        eb('l.class_id', '=', classId),
        inArrayOf(
          'l.teaching_group_id',
          eb.selectFrom('teaching_group_member').select('teaching_group_id').where('pupil_id', '=', pupilId),
        ),
      ]),
    );
  return part({ lessons }, (rows) => rows.lessons.map(toLesson));
}

/** A pupil's week (the child of a guardian, or the pupil's own). */
export async function pupilWeek(
  db: Db,
  pupil: { pupilId: number; classId: number; municipalityId: number },
  monday: string,
): Promise<Week> {
  const [days, lessons] = await Promise.all([
    calendarDays(db, pupil.municipalityId, monday, addDays(monday, 4)),
    pupilLessons(db, pupil.pupilId, pupil.classId, monday, addDays(monday, 4)),
  ]);
  return buildWeek(monday, days, lessons);
}

/** The logged-in pupil's current class (Feide login), or null. */
export async function ownPupilPlacement(db: Db, actor: Actor, today = todayInOslo()) {
  if (!actor.isPupil) return null;
  const row = await db
    .selectFrom('enrolment as e')
    .innerJoin('school as s', 's.id', 'e.school_id')
    .select(['e.class_id', 's.municipality_id'])
    .where('e.pupil_id', '=', actor.personId)
    .where(activeOn('e', today))
    .executeTakeFirst();
  return row ? { pupilId: actor.personId, classId: row.class_id, municipalityId: row.municipality_id } : null;
}

/** A teacher's week: the lessons they teach, with the skolerute of their (first) school owner. */
export async function teacherWeek(db: Db, actor: Actor, monday: string): Promise<Week | null> {
  const grant = actor.staff.find((g) => g.schoolId !== null);
  if (!grant) return null;
  const [days, rows] = await Promise.all([
    calendarDays(db, grant.municipalityId, monday, addDays(monday, 4)),
    lessonQuery(db)
      .$call(inYears(monday, addDays(monday, 4)))
      .where('l.teacher_id', '=', actor.personId)
      .execute(),
  ]);
  return buildWeek(monday, days, rows.map(toLesson));
}
