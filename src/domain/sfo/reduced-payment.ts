import type { Db } from '../../db/database.ts';
import { fill, formatDate } from '../../i18n/index.ts';
import { reducedVedtakText } from '../../i18n/sfo-support.ts';
import type { ApplicationCase, DecisionInput, VedtakDecision, VedtakParts } from '../applications/definition.ts';
import type { DecidedOutcome } from '../applications/status.ts';
import { formatKroner } from './money.ts';

/** The share of household income a year that SFO may cost at most (1.–4. trinn). */
export const INCOME_CAP_PERCENT = 6;
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
/** Above this (kroner a year) the cap can never be below a full-time price; refused as input error. */
export const INCOME_MAX_KRONER = 50_000_000;
export const HOUSEHOLD_MEMBERS_MAX = 2000;

/** The cap from an income (øre): at most 6 % a year, spread evenly over the billing months (rounded down to whole øre). */
export function incomeCap(incomeOre: number, billingMonths: number): { yearOre: number; monthOre: number } {
  const yearOre = Math.floor((incomeOre * INCOME_CAP_PERCENT) / 100);
  return { yearOre, monthOre: Math.floor(yearOre / Math.max(1, billingMonths)) };
}

/** "450 000", "450000", "450 000,50" (kroner) → øre; null when it is not an amount. */
export function parseKroner(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(/(kr|,-)$/i, '');
  const match = /^(\d{1,9})(?:[.,](\d{1,2}))?$/.exec(compact);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}

/** A reduced-payment application's details as deciders and the guardian see them. */
export interface ReducedPaymentDetails {
  schoolYearId: number;
  schoolYearName: string;
  householdMembers: string;
  householdSize: number;
  grossIncomeOre: number;
  attachmentDocumentId: number | null;
  grantedIncomeOre: number | null;
  /** The SFO's billing months (the monthly maximum spreads the yearly cap over them). */
  billingMonths: number;
}

export async function loadReducedPaymentDetails(db: Db, ids: number[]): Promise<Map<number, ReducedPaymentDetails>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('sfo_reduced_payment_application as r')
    .innerJoin('application as a', 'a.id', 'r.application_id')
    .innerJoin('school_year as y', 'y.id', 'r.school_year_id')
    .leftJoin('sfo as f', 'f.id', 'a.sfo_id')
    .select([
      'r.application_id',
      'r.school_year_id',
      'y.name as year_name',
      'r.household_members',
      'r.household_size',
      'r.gross_income_ore',
      'r.attachment_document_id',
      'r.granted_income_ore',
      'f.billing_months',
    ])
    .where('r.application_id', 'in', ids)
    .execute();
  return new Map(
    rows.map((r) => [
      r.application_id,
      {
        schoolYearId: r.school_year_id,
        schoolYearName: r.year_name,
        householdMembers: r.household_members,
        householdSize: r.household_size,
        grossIncomeOre: Number(r.gross_income_ore),
        attachmentDocumentId: r.attachment_document_id,
        grantedIncomeOre: r.granted_income_ore === null ? null : Number(r.granted_income_ore),
        billingMonths: r.billing_months?.length ?? 11,
      },
    ]),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// The decision (S8)

type ReducedCase = ApplicationCase<ReducedPaymentDetails>;
/** What the decision grants: the income the cap is computed from (null when refused). */
export type ReducedPaymentGrant = { grantedIncomeOre: number | null };
export interface ReducedPaymentDecisionErrors {
  grantedIncome?: 'invalid';
}

/** Granted: the income applied with, or the one the decider found (`grantedIncome`, kroner); refused: nothing. */
export async function checkReducedPaymentDecision(
  _db: Db,
  app: ReducedCase,
  outcome: DecidedOutcome,
  input: DecisionInput,
): Promise<{ ok: true; grant: ReducedPaymentGrant } | { ok: false; errors: ReducedPaymentDecisionErrors }> {
  if (outcome === 'refused') return { ok: true, grant: { grantedIncomeOre: null } };
  const text = (input.grantedIncome ?? '').trim();
  if (!text) return { ok: true, grant: { grantedIncomeOre: app.details.grossIncomeOre } };
  const ore = parseKroner(text);
  if (ore === null || ore > INCOME_MAX_KRONER * 100) return { ok: false, errors: { grantedIncome: 'invalid' } };
  return { ok: true, grant: { grantedIncomeOre: ore } };
}

/**
 * Saves the income used and, when granted, the reduction in force for the pupil and school year (kind 'income_cap'),
 * ending the one in force before it. Runs after the application row got its decision, so the decider is read there.
 */
export async function saveReducedPaymentDecision(trx: Db, app: ReducedCase, grant: ReducedPaymentGrant): Promise<void> {
  await trx
    .updateTable('sfo_reduced_payment_application')
    .set({ granted_income_ore: grant.grantedIncomeOre })
    .where('application_id', '=', app.id)
    .execute();
  if (grant.grantedIncomeOre === null) return;
  const decided = await trx
    .selectFrom('application')
    .select(['decided_by', 'decided_at'])
    .where('id', '=', app.id)
    .executeTakeFirstOrThrow();
  const now = decided.decided_at ?? new Date();
  await trx
    .updateTable('sfo_payment_reduction')
    .set({ ended_at: now })
    .where('pupil_id', '=', app.pupilId)
    .where('school_year_id', '=', app.details.schoolYearId)
    .where('ended_at', 'is', null)
    .execute();
  await trx
    .insertInto('sfo_payment_reduction')
    .values({
      pupil_id: app.pupilId,
      school_year_id: app.details.schoolYearId,
      kind: 'income_cap',
      household_income_ore: grant.grantedIncomeOre,
      application_id: app.id,
      decided_by: decided.decided_by!,
      created_at: now,
    })
    .execute();
}

/** The vedtak's own parts, in the school's hovudmål: the yearly cap (6 %) and the monthly maximum over the billing months. */
export function reducedPaymentVedtakParts(
  app: ReducedCase,
  decision: VedtakDecision<ReducedPaymentGrant>,
): VedtakParts {
  const t = reducedVedtakText[app.hovudmaal];
  const d = app.details;
  const incomeOre = decision.grant.grantedIncomeOre ?? d.grossIncomeOre;
  const cap = incomeCap(incomeOre, d.billingMonths);
  const values = {
    name: app.pupilName,
    schoolYear: d.schoolYearName,
    income: formatKroner(incomeOre),
    year: formatKroner(cap.yearOre),
    month: formatKroner(cap.monthOre),
    months: d.billingMonths,
  };
  return {
    title: t.title,
    documentTitle: fill(t.documentTitle, { name: app.pupilName }),
    filename: fill(t.filename, {
      name: app.pupilName.split(' ')[0]!.toLowerCase(),
      date: formatDate(decision.decidedAt),
    }),
    intro: fill(t.intro, {
      name: app.pupilName,
      year: d.schoolYearName,
      received: formatDate(app.submittedAt ?? decision.decidedAt),
      applicant: app.applicantName,
    }),
    applied: [
      { label: t.schoolYear, value: d.schoolYearName },
      { label: t.householdSize, value: String(d.householdSize) },
      { label: t.income, value: formatKroner(d.grossIncomeOre) },
    ],
    outcome: fill(t.outcome[decision.outcome], values),
    statement: fill(t.statement[decision.outcome], values),
    legal: [t.legal],
    sections: [],
    appealBody: fill(t.appealBody, { municipality: app.municipalityName }),
  };
}
