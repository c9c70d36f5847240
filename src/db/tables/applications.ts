import type { Generated, Selectable } from 'kysely';

/** The kinds of application (the check constraint application_kind_check); each has a details table of its own. */
export type ApplicationKind = 'leave' | SfoPlaceKind | SfoReducedPaymentKind;
/** SFO place, change and termination (G8): 'sfo_place' | 'sfo_change' | 'sfo_termination' once registered in kinds.ts. */
export type SfoPlaceKind = 'sfo_place' | 'sfo_change' | 'sfo_termination';
/** Reduced payment (G9): 'sfo_reduced_payment' once registered in kinds.ts. */
export type SfoReducedPaymentKind = 'sfo_reduced_payment';

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

/**
 * An SFO place, change or termination (G8): the offer and days asked for (place, change), from what date (the start,
 * the change, or the first day without a place), the comment, the shared-invoice request, the place changed or
 * terminated; and what a decision granted.
 */
export interface SfoApplicationTable {
  application_id: number;
  offer_id: number | null;
  days: number[] | null;
  from_date: string;
  comment: Generated<string>;
  shared_invoice: Generated<boolean>;
  enrolment_id: number | null;
  granted_offer_id: number | null;
  granted_days: number[] | null;
  granted_from: string | null;
}

/** Reduced payment (G9): household income for a school year; the price is capped at 6 % of it. */
export interface SfoReducedPaymentApplicationTable {
  application_id: number;
  school_year_id: number;
  /** The household's members as the guardian listed them (free text, one per line). */
  household_members: string;
  household_size: number;
  gross_income_ore: number;
  /** The tax assessment (skattemelding/skatteoppgjør) as a PDF in the document store. */
  attachment_document_id: number | null;
  /** The income the decision used (may differ from the one applied with). */
  granted_income_ore: number | null;
}

/** A payment reduction in force for a pupil and school year: the 6 % income cap, or free SFO (5.–7. trinn, special needs). */
export interface SfoPaymentReductionTable {
  id: Generated<number>;
  pupil_id: number;
  school_year_id: number;
  kind: 'income_cap' | 'free';
  household_income_ore: number | null;
  application_id: number | null;
  decided_by: number;
  reason: Generated<string>;
  created_at: Generated<Date>;
  ended_at: Date | null;
}

/** Summer SFO (G10, S9): one period per SFO and year. */
export interface SfoSummerPeriodTable {
  id: Generated<number>;
  sfo_id: number;
  year: number;
  first_day: string;
  last_day: string;
  answer_deadline: string;
  price_per_day_ore: number;
  /** When the registration went to the guardians. */
  sent_at: Date | null;
}

export interface SfoSummerWeekTable {
  period_id: number;
  /** The Monday of the week. */
  week_start: string;
  open: boolean;
}

/** A guardian's answer for one week: the ISO weekdays the child comes (empty = not coming). */
export interface SfoSummerAnswerTable {
  period_id: number;
  pupil_id: number;
  week_start: string;
  days: number[];
  answered_by: number;
  answered_at: Date;
}

export type Application = Selectable<ApplicationTable>;
export type LeaveApplication = Selectable<LeaveApplicationTable>;

export interface ApplicationsTables {
  application: ApplicationTable;
  application_confirmation: ApplicationConfirmationTable;
  application_document: ApplicationDocumentTable;
  leave_application: LeaveApplicationTable;
  sfo_application: SfoApplicationTable;
  sfo_reduced_payment_application: SfoReducedPaymentApplicationTable;
  sfo_payment_reduction: SfoPaymentReductionTable;
  sfo_summer_period: SfoSummerPeriodTable;
  sfo_summer_week: SfoSummerWeekTable;
  sfo_summer_answer: SfoSummerAnswerTable;
}
