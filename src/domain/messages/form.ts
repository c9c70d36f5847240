import { GUARDIAN_KINDS, type GuardianThreadKind } from './policy.ts';
import { checked, type Checked } from '../result.ts';
import { checkText as checkFreeText, cleanText } from '../text.ts';

export const SUBJECT_MAX = 150;
export const BODY_MAX = 4000;

export type MessageField = 'recipient' | 'subject' | 'body';
export type MessageFieldError = 'required' | 'too_long';
export type MessageErrors = Partial<Record<MessageField, MessageFieldError>>;

/** What the user typed, kept as typed so a 422 re-renders it. */
export interface MessageInput {
  recipient: string;
  subject: string;
  body: string;
}

export interface NewThreadValues {
  kind: GuardianThreadKind;
  subject: string;
  body: string;
}

const text = (value: unknown) => (typeof value === 'string' ? cleanText(value) : '');

export function messageInput(body: Record<string, unknown>): MessageInput {
  return { recipient: text(body.recipient), subject: text(body.subject), body: text(body.body) };
}

function checkText(value: string, max: number): MessageFieldError | undefined {
  const { error } = checkFreeText(value, { max, required: true });
  return error === 'too_short' ? 'required' : error;
}

/** A reply: the text only. */
export function parseReply(input: MessageInput): Checked<{ body: string }, MessageErrors> {
  const errors: MessageErrors = {};
  const body = checkText(input.body, BODY_MAX);
  if (body) errors.body = body;
  return checked(errors, () => ({ body: input.body.trim() }));
}

/** A new thread from staff to the guardians: subject and text. */
export function parseStaffThread(input: MessageInput): Checked<{ subject: string; body: string }, MessageErrors> {
  const errors: MessageErrors = {};
  const subject = checkText(input.subject, SUBJECT_MAX);
  if (subject) errors.subject = subject;
  const body = checkText(input.body, BODY_MAX);
  if (body) errors.body = body;
  return checked(errors, () => ({ subject: input.subject.trim(), body: input.body.trim() }));
}

/** A new thread from a guardian: the recipient among the kinds offered for this child, subject and text. */
export function parseGuardianThread(
  input: MessageInput,
  offered: readonly GuardianThreadKind[],
): Checked<NewThreadValues, MessageErrors> {
  const parsed = parseStaffThread(input);
  const errors: MessageErrors = parsed.ok ? {} : { ...parsed.errors };
  const kind = GUARDIAN_KINDS.find((k) => k === input.recipient && offered.includes(k));
  if (!kind) errors.recipient = 'required';
  if (!kind || !parsed.ok) return { ok: false, errors };
  return { ok: true, values: { kind, ...parsed.values } };
}
