import type { ConsentAnswerState } from '../../db/schema.ts';

/** A consent as it stands: one guardian's answer, or the effective state for the child. */
export type ConsentState = 'given' | 'refused' | 'unanswered';
/** The staff overview's filter: a state, or "not given" (refused or unanswered). */
export type StateFilter = ConsentState | 'not_given';
export const STATE_FILTERS: readonly StateFilter[] = ['given', 'not_given', 'refused', 'unanswered'];

/**
 * The effective state the school acts on, from the answers of the guardians who count: every guardian with
 * parental responsibility whose access is not blocked and who is not a contact person only.
 * - given only if EVERY such guardian has given it (one yes is not enough when two share the responsibility);
 * - refused if ANY of them has refused it;
 * - otherwise unanswered (also when no guardian counts).
 */
export function combineAnswers(answers: (ConsentAnswerState | undefined)[]): ConsentState {
  if (answers.length === 0) return 'unanswered';
  if (answers.includes('refused')) return 'refused';
  if (answers.every((a) => a === 'given')) return 'given';
  return 'unanswered';
}

/**
 * Nested consents: a sub-consent ("Publiseres på internett") counts only while its parent ("Foto") is given.
 * When the parent is not given, a sub-consent that was answered "given" is effectively what the parent is
 * (refused or unanswered) — the answers themselves are kept, so giving the parent again brings them back.
 */
export function applyNesting(own: ConsentState, parent: ConsentState | null): ConsentState {
  if (parent === null || parent === 'given' || own !== 'given') return own;
  return parent;
}

export function matchesFilter(state: ConsentState, filter: StateFilter): boolean {
  return filter === 'not_given' ? state !== 'given' : state === filter;
}

export interface NestedType {
  id: number;
  parentId: number | null;
}

/**
 * Effective state of every type for one child. `answerOf(typeId, guardianId)` gives a guardian's answer;
 * `guardianIds` are the guardians who count (see combineAnswers). Types come parents first.
 */
export function effectiveStates(
  types: NestedType[],
  guardianIds: number[],
  answerOf: (typeId: number, guardianId: number) => ConsentAnswerState | undefined,
): Map<number, ConsentState> {
  const states = new Map<number, ConsentState>();
  for (const type of types) {
    const combined = combineAnswers(guardianIds.map((g) => answerOf(type.id, g)));
    states.set(
      type.id,
      applyNesting(combined, type.parentId === null ? null : (states.get(type.parentId) ?? 'unanswered')),
    );
  }
  return states;
}
