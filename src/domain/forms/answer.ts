import { cleanText } from '../text.ts';
import type { Db } from '../../db/database.ts';
import type { FormQuestionKind } from '../../db/schema.ts';
import { parseDate } from '../../i18n/index.ts';
import type { Actor } from '../access/actor.ts';
import { recordAudit } from '../audit.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import type { GuardianChild } from '../guardian/child.ts';
import { MAX_QUESTIONS } from './builder.ts';

export type AnswerValue = string | string[];
export type Answers = Record<string, AnswerValue>;
export type AnswerError = 'required' | 'choice' | 'date' | 'long';

export interface FormQuestionView {
  id: number;
  kind: FormQuestionKind;
  label: string;
  required: boolean;
  options: string[];
}

export interface ChildForm {
  id: number;
  title: string;
  description: string;
  deadline: string;
  schoolName: string;
  questions: FormQuestionView[];
  answer: { answers: Answers; answeredBy: string; updatedAt: Date } | null;
}

/** Open means the deadline (a whole day, Norwegian time) has not passed. */
export const isOpen = (deadline: string, today: string) => today <= deadline;

/** The forms sent for this child (G13), newest first, with whether they are answered. Bounded. */
export async function listChildForms(db: Db, child: GuardianChild) {
  return db
    .selectFrom('form_recipient as r')
    .innerJoin('form as f', 'f.id', 'r.form_id')
    .leftJoin('form_answer as a', (join) =>
      join.onRef('a.form_id', '=', 'r.form_id').onRef('a.pupil_id', '=', 'r.pupil_id'),
    )
    .select(['f.id', 'f.title', 'f.deadline', 'f.sent_at', 'a.updated_at as answered_at'])
    .where('r.pupil_id', '=', child.pupilId)
    .where('f.sent_at', 'is not', null)
    .orderBy('f.sent_at', 'desc')
    .orderBy('f.id', 'desc')
    .limit(50)
    .execute();
}

/** A form sent for this child, with its questions and the child's answer; any other form → 404. */
export async function findChildForm(db: Db, child: GuardianChild, formId: number): Promise<ChildForm> {
  const form = await db
    .selectFrom('form_recipient as r')
    .innerJoin('form as f', 'f.id', 'r.form_id')
    .innerJoin('school as s', 's.id', 'f.school_id')
    .select(['f.id', 'f.title', 'f.description', 'f.deadline', 's.name as school_name'])
    .where('r.pupil_id', '=', child.pupilId)
    .where('r.form_id', '=', formId)
    .where('f.sent_at', 'is not', null)
    .executeTakeFirst();
  if (!form) throw new NotFoundError();
  const [questions, answer] = await Promise.all([
    db
      .selectFrom('form_question')
      .select(['id', 'kind', 'label', 'required', 'options'])
      .where('form_id', '=', formId)
      .orderBy('position')
      .limit(MAX_QUESTIONS)
      .execute(),
    db
      .selectFrom('form_answer as a')
      .innerJoin('person as p', 'p.id', 'a.answered_by')
      .select(['a.answers', 'a.updated_at', 'p.given_name', 'p.family_name'])
      .where('a.form_id', '=', formId)
      .where('a.pupil_id', '=', child.pupilId)
      .executeTakeFirst(),
  ]);
  return {
    id: form.id,
    title: form.title,
    description: form.description,
    deadline: form.deadline,
    schoolName: form.school_name,
    questions,
    answer: answer
      ? {
          answers: toAnswers(answer.answers),
          answeredBy: `${answer.given_name} ${answer.family_name}`,
          updatedAt: answer.updated_at,
        }
      : null,
  };
}

export const fieldName = (questionId: number) => `q${questionId}`;

/** Reads a posted form (`q<id>` fields; several values for a multiple choice) against the questions. */
export function parseAnswers(
  questions: FormQuestionView[],
  body: Record<string, unknown>,
): { ok: true; answers: Answers } | { ok: false; input: Answers; errors: Record<number, AnswerError> } {
  const input: Answers = {};
  const errors: Record<number, AnswerError> = {};
  for (const q of questions) {
    const raw = body[fieldName(q.id)];
    const values = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter(
      (x): x is string => typeof x === 'string',
    );
    if (q.kind === 'multiple') {
      const chosen = [...new Set(values)];
      input[q.id] = chosen;
      if (chosen.some((c) => !q.options.includes(c))) errors[q.id] = 'choice';
      else if (q.required && chosen.length === 0) errors[q.id] = 'required';
      continue;
    }
    const value = cleanText(values[0] ?? '').trim();
    input[q.id] = value;
    if (!value) {
      if (q.required) errors[q.id] = 'required';
    } else if (q.kind === 'single' && !q.options.includes(value)) errors[q.id] = 'choice';
    else if (q.kind === 'yes_no' && value !== 'yes' && value !== 'no') errors[q.id] = 'choice';
    else if (q.kind === 'date' && !parseDate(value)) errors[q.id] = 'date';
    else if (q.kind === 'text' && value.length > 2000) errors[q.id] = 'long';
  }
  if (Object.keys(errors).length) return { ok: false, input, errors };
  const answers: Answers = {};
  for (const q of questions) {
    const value = input[q.id]!;
    if (q.kind === 'date' && typeof value === 'string' && value) answers[q.id] = parseDate(value)!;
    else if (value.length) answers[q.id] = value;
  }
  return { ok: true, answers };
}

/** Saves (or changes) the child's answer until the deadline (G13); either guardian may. Audited. */
export async function saveFormAnswer(
  db: Db,
  actor: Actor,
  child: GuardianChild,
  form: ChildForm,
  answers: Answers,
  today: string,
  now = new Date(),
): Promise<void> {
  if (!isOpen(form.deadline, today)) throw new ForbiddenError('The deadline has passed');
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('form_answer')
      .values({
        form_id: form.id,
        pupil_id: child.pupilId,
        answered_by: actor.personId,
        answers: JSON.stringify(answers),
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc
          .columns(['form_id', 'pupil_id'])
          .doUpdateSet({ answers: JSON.stringify(answers), answered_by: actor.personId, updated_at: now }),
      )
      .execute();
    await recordAudit(
      trx,
      {
        actor,
        role: 'guardian',
        action: 'form.answer',
        subjectPersonId: child.pupilId,
        record: { type: 'form', id: form.id },
      },
      now,
    );
  });
}

export function toAnswers(value: unknown): Answers {
  const parsed = typeof value === 'string' ? JSON.parse(value) : value;
  return parsed && typeof parsed === 'object' ? (parsed as Answers) : {};
}
