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

export type LeaveReason = 'reise' | 'religion' | 'arrangement' | 'familie' | 'annet';

/**
 * awaiting_guardians: the other guardian(s) with parental responsibility must confirm first;
 * submitted: with the school; granted / partly_granted / refused: decided (vedtak);
 * declined: another guardian said no (never reached the school); withdrawn: by a guardian before the decision.
 */
export type LeaveStatus = 'awaiting_guardians' | 'submitted' | 'granted' | 'partly_granted' | 'refused' | 'declined' | 'withdrawn';

/** A leave application (permisjon, G7) and its decision (S8). */
export interface LeaveApplicationTable {
  id: Generated<number>;
  pupil_id: number;
  school_id: number;
  applicant_id: number;
  reason: LeaveReason;
  from_date: string;
  to_date: string;
  /** School days from–to by the skolerute when applied for. */
  school_days: number;
  justification: string;
  rules_confirmed_at: Date;
  status: LeaveStatus;
  created_at: Generated<Date>;
  submitted_at: Date | null;
  decided_at: Date | null;
  decided_by: number | null;
  decision_reasons: string | null;
  /** For granted (= from–to) and partly granted (a part of it). */
  granted_from: string | null;
  granted_to: string | null;
  granted_days: number | null;
}

/** Another guardian's confirmation of a leave application (answer null = not yet answered). */
export interface LeaveConfirmationTable {
  leave_application_id: number;
  guardian_id: number;
  answer: 'confirmed' | 'declined' | null;
  answered_at: Date | null;
}

/** The vedtak letter each guardian got for a decided application. */
export interface LeaveDecisionDocumentTable {
  leave_application_id: number;
  guardian_id: number;
  document_id: number;
}

export type AbsenceReport = Selectable<AbsenceReportTable>;
export type Attendance = Selectable<AttendanceTable>;
export type LeaveApplication = Selectable<LeaveApplicationTable>;

export interface AbsenceTables {
  absence_report: AbsenceReportTable;
  absence_report_lesson: AbsenceReportLessonTable;
  attendance: AttendanceTable;
  absence_follow_up: AbsenceFollowUpTable;
  leave_application: LeaveApplicationTable;
  leave_confirmation: LeaveConfirmationTable;
  leave_decision_document: LeaveDecisionDocumentTable;
}
