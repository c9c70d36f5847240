import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  childMonthLine,
  coveredDays,
  monthlyIncomeCapOre,
  payerMonthLines,
  terminationLastDay,
  type ChildMonth,
  type PriceLine,
  type PriceSettings,
} from '../../src/domain/sfo/price.ts';

/*
 * SFO prices, each expected amount computed by hand (in øre) in the comment above it. The offers are the demo offers:
 * full time 3 300 kr a month, 20 hours a week, food 350 kr; 3 days 2 300 kr, 12 hours, food 210 kr; 2 days 1 600 kr,
 * 8 hours, food 140 kr. Billed 11 months (not July), 30 % sibling discount, 12 free hours a week for trinn 1–3.
 */

const FULL = { monthlyPriceOre: 330_000, foodOre: 35_000, hoursPerWeek: 20 };
const DAYS3 = { monthlyPriceOre: 230_000, foodOre: 21_000, hoursPerWeek: 12 };
const DAYS2 = { monthlyPriceOre: 160_000, foodOre: 14_000, hoursPerWeek: 8 };
const SETTINGS: PriceSettings = {
  billingMonths: [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12],
  siblingDiscountPercent: 30,
  freeHoursPerWeek: 12,
  freeHoursLastTrinn: 3,
};

const child = (over: Partial<ChildMonth> = {}): ChildMonth => ({
  pupilId: 1,
  trinn: 5,
  segments: [{ startsOn: '2026-08-17', endsOn: null, offer: FULL }],
  reduction: null,
  summerDays: 0,
  summerPricePerDayOre: 25_000,
  ...over,
});

/** The components that matter, and a check that the line adds up. */
function parts(line: PriceLine) {
  const { priceOre, freeHoursOre, siblingDiscountOre, incomeCapOre, freeSfoOre, foodOre, summerOre, totalOre } = line;
  assert.equal(
    priceOre + freeHoursOre + siblingDiscountOre + incomeCapOre + freeSfoOre + foodOre + summerOre,
    totalOre,
    'the line adds up',
  );
  return { priceOre, freeHoursOre, siblingDiscountOre, incomeCapOre, freeSfoOre, foodOre, summerOre, totalOre };
}

const zero = { siblingDiscountOre: 0, incomeCapOre: 0, freeSfoOre: 0, summerOre: 0 };

test('a whole month, no reductions: the monthly price plus food', () => {
  // 330 000 + 35 000 = 365 000
  assert.deepEqual(parts(childMonthLine(child(), '2026-11', SETTINGS)), {
    ...zero,
    priceOre: 330_000,
    freeHoursOre: 0,
    foodOre: 35_000,
    totalOre: 365_000,
  });
});

test('free hours: 12 of 20 hours off for trinn 1–3, the whole price of a 12- or 8-hour offer, none for trinn 4 unless the owner adds it', () => {
  // trinn 2, full time: 330 000 × 12/20 = 198 000 off → 132 000 + food 35 000 = 167 000
  assert.deepEqual(parts(childMonthLine(child({ trinn: 2 }), '2026-11', SETTINGS)), {
    ...zero,
    priceOre: 330_000,
    freeHoursOre: -198_000,
    foodOre: 35_000,
    totalOre: 167_000,
  });
  // trinn 1, 2 days (8 hours): 12/8 capped at the price → 160 000 off; only the food 14 000 is left
  assert.equal(
    childMonthLine(
      child({ trinn: 1, segments: [{ startsOn: '2026-08-17', endsOn: null, offer: DAYS2 }] }),
      '2026-11',
      SETTINGS,
    ).totalOre,
    14_000,
  );
  // trinn 4: no free hours by default (365 000); with the 4th trinn added by the owner: 167 000 as above
  assert.equal(childMonthLine(child({ trinn: 4 }), '2026-11', SETTINGS).totalOre, 365_000);
  assert.equal(
    childMonthLine(child({ trinn: 4 }), '2026-11', { ...SETTINGS, freeHoursLastTrinn: 4 }).totalOre,
    167_000,
  );
});

test('the 6 % income cap: at most 6 % of household income a year over the 11 billing months, trinn 1–4, food on top', () => {
  // 400 000 kr income: 6 % = 24 000 kr = 2 400 000 øre a year / 11 = 218 181.8… → 218 182 a month
  assert.equal(monthlyIncomeCapOre(40_000_000, 11), 218_182);
  const reduction = { kind: 'income_cap' as const, householdIncomeOre: 40_000_000 };
  // trinn 4, full time: 330 000 → capped at 218 182 (−111 818); + food 35 000 = 253 182
  assert.deepEqual(parts(childMonthLine(child({ trinn: 4, reduction }), '2026-11', SETTINGS)), {
    ...zero,
    priceOre: 330_000,
    freeHoursOre: 0,
    incomeCapOre: -111_818,
    foodOre: 35_000,
    totalOre: 253_182,
  });
  // trinn 1: after the free hours 132 000 is already under the cap → no cap deduction; 167 000
  const trinn1 = childMonthLine(child({ trinn: 1, reduction }), '2026-11', SETTINGS);
  assert.equal(trinn1.incomeCapOre, 0);
  assert.equal(trinn1.totalOre, 167_000);
  // trinn 5: the cap does not apply → 365 000
  assert.equal(childMonthLine(child({ trinn: 5, reduction }), '2026-11', SETTINGS).totalOre, 365_000);
});

test('free SFO (5.–7. trinn, special needs): the place costs nothing, the food is still charged', () => {
  // 330 000 − 330 000 + 35 000 = 35 000
  assert.deepEqual(parts(childMonthLine(child({ trinn: 6, reduction: { kind: 'free' } }), '2026-11', SETTINGS)), {
    ...zero,
    priceOre: 330_000,
    freeHoursOre: 0,
    freeSfoOre: -330_000,
    foodOre: 35_000,
    totalOre: 35_000,
  });
});

test('sibling discount: 30 % off the second child of the same payer, the cheaper one after free hours', () => {
  // trinn 5 full (330 000) and trinn 6 three days (230 000): the second pays 230 000 − 69 000 + 21 000 = 182 000
  const [a, b] = payerMonthLines(
    [
      child({ pupilId: 10, trinn: 5 }),
      child({ pupilId: 11, trinn: 6, segments: [{ startsOn: '2026-08-17', endsOn: null, offer: DAYS3 }] }),
    ],
    '2026-11',
    SETTINGS,
  );
  assert.deepEqual([a!.siblingRank, a!.totalOre], [1, 365_000]);
  assert.deepEqual(parts(b!), {
    ...zero,
    priceOre: 230_000,
    freeHoursOre: 0,
    siblingDiscountOre: -69_000,
    foodOre: 21_000,
    totalOre: 182_000,
  });
  // trinn 1 full (132 000 after free hours) and trinn 6 three days (230 000): the trinn 1 child is the cheaper one:
  // 132 000 × 30 % = 39 600 off → 132 000 − 39 600 + 35 000 = 127 400; the other pays 230 000 + 21 000 = 251 000
  const [c, d] = payerMonthLines(
    [
      child({ pupilId: 12, trinn: 1 }),
      child({ pupilId: 13, trinn: 6, segments: [{ startsOn: '2026-08-17', endsOn: null, offer: DAYS3 }] }),
    ],
    '2026-11',
    SETTINGS,
  );
  assert.deepEqual([c!.siblingRank, c!.siblingDiscountOre, c!.totalOre], [2, -39_600, 127_400]);
  assert.deepEqual([d!.siblingRank, d!.totalOre], [1, 251_000]);
  // equal prices: the lower person id pays in full
  const [e, f] = payerMonthLines([child({ pupilId: 21 }), child({ pupilId: 20 })], '2026-11', SETTINGS);
  assert.deepEqual([e!.siblingRank, f!.siblingRank], [2, 1]);
});

test('a place starting mid-month: pro rata by calendar days, each component rounded once, half up', () => {
  // from 16 November: 15 of 30 days → 165 000 + food 17 500 = 182 500
  const november = [{ startsOn: '2026-11-16', endsOn: null, offer: FULL }];
  assert.equal(coveredDays(november[0]!, '2026-11'), 15);
  assert.deepEqual(parts(childMonthLine(child({ segments: november }), '2026-11', SETTINGS)), {
    ...zero,
    priceOre: 165_000,
    freeHoursOre: 0,
    foodOre: 17_500,
    totalOre: 182_500,
  });
  // trinn 1: 165 000 × 12/20 = 99 000 off → 66 000 + 17 500 = 83 500
  assert.equal(childMonthLine(child({ trinn: 1, segments: november }), '2026-11', SETTINGS).totalOre, 83_500);
  // from 20 October: 12 of 31 days → 330 000 × 12/31 = 127 741.9… → 127 742; food 35 000 × 12/31 = 13 548.3… → 13 548
  const october = childMonthLine(
    child({ segments: [{ startsOn: '2026-10-20', endsOn: null, offer: FULL }] }),
    '2026-10',
    SETTINGS,
  );
  assert.deepEqual(
    [october.placeDays, october.priceOre, october.foodOre, october.totalOre],
    [12, 127_742, 13_548, 141_290],
  );
});

test('a change mid-month: the old offer for its days, the new one for the rest', () => {
  const segments = [
    { startsOn: '2026-08-17', endsOn: '2026-11-15', offer: FULL },
    { startsOn: '2026-11-16', endsOn: null, offer: DAYS3 },
  ];
  // 330 000 × 15/30 + 230 000 × 15/30 = 165 000 + 115 000 = 280 000; food 17 500 + 10 500 = 28 000 → 308 000
  assert.deepEqual(parts(childMonthLine(child({ segments }), '2026-11', SETTINGS)), {
    ...zero,
    priceOre: 280_000,
    freeHoursOre: 0,
    foodOre: 28_000,
    totalOre: 308_000,
  });
  // trinn 2: free hours per offer: 165 000 × 12/20 = 99 000 and 115 000 × 12/12 = 115 000 → 214 000 off
  // → 66 000 + 28 000 = 94 000
  const trinn2 = childMonthLine(child({ trinn: 2, segments }), '2026-11', SETTINGS);
  assert.deepEqual([trinn2.freeHoursOre, trinn2.totalOre], [-214_000, 94_000]);
});

test('termination with notice: from the first of the month after one full month; a place ending mid-month is billed pro rata', () => {
  // notice given 10 October with 1 month: November is the full month → the last day is 30 November
  assert.equal(terminationLastDay('2026-10-10', 1), '2026-11-30');
  assert.equal(terminationLastDay('2026-10-01', 1), '2026-10-31');
  assert.equal(terminationLastDay('2026-10-10', 2), '2026-12-31');
  assert.equal(terminationLastDay('2026-12-05', 1), '2027-01-31');
  const terminated = child({
    segments: [{ startsOn: '2026-08-17', endsOn: terminationLastDay('2026-10-10', 1), offer: FULL }],
  });
  // November in full (365 000), December nothing
  assert.equal(childMonthLine(terminated, '2026-11', SETTINGS).totalOre, 365_000);
  assert.deepEqual(parts(childMonthLine(terminated, '2026-12', SETTINGS)), {
    ...zero,
    priceOre: 0,
    freeHoursOre: 0,
    foodOre: 0,
    totalOre: 0,
  });
  // the last month partial: a place ending 10 February 2027 (10 of 28 days): 330 000 × 10/28 = 117 857.1… → 117 857;
  // food 35 000 × 10/28 = 12 500 → 130 357
  const february = childMonthLine(
    child({ segments: [{ startsOn: '2026-08-17', endsOn: '2027-02-10', offer: FULL }] }),
    '2027-02',
    SETTINGS,
  );
  assert.deepEqual(
    [february.placeDays, february.priceOre, february.foodOre, february.totalOre],
    [10, 117_857, 12_500, 130_357],
  );
  // with the income cap (trinn 4, 400 000 kr), ending 15 November: the cap is pro rata too:
  // 2 400 000 / 11 × 15/30 = 109 090.9… → 109 091; 165 000 − 109 091 = 55 909 off; + food 17 500 = 126 591
  const capped = childMonthLine(
    child({
      trinn: 4,
      reduction: { kind: 'income_cap', householdIncomeOre: 40_000_000 },
      segments: [{ startsOn: '2026-08-17', endsOn: '2026-11-15', offer: FULL }],
    }),
    '2026-11',
    SETTINGS,
  );
  assert.deepEqual([capped.incomeCapOre, capped.totalOre], [-55_909, 126_591]);
});

test('summer days: days × the price per day, in July (not billed) too, with or without a place', () => {
  // July: no place price, no food; 7 days × 250 kr = 175 000
  assert.deepEqual(parts(childMonthLine(child({ summerDays: 7 }), '2026-07', SETTINGS)), {
    ...zero,
    priceOre: 0,
    freeHoursOre: 0,
    foodOre: 0,
    summerOre: 175_000,
    totalOre: 175_000,
  });
  // a child starting 1. trinn: summer days only, no place
  assert.equal(childMonthLine(child({ trinn: 1, segments: [], summerDays: 4 }), '2026-08', SETTINGS).totalOre, 100_000);
  // August with a place from 17 August (15 of 31 days), trinn 1, and 3 summer days:
  // price 330 000 × 15/31 = 159 677.4… → 159 677; free hours 330 000 × 15/31 × 12/20 = 95 806.4… → 95 806;
  // food 35 000 × 15/31 = 16 935.4… → 16 935; summer 3 × 25 000 = 75 000 → 159 677 − 95 806 + 16 935 + 75 000 = 155 806
  assert.deepEqual(parts(childMonthLine(child({ trinn: 1, summerDays: 3 }), '2026-08', SETTINGS)), {
    ...zero,
    priceOre: 159_677,
    freeHoursOre: -95_806,
    foodOre: 16_935,
    summerOre: 75_000,
    totalOre: 155_806,
  });
  // free SFO does not make the summer days free: 35 000 food + 2 × 25 000
  assert.equal(
    childMonthLine(child({ trinn: 6, reduction: { kind: 'free' }, summerDays: 2 }), '2026-11', SETTINGS).totalOre,
    85_000,
  );
});
