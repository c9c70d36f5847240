import type { Generated, Selectable } from 'kysely';

export type CalendarDayKind = 'holiday' | 'planning_day';

/**
 * Skolerute (G5): the exceptions of a school owner's school year. A school day is a weekday inside a
 * school_year of the municipality without a row here; holidays and planning days (no pupils) are rows.
 */
export interface SchoolCalendarDayTable {
  municipality_id: number;
  date: string;
  kind: CalendarDayKind;
  name: string | null;
}

/** One weekly lesson of a class or a teaching group (exactly one of them). Times are 'HH:MM' local time. */
export interface LessonTable {
  id: Generated<number>;
  class_id: number | null;
  teaching_group_id: number | null;
  weekday: number;
  starts_at: string;
  ends_at: string;
  subject: string;
  teacher_id: number | null;
  room: string | null;
}

/** A guardian's secret iCal feed URL for one child; only the SHA-256 of the token is stored. */
export interface CalendarFeedTokenTable {
  id: Generated<number>;
  guardian_id: number;
  pupil_id: number;
  token_hash: Buffer;
  created_at: Generated<Date>;
  revoked_at: Date | null;
}

export type Lesson = Selectable<LessonTable>;

export interface CalendarTables {
  school_calendar_day: SchoolCalendarDayTable;
  lesson: LessonTable;
  calendar_feed_token: CalendarFeedTokenTable;
}
