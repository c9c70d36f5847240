import assert from 'node:assert/strict';
import { countStatements } from '../../src/db/counting.ts';
import { test } from 'node:test';
import type { Db } from '../../src/db/database.ts';
import { invoiceBasis, invoiceCsv, payerChildLines, type InvoiceBasis } from '../../src/domain/sfo/invoice.ts';
import { createTestDb } from '../support/db.ts';

/*
 * The invoice basis on a small hand-made world (no demo seed), each expected amount computed by hand. Prices as the
 * demo offers: full time 3 300 kr (20 h, food 350 kr), 3 days 2 300 kr (12 h, food 210 kr); 30 % sibling discount;
 * 12 free hours for trinn 1–3 (the municipality's default); billed 11 months; summer days 250 kr.
 */

const db = await createTestDb();
const counter = countStatements(db);
const counted = counter.db;

const person = async (given: string, family: string) =>
  (
    await db
      .insertInto('person')
      .values({ given_name: given, family_name: family })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;

const municipality = (
  await db
    .insertInto('municipality')
    .values({ name: 'Testvik kommune', org_number: '999000111' })
    .returning('id')
    .executeTakeFirstOrThrow()
).id;
const school = (
  await db
    .insertInto('school')
    .values({ municipality_id: municipality, name: 'Testvik skole', org_number: '999000112', hovudmaal: 'nb' })
    .returning('id')
    .executeTakeFirstOrThrow()
).id;
const year = (
  await db
    .insertInto('school_year')
    .values({ municipality_id: municipality, name: '2026–2027', starts_on: '2026-08-17', ends_on: '2027-06-18' })
    .returning('id')
    .executeTakeFirstOrThrow()
).id;
const classes = new Map<number, number>();
const classOn = async (trinn: number) =>
  classes.get(trinn) ??
  (
    await db
      .insertInto('class')
      .values({ school_id: school, school_year_id: year, name: `${trinn}A`, trinn })
      .returning('id')
      .executeTakeFirstOrThrow()
      .then((r) => (classes.set(trinn, r.id), r))
  ).id;
const sfoNamed = async (name: string) =>
  (
    await db
      .insertInto('sfo')
      .values({ school_id: school, name, sibling_discount_percent: 30 })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
const sfo = await sfoNamed('Testvik SFO');
const otherSfo = await sfoNamed('Annen SFO');
const offer = async (sfoId: number, name: string, price: number, food: number, hours: number, days: number | null) =>
  (
    await db
      .insertInto('sfo_offer')
      .values({
        sfo_id: sfoId,
        name,
        kind: days ? 'days' : 'full',
        days_per_week: days,
        hours_per_week: hours,
        monthly_price_ore: price,
        food_ore: food,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
const full = await offer(sfo, 'Heltid', 330_000, 35_000, 20, null);
const days3 = await offer(sfo, '3 dager', 230_000, 21_000, 12, 3);
const otherFull = await offer(otherSfo, 'Heltid', 330_000, 35_000, 20, null);

const pupil = async (given: string, trinn: number) => {
  const id = await person(given, 'Elev');
  await db
    .insertInto('enrolment')
    .values({ pupil_id: id, school_id: school, class_id: await classOn(trinn), starts_on: '2026-08-17' })
    .execute();
  return id;
};
const place = (
  sfoId: number,
  pupilId: number,
  offerId: number,
  payerId: number | null,
  startsOn: string,
  endsOn: string | null = null,
  shared = false,
) =>
  db
    .insertInto('sfo_enrolment')
    .values({
      sfo_id: sfoId,
      pupil_id: pupilId,
      offer_id: offerId,
      payer_id: payerId,
      starts_on: startsOn,
      ends_on: endsOn,
      days: offerId === days3 ? [1, 2, 4] : null,
      shared_invoice: shared,
    })
    .execute();

const anne = await person('Anne', 'Aas');
const bjorn = await person('Bjørn', 'Berg');
const cecilie = await person('Cecilie', 'Dahl');
const dag = await person('Dag', 'Eik');
const leader = await person('Leder', 'Leder');

const per = await pupil('Per', 1);
const siri = await pupil('Siri', 5);
const tor = await pupil('Tor', 4);
const ulla = await pupil('Ulla', 6);
const vera = await pupil('Vera', 2);
const nils = await pupil('Nils', 1);
const kim = await pupil('Kim', 3);

await place(sfo, per, full, anne, '2026-08-17');
await place(sfo, siri, days3, anne, '2026-08-17', null, true);
await place(sfo, tor, full, bjorn, '2026-11-16');
await place(sfo, ulla, full, cecilie, '2026-08-17', '2026-11-15');
await place(sfo, vera, full, null, '2026-08-17');
await place(otherSfo, kim, otherFull, anne, '2026-08-17');
await db
  .insertInto('sfo_payment_reduction')
  .values([
    { pupil_id: tor, school_year_id: year, kind: 'income_cap', household_income_ore: 40_000_000, decided_by: leader },
    { pupil_id: ulla, school_year_id: year, kind: 'free', household_income_ore: null, decided_by: leader },
  ])
  .execute();
const period = (
  await db
    .insertInto('sfo_summer_period')
    .values({
      sfo_id: sfo,
      year: 2026,
      first_day: '2026-06-22',
      last_day: '2026-08-14',
      answer_deadline: '2026-05-01',
      price_per_day_ore: 25_000,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
).id;
await db
  .insertInto('sfo_summer_week')
  .values([
    { period_id: period, week_start: '2026-06-29', open: true },
    { period_id: period, week_start: '2026-07-06', open: false },
    { period_id: period, week_start: '2026-07-27', open: true },
    { period_id: period, week_start: '2026-08-10', open: true },
  ])
  .execute();
const answer = (pupilId: number, weekStart: string, days: number[], by: number) =>
  db
    .insertInto('sfo_summer_answer')
    .values({
      period_id: period,
      pupil_id: pupilId,
      week_start: weekStart,
      days,
      answered_by: by,
      answered_at: new Date(),
    })
    .execute();
// Per: 29 and 30 June, 1 July; the closed week is not counted; 27–31 July; Friday 14 August
await answer(per, '2026-06-29', [1, 2, 3], anne);
await answer(per, '2026-07-06', [1, 2], anne);
await answer(per, '2026-07-27', [1, 2, 3, 4, 5], anne);
await answer(per, '2026-08-10', [5], anne);
// Nils starts 1. trinn in August with no place: 27 and 28 July, answered (and so paid) by Dag
await answer(nils, '2026-07-27', [1, 2], dag);

const summary = (basis: InvoiceBasis) =>
  basis.items.map((p) => ({
    payer: p.payerName,
    total: p.totalOre,
    lines: p.lines.map((l) => [l.pupilName, l.totalOre]),
  }));

test('November: per payer one line per child, with free hours, sibling discount, income cap, free SFO and the start and end mid-month', async () => {
  const basis = await invoiceBasis(db, sfo, '2026-11');
  // Anne: Siri (trinn 5, 3 days) 230 000 + 21 000 = 251 000 pays in full; Per (trinn 1, full time) after free hours
  // 132 000 is the cheaper one: − 30 % (39 600) + food 35 000 = 127 400. Total 378 400.
  // Bjørn: Tor (trinn 4) from 16 November: 165 000, capped at 2 400 000 / 11 × 15/30 = 109 091, + food 17 500 = 126 591.
  // Cecilie: Ulla (trinn 6, free SFO) to 15 November: 165 000 − 165 000 + food 17 500 = 17 500.
  // Kim (another SFO) and Vera (no payer) are not on it.
  assert.deepEqual(summary(basis), [
    {
      payer: 'Anne Aas',
      total: 378_400,
      lines: [
        ['Per Elev', 127_400],
        ['Siri Elev', 251_000],
      ],
    },
    { payer: 'Bjørn Berg', total: 126_591, lines: [['Tor Elev', 126_591]] },
    { payer: 'Cecilie Dahl', total: 17_500, lines: [['Ulla Elev', 17_500]] },
  ]);
  const [perLine, siriLine] = basis.items[0]!.lines;
  assert.deepEqual(
    [perLine!.priceOre, perLine!.freeHoursOre, perLine!.siblingDiscountOre, perLine!.foodOre, perLine!.siblingRank],
    [330_000, -198_000, -39_600, 35_000, 2],
  );
  assert.deepEqual(
    [siriLine!.sharedInvoice, basis.items[0]!.sharedInvoice, perLine!.sharedInvoice],
    [true, true, false],
  );
  assert.deepEqual(siriLine!.offerNames, ['3 dager']);
  const torLine = basis.items[1]!.lines[0]!;
  assert.deepEqual([torLine.placeDays, torLine.incomeCapOre, torLine.reductionKind], [15, -55_909, 'income_cap']);
  const ullaLine = basis.items[2]!.lines[0]!;
  assert.deepEqual([ullaLine.freeSfoOre, ullaLine.reductionKind], [-165_000, 'free']);
  assert.equal(basis.placesWithoutPayer, 1);
  assert.equal(basis.hasNext, false);
});

test('July is not billed: only summer days in open weeks, paid by the place payer or else by the guardian who answered', async () => {
  const basis = await invoiceBasis(db, sfo, '2026-07');
  // Per: 1 July + 27–31 July = 6 days (the closed week not counted) × 25 000 = 150 000. Nils: 2 × 25 000 = 50 000.
  assert.deepEqual(summary(basis), [
    { payer: 'Anne Aas', total: 150_000, lines: [['Per Elev', 150_000]] },
    { payer: 'Dag Eik', total: 50_000, lines: [['Nils Elev', 50_000]] },
  ]);
  assert.equal(basis.items[0]!.lines[0]!.summerDays, 6);
  assert.equal(basis.placesWithoutPayer, 0);
  // June: 29 and 30 June
  assert.deepEqual(summary(await invoiceBasis(db, sfo, '2026-06')), [
    { payer: 'Anne Aas', total: 50_000, lines: [['Per Elev', 50_000]] },
  ]);
});

test('August: places from 17 August pro rata, with summer days on top for the same line', async () => {
  const basis = await invoiceBasis(db, sfo, '2026-08');
  // Per: 330 000 × 15/31 = 159 677; free hours × 12/20 = 95 806 → 63 871; Siri 230 000 × 15/31 = 111 290 is higher,
  // so Per gets 30 % of 63 871 = 19 161 off; food 35 000 × 15/31 = 16 935; 1 summer day (14 August) 25 000
  // → 63 871 − 19 161 + 16 935 + 25 000 = 86 645. Siri: 111 290 + 21 000 × 15/31 (10 161) = 121 451.
  // Ulla (free SFO): only the food, 16 935.
  assert.deepEqual(summary(basis), [
    {
      payer: 'Anne Aas',
      total: 208_096,
      lines: [
        ['Per Elev', 86_645],
        ['Siri Elev', 121_451],
      ],
    },
    { payer: 'Cecilie Dahl', total: 16_935, lines: [['Ulla Elev', 16_935]] },
  ]);
});

test('paginated by payer, ordered by name; a fixed number of queries whatever the number of payers and lines', async () => {
  const first = await invoiceBasis(db, sfo, '2026-11', 1, 2);
  assert.deepEqual(
    first.items.map((p) => p.payerName),
    ['Anne Aas', 'Bjørn Berg'],
  );
  assert.equal(first.hasNext, true);
  const second = await invoiceBasis(db, sfo, '2026-11', 2, 2);
  assert.deepEqual(
    second.items.map((p) => p.payerName),
    ['Cecilie Dahl'],
  );
  assert.equal(second.hasNext, false);
  const count = async (month: string) => {
    counter.reset();
    await invoiceBasis(counted, sfo, month);
    return counter.count;
  };
  const november = await count('2026-11');
  assert.equal(await count('2026-08'), november);
  assert.ok((await count('2026-07')) <= november, 'July skips counting places without a payer');
  assert.ok(november <= 8, `${november} queries`);
});

test("the guardian's own lines: the child's line where the guardian is the payer, ranked with the payer's other children", async () => {
  const lines = await payerChildLines(db, sfo, '2026-11', anne, per);
  assert.deepEqual(
    lines.map((l) => [l.pupilName, l.totalOre, l.siblingRank]),
    [['Per Elev', 127_400, 2]],
  );
  assert.deepEqual(await payerChildLines(db, sfo, '2026-11', bjorn, per), []);
});

test('the CSV: BOM, semicolons, CRLF, kroner with a decimal comma, names and person ids but no fødselsnummer; audited', async () => {
  const csv = await invoiceCsv(db, { personId: leader, via: 'feide' } as never, 'sfo_leader', sfo, '2026-11', {
    header: [
      'Måned',
      'Betaler-id',
      'Betaler',
      'Barn-id',
      'Barn',
      'Tilbud',
      'Dager',
      'Pris',
      'Friminutter',
      'Søsken',
      'Tak',
      'Gratis',
      'Kost',
      'Sommerdager',
      'Sommer',
      'Sum',
      'Redusert',
      'Delt',
    ],
    yes: 'ja',
    no: 'nei',
    reduction: (kind) => kind ?? '',
  });
  assert.ok(csv.startsWith('\uFEFF"Måned";"Betaler-id"'));
  const rows = csv.slice(1).split('\r\n');
  assert.equal(rows.length, 1 + 4 + 1, 'header, four lines, and the final empty string');
  assert.equal(
    rows[1],
    `2026-11;${anne};"Anne Aas";${per};"Per Elev";"Heltid";30/30;3300,00;-1980,00;-396,00;0,00;0,00;350,00;0;0,00;1274,00;"";"nei"`,
  );
  assert.match(
    rows[3]!,
    /;"Tor Elev";"Heltid";15\/30;1650,00;0,00;0,00;-559,09;0,00;175,00;0;0,00;1265,91;"income_cap";"nei"$/,
  );
  const audit = await db
    .selectFrom('audit_log')
    .select(['actor_person_id', 'actor_role', 'record_type', 'record_id', 'details'])
    .where('action', '=', 'sfo_invoice.export')
    .execute();
  assert.equal(audit.length, 1);
  assert.deepEqual(
    { ...audit[0], details: typeof audit[0]!.details === 'string' ? JSON.parse(audit[0]!.details) : audit[0]!.details },
    {
      actor_person_id: leader,
      actor_role: 'sfo_leader',
      record_type: 'sfo',
      record_id: String(sfo),
      details: { month: '2026-11', payers: 3, rows: 4 },
    },
  );
});
