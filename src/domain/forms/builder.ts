import { checkText, cleanText } from '../text.ts';
import * as v from 'valibot';
import type { Db } from '../../db/database.ts';
import type { FormAudienceKind, FormQuestionKind, StaffRole } from '../../db/schema.ts';
import { parseDate } from '../../i18n/index.ts';
import { grantIds, type Actor } from '../access/actor.ts';
import { recordAudit } from '../audit.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import { guardianIdsWithAccess } from '../guardian/guardians.ts';
import { enqueueNotifications } from '../notifications/outbox.ts';
import { requireBroadcastAudience } from '../broadcasts/audience.ts';
import { audiencePupilIds } from '../broadcasts/recipients.ts';
import type { Checked } from '../result.ts';

export const QUESTION_KINDS: readonly FormQuestionKind[] = ['single', 'multiple', 'text', 'date', 'yes_no'];
export const MAX_QUESTIONS = 40;

export interface ManagedForm {
  id: number;
  schoolId: number;
  audienceKind: FormAudienceKind;
  audienceId: number;
  audienceTrinn: number | null;
  title: string;
  description: string;
  deadline: string;
  createdBy: number;
  sentAt: Date | null;
  questions: {
    id: number;
    position: number;
    kind: FormQuestionKind;
    label: string;
    required: boolean;
    options: string[];
  }[];
}

/** A form the actor manages: its author, or the leadership of its school. Anyone else: 404. */
export async function findManagedForm(db: Db, actor: Actor, formId: number): Promise<ManagedForm> {
  const form =
    actor.via === 'feide' && formId > 0
      ? await db.selectFrom('form').selectAll().where('id', '=', formId).executeTakeFirst()
      : undefined;
  if (
    !form ||
    !(
      form.created_by === actor.personId ||
      grantIds(actor, ['leadership'], (g) => [g.schoolId]).includes(form.school_id)
    )
  )
    throw new NotFoundError();
  const questions = await db
    .selectFrom('form_question')
    .select(['id', 'position', 'kind', 'label', 'required', 'options'])
    .where('form_id', '=', formId)
    .orderBy('position')
    .limit(MAX_QUESTIONS)
    .execute();
  return {
    id: form.id,
    schoolId: form.school_id,
    audienceKind: form.audience_kind,
    audienceId: form.audience_id,
    audienceTrinn: form.audience_trinn,
    title: form.title,
    description: form.description,
    deadline: form.deadline,
    createdBy: form.created_by,
    sentAt: form.sent_at,
    questions,
  };
}

/** Staff who write to guardians make forms (S9). */
const FORM_AUTHOR_ROLES: readonly StaffRole[] = ['leadership', 'contact_teacher', 'teacher', 'sfo_leader', 'sfo_staff'];

/** Anyone but a form author (a pupil, a guardian, the school owner) has no forms pages: 404, not an empty page. */
export function requireFormAuthor(actor: Actor): void {
  if (actor.via !== 'feide' || !actor.staff.some((g) => FORM_AUTHOR_ROLES.includes(g.role))) throw new NotFoundError();
}

/** The forms the actor made, and for leadership every form of their schools; newest first, bounded. */
export async function listManagedForms(db: Db, actor: Actor, options: { limit?: number; offset?: number } = {}) {
  requireFormAuthor(actor);
  const schools = grantIds(actor, ['leadership'], (g) => [g.schoolId]);
  return db
    .selectFrom('form as f')
    .leftJoin('form_recipient as r', 'r.form_id', 'f.id')
    .leftJoin('form_answer as a', (join) =>
      join.onRef('a.form_id', '=', 'r.form_id').onRef('a.pupil_id', '=', 'r.pupil_id'),
    )
    .select([
      'f.id',
      'f.title',
      'f.deadline',
      'f.sent_at',
      'f.created_at',
      (eb) => eb.fn.count<number>('r.pupil_id').as('recipients'),
      (eb) => eb.fn.count<number>('a.pupil_id').as('answers'),
    ])
    .where((eb) =>
      eb.or([eb('f.created_by', '=', actor.personId), eb('f.school_id', 'in', schools.length ? schools : [0])]),
    )
    .groupBy('f.id')
    .orderBy('f.created_at', 'desc')
    .orderBy('f.id', 'desc')
    .limit(Math.min(options.limit ?? 50, 100))
    .offset(options.offset ?? 0)
    .execute();
}

export interface NewFormInput {
  title: string;
  description: string;
  deadline: string;
  audience: string;
}
export type NewFormErrors = Partial<Record<keyof NewFormInput, 'required' | 'date' | 'past' | 'audience' | 'long'>>;

export interface NewFormValues {
  title: string;
  description: string;
  deadline: string;
  audience: string;
}

/** Checks a new form: title, a deadline today or later (dd.mm.yyyy), an audience key ('class:12'; reach is checked on create). */
export function parseNewForm(input: NewFormInput, today: string): Checked<NewFormValues, NewFormErrors> {
  const errors: NewFormErrors = {};
  const checkedTitle = checkText(input.title, { max: 200, required: true });
  const title = checkedTitle.text;
  if (checkedTitle.error) errors.title = checkedTitle.error === 'too_long' ? 'long' : 'required';
  const description = checkText(input.description, { max: 4000 });
  if (description.error) errors.description = 'long';
  const deadline = parseDate(input.deadline);
  if (!input.deadline.trim()) errors.deadline = 'required';
  else if (!deadline) errors.deadline = 'date';
  else if (deadline < today) errors.deadline = 'past';
  if (!input.audience) errors.audience = 'audience';
  if (Object.keys(errors).length || !deadline) return { ok: false, errors };
  return { ok: true, values: { title, description: description.text, deadline, audience: input.audience } };
}

/** Creates a draft for an audience the actor may send to (another audience does not exist for them: 404). */
export async function createForm(
  db: Db,
  actor: Actor,
  values: NewFormValues,
  today: string,
  now = new Date(),
): Promise<number> {
  const audience = await requireBroadcastAudience(db, actor, values.audience, today);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('form')
      .values({
        school_id: audience.schoolId,
        audience_kind: audience.kind,
        audience_id: audience.id,
        audience_trinn: audience.trinn,
        title: values.title,
        description: values.description,
        deadline: values.deadline,
        created_by: actor.personId,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actor, role: 'staff', action: 'form.create', record: { type: 'form', id: row.id } }, now);
    return row.id;
  });
}

export interface QuestionInput {
  kind: string;
  label: string;
  required: boolean;
  options: string;
}
export type QuestionErrors = Partial<Record<'kind' | 'label' | 'options', 'required' | 'long' | 'options'>>;
const Kind = v.picklist(QUESTION_KINDS);

/** A question: a label, a kind, and for choice questions 2–20 options, one per line. */
export function parseQuestion(
  input: QuestionInput,
): Checked<{ kind: FormQuestionKind; label: string; required: boolean; options: string[] }, QuestionErrors> {
  const errors: QuestionErrors = {};
  const kind = v.safeParse(Kind, input.kind);
  if (!kind.success) errors.kind = 'required';
  const checkedLabel = checkText(input.label, { max: 500, required: true });
  const label = checkedLabel.text;
  if (checkedLabel.error) errors.label = checkedLabel.error === 'too_long' ? 'long' : 'required';
  const options = [
    ...new Set(
      cleanText(input.options)
        .split('\n')
        .map((o) => o.trim())
        .filter(Boolean),
    ),
  ];
  const choice = kind.success && (kind.output === 'single' || kind.output === 'multiple');
  if (choice && (options.length < 2 || options.length > 20 || options.some((o) => o.length > 200)))
    errors.options = 'options';
  if (Object.keys(errors).length || !kind.success) return { ok: false, errors };
  return { ok: true, values: { kind: kind.output, label, required: input.required, options: choice ? options : [] } };
}

function requireDraft(form: ManagedForm): void {
  if (form.sentAt) throw new ForbiddenError('The form has been sent; its questions are fixed');
}

export async function addQuestion(
  db: Db,
  form: ManagedForm,
  values: { kind: FormQuestionKind; label: string; required: boolean; options: string[] },
): Promise<void> {
  requireDraft(form);
  if (form.questions.length >= MAX_QUESTIONS) throw new ForbiddenError('Too many questions');
  const position = Math.max(0, ...form.questions.map((q) => q.position)) + 1;
  await db
    .insertInto('form_question')
    .values({ form_id: form.id, position, ...values })
    .execute();
}

export async function removeQuestion(db: Db, form: ManagedForm, questionId: number): Promise<void> {
  requireDraft(form);
  if (!form.questions.some((q) => q.id === questionId)) throw new NotFoundError();
  await db.deleteFrom('form_question').where('id', '=', questionId).where('form_id', '=', form.id).execute();
}

/**
 * Sends the form (S9): the pupils of the audience today become its recipients, and each guardian with access
 * gets ONE notification (a guardian with two children in the audience answers for each, but is told once).
 * One transaction; a second send changes nothing.
 */
export async function sendForm(
  db: Db,
  actor: Actor,
  form: ManagedForm,
  today: string,
  now = new Date(),
): Promise<{ recipients: number; guardians: number }> {
  requireDraft(form);
  if (form.questions.length === 0) throw new ForbiddenError('A form needs a question');
  const pupils = (
    await audiencePupilIds(db, { kind: form.audienceKind, id: form.audienceId, trinn: form.audienceTrinn }, today)
      .orderBy('e.pupil_id')
      .limit(5000)
      .execute()
  ).map((r) => r.pupil_id);
  const guardians = await guardianIdsWithAccess(db, pupils);
  const firstChildOf = new Map<number, number>();
  for (const pupil of pupils)
    for (const guardian of guardians.get(pupil) ?? [])
      if (!firstChildOf.has(guardian)) firstChildOf.set(guardian, pupil);
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('form')
      .set({ sent_at: now })
      .where('id', '=', form.id)
      .where('sent_at', 'is', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return;
    for (let i = 0; i < pupils.length; i += 1000) {
      await trx
        .insertInto('form_recipient')
        .values(pupils.slice(i, i + 1000).map((pupil_id) => ({ form_id: form.id, pupil_id })))
        .execute();
    }
    const notifications = [...firstChildOf].map(([guardian, pupil]) => ({
      recipientPersonId: guardian,
      category: 'messages' as const,
      eventType: 'form.sent',
      schoolId: form.schoolId,
      pupilId: pupil,
      payload: { formId: form.id, title: form.title, deadline: form.deadline },
      idempotencyKey: `form:${form.id}:${guardian}`,
    }));
    for (let i = 0; i < notifications.length; i += 1000)
      await enqueueNotifications(trx, notifications.slice(i, i + 1000));
    await recordAudit(
      trx,
      {
        actor,
        role: 'staff',
        action: 'form.send',
        record: { type: 'form', id: form.id },
        details: { recipients: pupils.length },
      },
      now,
    );
  });
  return { recipients: pupils.length, guardians: firstChildOf.size };
}
