import type { Generated, Selectable } from 'kysely';

/** Reason codes a guardian gives when reporting absence (DOMAIN-FACTS §8). */
export type AbsenceReason = 'sjuk' | 'lege' | 'gravferd' | 'sjukehus' | 'annet';

/** 'days': whole school days from–to; 'lessons': some lessons of one day (absence_report_lesson). */
export type AbsenceReportKind = 'days' | 'lessons';

/** Absence reported by home (G6). Withdrawn reports are kept (withdrawn_at set) and count for nothing. */
export interface AbsenceReportTable {
  id: Generated<number>;
  pupil_id: number;
  school_id: number;
  reported_by: number;
  kind: AbsenceReportKind;
  from_date: string;
  to_date: string;
  reason: AbsenceReason;
  note: string | null;
  /** The school has received documentation (e.g. a doctor's note): deductible on the vitnemål. */
  documented: Generated<boolean>;
  created_at: Generated<Date>;
  withdrawn_at: Date | null;
  withdrawn_by: number | null;
}

export interface AbsenceReportLessonTable {
  absence_report_id: number;
  lesson_id: number;
}

export type AttendanceStatus = 'present' | 'absent' | 'late';

/** What the school registered (S4): per pupil, date and lesson (lesson_id null = the whole day). */
export interface AttendanceTable {
  id: Generated<number>;
  pupil_id: number;
  school_id: number;
  date: string;
  lesson_id: number | null;
  status: AttendanceStatus;
  registered_by: number;
  registered_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** One follow-up request to the guardians per pupil and day (absent, no report from home). */
export interface AbsenceFollowUpTable {
  pupil_id: number;
  date: string;
  school_id: number;
  created_at: Generated<Date>;
}

export type AbsenceReport = Selectable<AbsenceReportTable>;
export type Attendance = Selectable<AttendanceTable>;

export interface AbsenceTables {
  absence_report: AbsenceReportTable;
  absence_report_lesson: AbsenceReportLessonTable;
  attendance: AttendanceTable;
  absence_follow_up: AbsenceFollowUpTable;
}
