import type { ApplicationKind } from '../../db/schema.ts';
import type { CommonDecisionErrors, DecisionInput } from '../../domain/applications/decide.ts';
import type { CaseOf, DecisionErrorsOf } from '../../domain/applications/kinds.ts';
import type { PageOf, QueueItemOf } from '../../domain/applications/queue.ts';
import type { Locale } from '../../i18n/index.ts';
import type { PageContext } from '../page-context.ts';

/** The decision form's state after a 422: what was sent, and what was wrong (common and the kind's fields). */
export interface DecisionFormState<K extends ApplicationKind = ApplicationKind> {
  input: DecisionInput;
  errors: CommonDecisionErrors & DecisionErrorsOf<K>;
}

/**
 * What the decision pages need from one kind of application: its words and its parts of the queue card, the
 * application page and the decision form. The frame (queue.tsx, page.tsx, decision.tsx) does the rest.
 * Register it in kinds.tsx.
 */
export interface KindView<K extends ApplicationKind> {
  /** The queue's heading when filtered to this kind, e.g. "Permisjonssøknader". */
  queueTitle(locale: Locale): string;
  /** A line under the queue's lead while this kind is listed (e.g. what its facts count), or null. */
  queueNote(locale: Locale): string | null;
  /** Who and what, as the link to the application: "Sofie Nordmann, 3A: 30.11.2026–04.12.2026". */
  summary(locale: Locale, app: CaseOf<K>): string;
  /** The queue card's rows about what is applied for (applicant and received come after). */
  QueueRows(props: { page: PageContext; item: QueueItemOf<K> }): JSX.Element;
  /** A decided application's result in a few words after its status, e.g. " (01.12.2026–02.12.2026, 2 skoledager)". */
  grantSummary(locale: Locale, app: CaseOf<K>): string;
  /** The application page's heading: "Permisjonssøknad – Sofie Nordmann". */
  pageTitle(locale: Locale, app: CaseOf<K>): string;
  /** The rows about what is applied for in the application section. */
  DetailRows(props: { page: PageContext; app: CaseOf<K> }): JSX.Element;
  /** Sections of its own between the application and the decision (e.g. the pupil's absence). */
  Sections(props: { page: PageContext; view: PageOf<K> }): JSX.Element;
  /** Its fields of the decision form, between the outcome and the reasons, with their errors. */
  DecisionFields(props: {
    page: PageContext;
    app: CaseOf<K>;
    input: DecisionInput;
    errors: DecisionErrorsOf<K>;
  }): JSX.Element;
  /** Its fields' errors for the error summary, in the form's order: [input id, message]. */
  fieldErrors(locale: Locale, errors: DecisionErrorsOf<K>): { field: string; message: string }[];
  /** What was granted, as rows under the outcome of a decided application. */
  GrantRows(props: { page: PageContext; app: CaseOf<K> }): JSX.Element;
}
