import type { ApplicationStatus } from '../../db/schema.ts';

export type { ApplicationStatus };

/** What a decision can say (a vedtak): granted as applied for, granted in part, or refused. */
export type DecidedOutcome = 'granted' | 'partly_granted' | 'refused';
export const DECIDED_OUTCOMES = ['granted', 'partly_granted', 'refused'] as const satisfies readonly DecidedOutcome[];

/**
 * The life of every application: a guardian sends it; it waits for the other guardian(s) with parental
 * responsibility (or goes straight on), is submitted to the deciders, and is decided. Until the decision a guardian
 * may withdraw it; one other guardian saying no declines it. Decided, declined and withdrawn are final.
 */
const NEXT: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  awaiting_guardians: ['submitted', 'declined', 'withdrawn'],
  submitted: [...DECIDED_OUTCOMES, 'withdrawn'],
  granted: [],
  partly_granted: [],
  refused: [],
  declined: [],
  withdrawn: [],
};

export const mayMove = (from: ApplicationStatus, to: ApplicationStatus) => NEXT[from].includes(to);

export const isDecided = (status: ApplicationStatus): status is DecidedOutcome =>
  (DECIDED_OUTCOMES as readonly string[]).includes(status);

/** Until it is decided (or has ended otherwise), a guardian may take the application back. */
export const mayWithdraw = (status: ApplicationStatus) => mayMove(status, 'withdrawn');

/** Still waiting: on a guardian or on the deciders. */
export const PENDING_STATUSES = ['awaiting_guardians', 'submitted'] as const satisfies readonly ApplicationStatus[];

/** Granted in whole or in part: what the pupil got. */
export const GRANTED_STATUSES = ['granted', 'partly_granted'] as const satisfies readonly ApplicationStatus[];

/** Over: it no longer asks for anything (a new application for the same may be sent). */
export const CLOSED_STATUSES = ['withdrawn', 'declined', 'refused'] as const satisfies readonly ApplicationStatus[];

export type DecisionConflict = 'already_decided' | 'withdrawn' | 'not_submitted';

/** Why an application cannot be decided (any more), or null when it waits for a decision. */
export function conflictOf(status: ApplicationStatus): DecisionConflict | null {
  if (status === 'submitted') return null;
  if (status === 'withdrawn') return 'withdrawn';
  return isDecided(status) ? 'already_decided' : 'not_submitted';
}
