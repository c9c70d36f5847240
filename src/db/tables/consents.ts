import type { Generated, Selectable } from 'kysely';

/** One guardian's own answer to one consent for one child. No row = unanswered. */
export type ConsentAnswerState = 'given' | 'refused';
/** What the history records on each side of a change. */
export type ConsentHistoryState = ConsentAnswerState | 'unanswered';
export type GeneralConsentState = 'given' | 'withdrawn';

/**
 * A consent the school asks for (G3): defined per municipality (school owner) and optionally per school
 * (school_id null = every school of the municipality). A child consent (parent_id set) counts only while its
 * parent is given. `key` is unique within the municipality and names it in URLs (`/consents/foto`).
 */
export interface ConsentTypeTable {
  id: Generated<number>;
  municipality_id: number;
  school_id: number | null;
  /** Asked of school pupils or of kindergarten children (migration 0028). */
  applies_to: Generated<'school' | 'kindergarten'>;
  /** A kindergarten's own type (applies_to 'kindergarten'); null: every kindergarten of the owner. */
  kindergarten_id: number | null;
  parent_id: number | null;
  key: string;
  name_nb: string;
  name_nn: string;
  name_en: string;
  description_nb: Generated<string>;
  description_nn: Generated<string>;
  description_en: Generated<string>;
  position: Generated<number>;
  active: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface ConsentAnswerTable {
  pupil_id: number;
  guardian_id: number;
  consent_type_id: number;
  state: ConsentAnswerState;
  answered_at: Generated<Date>;
}

/** Full history of answers: who changed whose answer, when, from → to. */
export interface ConsentEventTable {
  id: Generated<number>;
  at: Generated<Date>;
  pupil_id: number;
  guardian_id: number;
  consent_type_id: number;
  changed_by: number | null;
  from_state: ConsentHistoryState;
  to_state: ConsentHistoryState;
  /** 'answer' = the guardian answered; 'general_withdrawn' = cleared when the general consent was withdrawn. */
  reason: 'answer' | 'general_withdrawn' | null;
}

/** The general consent to electronic communication (G2): one per guardian (person), not per child. */
export interface GeneralConsentTable {
  guardian_id: number;
  state: GeneralConsentState;
  decided_at: Generated<Date>;
}

export interface GeneralConsentEventTable {
  id: Generated<number>;
  at: Generated<Date>;
  guardian_id: number;
  from_state: GeneralConsentState | 'unanswered';
  to_state: GeneralConsentState;
}

/** "Ikke nå" on the gate: remembered for one login session only (the row goes with the session). */
export interface GeneralConsentDeferralTable {
  session_id: string;
  created_at: Generated<Date>;
}

export type ConsentType = Selectable<ConsentTypeTable>;
export type ConsentAnswer = Selectable<ConsentAnswerTable>;
export type ConsentEvent = Selectable<ConsentEventTable>;

/** Tables of this area; filled in by the area's migration. */
export interface ConsentsTables {
  consent_type: ConsentTypeTable;
  consent_answer: ConsentAnswerTable;
  consent_event: ConsentEventTable;
  general_consent: GeneralConsentTable;
  general_consent_event: GeneralConsentEventTable;
  general_consent_deferral: GeneralConsentDeferralTable;
}
