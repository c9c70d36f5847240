import type { Db } from '../../db/database.ts';
import type { ApplicationKind, ApplicationStatus, Maalform, NotificationCategory } from '../../db/schema.ts';
import type { Actor } from '../access/actor.ts';
import type { DeciderRule } from '../access/policy.ts';
import type { PupilFacts } from '../access/pupil-facts.ts';
import type { LetterSection } from '../documents/api.ts';
import type { DecidedOutcome } from './status.ts';

/** One application with what its deciders need: what every kind has, and the kind's own details `D`. */
export interface ApplicationCase<D = unknown> {
  id: number;
  kind: ApplicationKind;
  status: ApplicationStatus;
  pupilId: number;
  pupilName: string;
  /** The pupil's class at the application's school now ('' when none). */
  className: string;
  schoolId: number;
  schoolName: string;
  schoolAddress: string[];
  hovudmaal: Maalform;
  municipalityId: number;
  municipalityName: string;
  sfoId: number | null;
  applicantName: string;
  submittedAt: Date | null;
  details: D;
  decision: null | { outcome: DecidedOutcome; reasons: string | null; decidedAt: Date; deciderName: string };
}

/**
 * What the decision form sent: the outcome and the reasons (every kind), and the kind's own fields by name
 * (the form's snake_case names in camelCase, e.g. granted_from → grantedFrom). Raw text: the checks parse it.
 */
export interface DecisionInput {
  outcome: string;
  reasons: string;
  [field: string]: string;
}

/** The decision as the vedtak states it: the common part and the kind's grant `G`. */
export interface VedtakDecision<G> {
  outcome: DecidedOutcome;
  reasons: string | null;
  grant: G;
  deciderName: string;
  /** The decider's title where they decide, e.g. "Rektor". */
  deciderTitle: string | null;
  decidedAt: Date;
}

/** The kind's own parts of the vedtak letter, in the school's hovudmål; the frame (applications/vedtak.ts) adds the rest. */
export interface VedtakParts {
  /** "Vedtak om permisjon fra opplæringen". */
  title: string;
  /** The document's title in the guardian's documents. */
  documentTitle: string;
  /** The PDF's file name (made safe by the frame). */
  filename: string;
  /** "We refer to the application … received … from …". */
  intro: string;
  /** What was applied for (label/value rows). */
  applied: LetterSection['rows'];
  /** The outcome in a few words, e.g. "Delvis innvilget: 01.12.2026–02.12.2026 (2 skoledager)". */
  outcome: string;
  /** The decision in a sentence. */
  statement: string;
  /** The legal basis, one paragraph each. */
  legal: string[];
  /** Sections of its own after the legal basis (leave: the parents' duty during the leave). */
  sections: LetterSection[];
  /** Who decides an appeal the deciders do not grant, e.g. "Statsforvalteren". */
  appealBody: string;
}

/**
 * One kind of application (leave now; SFO place, change, termination and reduced payment next): what the common
 * life (confirmation, submission, queue, decision, vedtak, withdrawal) needs from it. Register it in kinds.ts.
 *
 * D: its details as deciders see them; G: what a decision grants (saved by it, spread into the audit);
 * E: its decision form's errors; Q: its facts beside each queue item; P: its facts on the application page.
 */
export interface ApplicationKindDefinition<D, G extends Record<string, unknown>, E extends object, Q, P> {
  kind: ApplicationKind;
  /** Who decides (access/policy.ts canDecideApplication, and its SQL twin for the queue in access/scope.ts). */
  decider: DeciderRule;
  /** The notification category of its events before the decision (the decision is always 'decisions'). */
  category: NotificationCategory;
  /** Who applies for the pupil — and so may confirm, decline and withdraw. */
  mayApply(actor: Actor, pupil: PupilFacts): boolean;
  /** Its details of these applications, by application id (a fixed number of queries). */
  loadDetails(db: Db, ids: number[]): Promise<Map<number, D>>;
  /** What its notifications carry besides the application id (e.g. the period), from its details. */
  eventFields(details: D): Record<string, unknown>;
  /** Beside each application in the queue, for a whole page at once (e.g. the pupil's absence this school year). */
  loadQueueFacts(db: Db, cases: ApplicationCase<D>[], today: string): Promise<Map<number, Q>>;
  /** Beside the application on its own page. */
  loadPageFacts(db: Db, app: ApplicationCase<D>, today: string): Promise<P>;
  /** Its part of the decision: its own fields for this outcome (e.g. the part granted), or why they are wrong. */
  checkDecision(
    db: Db,
    app: ApplicationCase<D>,
    outcome: DecidedOutcome,
    input: DecisionInput,
  ): Promise<{ ok: true; grant: G } | { ok: false; errors: E }>;
  /** Saves its part of the decision, in the decision's transaction. */
  saveDecision(trx: Db, app: ApplicationCase<D>, grant: G): Promise<void>;
  /** Its parts of the vedtak letter. */
  vedtak(app: ApplicationCase<D>, decision: VedtakDecision<G>): VedtakParts;
}
