import type { DecisionErrors, DecisionInput } from '../../domain/leave/decide.ts';
import type { LeaveCaseView } from '../../domain/leave/queue.ts';
import { fill, formatDate } from '../../i18n/index.ts';
import { leaveDecisionText, type LeaveDecisionMessages } from '../../i18n/leave-decision.ts';
import { link, primaryButton } from '../components/classes.ts';
import { dateRange } from '../components/dates.ts';
import { ErrorSummary, Field } from '../components/form.tsx';
import type { PageContext } from '../page-context.ts';
import { leaveDecisionPaths } from '../../paths/leave-decisions.ts';
import { Row, schoolDaysText } from './decision-parts.tsx';

export interface DecisionFormState {
  input: DecisionInput;
  errors: DecisionErrors;
}

const OUTCOMES = ['granted', 'partly_granted', 'refused'] as const;
const IDS = { outcome: 'leave-outcome-granted', grantedFrom: 'leave-granted-from', grantedTo: 'leave-granted-to', reasons: 'leave-reasons' } as const;

function messages(t: LeaveDecisionMessages, errors: DecisionErrors): Partial<Record<keyof typeof IDS, string>> {
  return {
    outcome: errors.outcome ? t.errors.outcome : undefined,
    grantedFrom: errors.grantedFrom ? t.errors.from[errors.grantedFrom] : undefined,
    grantedTo: errors.grantedTo ? t.errors.to[errors.grantedTo] : undefined,
    reasons: errors.reasons ? t.errors.reasons[errors.reasons] : undefined,
  };
}

/** The decision form: outcome (a fieldset of radios), the granted part for "delvis", reasons. Works without JS; htmx swaps the page content. */
export function DecisionForm({ page, view, form }: { page: PageContext; view: LeaveCaseView; form?: DecisionFormState }) {
  const t = leaveDecisionText[page.locale];
  const input = form?.input ?? { outcome: '', grantedFrom: '', grantedTo: '', reasons: '' };
  const errors = messages(t, form?.errors ?? {});
  const summary = (Object.keys(IDS) as (keyof typeof IDS)[]).flatMap((key) => (errors[key] ? [{ field: IDS[key], message: errors[key]! }] : []));
  const action = leaveDecisionPaths.decision(view.leave.id);
  const hint = fill(t.grantedHint, { from: formatDate(view.leave.from), to: formatDate(view.leave.to) });
  return (
    <form method="post" action={action} class="space-y-4" novalidate {...{ 'hx-post': action, 'hx-target': '#leave-application', 'hx-swap': 'outerHTML' }}>
      <ErrorSummary heading={t.errorSummary} errors={summary} />
      <fieldset class="space-y-2" aria-describedby={errors.outcome ? 'leave-outcome-error' : undefined}>
        <legend class="font-semibold" safe>{t.outcomeLegend}</legend>
        {errors.outcome ? <p id="leave-outcome-error" class="font-semibold text-red-900" safe>{errors.outcome}</p> : ''}
        {OUTCOMES.map((outcome) => (
          <div class="flex items-center gap-2">
            <input type="radio" id={`leave-outcome-${outcome}`} name="outcome" value={outcome} checked={input.outcome === outcome} class="h-5 w-5" />
            <label for={`leave-outcome-${outcome}`} safe>{t.outcomes[outcome]}</label>
          </div>
        ))}
      </fieldset>
      <Field id={IDS.grantedFrom} name="granted_from" label={t.grantedFrom} hint={hint} value={input.grantedFrom} error={errors.grantedFrom} maxlength={10} autocomplete="off" />
      <Field id={IDS.grantedTo} name="granted_to" label={t.grantedTo} value={input.grantedTo} error={errors.grantedTo} maxlength={10} autocomplete="off" />
      <Field id={IDS.reasons} name="reasons" label={t.reasons} hint={t.reasonsHint} value={input.reasons} error={errors.reasons} maxlength={4000} multiline />
      <p class="text-sm text-slate-700" safe>{t.decideHelp}</p>
      <button type="submit" class={primaryButton} safe>{t.decide}</button>
    </form>
  );
}

/** A decided application: the outcome, the granted period, the reasons, who decided, and the letters to download. */
export function DecisionSummary({ page, view }: { page: PageContext; view: LeaveCaseView }) {
  const t = leaveDecisionText[page.locale];
  const d = view.leave.decision;
  if (!d) return '';
  return (
    <div class="space-y-3">
      <dl>
        <Row label={t.outcome}><span id="leave-outcome" safe>{t.statuses[d.outcome]}</span></Row>
        {d.grantedFrom && d.grantedTo ? <Row label={t.grantedPeriod}><span safe>{`${dateRange(d.grantedFrom, d.grantedTo)} (${schoolDaysText(t, d.grantedDays ?? 0)})`}</span></Row> : ''}
        {d.reasons ? <Row label={t.reasons}><span class="whitespace-pre-line" safe>{d.reasons}</span></Row> : ''}
      </dl>
      <p class="text-sm text-slate-700" safe>{fill(t.decidedBy, { name: d.deciderName, date: formatDate(d.decidedAt) })}</p>
      <h3 class="text-lg font-semibold" safe>{t.documentsHeading}</h3>
      <ul id="leave-documents" class="list-disc space-y-1 pl-5">
        {view.documents.map((doc) => (
          <li><a href={leaveDecisionPaths.vedtak(view.leave.id, doc.documentId)} class={link} safe>{fill(t.documentFor, { name: doc.guardianName })}</a></li>
        ))}
      </ul>
    </div>
  );
}
