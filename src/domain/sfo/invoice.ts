import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../access/actor.ts';
import { recordAudit } from '../audit.ts';
import { csvCell } from '../forms/results.ts';
import type { Paged } from '../paging.ts';
import {
  monthBounds,
  payerMonthLines,
  type ChildMonth,
  type PlaceSegment,
  type PriceLine,
  type PriceSettings,
  type Reduction,
} from './price.ts';

/*
 * The invoice basis (issue 12, item 6): for an SFO and a month, per payer, one line per child with the components of
 * src/domain/sfo/price.ts. Who is billed:
 * - a place (sfo_enrolment of this SFO covering part of the month, in a billing month) is billed to the row's payer;
 *   rows without a payer (older than migration 0020) are not billed and are counted so the page can say so;
 * - summer days (answers for open weeks of this SFO's summer period, days inside the period and the month) go to the
 *   payer of the child's latest place in this SFO starting before the month ends, else to the guardian who answered.
 * Queries: a fixed number per page (settings, the page of payers, and one each for the places, summer days, payment
 * reductions and trinn of the page's children), never one per row. Pages of payers ordered by name.
 */

export const INVOICE_PAGE_SIZE = 100;
/** The CSV reads the payers in pages of this size; at most this many pages (a bound, far above any SFO). */
const CSV_PAGE_SIZE = 500;
const CSV_MAX_PAGES = 100;

export interface InvoiceSettings extends PriceSettings {
  sfoId: number;
  municipalityId: number;
}

export interface InvoiceChildLine extends PriceLine {
  pupilName: string;
  /** The offers of the month (names, in date order; one for most children, two after a change mid-month). */
  offerNames: string[];
  trinn: number | null;
  reductionKind: 'income_cap' | 'free' | null;
  /** The payer asked to share the invoice with the other guardian (a request for the SFO leader). */
  sharedInvoice: boolean;
}

export interface InvoicePayer {
  payerId: number;
  payerName: string;
  lines: InvoiceChildLine[];
  totalOre: number;
  sharedInvoice: boolean;
}

export interface InvoiceBasis extends Paged<InvoicePayer> {
  month: string;
  settings: InvoiceSettings;
  /** Places of this SFO in the month without a payer (not billed; the SFO leader should add one). */
  placesWithoutPayer: number;
}

/** The SFO's price settings and its owner's free hours. */
export async function invoiceSettings(db: Db, sfoId: number): Promise<InvoiceSettings> {
  const row = await db
    .selectFrom('sfo as f')
    .innerJoin('school as s', 's.id', 'f.school_id')
    .innerJoin('municipality as m', 'm.id', 's.municipality_id')
    .select([
      'f.billing_months',
      'f.sibling_discount_percent',
      'm.id as municipality_id',
      'm.sfo_free_hours_per_week',
      'm.sfo_free_hours_last_trinn',
    ])
    .where('f.id', '=', sfoId)
    .executeTakeFirstOrThrow();
  return {
    sfoId,
    municipalityId: row.municipality_id,
    billingMonths: row.billing_months.map(Number),
    siblingDiscountPercent: row.sibling_discount_percent,
    freeHoursPerWeek: row.sfo_free_hours_per_week,
    freeHoursLastTrinn: row.sfo_free_hours_last_trinn,
  };
}

/**
 * Who is billed what in the month, as (pupil, payer, summer days, price per day) rows: the places' payers and the
 * summer days' payers. `payerId` narrows to one payer (the guardian's own view).
 */
function billedCte(settings: InvoiceSettings, month: string, payerId?: number) {
  const { first, last } = monthBounds(month);
  const billed = settings.billingMonths.includes(Number(month.slice(5, 7)));
  const sfoId = settings.sfoId;
  return sql`
    places as (
      select distinct e.pupil_id, e.payer_id from sfo_enrolment e
      where e.sfo_id = ${sfoId} and ${billed} and e.payer_id is not null
        and e.starts_on <= ${last}::date and (e.ends_on is null or e.ends_on >= ${first}::date)
    ),
    summer_days as (
      select a.pupil_id, min(a.answered_by) as answered_by, max(p.price_per_day_ore) as price_per_day_ore,
        count(*)::int as days
      from sfo_summer_answer a
      join sfo_summer_period p on p.id = a.period_id
      join sfo_summer_week w on w.period_id = a.period_id and w.week_start = a.week_start and w.open
      cross join lateral unnest(a.days) as d(weekday)
      where p.sfo_id = ${sfoId}
        and a.week_start between ${first}::date - 6 and ${last}::date
        and (a.week_start + (d.weekday - 1)) between greatest(${first}::date, p.first_day) and least(${last}::date, p.last_day)
      group by a.pupil_id
    ),
    summer as (
      select s.pupil_id, s.days, s.price_per_day_ore,
        coalesce((select e.payer_id from sfo_enrolment e
                  where e.sfo_id = ${sfoId} and e.pupil_id = s.pupil_id and e.payer_id is not null
                    and e.starts_on <= ${last}::date
                  order by e.starts_on desc, e.id desc limit 1), s.answered_by) as payer_id
      from summer_days s
    ),
    billed as (
      select coalesce(p.pupil_id, s.pupil_id) as pupil_id, coalesce(p.payer_id, s.payer_id) as payer_id,
        coalesce(s.days, 0) as summer_days, coalesce(s.price_per_day_ore, 0) as price_per_day_ore
      from places p full join summer s on s.pupil_id = p.pupil_id and s.payer_id = p.payer_id
      ${payerId === undefined ? sql`` : sql`where coalesce(p.payer_id, s.payer_id) = ${payerId}`}
    )`;
}

type BilledRow = { pupil_id: number; payer_id: number; summer_days: number; price_per_day_ore: number };

/** One page of the invoice basis (payers by name, INVOICE_PAGE_SIZE a page). */
export async function invoiceBasis(
  db: Db,
  sfoId: number,
  month: string,
  page = 1,
  perPage = INVOICE_PAGE_SIZE,
): Promise<InvoiceBasis> {
  const settings = await invoiceSettings(db, sfoId);
  return basisPage(db, settings, month, page, perPage);
}

async function basisPage(
  db: Db,
  settings: InvoiceSettings,
  month: string,
  page: number,
  perPage: number,
  payerId?: number,
): Promise<InvoiceBasis> {
  const { first, last } = monthBounds(month);
  const cte = billedCte(settings, month, payerId);
  const payerRows = await sql<{ payer_id: number; given_name: string; family_name: string }>`
    with ${cte}
    select distinct b.payer_id, p.given_name, p.family_name from billed b join person p on p.id = b.payer_id
    order by p.family_name, p.given_name, b.payer_id
    limit ${perPage + 1} offset ${(page - 1) * perPage}
  `.execute(db);
  const payers = payerRows.rows.slice(0, perPage);
  const payerIds = payers.map((p) => p.payer_id);
  const billed =
    payerIds.length === 0
      ? []
      : (
          await sql<BilledRow>`
            with ${cte}
            select pupil_id, payer_id, summer_days, price_per_day_ore from billed
            where payer_id in (${sql.join(payerIds)})
          `.execute(db)
        ).rows;
  const pupilIds = [...new Set(billed.map((b) => b.pupil_id))];
  const [segments, reductions, trinns, pupils, withoutPayer] = await Promise.all([
    pupilIds.length === 0
      ? []
      : db
          .selectFrom('sfo_enrolment as e')
          .innerJoin('sfo_offer as o', 'o.id', 'e.offer_id')
          .select([
            'e.pupil_id',
            'e.payer_id',
            'e.starts_on',
            'e.ends_on',
            'e.shared_invoice',
            'o.name',
            'o.monthly_price_ore',
            'o.food_ore',
            'o.hours_per_week',
          ])
          .where('e.sfo_id', '=', settings.sfoId)
          .where('e.pupil_id', 'in', pupilIds)
          .where('e.payer_id', 'in', payerIds)
          .where('e.starts_on', '<=', last)
          .where((eb) => eb.or([eb('e.ends_on', 'is', null), eb('e.ends_on', '>=', first)]))
          .orderBy('e.starts_on')
          .execute(),
    pupilIds.length === 0
      ? []
      : db
          .selectFrom('sfo_payment_reduction as r')
          .innerJoin('school_year as y', 'y.id', 'r.school_year_id')
          .select(['r.pupil_id', 'r.kind', 'r.household_income_ore', 'y.starts_on'])
          .where('r.pupil_id', 'in', pupilIds)
          .where('r.ended_at', 'is', null)
          .where('y.starts_on', '<=', last)
          .where('y.ends_on', '>=', first)
          .orderBy('y.starts_on')
          .execute(),
    pupilIds.length === 0
      ? []
      : db
          .selectFrom('enrolment as e')
          .innerJoin('class as c', 'c.id', 'e.class_id')
          .select(['e.pupil_id', 'c.trinn', 'e.starts_on'])
          .where('e.pupil_id', 'in', pupilIds)
          .where('e.starts_on', '<=', last)
          .where((eb) => eb.or([eb('e.ends_on', 'is', null), eb('e.ends_on', '>=', first)]))
          .orderBy('e.starts_on')
          .execute(),
    pupilIds.length === 0
      ? []
      : db.selectFrom('person').select(['id', 'given_name', 'family_name']).where('id', 'in', pupilIds).execute(),
    payerId !== undefined || !settings.billingMonths.includes(Number(month.slice(5, 7)))
      ? { n: 0 }
      : db
          .selectFrom('sfo_enrolment')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('sfo_id', '=', settings.sfoId)
          .where('payer_id', 'is', null)
          .where('starts_on', '<=', last)
          .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', first)]))
          .executeTakeFirstOrThrow(),
  ]);
  // The latest reduction and class of the month win (a new school year starting in August).
  const reductionOf = new Map<number, Reduction>();
  for (const r of reductions)
    reductionOf.set(
      r.pupil_id,
      r.kind === 'free' ? { kind: 'free' } : { kind: 'income_cap', householdIncomeOre: Number(r.household_income_ore) },
    );
  const trinnOf = new Map<number, number>();
  for (const t of trinns) trinnOf.set(t.pupil_id, t.trinn);
  const nameOf = new Map(pupils.map((p) => [p.id, `${p.given_name} ${p.family_name}`]));

  const items: InvoicePayer[] = payers.map((payer) => {
    const mine = billed
      .filter((b) => b.payer_id === payer.payer_id)
      .sort(
        (a, b) =>
          (nameOf.get(a.pupil_id) ?? '').localeCompare(nameOf.get(b.pupil_id) ?? '', 'nb') || a.pupil_id - b.pupil_id,
      );
    const children: ChildMonth[] = [];
    const extra = new Map<number, { offerNames: string[]; shared: boolean }>();
    for (const b of mine) {
      const rows = segments.filter((s) => s.pupil_id === b.pupil_id && s.payer_id === payer.payer_id);
      const placeSegments: PlaceSegment[] = rows.map((s) => ({
        startsOn: s.starts_on,
        endsOn: s.ends_on,
        offer: { monthlyPriceOre: s.monthly_price_ore, foodOre: s.food_ore, hoursPerWeek: s.hours_per_week },
      }));
      children.push({
        pupilId: b.pupil_id,
        trinn: trinnOf.get(b.pupil_id) ?? null,
        segments: placeSegments,
        reduction: reductionOf.get(b.pupil_id) ?? null,
        summerDays: b.summer_days,
        summerPricePerDayOre: b.price_per_day_ore,
      });
      extra.set(b.pupil_id, {
        offerNames: [...new Set(rows.map((s) => s.name))],
        shared: rows.some((s) => s.shared_invoice),
      });
    }
    const lines = payerMonthLines(children, month, settings).map((line): InvoiceChildLine => {
      const child = children.find((c) => c.pupilId === line.pupilId)!;
      return {
        ...line,
        pupilName: nameOf.get(line.pupilId) ?? '',
        offerNames: extra.get(line.pupilId)?.offerNames ?? [],
        trinn: child.trinn,
        reductionKind: child.reduction?.kind ?? null,
        sharedInvoice: extra.get(line.pupilId)?.shared ?? false,
      };
    });
    return {
      payerId: payer.payer_id,
      payerName: `${payer.given_name} ${payer.family_name}`,
      lines,
      totalOre: lines.reduce((sum, l) => sum + l.totalOre, 0),
      sharedInvoice: lines.some((l) => l.sharedInvoice),
    };
  });
  return {
    items,
    page,
    hasNext: payerRows.rows.length > perPage,
    month,
    settings,
    placesWithoutPayer: Number(withoutPayer.n),
  };
}

/**
 * The lines of one child billed to one payer this month in one SFO (the guardian's view: only where the guardian is
 * the payer). Ranked with the payer's other children in the SFO, as on the invoice basis.
 */
export async function payerChildLines(
  db: Db,
  sfoId: number,
  month: string,
  payerId: number,
  pupilId: number,
): Promise<InvoiceChildLine[]> {
  const settings = await invoiceSettings(db, sfoId);
  const basis = await basisPage(db, settings, month, 1, 1, payerId);
  return (basis.items[0]?.lines ?? []).filter((l) => l.pupilId === pupilId);
}

// --- CSV ----------------------------------------------------------------------------------------------------------

/** Øre as kroner with a decimal comma and no thousands separator, as Norwegian spreadsheets read it: 1320,00; -1980,00. */
export function csvKroner(ore: number): string {
  const sign = ore < 0 ? '-' : '';
  const abs = Math.abs(ore);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

export interface InvoiceCsvLabels {
  header: string[];
  yes: string;
  no: string;
  reduction: (kind: 'income_cap' | 'free' | null) => string;
}

/**
 * The whole invoice basis of the month as CSV for the municipality's invoicing system: UTF-8 with BOM, semicolons,
 * CRLF, amounts in kroner with a decimal comma (csvKroner), one row per child line. Data minimisation: the payer and
 * the child by name and Skolebro person id only — no fødselsnummer, no address, no income (only the income-cap
 * deduction); the invoicing system matches the person id to its customer register. Audited ('sfo_invoice.export'):
 * an export leaves the system.
 */
export async function invoiceCsv(
  db: Db,
  actor: Actor,
  role: string,
  sfoId: number,
  month: string,
  labels: InvoiceCsvLabels,
  now = new Date(),
): Promise<string> {
  const settings = await invoiceSettings(db, sfoId);
  const lines = [labels.header.map(csvCell).join(';')];
  let payers = 0;
  let rows = 0;
  for (let page = 1; page <= CSV_MAX_PAGES; page++) {
    const basis = await basisPage(db, settings, month, page, CSV_PAGE_SIZE);
    for (const payer of basis.items) {
      payers++;
      for (const l of payer.lines) {
        rows++;
        lines.push(
          [
            month,
            String(payer.payerId),
            csvCell(payer.payerName),
            String(l.pupilId),
            csvCell(l.pupilName),
            csvCell(l.offerNames.join(' / ')),
            `${l.placeDays}/${l.daysInMonth}`,
            csvKroner(l.priceOre),
            csvKroner(l.freeHoursOre),
            csvKroner(l.siblingDiscountOre),
            csvKroner(l.incomeCapOre),
            csvKroner(l.freeSfoOre),
            csvKroner(l.foodOre),
            String(l.summerDays),
            csvKroner(l.summerOre),
            csvKroner(l.totalOre),
            csvCell(labels.reduction(l.reductionKind)),
            csvCell(l.sharedInvoice ? labels.yes : labels.no),
          ].join(';'),
        );
      }
    }
    if (!basis.hasNext) break;
  }
  await recordAudit(
    db,
    {
      actor,
      role,
      action: 'sfo_invoice.export',
      record: { type: 'sfo', id: sfoId },
      details: { month, payers, rows },
    },
    now,
  );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
