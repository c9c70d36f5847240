import type { ApplicationKind } from '../../db/schema.ts';
import { leaveDecisionView } from '../leave/decision-view.tsx';
import { sfoChangeDecisionView, sfoPlaceDecisionView, sfoTerminationDecisionView } from '../sfo/decision-view.tsx';
import { reducedPaymentDecisionView } from '../sfo/reduced-payment-decision-view.tsx';
import type { KindView } from './kind-view.ts';

/** Each application kind's parts of the decision pages (one line per kind, as in domain/applications/kinds.ts). */
const KIND_VIEWS: { [K in ApplicationKind]: KindView<K> } = {
  leave: leaveDecisionView,
  sfo_place: sfoPlaceDecisionView,
  sfo_change: sfoChangeDecisionView,
  sfo_termination: sfoTerminationDecisionView,
  sfo_reduced_payment: reducedPaymentDecisionView,
};

/** The view of a kind, typed by the kind. */
export const viewOf = <K extends ApplicationKind>(kind: K): KindView<K> => KIND_VIEWS[kind];
