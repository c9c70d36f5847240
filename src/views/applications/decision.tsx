import type { ApplicationKind } from '../../db/schema.ts';
import { DECIDED_OUTCOMES } from '../../domain/applications/status.ts';
import type { PageOf } from '../../domain/applications/queue.ts';
import { applicationsText } from '../../i18n/applications.ts';
import { fill, formatDate } from '../../i18n/index.ts';
import { applicationPaths } from '../../paths/applications.ts';
import { ErrorSummary } from '../components/form.tsx';
import type { PageContext } from '../page-context.ts';
import type { DecisionFormState } from './kind-view.ts';
import { viewOf } from './kinds.tsx';
import { link, primaryButton } from '../components/classes.ts';
import { Field } from '../components/form.tsx';
import { Row } from './parts.tsx';

const IDS = { outcome: 'application-outcome-granted', reasons: 'application-reasons' } as const;

/**
 * The decision form: the outcome (a fieldset of radios), the kind's own fields (e.g. the part granted), the reasons.
 * Works without JS; htmx swaps the page content.
 */
export function DecisionForm<K extends ApplicationKind>({
  page,
  view,
  form,
}: {
  page: PageContext;
  view: PageOf<K>;
  form?: DecisionFormState<K>;
}) {
  const t = applicationsText[page.locale];
  const kind = viewOf<K>(view.kind);
  const input = form?.input ?? { outcome: '', reasons: '' };
  const errors = form?.errors ?? ({} as DecisionFormState<K>['errors']);
  const outcomeError = errors.outcome ? t.errors.outcome : undefined;
  const reasonsError = errors.reasons ? t.errors.reasons[errors.reasons] : undefined;
  const summary = [
    ...(outcomeError ? [{ field: IDS.outcome, message: outcomeError }] : []),
    ...kind.fieldErrors(page.locale, errors),
    ...(reasonsError ? [{ field: IDS.reasons, message: reasonsError }] : []),
  ];
  const action = applicationPaths.decision(view.app.id);
  return (
    <form
      method="post"
      action={action}
      class="space-y-4"
      novalidate
      {...{ 'hx-post': action, 'hx-target': '#application', 'hx-swap': 'outerHTML' }}
    >
      <ErrorSummary heading={t.errorSummary} errors={summary} />
      <fieldset class="space-y-2" aria-describedby={outcomeError ? 'application-outcome-error' : undefined}>
        <legend class="font-semibold" safe>
          {t.outcomeLegend}
        </legend>
        {outcomeError ? (
          <p id="application-outcome-error" class="font-semibold text-red-900" safe>
            {outcomeError}
          </p>
        ) : (
          ''
        )}
        {DECIDED_OUTCOMES.map((outcome) => (
          <div class="flex items-center gap-2">
            <input
              type="radio"
              id={`application-outcome-${outcome}`}
              name="outcome"
              value={outcome}
              checked={input.outcome === outcome}
              class="h-5 w-5"
            />
            <label for={`application-outcome-${outcome}`} safe>
              {t.outcomes[outcome]}
            </label>
          </div>
        ))}
      </fieldset>
      <kind.DecisionFields page={page} app={view.app} input={input} errors={errors} />
      <Field
        id={IDS.reasons}
        name="reasons"
        label={t.reasons}
        hint={t.reasonsHint}
        value={input.reasons}
        error={reasonsError}
        maxlength={4000}
        multiline
      />
      <p class="text-sm text-slate-700" safe>
        {t.decideHelp}
      </p>
      <button type="submit" class={primaryButton} safe>
        {t.decide}
      </button>
    </form>
  );
}

/** A decided application: the outcome, what was granted, the reasons, who decided, and the letters to download. */
export function DecisionSummary<K extends ApplicationKind>({ page, view }: { page: PageContext; view: PageOf<K> }) {
  const t = applicationsText[page.locale];
  const kind = viewOf<K>(view.kind);
  const d = view.app.decision;
  if (!d) return '';
  return (
    <div class="space-y-3">
      <dl>
        <Row label={t.outcome}>
          <span id="application-outcome" safe>
            {t.statuses[d.outcome]}
          </span>
        </Row>
        <kind.GrantRows page={page} app={view.app} />
        {d.reasons ? (
          <Row label={t.reasons}>
            <span class="whitespace-pre-line" safe>
              {d.reasons}
            </span>
          </Row>
        ) : (
          ''
        )}
      </dl>
      <p class="text-sm text-slate-700" safe>
        {fill(t.decidedBy, { name: d.deciderName, date: formatDate(d.decidedAt) })}
      </p>
      <h3 class="text-lg font-semibold" safe>
        {t.documentsHeading}
      </h3>
      <ul id="application-documents" class="list-disc space-y-1 pl-5">
        {view.documents.map((doc) => (
          <li>
            <a href={applicationPaths.vedtak(view.app.id, doc.documentId)} class={link} safe>
              {fill(t.documentFor, { name: doc.guardianName })}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
