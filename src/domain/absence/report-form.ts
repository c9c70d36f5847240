import { checkText } from '../text.ts';
import type { AbsenceReason, AbsenceReportKind } from '../../db/schema.ts';
import { parseDate } from '../../i18n/index.ts';
import type { Checked } from '../result.ts';

/** The reason codes a guardian chooses from (DOMAIN-FACTS §8), in the order the form shows them. */
export const ABSENCE_REASONS = [
  'sjuk',
  'lege',
  'gravferd',
  'sjukehus',
  'annet',
] as const satisfies readonly AbsenceReason[];
export const NOTE_MAX_LENGTH = 300;
/** How far back home may report; older absence is a matter for the school. */
export const REPORT_DAYS_BACK = 14;

/** What the guardian typed: dates as dd.mm.yyyy (or YYYY-MM-DD), lesson ids as strings. */
export interface ReportInput {
  kind: AbsenceReportKind;
  from: string;
  to: string;
  date: string;
  lessons: string[];
  reason: string;
  note: string;
}

/** A checked report: whole days from–to, or lessons of one day (from = to). */
export interface ReportValues {
  kind: AbsenceReportKind;
  from: string;
  to: string;
  lessonIds: number[];
  reason: AbsenceReason;
  note: string | null;
}

/** Why a field was refused, per field (the views translate the codes). */
export interface ReportErrorCodes {
  from: 'required' | 'invalid_date' | 'outside_year' | 'too_old' | 'no_school_days' | 'overlap';
  to: 'invalid_date' | 'before_from' | 'outside_year';
  date: 'required' | 'invalid_date' | 'outside_year' | 'too_old' | 'not_school_day' | 'overlap';
  lessons: 'required' | 'unknown' | 'already_reported';
  reason: 'required';
  note: 'too_long';
}
export type ReportField = keyof ReportErrorCodes;
/** `date`: the ISO date the message is about (an overlap, a day without school). */
export type ReportErrors = { [F in ReportField]?: { code: ReportErrorCodes[F]; date?: string } };

const isReason = (value: string): value is AbsenceReason => (ABSENCE_REASONS as readonly string[]).includes(value);

/** A typed report date: the one date parser (`parseDate`), kept under this name for the report's callers. */
export const parseReportDate = parseDate;

/** Checks the form on its own (formats, required fields); the skolerute and earlier reports are checked by reportAbsence. */
export function parseAbsenceReport(input: ReportInput): Checked<ReportValues, ReportErrors> {
  const errors: ReportErrors = {};
  let from: string | null = null;
  let to: string | null = null;
  if (input.kind === 'days') {
    from = parseReportDate(input.from);
    to = input.to.trim() === '' ? from : parseReportDate(input.to);
    if (input.from.trim() === '') errors.from = { code: 'required' };
    else if (!from) errors.from = { code: 'invalid_date' };
    if (input.to.trim() !== '' && !to) errors.to = { code: 'invalid_date' };
    else if (from && to && to < from) errors.to = { code: 'before_from' };
  } else {
    from = to = parseReportDate(input.date);
    if (input.date.trim() === '') errors.date = { code: 'required' };
    else if (!from) errors.date = { code: 'invalid_date' };
  }
  const lessonIds = input.kind === 'lessons' ? [...new Set(input.lessons.map(Number))] : [];
  if (input.kind === 'lessons' && lessonIds.length === 0) errors.lessons = { code: 'required' };
  else if (lessonIds.some((id) => !Number.isSafeInteger(id) || id <= 0)) errors.lessons = { code: 'unknown' };
  if (!isReason(input.reason)) errors.reason = { code: 'required' };
  const { text: note, error: noteError } = checkText(input.note, { max: NOTE_MAX_LENGTH });
  if (noteError) errors.note = { code: 'too_long' };
  if (Object.keys(errors).length || !from || !to || !isReason(input.reason)) return { ok: false, errors };
  return { ok: true, values: { kind: input.kind, from, to, lessonIds, reason: input.reason, note: note || null } };
}
