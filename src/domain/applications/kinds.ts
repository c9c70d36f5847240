import type { ApplicationKind } from '../../db/schema.ts';
import { leaveKind } from '../leave/kind.ts';
import { sfoChangeKindDef, sfoPlaceKindDef, sfoTerminationKindDef } from '../sfo/place-kinds.ts';
import { sfoReducedPaymentKind } from '../sfo/reduced-payment-kind.ts';
import type { ApplicationCase, ApplicationKindDefinition } from './definition.ts';

export type { ApplicationKind };

/**
 * Every kind of application, in the order the decision queue's filter shows them; each value is an
 * ApplicationKindDefinition. A new kind is one line here (and its definition file, details table and form:
 * docs/ARCHITECTURE.md, "Applications").
 */
export const APPLICATION_KINDS = {
  leave: leaveKind,
  sfo_place: sfoPlaceKindDef,
  sfo_change: sfoChangeKindDef,
  sfo_termination: sfoTerminationKindDef,
  sfo_reduced_payment: sfoReducedPaymentKind,
} satisfies { [K in ApplicationKind]: { kind: K } };

export const KIND_NAMES = Object.keys(APPLICATION_KINDS) as ApplicationKind[];

export const isApplicationKind = (value: unknown): value is ApplicationKind =>
  typeof value === 'string' && Object.hasOwn(APPLICATION_KINDS, value);

type Registry = typeof APPLICATION_KINDS;
type Parts<K extends ApplicationKind> =
  Registry[K] extends ApplicationKindDefinition<infer D, infer G, infer E, infer Q, infer P>
    ? { D: D; G: G; E: E; Q: Q; P: P }
    : never;

export type DetailsOf<K extends ApplicationKind> = Parts<K>['D'];
export type GrantOf<K extends ApplicationKind> = Parts<K>['G'];
export type DecisionErrorsOf<K extends ApplicationKind> = Parts<K>['E'];
export type QueueFactsOf<K extends ApplicationKind> = Parts<K>['Q'];
export type PageFactsOf<K extends ApplicationKind> = Parts<K>['P'];

/** One application of kind K with its details. */
export type CaseOf<K extends ApplicationKind> = ApplicationCase<DetailsOf<K>> & { kind: K };
/** An application of any kind; `switch (app.kind)` narrows its details. */
export type AnyCase = { [K in ApplicationKind]: CaseOf<K> }[ApplicationKind];

export type DefinitionOf<K extends ApplicationKind> = ApplicationKindDefinition<
  DetailsOf<K>,
  GrantOf<K>,
  DecisionErrorsOf<K>,
  QueueFactsOf<K>,
  PageFactsOf<K>
>;

/** The definition of a kind, typed by the kind (so a case and its definition go together without a switch). */
export function definitionOf<K extends ApplicationKind>(kind: K): DefinitionOf<K> {
  return APPLICATION_KINDS[kind] as DefinitionOf<K>;
}
