import type { Db } from '../../db/database.ts';
import { addDays, isoWeekday } from '../calendar/dates.ts';
import { calendarDays, schoolYearOf, type DayInfo } from '../calendar/school-days.ts';
import { heldOn, pupilLessons } from '../calendar/week.ts';
import { REPORT_DAYS_BACK, type ReportErrors, type ReportValues } from './report-form.ts';
import type { LessonRef } from './year.ts';

export interface ReportChild {
  pupilId: number;
  classId: number;
  municipalityId: number;
}

/** What the lessons form shows for one date: the skolerute, the child's lessons that weekday, what home already reported. */
export interface DayLessons {
  date: string;
  info: DayInfo;
  /** The child's lessons that day (none when it is not a school day). */
  lessons: LessonRef[];
  reportedLessonIds: number[];
  wholeDayReported: boolean;
}

/** Not-withdrawn reports from home covering `date`: a whole-day report, and lessons already reported. */
async function reportedOn(db: Db, pupilId: number, date: string) {
  const [days, lessons] = await Promise.all([
    db
      .selectFrom('absence_report')
      .select('id')
      .where('pupil_id', '=', pupilId)
      .where('withdrawn_at', 'is', null)
      .where('kind', '=', 'days')
      .where('from_date', '<=', date)
      .where('to_date', '>=', date)
      .limit(1)
      .execute(),
    db
      .selectFrom('absence_report_lesson as rl')
      .innerJoin('absence_report as r', 'r.id', 'rl.absence_report_id')
      .select('rl.lesson_id')
      .where('r.pupil_id', '=', pupilId)
      .where('r.withdrawn_at', 'is', null)
      .where('r.kind', '=', 'lessons')
      .where('r.from_date', '=', date)
      .limit(50)
      .execute(),
  ]);
  return { wholeDay: days.length > 0, lessonIds: lessons.map((l) => l.lesson_id) };
}

export async function dayLessons(db: Db, child: ReportChild, date: string): Promise<DayLessons> {
  const [days, all, reported] = await Promise.all([
    calendarDays(db, child.municipalityId, date, date),
    pupilLessons(db, child.pupilId, child.classId, date, date),
    reportedOn(db, child.pupilId, date),
  ]);
  const info = days.get(date) ?? { kind: 'no_school' as const };
  const lessons = info.kind === 'school_day' ? all.filter((l) => heldOn(l, date, isoWeekday(date))) : [];
  return {
    date,
    info,
    lessons: lessons.map((l) => ({ id: l.id, subject: l.subject, startsAt: l.startsAt, endsAt: l.endsAt })),
    reportedLessonIds: reported.lessonIds,
    wholeDayReported: reported.wholeDay,
  };
}

/** The checks that need the database; null when the report may be saved. */
export async function checkAbsenceReport(
  db: Db,
  child: ReportChild,
  values: ReportValues,
  today: string,
): Promise<ReportErrors | null> {
  const field = values.kind === 'days' ? 'from' : 'date';
  const year = await schoolYearOf(db, child.municipalityId, today);
  if (!year || values.from < year.startsOn || values.from > year.endsOn) return { [field]: { code: 'outside_year' } };
  if (values.from < addDays(today, -REPORT_DAYS_BACK)) return { [field]: { code: 'too_old' } };
  if (values.to > year.endsOn) return { to: { code: 'outside_year' } };
  return values.kind === 'days' ? checkDays(db, child, values) : checkLessons(db, child, values);
}

async function checkDays(db: Db, child: ReportChild, values: ReportValues): Promise<ReportErrors | null> {
  const days = await calendarDays(db, child.municipalityId, values.from, values.to);
  if (![...days.values()].some((d) => d.kind === 'school_day')) return { from: { code: 'no_school_days' } };
  const overlap = await db
    .selectFrom('absence_report')
    .select('from_date')
    .where('pupil_id', '=', child.pupilId)
    .where('withdrawn_at', 'is', null)
    .where('kind', '=', 'days')
    .where('from_date', '<=', values.to)
    .where('to_date', '>=', values.from)
    .orderBy('from_date')
    .limit(1)
    .executeTakeFirst();
  if (overlap)
    return { from: { code: 'overlap', date: overlap.from_date > values.from ? overlap.from_date : values.from } };
  return null;
}

async function checkLessons(db: Db, child: ReportChild, values: ReportValues): Promise<ReportErrors | null> {
  const day = await dayLessons(db, child, values.from);
  if (day.info.kind !== 'school_day') return { date: { code: 'not_school_day', date: values.from } };
  if (day.wholeDayReported) return { date: { code: 'overlap', date: values.from } };
  const own = new Set(day.lessons.map((l) => l.id));
  if (values.lessonIds.some((id) => !own.has(id))) return { lessons: { code: 'unknown' } };
  if (values.lessonIds.some((id) => day.reportedLessonIds.includes(id)))
    return { lessons: { code: 'already_reported', date: values.from } };
  return null;
}
