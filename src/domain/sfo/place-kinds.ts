import type { SfoPlaceKind } from '../../db/schema.ts';
import { canApplyForSfo } from '../access/policy.ts';
import type { ApplicationKindDefinition } from '../applications/definition.ts';
import {
  checkSfoPlaceDecision,
  loadSfoPageFacts,
  loadSfoQueueFacts,
  saveSfoPlaceDecision,
  type SfoPageFacts,
  type SfoPlaceDecisionErrors,
  type SfoPlaceGrant,
  type SfoQueueFacts,
} from './place-decision.ts';
import { loadSfoPlaceDetails, type SfoPlaceDetails } from './place-details.ts';
import { sfoPlaceVedtakParts } from './place-vedtak.ts';

type SfoPlaceDefinition<K extends SfoPlaceKind> = ApplicationKindDefinition<
  SfoPlaceDetails,
  SfoPlaceGrant,
  SfoPlaceDecisionErrors,
  SfoQueueFacts,
  SfoPageFacts
> & { kind: K };

/**
 * SFO place, change and termination (G8, S8): a guardian applies for their child; the SFO's leader or the school's
 * leadership decides (decider rule 'sfo_leader', also for a pupil not yet in the SFO). Its events are in the
 * 'decisions' category: '<kind>.confirmation_requested', '<kind>.declined', '<kind>.submitted', '<kind>.decided'.
 */
function sfoPlaceKind<K extends SfoPlaceKind>(kind: K): SfoPlaceDefinition<K> {
  return {
    kind,
    decider: 'sfo_leader',
    category: 'decisions',
    mayApply: (actor, pupil) => canApplyForSfo(actor, pupil),
    loadDetails: loadSfoPlaceDetails,
    eventFields: (details) => ({ from: details.from }),
    loadQueueFacts: (db, cases, today) => loadSfoQueueFacts(db, cases, today),
    loadPageFacts: (db, app, today) => loadSfoPageFacts(db, app, today),
    checkDecision: (db, app, outcome, input) => checkSfoPlaceDecision(db, app, outcome, input),
    saveDecision: (trx, app, grant) => saveSfoPlaceDecision(trx, app, grant),
    vedtak: (app, decision) => sfoPlaceVedtakParts(app, decision),
  };
}

export const sfoPlaceKindDef = sfoPlaceKind('sfo_place');
export const sfoChangeKindDef = sfoPlaceKind('sfo_change');
export const sfoTerminationKindDef = sfoPlaceKind('sfo_termination');
