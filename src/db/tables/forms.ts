import type { Generated, Selectable } from 'kysely';
import type { BroadcastAudienceKind } from './broadcasts.ts';

/** The same audiences as notices (S7): school, trinn, class, teaching group, composite group, SFO. */
export type FormAudienceKind = BroadcastAudienceKind;
export type FormQuestionKind = 'single' | 'multiple' | 'text' | 'date' | 'yes_no';

/** A form or questionnaire (G13, S9): a draft until sent_at; after that its questions are fixed. */
export interface FormTable {
  id: Generated<number>;
  school_id: number;
  audience_kind: FormAudienceKind;
  /** The class, group or SFO id; the school id for 'school' and 'trinn'. */
  audience_id: number;
  audience_trinn: number | null;
  title: string;
  description: Generated<string>;
  /** The last day answers can be given or changed (Norwegian date). */
  deadline: string;
  created_by: number;
  created_at: Generated<Date>;
  sent_at: Date | null;
}

export interface FormQuestionTable {
  id: Generated<number>;
  form_id: number;
  position: number;
  kind: FormQuestionKind;
  label: string;
  required: Generated<boolean>;
  /** The choices of a single/multiple choice question. */
  options: Generated<string[]>;
}

/** The pupils the form was sent for (their guardians answer, once per child). */
export interface FormRecipientTable {
  form_id: number;
  pupil_id: number;
}

/** One answer per child: question id → string (single, text, date 'YYYY-MM-DD', yes_no 'yes'|'no') or string[] (multiple). */
export interface FormAnswerTable {
  form_id: number;
  pupil_id: number;
  answered_by: number;
  answers: unknown;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export type Form = Selectable<FormTable>;
export type FormQuestion = Selectable<FormQuestionTable>;

export interface FormsTables {
  form: FormTable;
  form_question: FormQuestionTable;
  form_recipient: FormRecipientTable;
  form_answer: FormAnswerTable;
}
