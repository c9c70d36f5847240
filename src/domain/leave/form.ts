import { checkText, cleanText } from '../text.ts';
import type { Db } from '../../db/database.ts';
import type { LeaveReason } from '../../db/schema.ts';
import { parseDate } from '../../i18n/index.ts';
import { CLOSED_STATUSES } from '../applications/status.ts';
import { addDays } from '../calendar/dates.ts';
import { schoolYearOf } from '../calendar/school-days.ts';
import { leaveLimitFor, type LeaveChild, type LeaveLimit } from './limits.ts';
import type { Checked } from '../result.ts';

/** The reason codes a guardian chooses from (G7), in the order the form shows them. */
export const LEAVE_REASONS = [
  'reise',
  'religion',
  'arrangement',
  'familie',
  'annet',
] as const satisfies readonly LeaveReason[];
export const JUSTIFICATION_MIN = 10;
export const JUSTIFICATION_MAX = 2000;

/** What the guardian typed: dates as dd.mm.yyyy (or YYYY-MM-DD), the checkboxes as ticked or not. */
export interface LeaveInput {
  reason: string;
  from: string;
  to: string;
  justification: string;
  rulesRead: boolean;
  /** "I understand it goes over the limit, send anyway". */
  overLimitOk: boolean;
}

export interface LeaveValues {
  reason: LeaveReason;
  from: string;
  to: string;
  justification: string;
  schoolDays: number;
}

/** Why a field was refused, per field (the views translate the codes). */
export interface LeaveErrorCodes {
  reason: 'required';
  from: 'required' | 'invalid_date' | 'past' | 'outside_years' | 'no_school_days' | 'overlap';
  to: 'required' | 'invalid_date' | 'before_from' | 'across_years';
  justification: 'required' | 'too_short' | 'too_long';
  rules: 'required';
  overLimit: 'required';
}
export type LeaveField = keyof LeaveErrorCodes;
/** `date`, `from`, `to`: ISO dates the message is about (the last allowed day, an overlapping application). */
export type LeaveErrors = {
  [F in LeaveField]?: { code: LeaveErrorCodes[F]; date?: string; from?: string; to?: string };
};

export type LeaveCheck = (Checked<LeaveValues, LeaveErrors> & { limit: LeaveLimit | null }) &
  ({ ok: true; limit: LeaveLimit } | { ok: false });

const isReason = (value: string): value is LeaveReason => (LEAVE_REASONS as readonly string[]).includes(value);

/** The form on its own: required fields, formats, order of the dates, not in the past. */
function parseFields(
  input: LeaveInput,
  today: string,
): { errors: LeaveErrors; from: string | null; to: string | null } {
  const errors: LeaveErrors = {};
  if (!isReason(input.reason)) errors.reason = { code: 'required' };
  const from = parseDate(input.from);
  const to = parseDate(input.to);
  if (input.from.trim() === '') errors.from = { code: 'required' };
  else if (!from) errors.from = { code: 'invalid_date' };
  else if (from < today) errors.from = { code: 'past' };
  if (input.to.trim() === '') errors.to = { code: 'required' };
  else if (!to) errors.to = { code: 'invalid_date' };
  else if (from && to < from) errors.to = { code: 'before_from' };
  const justification = checkText(input.justification, {
    max: JUSTIFICATION_MAX,
    min: JUSTIFICATION_MIN,
    required: true,
  });
  if (justification.error) errors.justification = { code: justification.error };
  if (!input.rulesRead) errors.rules = { code: 'required' };
  return { errors, from: errors.from ? null : from, to: errors.to ? null : to };
}

/** The current school year, or the next; the application must lie in one of them, within one school year. */
async function checkYears(db: Db, child: LeaveChild, from: string, to: string, today: string): Promise<LeaveErrors> {
  const current = await schoolYearOf(db, child.municipalityId, today);
  if (!current) return { from: { code: 'outside_years', date: today } };
  const next = await schoolYearOf(db, child.municipalityId, addDays(current.endsOn, 1));
  const last = (next ?? current).endsOn;
  const year = await schoolYearOf(db, child.municipalityId, from);
  if (!year || (year.id !== current.id && year.id !== next?.id)) return { from: { code: 'outside_years', date: last } };
  if (to > year.endsOn) return { to: { code: 'across_years', date: year.endsOn } };
  return {};
}

/** An earlier application of the child for some of the same days that still stands. */
async function overlapping(db: Db, pupilId: number, from: string, to: string) {
  return db
    .selectFrom('leave_application as l')
    .innerJoin('application as a', 'a.id', 'l.application_id')
    .select(['l.from_date', 'l.to_date'])
    .where('a.pupil_id', '=', pupilId)
    .where('a.status', 'not in', CLOSED_STATUSES)
    .where('l.from_date', '<=', to)
    .where('l.to_date', '>=', from)
    .orderBy('l.from_date')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Everything an application must pass before it is saved: the fields, the school years, at least one
 * school day, no overlap; over the limit only with the guardian's explicit "send anyway".
 */
export async function checkLeaveApplication(
  db: Db,
  child: LeaveChild,
  input: LeaveInput,
  today: string,
): Promise<LeaveCheck> {
  const { errors, from, to } = parseFields(input, today);
  if (!from || !to) return { ok: false, errors, limit: null };
  const years = await checkYears(db, child, from, to, today);
  if (years.from || years.to) return { ok: false, errors: { ...errors, ...years }, limit: null };
  const limit = await leaveLimitFor(db, child, from, to, today);
  if (limit.schoolDays === 0) errors.from = { code: 'no_school_days', from, to };
  const overlap = errors.from ? undefined : await overlapping(db, child.pupilId, from, to);
  if (overlap) errors.from = { code: 'overlap', from: overlap.from_date, to: overlap.to_date };
  if (limit.over && limit.schoolDays > 0 && !input.overLimitOk) errors.overLimit = { code: 'required' };
  if (Object.keys(errors).length || !isReason(input.reason)) return { ok: false, errors, limit };
  return {
    ok: true,
    values: {
      reason: input.reason,
      from,
      to,
      justification: cleanText(input.justification).trim(),
      schoolDays: limit.schoolDays,
    },
    limit,
  };
}
