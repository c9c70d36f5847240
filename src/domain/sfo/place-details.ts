import type { Db } from '../../db/database.ts';
import type { SfoOfferKind } from '../../db/schema.ts';

/** The offer as an SFO application names it. */
export interface PlaceOffer {
  id: number;
  name: string;
  kind: SfoOfferKind;
  daysPerWeek: number | null;
}

/**
 * An SFO place, change or termination as deciders and guardians see it (sfo_application): the offer and days asked
 * for (place, change; null for a termination), from what date (the start, the change, or the first day without a
 * place), the comment, the shared-invoice request, the place changed or terminated; and what a decision granted.
 */
export interface SfoPlaceDetails {
  /** The SFO applied to, by name ('' if the application has none). */
  sfoName: string;
  offer: PlaceOffer | null;
  days: number[] | null;
  from: string;
  comment: string;
  sharedInvoice: boolean;
  enrolmentId: number | null;
  grantedOffer: PlaceOffer | null;
  grantedDays: number[] | null;
  grantedFrom: string | null;
  /** The SFO's offers not closed (what a partial grant may choose from), cheapest last. */
  sfoOffers: PlaceOffer[];
}

const offerOf = (
  id: number | null,
  name: string | null,
  kind: SfoOfferKind | null,
  daysPerWeek: number | null,
): PlaceOffer | null => (id !== null && name !== null && kind !== null ? { id, name, kind, daysPerWeek } : null);

/** The details of these SFO applications, by application id (one query). */
export async function loadSfoPlaceDetails(db: Db, ids: number[]): Promise<Map<number, SfoPlaceDetails>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('sfo_application as x')
    .innerJoin('application as a', 'a.id', 'x.application_id')
    .leftJoin('sfo as f', 'f.id', 'a.sfo_id')
    .leftJoin('sfo_offer as o', 'o.id', 'x.offer_id')
    .leftJoin('sfo_offer as g', 'g.id', 'x.granted_offer_id')
    .select([
      'x.application_id',
      'a.sfo_id',
      'f.name as sfo_name',
      'x.offer_id',
      'o.name as offer_name',
      'o.kind as offer_kind',
      'o.days_per_week as offer_days_per_week',
      'x.days',
      'x.from_date',
      'x.comment',
      'x.shared_invoice',
      'x.enrolment_id',
      'x.granted_offer_id',
      'g.name as granted_name',
      'g.kind as granted_kind',
      'g.days_per_week as granted_days_per_week',
      'x.granted_days',
      'x.granted_from',
    ])
    .where('x.application_id', 'in', ids)
    .execute();
  const sfoIds = [...new Set(rows.flatMap((r) => (r.sfo_id === null ? [] : [r.sfo_id])))];
  const offers = sfoIds.length
    ? await db
        .selectFrom('sfo_offer')
        .select(['id', 'sfo_id', 'name', 'kind', 'days_per_week'])
        .where('sfo_id', 'in', sfoIds)
        .where('closed_on', 'is', null)
        .orderBy('monthly_price_ore', 'desc')
        .orderBy('id')
        .limit(50 * sfoIds.length)
        .execute()
    : [];
  return new Map(
    rows.map((r) => [
      r.application_id,
      {
        sfoName: r.sfo_name ?? '',
        offer: offerOf(r.offer_id, r.offer_name, r.offer_kind, r.offer_days_per_week),
        days: r.days,
        from: r.from_date,
        comment: r.comment,
        sharedInvoice: r.shared_invoice,
        enrolmentId: r.enrolment_id,
        grantedOffer: offerOf(r.granted_offer_id, r.granted_name, r.granted_kind, r.granted_days_per_week),
        grantedDays: r.granted_days,
        grantedFrom: r.granted_from,
        sfoOffers: offers
          .filter((o) => o.sfo_id === r.sfo_id)
          .map((o) => ({ id: o.id, name: o.name, kind: o.kind, daysPerWeek: o.days_per_week })),
      },
    ]),
  );
}
