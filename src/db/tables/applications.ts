import type { Generated, Selectable } from 'kysely';

/** The kinds of application (the check constraint application_kind_check); each has a details table of its own. */
export type ApplicationKind = 'leave';

/**
 * awaiting_guardians: the other guardian(s) with parental responsibility must confirm first;
 * submitted: with the deciders; granted / partly_granted / refused: decided (vedtak);
 * declined: another guardian said no (never reached the deciders); withdrawn: by a guardian before the decision.
 */
export type ApplicationStatus =
  | 'awaiting_guardians'
  | 'submitted'
  | 'granted'
  | 'partly_granted'
  | 'refused'
  | 'declined'
  | 'withdrawn';

/** An application of any kind from a guardian for a pupil (G7, G8, G9) and its decision (S8). */
export interface ApplicationTable {
  id: Generated<number>;
  kind: ApplicationKind;
  pupil_id: number;
  /** The school it belongs to (for SFO kinds: the school the SFO belongs to). */
  school_id: number;
  /** For SFO kinds: the SFO applied to (the pupil need not be enrolled in it yet). */
  sfo_id: number | null;
  applicant_id: number;
  status: ApplicationStatus;
  created_at: Generated<Date>;
  submitted_at: Date | null;
  decided_at: Date | null;
  decided_by: number | null;
  decision_reasons: string | null;
}

/** Another guardian's confirmation of an application (answer null = not yet answered). */
export interface ApplicationConfirmationTable {
  application_id: number;
  guardian_id: number;
  answer: 'confirmed' | 'declined' | null;
  answered_at: Date | null;
}

/** The vedtak letter each guardian got for a decided application. */
export interface ApplicationDocumentTable {
  application_id: number;
  guardian_id: number;
  document_id: number;
}

export type LeaveReason = 'reise' | 'religion' | 'arrangement' | 'familie' | 'annet';

/** What a leave application (permisjon, G7) asks for, and what was granted (S8). */
export interface LeaveApplicationTable {
  application_id: number;
  reason: LeaveReason;
  from_date: string;
  to_date: string;
  /** School days from–to by the skolerute when applied for. */
  school_days: number;
  justification: string;
  rules_confirmed_at: Date;
  /** For granted (= from–to) and partly granted (a part of it). */
  granted_from: string | null;
  granted_to: string | null;
  granted_days: number | null;
}

export type Application = Selectable<ApplicationTable>;
export type LeaveApplication = Selectable<LeaveApplicationTable>;

export interface ApplicationsTables {
  application: ApplicationTable;
  application_confirmation: ApplicationConfirmationTable;
  application_document: ApplicationDocumentTable;
  leave_application: LeaveApplicationTable;
}
