import type { Db } from '../../db/database.ts';
import type { SfoPlaceKind } from '../../db/schema.ts';
import { parseDate } from '../../i18n/index.ts';
import type { ApplicationCase, DecisionInput } from '../applications/definition.ts';
import type { DecidedOutcome } from '../applications/status.ts';
import { addDays } from '../calendar/dates.ts';
import { notEndedBy } from '../period.ts';
import { allOffers } from './offers.ts';
import type { SfoPlaceDetails } from './place-details.ts';
import { checkOfferAndDays, WEEKDAYS } from './place-form.ts';
import { placeOn, placesOf, type SfoPlace } from './place-state.ts';

type PlaceCase = ApplicationCase<SfoPlaceDetails>;
const kindOf = (app: PlaceCase) => app.kind as SfoPlaceKind;

/** What an SFO decision grants: the offer, days and date (all null when refused; a termination has only the date). */
export type SfoPlaceGrant = {
  grantedOfferId: number | null;
  /** For the vedtak (not saved: the id is). */
  grantedOfferName: string | null;
  grantedDays: number[] | null;
  grantedFrom: string | null;
};

/** The SFO fields of the decision form that can be wrong (a partial grant's offer, days and date). */
export interface SfoPlaceDecisionErrors {
  grantedOffer?: 'missing' | 'unknown';
  grantedDays?: { code: 'count' | 'invalid'; count?: number };
  grantedFrom?: 'missing' | 'format' | 'earlier' | 'not_different' | 'has_place' | 'no_place';
}

/** Beside each SFO application in the queue: the SFO's capacity, places taken on its date, the queue before it. */
export interface SfoQueueFacts {
  capacity: number | null;
  /** The date the facts are for (the start, the change or the termination date). */
  on: string;
  /** Places (children with an sfo_enrolment) in the SFO on that date. */
  taken: number;
  /** Applications for a place at the same SFO submitted before this one and still waiting (the waiting list). */
  waitingBefore: number;
}

/** Beside the application on its page: the queue facts and the pupil's places in the SFO now and later. */
export interface SfoPageFacts extends SfoQueueFacts {
  places: SfoPlace[];
}

/**
 * The queue facts for a page of SFO applications in a fixed number of queries: the SFOs' capacity, their places
 * not ended by the earliest date (counted per date here; bounded by the SFOs' size), the waiting place applications.
 */
export async function loadSfoQueueFacts(
  db: Db,
  cases: PlaceCase[],
  today: string,
): Promise<Map<number, SfoQueueFacts>> {
  const result = new Map<number, SfoQueueFacts>();
  const sfoIds = [...new Set(cases.flatMap((c) => (c.sfoId === null ? [] : [c.sfoId])))];
  if (sfoIds.length === 0) return result;
  const dates = cases.map((c) => (c.details.from < today ? today : c.details.from));
  const earliest = dates.reduce((a, b) => (a < b ? a : b));
  const [sfos, places, waiting] = await Promise.all([
    db.selectFrom('sfo').select(['id', 'capacity']).where('id', 'in', sfoIds).execute(),
    db
      .selectFrom('sfo_enrolment as e')
      .select(['e.sfo_id', 'e.pupil_id', 'e.starts_on', 'e.ends_on'])
      .where('e.sfo_id', 'in', sfoIds)
      .where(notEndedBy('e', earliest))
      .limit(20_000)
      .execute(),
    db
      .selectFrom('application')
      .select(['id', 'sfo_id', 'submitted_at'])
      .where('kind', '=', 'sfo_place')
      .where('status', '=', 'submitted')
      .where('sfo_id', 'in', sfoIds)
      .limit(5_000)
      .execute(),
  ]);
  cases.forEach((c, i) => {
    if (c.sfoId === null) return;
    const on = dates[i]!;
    const pupils = new Set(
      places
        .filter((p) => p.sfo_id === c.sfoId && p.starts_on <= on && (p.ends_on === null || p.ends_on >= on))
        .map((p) => p.pupil_id),
    );
    const mine = c.submittedAt?.getTime() ?? Number.POSITIVE_INFINITY;
    result.set(c.id, {
      capacity: sfos.find((s) => s.id === c.sfoId)?.capacity ?? null,
      on,
      taken: pupils.size,
      waitingBefore: waiting.filter(
        (w) =>
          w.sfo_id === c.sfoId &&
          w.id !== c.id &&
          w.submitted_at !== null &&
          (w.submitted_at.getTime() < mine || (w.submitted_at.getTime() === mine && w.id < c.id)),
      ).length,
    });
  });
  return result;
}

export async function loadSfoPageFacts(db: Db, app: PlaceCase, today: string): Promise<SfoPageFacts> {
  const [facts, places] = await Promise.all([
    loadSfoQueueFacts(db, [app], today),
    app.sfoId === null ? Promise.resolve([]) : placesOf(db, app.pupilId, app.sfoId, today),
  ]);
  const f = facts.get(app.id) ?? { capacity: null, on: app.details.from, taken: 0, waitingBefore: 0 };
  return { ...f, places };
}

const sameDays = (a: number[] | null, b: number[] | null) =>
  (a ?? []).length === (b ?? []).length && (a ?? []).every((d, i) => (b ?? [])[i] === d);

/**
 * The SFO kinds' part of the decision. Granted: as applied for. Partly granted: another offer of the SFO (by days:
 * exactly its number of weekdays), other days or a later date (`grantedOffer`, `grantedDay_1`…`grantedDay_5`,
 * `grantedFrom`); for a termination only a later date. Granting a place the pupil already holds on that date, or
 * changing or terminating a place that has ended meanwhile, is refused with a message.
 */
export async function checkSfoPlaceDecision(
  db: Db,
  app: PlaceCase,
  outcome: DecidedOutcome,
  input: DecisionInput,
): Promise<{ ok: true; grant: SfoPlaceGrant } | { ok: false; errors: SfoPlaceDecisionErrors }> {
  const d = app.details;
  if (outcome === 'refused')
    return {
      ok: true,
      grant: { grantedOfferId: null, grantedOfferName: null, grantedDays: null, grantedFrom: null },
    };
  let grant: SfoPlaceGrant = {
    grantedOfferId: d.offer?.id ?? null,
    grantedOfferName: d.offer?.name ?? null,
    grantedDays: d.days,
    grantedFrom: d.from,
  };
  if (outcome === 'partly_granted') {
    const errors: SfoPlaceDecisionErrors = {};
    const fromText = (input.grantedFrom ?? '').trim();
    const from = fromText ? parseDate(fromText) : d.from;
    if (!from) errors.grantedFrom = 'format';
    else if (from < d.from) errors.grantedFrom = 'earlier';
    let offerId: number | null = null;
    let offerName: string | null = null;
    let days: number[] | null = null;
    if (kindOf(app) !== 'sfo_termination' && app.sfoId !== null) {
      const offers = await allOffers(db, app.sfoId);
      const dayTexts = WEEKDAYS.flatMap((n) => (input[`grantedDay_${n}`] === 'yes' ? [String(n)] : []));
      const checked = checkOfferAndDays(offers, input.grantedOffer ?? String(d.offer?.id ?? ''), dayTexts);
      if (checked.errors.offer) errors.grantedOffer = checked.errors.offer.code === 'required' ? 'missing' : 'unknown';
      if (checked.errors.days)
        errors.grantedDays = {
          code: checked.errors.days.code === 'count' ? 'count' : 'invalid',
          count: checked.errors.days.count,
        };
      offerId = checked.offer?.id ?? null;
      offerName = checked.offer?.name ?? null;
      days = checked.days;
    }
    if (
      !errors.grantedFrom &&
      !errors.grantedOffer &&
      !errors.grantedDays &&
      from === d.from &&
      offerId === (d.offer?.id ?? null) &&
      sameDays(days, d.days)
    )
      errors.grantedFrom = 'not_different';
    if (Object.keys(errors).length) return { ok: false, errors };
    grant = { grantedOfferId: offerId, grantedOfferName: offerName, grantedDays: days, grantedFrom: from! };
  }
  const from = grant.grantedFrom!;
  if (app.sfoId !== null) {
    const places = await placesOf(db, app.pupilId, app.sfoId, from);
    if (kindOf(app) === 'sfo_place' && places.some((p) => p.endsOn === null || p.endsOn >= from))
      return { ok: false, errors: { grantedFrom: 'has_place' } };
    if (kindOf(app) !== 'sfo_place') {
      const before = await placesOf(db, app.pupilId, app.sfoId, addDays(from, -1));
      if (before.length === 0) return { ok: false, errors: { grantedFrom: 'no_place' } };
    }
  }
  return { ok: true, grant };
}

/**
 * Saves the grant with the decision, and the place it makes (in the decision's transaction):
 * - 'sfo_place': a new sfo_enrolment from the date (offer, days, payer = the applicant, the shared-invoice request,
 *   the application);
 * - 'sfo_change': the place in force the day before ends then, and a new row with the new offer and days starts on
 *   the date (keeping an end already set, the payer and the shared-invoice request); a place not started yet is
 *   changed in its row;
 * - 'sfo_termination': the place ends the day before the date (rows starting later are left for the office).
 */
export async function saveSfoPlaceDecision(trx: Db, app: PlaceCase, grant: SfoPlaceGrant): Promise<void> {
  await trx
    .updateTable('sfo_application')
    .set({ granted_offer_id: grant.grantedOfferId, granted_days: grant.grantedDays, granted_from: grant.grantedFrom })
    .where('application_id', '=', app.id)
    .execute();
  const from = grant.grantedFrom;
  if (from === null || app.sfoId === null) return;
  const sfoId = app.sfoId;
  const { applicant_id: payerId } = await trx
    .selectFrom('application')
    .select('applicant_id')
    .where('id', '=', app.id)
    .executeTakeFirstOrThrow();
  const dayBefore = addDays(from, -1);
  if (kindOf(app) === 'sfo_place') {
    await trx
      .insertInto('sfo_enrolment')
      .values({
        sfo_id: sfoId,
        pupil_id: app.pupilId,
        starts_on: from,
        ends_on: null,
        offer_id: grant.grantedOfferId,
        days: grant.grantedDays,
        payer_id: payerId,
        shared_invoice: app.details.sharedInvoice,
        application_id: app.id,
      })
      .execute();
    return;
  }
  const places = await placesOf(trx, app.pupilId, sfoId, dayBefore);
  if (kindOf(app) === 'sfo_termination') {
    const ending = places.filter((p) => p.startsOn <= dayBefore).map((p) => p.enrolmentId);
    if (ending.length)
      await trx.updateTable('sfo_enrolment').set({ ends_on: dayBefore }).where('id', 'in', ending).execute();
    return;
  }
  const place = placeOn(places, dayBefore) ?? placeOn(places, from);
  if (!place) return;
  // A change keeps the place's payer and shared-invoice request (the change form asks for neither).
  const terms = {
    offer_id: grant.grantedOfferId,
    days: grant.grantedDays,
    payer_id: place.payerId ?? payerId,
    shared_invoice: place.sharedInvoice,
    application_id: app.id,
  };
  if (place.startsOn >= from) {
    await trx.updateTable('sfo_enrolment').set(terms).where('id', '=', place.enrolmentId).execute();
    return;
  }
  await trx.updateTable('sfo_enrolment').set({ ends_on: dayBefore }).where('id', '=', place.enrolmentId).execute();
  await trx
    .insertInto('sfo_enrolment')
    .values({ sfo_id: sfoId, pupil_id: app.pupilId, starts_on: from, ends_on: place.endsOn, ...terms })
    .execute();
}
