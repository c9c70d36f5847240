import { LEAVE_REASONS, type LeaveErrors, type LeaveField, type LeaveInput } from '../../domain/leave/form.ts';
import type { LeaveLimit } from '../../domain/leave/limits.ts';
import type { LeaveFormFacts } from '../../domain/leave/list.ts';
import type { GuardianChild } from '../../domain/guardian/child.ts';
import { fill, formatDate } from '../../i18n/index.ts';
import { leaveText, type LeaveMessages } from '../../i18n/leave.ts';
import { primaryButton, secondaryButton } from '../components/classes.ts';
import { ErrorSummary, Field } from '../components/form.tsx';
import { SectionLink } from '../components/section-link.tsx';
import type { PageContext } from '../page-context.ts';
import { OVER_LIMIT_ID, OverLimitWarning, SchoolDaysStatus } from './guardian-limit.tsx';
import { joinNames } from './guardian-parts.tsx';
import { leavePaths } from '../../paths/leave.ts';

export interface LeaveFormState {
  input: LeaveInput;
  errors: LeaveErrors;
  limit: LeaveLimit | null;
}

export const emptyLeaveForm: LeaveFormState = {
  input: { reason: '', from: '', to: '', justification: '', rulesRead: false, overLimitOk: false },
  errors: {},
  limit: null,
};

const ANCHORS: Record<LeaveField, string> = {
  reason: `leave-reason-${LEAVE_REASONS[0]}`,
  from: 'leave-from',
  to: 'leave-to',
  justification: 'leave-justification',
  rules: 'leave-rules',
  overLimit: OVER_LIMIT_ID,
};

/** A field's error in words, with the dates it is about. */
function errorText(t: LeaveMessages, errors: LeaveErrors, field: LeaveField, name: string): string | undefined {
  const error = errors[field];
  if (!error) return undefined;
  const template = (t.errors[field] as Record<string, string>)[error.code]!;
  const date = (iso?: string) => (iso ? formatDate(iso) : '');
  return fill(template, { name, date: date(error.date), from: date(error.from), to: date(error.to) });
}

/** Who else must confirm before the school gets the application (DOMAIN-FACTS §4). */
function OthersNote({ t, facts }: { t: LeaveMessages; facts: LeaveFormFacts }) {
  if (facts.others.length === 0) return '';
  const [first] = facts.others;
  const text =
    facts.others.length === 1
      ? fill(t.form.otherOne, { fullName: first!.name, givenName: first!.givenName })
      : fill(t.form.otherMany, {
          names: joinNames(
            t,
            facts.others.map((o) => o.name),
          ),
        });
  return (
    <p id="leave-others" class="rounded border-l-4 border-sky-800 bg-sky-50 p-3 font-semibold" safe>
      {text}
    </p>
  );
}

function ReasonFieldset({ t, input, error }: { t: LeaveMessages; input: LeaveInput; error?: string }) {
  return (
    <fieldset class="space-y-2" aria-describedby={error ? 'leave-reason-error' : undefined}>
      <legend class="font-semibold" safe>
        {t.form.reasonLegend}
      </legend>
      {error ? (
        <p id="leave-reason-error" class="font-semibold text-red-900" safe>
          {error}
        </p>
      ) : (
        ''
      )}
      {LEAVE_REASONS.map((reason) => (
        <label class="flex items-center gap-2">
          <input
            type="radio"
            name="reason"
            value={reason}
            id={`leave-reason-${reason}`}
            class="h-5 w-5"
            checked={input.reason === reason}
            aria-invalid={error ? 'true' : undefined}
          />
          <span safe>{t.reasons[reason]}</span>
        </label>
      ))}
    </fieldset>
  );
}

function Rules({
  t,
  name,
  limit,
  error,
  checked,
}: {
  t: LeaveMessages;
  name: string;
  limit: number;
  error?: string;
  checked: boolean;
}) {
  return (
    <div class="space-y-2 rounded border border-slate-300 bg-slate-50 p-3">
      <h3 id="leave-rules-heading" class="text-lg font-semibold" safe>
        {t.form.rulesHeading}
      </h3>
      <ul id="leave-rules-text" class="list-disc space-y-1 pl-5">
        {t.form.rules.map((rule) => (
          <li safe>{fill(rule, { limit, name })}</li>
        ))}
      </ul>
      {error ? (
        <p id="leave-rules-error" class="font-semibold text-red-900" safe>
          {error}
        </p>
      ) : (
        ''
      )}
      <label class="flex items-start gap-2 font-semibold">
        <input
          type="checkbox"
          id="leave-rules"
          name="rules_read"
          value="yes"
          class="mt-1 h-5 w-5"
          checked={checked}
          required
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={`leave-rules-text${error ? ' leave-rules-error' : ''}`}
        />
        <span safe>{t.form.rulesRead}</span>
      </label>
    </div>
  );
}

/** G7: the application form — reason, dates (with the live school-day count), justification, the rules. */
export function LeaveFormSection({
  page,
  child,
  facts,
  state,
}: {
  page: PageContext;
  child: GuardianChild;
  facts: LeaveFormFacts;
  state: LeaveFormState;
}) {
  const t = leaveText[page.locale];
  const name = child.givenName;
  const message = (field: LeaveField) => errorText(t, state.errors, field, name);
  const fields: LeaveField[] = ['reason', 'from', 'to', 'justification', 'rules'];
  const summary = fields.flatMap((f) => (message(f) ? [{ field: ANCHORS[f], message: message(f)! }] : []));
  const showWarning = !!state.limit?.over && state.limit.schoolDays > 0 && Object.keys(state.errors).length > 0;
  const action = leavePaths.applications(child.pupilId);
  const live = {
    'hx-get': leavePaths.schoolDays(child.pupilId),
    'hx-trigger': 'change',
    // A newer change aborts the request in flight: the count always answers the dates as they are now.
    'hx-sync': 'replace',
    'hx-include': '#leave-from, #leave-to',
    'hx-target': '#leave-days',
    'hx-swap': 'outerHTML',
  };
  return (
    <section aria-labelledby="leave-form-heading" class="max-w-xl space-y-4">
      <h2 id="leave-form-heading" class="text-2xl font-semibold" safe>
        {fill(t.form.heading, { name })}
      </h2>
      <p safe>{t.lead}</p>
      <OthersNote t={t} facts={facts} />
      <ErrorSummary heading={page.t.errors.summaryHeading} errors={summary} />
      <form method="post" action={action} hx-post={action} hx-target="#child-section" class="space-y-4" novalidate>
        <ReasonFieldset t={t} input={state.input} error={message('reason')} />
        <div class="space-y-4" {...live}>
          <Field
            id="leave-from"
            name="from"
            label={t.form.from}
            hint={t.form.dateHint}
            value={state.input.from}
            error={message('from')}
            inputmode="numeric"
            maxlength={10}
            autocomplete="off"
          />
          <Field
            id="leave-to"
            name="to"
            label={t.form.to}
            hint={t.form.dateHint}
            value={state.input.to}
            error={message('to')}
            inputmode="numeric"
            maxlength={10}
            autocomplete="off"
          />
        </div>
        <SchoolDaysStatus t={t} limit={state.limit} />
        <Field
          id="leave-justification"
          name="justification"
          label={t.form.justification}
          hint={fill(t.form.justificationHint, { name })}
          value={state.input.justification}
          error={message('justification')}
          maxlength={2000}
          multiline
        />
        <Rules t={t} name={name} limit={facts.limit} error={message('rules')} checked={state.input.rulesRead} />
        {showWarning ? (
          <OverLimitWarning
            t={t}
            name={name}
            limit={state.limit!}
            checked={state.input.overLimitOk}
            error={message('overLimit')}
            focus={summary.length === 0}
          />
        ) : (
          ''
        )}
        <div class="flex flex-wrap gap-3">
          <button type="submit" class={primaryButton} safe>
            {t.form.send}
          </button>
          <SectionLink href={leavePaths.child(child.pupilId)} class={secondaryButton} text={t.form.cancel} />
        </div>
      </form>
    </section>
  );
}
