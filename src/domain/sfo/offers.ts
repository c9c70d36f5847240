import type { Db } from '../../db/database.ts';
import type { SfoOfferKind } from '../../db/schema.ts';

/** An SFO offer as forms, decisions and prices use it. Amounts in øre a month. */
export interface Offer {
  id: number;
  sfoId: number;
  name: string;
  kind: SfoOfferKind;
  /** For kind 'days': how many weekdays the guardian picks. */
  daysPerWeek: number | null;
  /** For kind 'percent'. */
  percent: number | null;
  hoursPerWeek: number;
  monthlyPriceOre: number;
  foodOre: number;
  closedOn: string | null;
}

const offerColumns = [
  'id',
  'sfo_id',
  'name',
  'kind',
  'days_per_week',
  'percent',
  'hours_per_week',
  'monthly_price_ore',
  'food_ore',
  'closed_on',
] as const;

type OfferRow = {
  id: number;
  sfo_id: number;
  name: string;
  kind: SfoOfferKind;
  days_per_week: number | null;
  percent: number | null;
  hours_per_week: number;
  monthly_price_ore: number;
  food_ore: number;
  closed_on: string | null;
};

const toOffer = (r: OfferRow): Offer => ({
  id: r.id,
  sfoId: r.sfo_id,
  name: r.name,
  kind: r.kind,
  daysPerWeek: r.days_per_week,
  percent: r.percent,
  hoursPerWeek: r.hours_per_week,
  monthlyPriceOre: r.monthly_price_ore,
  foodOre: r.food_ore,
  closedOn: r.closed_on,
});

/** The offers of an SFO open for new places and changes on `on` (not closed by then), cheapest last. Bounded. */
export async function openOffers(db: Db, sfoId: number, on: string): Promise<Offer[]> {
  const rows = await db
    .selectFrom('sfo_offer')
    .select(offerColumns)
    .where('sfo_id', '=', sfoId)
    .where((eb) => eb.or([eb('closed_on', 'is', null), eb('closed_on', '>', on)]))
    .orderBy('monthly_price_ore', 'desc')
    .orderBy('id')
    .limit(50)
    .execute();
  return rows.map(toOffer);
}

/** Every offer of an SFO, closed ones too (the settings page, old places). Bounded. */
export async function allOffers(db: Db, sfoId: number): Promise<Offer[]> {
  const rows = await db
    .selectFrom('sfo_offer')
    .select(offerColumns)
    .where('sfo_id', '=', sfoId)
    .orderBy('closed_on', 'desc')
    .orderBy('monthly_price_ore', 'desc')
    .orderBy('id')
    .limit(200)
    .execute();
  return rows.map(toOffer);
}

/** Offers by id (any SFO: the caller checks it belongs where it should). */
export async function offersById(db: Db, ids: number[]): Promise<Map<number, Offer>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('sfo_offer').select(offerColumns).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, toOffer(r)]));
}
