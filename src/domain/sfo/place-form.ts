import type { Db } from '../../db/database.ts';
import type { SfoPlaceKind } from '../../db/schema.ts';
import { parseDate } from '../../i18n/index.ts';
import { addDays } from '../calendar/dates.ts';
import { checkText } from '../text.ts';
import { earliestTerminationDate } from './notice.ts';
import { openOffers, type Offer } from './offers.ts';
import { placeOn, placesOf, type ChildSfo, type SfoPlace } from './place-state.ts';

/** The SFO place kinds, in the order the guardian's page shows their forms. */
export const SFO_PLACE_KINDS = [
  'sfo_place',
  'sfo_change',
  'sfo_termination',
] as const satisfies readonly SfoPlaceKind[];
export const isSfoPlaceKind = (value: unknown): value is SfoPlaceKind =>
  (SFO_PLACE_KINDS as readonly unknown[]).includes(value);

export const COMMENT_MAX = 1000;
/** How far ahead a start, change or termination may be asked for. */
export const MAX_DAYS_AHEAD = 400;
/** Monday to Friday (ISO weekdays). */
export const WEEKDAYS = [1, 2, 3, 4, 5] as const;

/** What the guardian typed (one shape for the three forms; a termination has no offer, days or shared invoice). */
export interface SfoPlaceInput {
  offer: string;
  /** The ticked weekdays ('1'…'5'). */
  days: string[];
  /** dd.mm.yyyy or YYYY-MM-DD: the start, the change, or the first day without a place. */
  from: string;
  comment: string;
  sharedInvoice: boolean;
}

export const emptySfoPlaceInput: SfoPlaceInput = { offer: '', days: [], from: '', comment: '', sharedInvoice: false };

/** Why a field was refused, per field (the views translate the codes). */
export interface SfoPlaceErrorCodes {
  /** The form as a whole: a place already (apply), none (change, terminate), one application already waiting. */
  place: 'has_place' | 'no_place' | 'pending';
  offer: 'required' | 'unknown' | 'unchanged';
  days: 'count' | 'invalid';
  from: 'required' | 'invalid_date' | 'past' | 'too_far' | 'notice' | 'before_place' | 'before_start';
  comment: 'too_long';
}
export type SfoPlaceField = keyof SfoPlaceErrorCodes;
/** `date`: the day the message is about (the earliest termination date, the place's start); `count`: days a week. */
export type SfoPlaceErrors = {
  [F in SfoPlaceField]?: { code: SfoPlaceErrorCodes[F]; date?: string; count?: number };
};

/** What a checked application saves (sfo_application). */
export interface SfoPlaceValues {
  offerId: number | null;
  days: number[] | null;
  from: string;
  comment: string;
  sharedInvoice: boolean;
  enrolmentId: number | null;
}

/**
 * The offer and days: the offer must be open at the SFO on the date; for an offer by days exactly its number of
 * weekdays (Monday–Friday), for any other offer no days (those ticked are ignored).
 */
export function checkOfferAndDays(
  offers: Offer[],
  offerText: string,
  dayTexts: string[],
): { offer: Offer | null; days: number[] | null; errors: SfoPlaceErrors } {
  const errors: SfoPlaceErrors = {};
  const id = /^\d{1,12}$/.test(offerText.trim()) ? Number(offerText.trim()) : null;
  const offer = id === null ? null : (offers.find((o) => o.id === id) ?? null);
  if (offerText.trim() === '') errors.offer = { code: 'required' };
  else if (!offer) errors.offer = { code: 'unknown' };
  if (!offer || offer.kind !== 'days') return { offer, days: null, errors };
  const days = [...new Set(dayTexts.map((d) => d.trim()))].map(Number);
  if (days.some((d) => !(WEEKDAYS as readonly number[]).includes(d))) errors.days = { code: 'invalid' };
  else if (days.length !== offer.daysPerWeek) errors.days = { code: 'count', count: offer.daysPerWeek ?? 0 };
  return { offer, days: days.sort((a, b) => a - b), errors };
}

/** The date on its own: required, a date, not in the past nor before the first school day, not too far ahead. */
function parseFrom(
  text: string,
  startsOn: string | null,
  today: string,
): { from: string | null; errors: SfoPlaceErrors } {
  const from = parseDate(text);
  if (text.trim() === '') return { from: null, errors: { from: { code: 'required' } } };
  if (!from) return { from: null, errors: { from: { code: 'invalid_date' } } };
  if (from < today) return { from: null, errors: { from: { code: 'past', date: today } } };
  if (startsOn && from < startsOn) return { from: null, errors: { from: { code: 'before_start', date: startsOn } } };
  if (from > addDays(today, MAX_DAYS_AHEAD)) return { from: null, errors: { from: { code: 'too_far' } } };
  return { from, errors: {} };
}

/** An SFO application of the child that still waits (on a guardian or the deciders). */
async function pendingOf(db: Db, pupilId: number) {
  return db
    .selectFrom('application')
    .select(['id', 'kind'])
    .where('pupil_id', '=', pupilId)
    .where('kind', 'in', SFO_PLACE_KINDS)
    .where('status', 'in', ['awaiting_guardians', 'submitted'])
    .limit(1)
    .executeTakeFirst();
}

const sameDays = (a: number[] | null, b: number[] | null) =>
  (a ?? []).length === (b ?? []).length && (a ?? []).every((d, i) => (b ?? [])[i] === d);

export type SfoPlaceCheck = { ok: true; values: SfoPlaceValues } | { ok: false; errors: SfoPlaceErrors };

/**
 * Everything an SFO application must pass before it is saved (G8):
 * - 'sfo_place': no place already (now or starting later), an open offer, its days, a start not in the past;
 * - 'sfo_change': a place, a new offer or other days, from a date not in the past and after the place started;
 * - 'sfo_termination': a place, and a first day without it no earlier than the notice period allows;
 * and no other SFO application of the child waiting. For a skolestarter (`startsOn`: the first school day) no date
 * before the first school day: the summer before it is the summer SFO's.
 */
export async function checkSfoPlaceApplication(
  db: Db,
  kind: SfoPlaceKind,
  child: { pupilId: number; startsOn?: string | null },
  sfo: ChildSfo,
  input: SfoPlaceInput,
  today: string,
): Promise<SfoPlaceCheck> {
  const places = await placesOf(db, child.pupilId, sfo.sfoId, today);
  const errors: SfoPlaceErrors = {};
  if (await pendingOf(db, child.pupilId)) errors.place = { code: 'pending' };
  const comment = checkText(input.comment, { max: COMMENT_MAX });
  if (comment.error) errors.comment = { code: 'too_long' };
  if (kind === 'sfo_termination') return checkTermination(errors, places, sfo, input, comment.text, today);
  if (kind === 'sfo_change' && places.length === 0) errors.place ??= { code: 'no_place' };
  const date = parseFrom(input.from, child.startsOn ?? null, today);
  Object.assign(errors, date.errors);
  // A place that ends before the new one would start is no hindrance.
  const held = places.find((p) => p.endsOn === null || p.endsOn >= (date.from ?? today));
  if (kind === 'sfo_place' && held) errors.place ??= { code: 'has_place', date: held.startsOn };
  const offers = await openOffers(db, sfo.sfoId, date.from ?? today);
  const chosen = checkOfferAndDays(offers, input.offer, input.days);
  Object.assign(errors, chosen.errors);
  let enrolmentId: number | null = null;
  if (kind === 'sfo_change' && date.from && places.length > 0) {
    const place = placeOn(places, date.from)!;
    enrolmentId = place.enrolmentId;
    if (date.from <= place.startsOn) errors.from ??= { code: 'before_place', date: place.startsOn };
    if (chosen.offer && !errors.days && chosen.offer.id === place.offerId && sameDays(chosen.days, place.days))
      errors.offer ??= { code: 'unchanged' };
  }
  if (Object.keys(errors).length || !chosen.offer || !date.from) return { ok: false, errors };
  return {
    ok: true,
    values: {
      offerId: chosen.offer.id,
      days: chosen.days,
      from: date.from,
      comment: comment.text,
      sharedInvoice: input.sharedInvoice,
      enrolmentId,
    },
  };
}

function checkTermination(
  errors: SfoPlaceErrors,
  places: SfoPlace[],
  sfo: ChildSfo,
  input: SfoPlaceInput,
  comment: string,
  today: string,
): SfoPlaceCheck {
  if (places.length === 0) errors.place ??= { code: 'no_place' };
  const date = parseFrom(input.from, null, today);
  Object.assign(errors, date.errors);
  const earliest = earliestTerminationDate(today, sfo.noticeMonths);
  if (date.from && date.from < earliest) errors.from = { code: 'notice', date: earliest };
  if (Object.keys(errors).length || !date.from) return { ok: false, errors };
  const place = placeOn(places, addDays(date.from, -1)) ?? places[0]!;
  return {
    ok: true,
    values: {
      offerId: null,
      days: null,
      from: date.from,
      comment,
      sharedInvoice: false,
      enrolmentId: place.enrolmentId,
    },
  };
}
