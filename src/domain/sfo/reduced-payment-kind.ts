import { canApplyForReducedSfoPayment } from '../access/policy.ts';
import type { ApplicationKindDefinition } from '../applications/definition.ts';
import {
  checkReducedPaymentDecision,
  loadReducedPaymentDetails,
  reducedPaymentVedtakParts,
  saveReducedPaymentDecision,
  type ReducedPaymentDecisionErrors,
  type ReducedPaymentDetails,
  type ReducedPaymentGrant,
} from './reduced-payment.ts';

/**
 * Reduced payment in SFO (G9, S8): a guardian of a child in 1.–4. trinn with an SFO place applies per school year with
 * the household's income and the tax assessment; the SFO's leader decides; a grant caps the price at 6 % of the income
 * a year (sfo_payment_reduction, read by the invoice basis). Events in the 'decisions' category:
 * 'sfo_reduced_payment.confirmation_requested', '.declined', '.submitted', '.decided'.
 */
export const sfoReducedPaymentKind: { kind: 'sfo_reduced_payment' } & ApplicationKindDefinition<
  ReducedPaymentDetails,
  ReducedPaymentGrant,
  ReducedPaymentDecisionErrors,
  null,
  null
> = {
  kind: 'sfo_reduced_payment',
  decider: 'sfo_leader',
  category: 'decisions',
  mayApply: canApplyForReducedSfoPayment,
  loadDetails: loadReducedPaymentDetails,
  eventFields: (details) => ({ schoolYear: details.schoolYearName }),
  loadQueueFacts: async () => new Map(),
  loadPageFacts: async () => null,
  checkDecision: checkReducedPaymentDecision,
  saveDecision: saveReducedPaymentDecision,
  vedtak: reducedPaymentVedtakParts,
};
