/**
 * SFO prices (issue 12, item 1): one child's line on one payer's invoice for one month. PURE: no database, no clock;
 * src/domain/sfo/invoice.ts loads the facts and calls these functions. Every amount is an integer in øre.
 *
 * The rules, in the order they are applied:
 *
 * 1. **The place, pro rata by calendar days.** Each place row (sfo_enrolment: a change of offer or days ends one row and
 *    starts the next) that covers part of the month counts with the share of the month's calendar days it covers:
 *    `monthly price × days covered / days in the month`. So a place from 16 November costs 15/30 of the monthly price,
 *    a change on 16 November costs 15/30 of the old offer plus 15/30 of the new one, and a place that ends on
 *    15 November (a termination) costs 15/30. Calendar days (not weekdays) because they are what the guardian can
 *    check against the dates in the decision and because a month's price does not then depend on where weekends fall.
 *    Months not in the SFO's billing months (July by default) bill no place and no food — only summer days.
 * 2. **Free hours** (trinn 1 up to the school owner's last trinn with free hours, 3 by law, 4 if the owner adds it):
 *    `free hours a week / the offer's hours a week` of the pro-rated place price is deducted, at most the whole price
 *    (12 free hours of a 20-hour offer: 12/20 off; of a 12-hour offer: all of it).
 * 3. **Sibling discount** (the SFO's percent, 0 = none): among the children of ONE payer in THIS SFO with a place this
 *    month, the child whose price after free hours is highest pays in full; the second and later children (the cheaper
 *    ones; equal prices: the lower person id first) get the percent off their price after free hours.
 * 4. **Income cap** (a reduction of kind 'income_cap', trinn 1–4): the child's price after 1–3 is at most 6 % of the
 *    household income a year spread over the SFO's billing months — `income × 6 / 100 / billing months` a month —
 *    pro rata by the same calendar-day share as the place (a half month is capped at half the monthly cap). The cap is
 *    per child (the reduction is granted per pupil and school year) and applies after the sibling discount.
 * 5. **Free SFO** (a reduction of kind 'free', 5.–7. trinn with special needs, recorded by the SFO leader): the place
 *    costs nothing. Food is still charged (DOMAIN-FACTS §4: "food may be charged on top" — the free hours and free SFO
 *    cover the stay, not the meals).
 * 6. **Food money** on top: the offers' food money pro rata like the place, never discounted or capped.
 * 7. **Summer days**: the days the child comes in open summer weeks that fall in the month × the period's price per
 *    day, in any month (July too), with or without a place; not discounted.
 *
 * Rounding: each component is computed exactly (as a fraction) and rounded once, half up, to whole øre; the deductions
 * are negative numbers and the total is the sum of the rounded components, so a line always adds up.
 */

/** An offer's terms as the price needs them. */
export interface PriceOffer {
  monthlyPriceOre: number;
  foodOre: number;
  hoursPerWeek: number;
}

/** One place row (a stretch of the same offer) of the child with this payer: dates inclusive, ISO yyyy-mm-dd. */
export interface PlaceSegment {
  startsOn: string;
  /** Null: until terminated. */
  endsOn: string | null;
  offer: PriceOffer;
}

export type Reduction = { kind: 'income_cap'; householdIncomeOre: number } | { kind: 'free' } | null;

/** What the SFO and its school owner decide about prices. */
export interface PriceSettings {
  /** The months billed (1–12); 11 by default (July free). */
  billingMonths: number[];
  siblingDiscountPercent: number;
  freeHoursPerWeek: number;
  /** Free hours for trinn 1 up to this trinn (0 = none). */
  freeHoursLastTrinn: number;
}

/** One child's facts for the month (under one payer). */
export interface ChildMonth {
  pupilId: number;
  /** The child's trinn in the month (the class enrolment; null when unknown: no free hours, no income cap). */
  trinn: number | null;
  segments: PlaceSegment[];
  reduction: Reduction;
  /** Days in open summer weeks of this month the child comes. */
  summerDays: number;
  summerPricePerDayOre: number;
}

/** One child's line. Deductions are ≤ 0; `totalOre` is the sum of the components. */
export interface PriceLine {
  pupilId: number;
  /** Calendar days with a place in the month (0 in months not billed). */
  placeDays: number;
  daysInMonth: number;
  priceOre: number;
  freeHoursOre: number;
  siblingDiscountOre: number;
  incomeCapOre: number;
  freeSfoOre: number;
  foodOre: number;
  summerDays: number;
  summerOre: number;
  totalOre: number;
  /** 1 = pays in full, 2 and up = sibling discount (when the SFO has one); 0 = no place this month. */
  siblingRank: number;
}

/** The share of household income a year the price may be at most (forskrift: 6 %). */
export const INCOME_CAP_PERCENT = 6;
/** The income cap and the free hours by law are for trinn 1–4 at most. */
export const INCOME_CAP_LAST_TRINN = 4;

// --- dates -------------------------------------------------------------------------------------------------------

/** 'YYYY-MM' → year and month, or null for nonsense. */
export function parseMonth(value: string | undefined): { year: number; month: number } | null {
  const m = /^(\d{4})-(\d{2})$/.exec(value ?? '');
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12 || year < 2000 || year > 2100) return null;
  return { year, month };
}

export const monthOf = (isoDate: string): string => isoDate.slice(0, 7);

export function daysInMonth(month: string): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** First and last day of a 'YYYY-MM' month. */
export function monthBounds(month: string): { first: string; last: string } {
  return { first: `${month}-01`, last: `${month}-${String(daysInMonth(month)).padStart(2, '0')}` };
}

/** The month after or before (`delta` months). */
export function addMonths(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + delta, 1));
  return d.toISOString().slice(0, 7);
}

const dayNumber = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000;

/** Calendar days of `month` the place row covers (inclusive dates). */
export function coveredDays(segment: { startsOn: string; endsOn: string | null }, month: string): number {
  const { first, last } = monthBounds(month);
  const from = segment.startsOn > first ? segment.startsOn : first;
  const to = segment.endsOn !== null && segment.endsOn < last ? segment.endsOn : last;
  return from > to ? 0 : dayNumber(to) - dayNumber(from) + 1;
}

/**
 * The last day of a place terminated on `givenOn` with `noticeMonths` of notice: the termination takes effect from the
 * first of the month after that many full months (1 month's notice given 10 October: November is the full month, the
 * place ends 30 November; given 1 October: October itself is the full month, the place ends 31 October). No notice:
 * the end of the month it is given in.
 */
export function terminationLastDay(givenOn: string, noticeMonths: number): string {
  const month = monthOf(givenOn);
  const firstFullMonth = givenOn.endsWith('-01') ? month : addMonths(month, 1);
  if (noticeMonths === 0) return monthBounds(month).last;
  return monthBounds(addMonths(firstFullMonth, noticeMonths - 1)).last;
}

// --- exact fractions, rounded once --------------------------------------------------------------------------------

/** A non-negative fraction n/d in bigints. */
type Frac = { n: bigint; d: bigint };
const frac = (n: number, d = 1): Frac => ({ n: BigInt(n), d: BigInt(d) });
const add = (a: Frac, b: Frac): Frac => ({ n: a.n * b.d + b.n * a.d, d: a.d * b.d });
const mul = (a: Frac, b: Frac): Frac => ({ n: a.n * b.n, d: a.d * b.d });
const ZERO = frac(0);
/** Rounds half up to a whole number (the fractions here are never negative). */
const round = (a: Frac): number => Number((2n * a.n + a.d) / (2n * a.d));
/** A deduction as a negative number (never -0). */
const neg = (x: number): number => (x === 0 ? 0 : -x);
const minFrac = (a: Frac, b: Frac): Frac => (a.n * b.d <= b.n * a.d ? a : b);

/** 6 % of a yearly household income spread over the billing months, as øre a month (rounded half up). */
export function monthlyIncomeCapOre(householdIncomeOre: number, billingMonthCount: number): number {
  return round(mul(frac(householdIncomeOre * INCOME_CAP_PERCENT, 100), frac(1, Math.max(1, billingMonthCount))));
}

// --- the line -----------------------------------------------------------------------------------------------------

interface PlacePart {
  price: Frac;
  free: Frac;
  food: Frac;
  share: Frac;
  placeDays: number;
}

function placePart(child: ChildMonth, month: string, settings: PriceSettings): PlacePart {
  const days = daysInMonth(month);
  const billed = settings.billingMonths.includes(Number(month.slice(5, 7)));
  let price = ZERO;
  let free = ZERO;
  let food = ZERO;
  let placeDays = 0;
  const freeHours =
    child.trinn !== null && child.trinn >= 1 && child.trinn <= settings.freeHoursLastTrinn
      ? settings.freeHoursPerWeek
      : 0;
  if (billed) {
    for (const s of child.segments) {
      const covered = coveredDays(s, month);
      if (covered === 0) continue;
      placeDays += covered;
      const share = frac(covered, days);
      const segmentPrice = mul(frac(s.offer.monthlyPriceOre), share);
      price = add(price, segmentPrice);
      food = add(food, mul(frac(s.offer.foodOre), share));
      if (freeHours > 0) free = add(free, mul(segmentPrice, minFrac(frac(freeHours, s.offer.hoursPerWeek), frac(1))));
    }
  }
  return { price, free, food, share: frac(Math.min(placeDays, days), days), placeDays };
}

/**
 * The lines of one payer's children in one SFO for one month, in the order given, with the sibling discount ranked
 * among them (rule 3 above). Pass every child of the payer in the SFO for that month, or the ranks are wrong.
 */
export function payerMonthLines(children: ChildMonth[], month: string, settings: PriceSettings): PriceLine[] {
  const parts = children.map((c) => {
    const part = placePart(c, month, settings);
    const priceOre = round(part.price);
    const freeHoursOre = neg(Math.min(priceOre, round(part.free)));
    return { child: c, part, priceOre, freeHoursOre, afterFree: priceOre + freeHoursOre };
  });
  const ranked = parts
    .filter((p) => p.part.placeDays > 0)
    .sort((a, b) => b.afterFree - a.afterFree || a.child.pupilId - b.child.pupilId);
  const rank = new Map(ranked.map((p, i) => [p.child.pupilId, i + 1]));
  return parts.map(({ child, part, priceOre, freeHoursOre, afterFree }) => {
    const siblingRank = rank.get(child.pupilId) ?? 0;
    const siblingDiscountOre =
      siblingRank >= 2 && settings.siblingDiscountPercent > 0
        ? neg(round(mul(frac(afterFree), frac(settings.siblingDiscountPercent, 100))))
        : 0;
    let payable = afterFree + siblingDiscountOre;
    let incomeCapOre = 0;
    let freeSfoOre = 0;
    const r = child.reduction;
    if (
      r?.kind === 'income_cap' &&
      child.trinn !== null &&
      child.trinn <= INCOME_CAP_LAST_TRINN &&
      part.placeDays > 0
    ) {
      const yearlyCap = frac(r.householdIncomeOre * INCOME_CAP_PERCENT, 100);
      const cap = round(mul(mul(yearlyCap, frac(1, Math.max(1, settings.billingMonths.length))), part.share));
      incomeCapOre = neg(Math.max(0, payable - cap));
      payable += incomeCapOre;
    }
    if (r?.kind === 'free') {
      freeSfoOre = neg(payable);
      payable = 0;
    }
    const foodOre = round(part.food);
    const summerOre = child.summerDays * child.summerPricePerDayOre;
    return {
      pupilId: child.pupilId,
      placeDays: part.placeDays,
      daysInMonth: daysInMonth(month),
      priceOre,
      freeHoursOre,
      siblingDiscountOre,
      incomeCapOre,
      freeSfoOre,
      foodOre,
      summerDays: child.summerDays,
      summerOre,
      totalOre: payable + foodOre + summerOre,
      siblingRank,
    };
  });
}

/** One child alone (no siblings with the same payer in the SFO). */
export function childMonthLine(child: ChildMonth, month: string, settings: PriceSettings): PriceLine {
  return payerMonthLines([child], month, settings)[0]!;
}
