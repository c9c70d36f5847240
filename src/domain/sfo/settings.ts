import type { Db } from '../../db/database.ts';
import type { SfoOfferKind } from '../../db/schema.ts';
import type { Actor } from '../access/actor.ts';
import { recordAudit } from '../audit.ts';
import { NotFoundError } from '../errors.ts';
import { checked, type Checked } from '../result.ts';
import type { Offer } from './offers.ts';
import type { SfoInfo } from './units.ts';

/*
 * An SFO's price settings and offers (issue 12, item 1). Only the school owner changes them (canUseSfo 'edit_prices';
 * the caller has loaded the SFO with requireSfo(…, 'edit_prices')); every change is audited with old and new values.
 * Amounts are typed in kroner (Norwegian style: "3 300", "3300,50") and kept in øre.
 */

export interface SfoSettings {
  billingMonths: number[];
  siblingDiscountPercent: number;
  capacity: number | null;
  noticeMonths: number;
}

export interface SfoSettingsInput {
  billingMonths: string[];
  siblingDiscountPercent: string;
  capacity: string;
  noticeMonths: string;
}

export type SfoSettingsErrors = Partial<Record<keyof SfoSettingsInput, 'months' | 'percent' | 'capacity' | 'notice'>>;

export async function findSfoSettings(db: Db, sfoId: number): Promise<SfoSettings> {
  const row = await db
    .selectFrom('sfo')
    .select(['billing_months', 'sibling_discount_percent', 'capacity', 'notice_months'])
    .where('id', '=', sfoId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError();
  return {
    billingMonths: row.billing_months.map(Number).sort((a, b) => a - b),
    siblingDiscountPercent: row.sibling_discount_percent,
    capacity: row.capacity,
    noticeMonths: row.notice_months,
  };
}

export const settingsInputOf = (s: SfoSettings): SfoSettingsInput => ({
  billingMonths: s.billingMonths.map(String),
  siblingDiscountPercent: String(s.siblingDiscountPercent),
  capacity: s.capacity === null ? '' : String(s.capacity),
  noticeMonths: String(s.noticeMonths),
});

/** A whole number from min to max, or null. */
function whole(value: string, min: number, max: number): number | null {
  const v = value.trim();
  if (!/^\d{1,6}$/.test(v)) return null;
  const n = Number(v);
  return n >= min && n <= max ? n : null;
}

/** Kroner as Norwegians type them ("3 300", "3300,50", "3 300 kr") → øre; null for anything else. At most 1 000 000 kr. */
export function kronerToOre(value: string): number | null {
  const v = value
    .replace(/\s|\u00a0|\u202f/g, '')
    .replace(/kr\.?$/i, '')
    .replace(/,-$/, '');
  const m = /^(\d{1,7})(?:[,.](\d{1,2}))?$/.exec(v);
  if (!m) return null;
  const ore = Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
  return ore <= 100_000_000 ? ore : null;
}

/** Øre as the form shows it again: "3300" or "3300,50". */
export const oreToInput = (ore: number) =>
  ore % 100 === 0 ? String(ore / 100) : `${Math.floor(ore / 100)},${String(ore % 100).padStart(2, '0')}`;

export function parseSfoSettings(input: SfoSettingsInput): Checked<SfoSettings, SfoSettingsErrors> {
  const errors: SfoSettingsErrors = {};
  const months = input.billingMonths.map((m) => whole(m, 1, 12));
  if (months.length === 0 || months.some((m) => m === null)) errors.billingMonths = 'months';
  const percent = whole(input.siblingDiscountPercent, 0, 100);
  if (percent === null) errors.siblingDiscountPercent = 'percent';
  const capacity = input.capacity.trim() === '' ? null : whole(input.capacity, 0, 100_000);
  if (input.capacity.trim() !== '' && capacity === null) errors.capacity = 'capacity';
  const notice = whole(input.noticeMonths, 0, 6);
  if (notice === null) errors.noticeMonths = 'notice';
  return checked(errors, () => ({
    billingMonths: [...new Set(months as number[])].sort((a, b) => a - b),
    siblingDiscountPercent: percent!,
    capacity,
    noticeMonths: notice!,
  }));
}

export async function saveSfoSettings(
  db: Db,
  actor: Actor,
  sfo: SfoInfo,
  values: SfoSettings,
  now = new Date(),
): Promise<void> {
  const before = await findSfoSettings(db, sfo.sfoId);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('sfo')
      .set({
        billing_months: values.billingMonths,
        sibling_discount_percent: values.siblingDiscountPercent,
        capacity: values.capacity,
        notice_months: values.noticeMonths,
      })
      .where('id', '=', sfo.sfoId)
      .execute();
    await recordAudit(
      trx,
      {
        actor,
        role: 'school_owner',
        action: 'sfo.settings',
        record: { type: 'sfo', id: sfo.sfoId },
        details: { from: before, to: values },
      },
      now,
    );
  });
}

// --- offers -------------------------------------------------------------------------------------------------------

export interface OfferValues {
  name: string;
  kind: SfoOfferKind;
  daysPerWeek: number | null;
  percent: number | null;
  hoursPerWeek: number;
  monthlyPriceOre: number;
  foodOre: number;
}

export interface OfferInput {
  name: string;
  kind: string;
  daysPerWeek: string;
  percent: string;
  hoursPerWeek: string;
  monthlyPrice: string;
  food: string;
}

export type OfferErrors = Partial<Record<keyof OfferInput, 'name' | 'kind' | 'days' | 'percent' | 'hours' | 'amount'>>;

export const emptyOfferInput: OfferInput = {
  name: '',
  kind: 'full',
  daysPerWeek: '',
  percent: '',
  hoursPerWeek: '',
  monthlyPrice: '',
  food: '0',
};

export const offerInputOf = (o: Offer): OfferInput => ({
  name: o.name,
  kind: o.kind,
  daysPerWeek: o.daysPerWeek === null ? '' : String(o.daysPerWeek),
  percent: o.percent === null ? '' : String(o.percent),
  hoursPerWeek: String(o.hoursPerWeek),
  monthlyPrice: oreToInput(o.monthlyPriceOre),
  food: oreToInput(o.foodOre),
});

const KINDS: SfoOfferKind[] = ['full', 'days', 'percent'];

export function parseOffer(input: OfferInput): Checked<OfferValues, OfferErrors> {
  const errors: OfferErrors = {};
  const name = input.name.trim();
  if (name.length < 1 || name.length > 80) errors.name = 'name';
  const kind = KINDS.find((k) => k === input.kind);
  if (!kind) errors.kind = 'kind';
  const days = kind === 'days' ? whole(input.daysPerWeek, 1, 4) : null;
  if (kind === 'days' && days === null) errors.daysPerWeek = 'days';
  const percent = kind === 'percent' ? whole(input.percent, 1, 99) : null;
  if (kind === 'percent' && percent === null) errors.percent = 'percent';
  const hours = whole(input.hoursPerWeek, 1, 60);
  if (hours === null) errors.hoursPerWeek = 'hours';
  const price = kronerToOre(input.monthlyPrice);
  if (price === null) errors.monthlyPrice = 'amount';
  const food = input.food.trim() === '' ? 0 : kronerToOre(input.food);
  if (food === null) errors.food = 'amount';
  return checked(errors, () => ({
    name,
    kind: kind!,
    daysPerWeek: days,
    percent,
    hoursPerWeek: hours!,
    monthlyPriceOre: price!,
    foodOre: food!,
  }));
}

const offerRow = (v: OfferValues) => ({
  name: v.name,
  kind: v.kind,
  days_per_week: v.daysPerWeek,
  percent: v.percent,
  hours_per_week: v.hoursPerWeek,
  monthly_price_ore: v.monthlyPriceOre,
  food_ore: v.foodOre,
});

export async function createOffer(
  db: Db,
  actor: Actor,
  sfo: SfoInfo,
  values: OfferValues,
  now = new Date(),
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('sfo_offer')
      .values({ sfo_id: sfo.sfoId, ...offerRow(values) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(
      trx,
      {
        actor,
        role: 'school_owner',
        action: 'sfo_offer.create',
        record: { type: 'sfo_offer', id },
        details: { sfoId: sfo.sfoId, to: values },
      },
      now,
    );
    return id;
  });
}

/**
 * Changes an offer's terms (a new price applies to every place on it from the month billed next: the invoice basis
 * reads the offer as it is). An offer of another SFO → 404.
 */
export async function updateOffer(
  db: Db,
  actor: Actor,
  sfo: SfoInfo,
  offer: Offer,
  values: OfferValues,
  now = new Date(),
): Promise<void> {
  if (offer.sfoId !== sfo.sfoId) throw new NotFoundError();
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('sfo_offer').set(offerRow(values)).where('id', '=', offer.id).execute();
    const { id: _id, sfoId: _sfo, closedOn: _closed, ...from } = offer;
    await recordAudit(
      trx,
      {
        actor,
        role: 'school_owner',
        action: 'sfo_offer.update',
        record: { type: 'sfo_offer', id: offer.id },
        details: { sfoId: sfo.sfoId, from, to: values },
      },
      now,
    );
  });
}

/** Closes an offer for new places and changes from `on` (places on it keep it). Already closed: nothing happens. */
export async function closeOffer(
  db: Db,
  actor: Actor,
  sfo: SfoInfo,
  offer: Offer,
  on: string,
  now = new Date(),
): Promise<void> {
  if (offer.sfoId !== sfo.sfoId) throw new NotFoundError();
  if (offer.closedOn !== null) return;
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('sfo_offer').set({ closed_on: on }).where('id', '=', offer.id).execute();
    await recordAudit(
      trx,
      {
        actor,
        role: 'school_owner',
        action: 'sfo_offer.close',
        record: { type: 'sfo_offer', id: offer.id },
        details: { sfoId: sfo.sfoId, closedOn: on },
      },
      now,
    );
  });
}
