import { sfoPlacePaths } from '../../paths/sfo-places.ts';
import type { GuardianChild } from '../../domain/guardian/child.ts';
import { formatKroner } from '../../domain/sfo/money.ts';
import { incomeCap } from '../../domain/sfo/reduced-payment.ts';
import type {
  ReducedPaymentErrors,
  ReducedPaymentFacts,
  ReducedPaymentInput,
  ReducedPaymentListItem,
} from '../../domain/sfo/reduced-payment-apply.ts';
import { applicationsText } from '../../i18n/applications.ts';
import { fill, formatDate } from '../../i18n/index.ts';
import { sfoSupportText } from '../../i18n/sfo-support.ts';
import { childPaths } from '../../paths/children.ts';
import { documentPaths } from '../../paths/documents.ts';
import { sfoSupportPaths, type ReducedPaymentNotice } from '../../paths/sfo-support.ts';
import { link, listCard, primaryButton, secondaryButton } from '../components/classes.ts';
import { ErrorSummary, Field, Notice, SelectField } from '../components/form.tsx';
import { Section } from '../components/section.tsx';
import type { PageContext } from '../page-context.ts';

export interface ReducedPaymentFormState {
  input: ReducedPaymentInput;
  errors: ReducedPaymentErrors;
  /** A file was chosen in the failed attempt (it must be chosen again). */
  fileChosen: boolean;
}

export const emptyReducedPaymentForm = (facts: ReducedPaymentFacts): ReducedPaymentFormState => ({
  input: { schoolYearId: String(facts.years[0]?.id ?? ''), householdMembers: '', householdSize: '', grossIncome: '' },
  errors: {},
  fileChosen: false,
});

const IDS = {
  trinn: 'sfo-reduced-form',
  sfo: 'sfo-reduced-form',
  schoolYear: 'sfo-reduced-year',
  householdMembers: 'sfo-reduced-members',
  householdSize: 'sfo-reduced-size',
  grossIncome: 'sfo-reduced-income',
  attachment: 'sfo-reduced-attachment',
} as const;

/** G9: the guardian's page for reduced SFO payment: the form and the earlier applications. */
export function ReducedPaymentPage({
  page,
  child,
  facts,
  list,
  state,
  notice,
  alert,
}: {
  page: PageContext;
  child: GuardianChild;
  facts: ReducedPaymentFacts;
  list: ReducedPaymentListItem[];
  state: ReducedPaymentFormState;
  notice?: ReducedPaymentNotice;
  /** Why a confirmation was refused (the application was answered or withdrawn meanwhile). */
  alert?: string;
}) {
  const t = sfoSupportText[page.locale].reduced;
  const e = t.errors;
  const errs = state.errors;
  const messages = {
    trinn: errs.trinn ? e.trinn : undefined,
    sfo: errs.sfo ? e.sfo : undefined,
    schoolYear: errs.schoolYear ? e.schoolYear[errs.schoolYear] : undefined,
    householdMembers: errs.householdMembers ? e.householdMembers[errs.householdMembers] : undefined,
    householdSize: errs.householdSize ? e.householdSize[errs.householdSize] : undefined,
    grossIncome: errs.grossIncome ? e.grossIncome[errs.grossIncome] : undefined,
    attachment: errs.attachment ? e.attachment[errs.attachment] : undefined,
  };
  const summary = (Object.keys(messages) as (keyof typeof messages)[]).flatMap((k) =>
    messages[k] ? [{ field: IDS[k], message: messages[k]! }] : [],
  );
  const attachmentError = messages.attachment ?? (state.fileChosen && summary.length ? t.chooseAgain : undefined);
  const statuses = applicationsText[page.locale].statuses;
  const eligible = facts.trinnOk && facts.sfo !== null;
  const name = child.givenName;
  return (
    <div id="sfo-reduced" class="space-y-4">
      <p>
        <a href={childPaths.overview(child.pupilId)} class={link} safe>{`${child.givenName} ${child.familyName}`}</a>
        {' › '}
        <a href={sfoPlacePaths.child(child.pupilId)} class={link}>
          SFO
        </a>
      </p>
      <h1 class="text-3xl font-bold" safe>
        {fill(t.heading, { name })}
      </h1>
      <Notice
        text={
          notice
            ? { sent: t.sent, waiting: t.sentWaiting, confirmed: t.confirmed, declined: t.declined }[notice]
            : undefined
        }
      />
      {alert ? (
        <p role="alert" class="rounded border border-red-800 bg-red-50 p-3 font-semibold text-red-900" safe>
          {alert}
        </p>
      ) : (
        ''
      )}
      <p safe>{t.lead}</p>
      {!facts.trinnOk ? (
        <p class="font-semibold" safe>
          {fill(t.notEligibleTrinn, { name, trinn: child.trinn })}
        </p>
      ) : (
        ''
      )}
      {facts.trinnOk && !facts.sfo ? (
        <p class="font-semibold" safe>
          {fill(t.notEligibleSfo, { name })}
        </p>
      ) : (
        ''
      )}
      {eligible || summary.length ? (
        <Section id="sfo-reduced-apply" heading={t.title}>
          <ErrorSummary heading={t.errorSummary} errors={summary} />
          <form
            id={IDS.trinn}
            method="post"
            action={sfoSupportPaths.reducedPayment(child.pupilId)}
            enctype="multipart/form-data"
            class="space-y-4"
            novalidate
          >
            <SelectField
              id={IDS.schoolYear}
              name="school_year_id"
              label={t.schoolYear}
              value={state.input.schoolYearId}
              error={messages.schoolYear}
              options={facts.years.map((y) => ({ value: String(y.id), label: y.name }))}
            />
            <Field
              id={IDS.householdMembers}
              name="household_members"
              label={t.householdMembers}
              hint={t.householdMembersHint}
              value={state.input.householdMembers}
              error={messages.householdMembers}
              maxlength={2000}
              multiline
            />
            <Field
              id={IDS.householdSize}
              name="household_size"
              label={t.householdSize}
              value={state.input.householdSize}
              error={messages.householdSize}
              inputmode="numeric"
              maxlength={2}
              autocomplete="off"
            />
            <Field
              id={IDS.grossIncome}
              name="gross_income"
              label={t.grossIncome}
              hint={t.grossIncomeHint}
              value={state.input.grossIncome}
              error={messages.grossIncome}
              inputmode="numeric"
              maxlength={20}
              autocomplete="off"
            />
            <div class="space-y-1">
              <label for={IDS.attachment} class="block font-semibold" safe>
                {t.attachment}
              </label>
              <p id={`${IDS.attachment}-hint`} class="text-sm text-slate-700" safe>
                {t.attachmentHint}
              </p>
              {attachmentError ? (
                <p id={`${IDS.attachment}-error`} class="font-semibold text-red-900" safe>
                  {attachmentError}
                </p>
              ) : (
                ''
              )}
              <input
                id={IDS.attachment}
                name="attachment"
                type="file"
                accept="application/pdf,.pdf"
                class="block w-full"
                aria-invalid={messages.attachment ? 'true' : undefined}
                aria-describedby={`${IDS.attachment}-hint${attachmentError ? ` ${IDS.attachment}-error` : ''}`}
              />
            </div>
            <button type="submit" class={primaryButton} safe>
              {t.submit}
            </button>
          </form>
        </Section>
      ) : (
        ''
      )}
      <Section id="sfo-reduced-list" heading={t.listHeading}>
        {list.length === 0 ? (
          <p safe>{t.empty}</p>
        ) : (
          <ul class={listCard} role="list">
            {list.map((item) => {
              const d = item.details;
              const cap = d.grantedIncomeOre === null ? null : incomeCap(d.grantedIncomeOre, d.billingMonths);
              return (
                <li class="space-y-1 px-4 py-2">
                  <p class="font-semibold" safe>
                    {fill(t.appliedFor, { year: d.schoolYearName, income: formatKroner(d.grossIncomeOre) })}
                  </p>
                  <p safe>{`${statuses[item.status]} · ${formatDate(item.createdAt)}`}</p>
                  {item.mine ? (
                    ''
                  ) : (
                    <p class="text-sm text-slate-700" safe>
                      {fill(t.appliedBy, { name: item.applicantName })}
                    </p>
                  )}
                  {item.mustAnswer ? (
                    <div class="space-y-2 rounded border-l-4 border-amber-700 bg-amber-50 p-3">
                      <p safe>{fill(t.mustAnswer, { name: item.applicantName })}</p>
                      <div class="flex flex-wrap gap-3">
                        {(['confirmed', 'declined'] as const).map((answer) => (
                          <form
                            method="post"
                            action={sfoSupportPaths.reducedPaymentConfirmation(child.pupilId, item.id)}
                          >
                            <input type="hidden" name="answer" value={answer} />
                            <button type="submit" class={answer === 'confirmed' ? primaryButton : secondaryButton} safe>
                              {answer === 'confirmed' ? t.confirm : t.decline}
                            </button>
                          </form>
                        ))}
                      </div>
                    </div>
                  ) : (
                    ''
                  )}
                  {cap &&
                  d.grantedIncomeOre !== null &&
                  (item.status === 'granted' || item.status === 'partly_granted') ? (
                    <p safe>
                      {fill(t.grantedIncome, {
                        income: formatKroner(d.grantedIncomeOre),
                        year: formatKroner(cap.yearOre),
                        month: formatKroner(cap.monthOre),
                      })}
                    </p>
                  ) : (
                    ''
                  )}
                  <p class="space-x-4">
                    {item.mine && d.attachmentDocumentId !== null ? (
                      <a href={sfoSupportPaths.attachment(item.id)} class={link} safe>
                        {t.attachmentLink}
                      </a>
                    ) : (
                      ''
                    )}
                    {item.vedtakDocumentId !== null ? (
                      <a href={documentPaths.download(item.vedtakDocumentId)} class={link} safe>
                        {t.vedtakLink}
                      </a>
                    ) : (
                      ''
                    )}
                  </p>
                </li>
              );
            })}
          </ul>
        )}
      </Section>
    </div>
  );
}
