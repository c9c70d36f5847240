import type { CaseOf } from '../../domain/applications/kinds.ts';
import { formatKroner } from '../../domain/sfo/money.ts';
import { incomeCap, type ReducedPaymentDecisionErrors } from '../../domain/sfo/reduced-payment.ts';
import { fill, type Locale } from '../../i18n/index.ts';
import { sfoSupportText } from '../../i18n/sfo-support.ts';
import { sfoSupportPaths } from '../../paths/sfo-support.ts';
import { Row } from '../applications/parts.tsx';
import type { KindView } from '../applications/kind-view.ts';
import { link } from '../components/classes.ts';
import { Field } from '../components/form.tsx';

type ReducedCase = CaseOf<'sfo_reduced_payment'>;
const FIELD = 'sfo-granted-income';
const tOf = (locale: Locale) => sfoSupportText[locale].decision;

function capText(locale: Locale, incomeOre: number, months: number) {
  const cap = incomeCap(incomeOre, months);
  return fill(tOf(locale).cap, { year: formatKroner(cap.yearOre), month: formatKroner(cap.monthOre), months });
}

function fieldErrors(locale: Locale, errors: ReducedPaymentDecisionErrors) {
  return errors.grantedIncome ? [{ field: FIELD, message: tOf(locale).errors.grantedIncome.invalid }] : [];
}

/** S8: reduced payment's parts of the decision queue, the application page and the decision form. */
export const reducedPaymentDecisionView: KindView<'sfo_reduced_payment'> = {
  queueTitle: (locale) => tOf(locale).queueTitle,
  queueNote: () => null,
  summary: (locale, app) => fill(tOf(locale).summary, { name: app.pupilName, year: app.details.schoolYearName }),
  QueueRows({ page, item }) {
    const t = tOf(page.locale);
    return (
      <>
        <Row label={t.schoolYear}>
          <span safe>{item.details.schoolYearName}</span>
        </Row>
        <Row label={t.grossIncome}>
          <span safe>{formatKroner(item.details.grossIncomeOre)}</span>
        </Row>
      </>
    );
  },
  grantSummary: (locale, app) =>
    app.details.grantedIncomeOre === null
      ? ''
      : fill(tOf(locale).grantSummary, { income: formatKroner(app.details.grantedIncomeOre) }),
  pageTitle: (locale, app) => fill(tOf(locale).pageTitle, { name: app.pupilName }),
  DetailRows({ page, app }: { page: { locale: Locale }; app: ReducedCase }) {
    const t = tOf(page.locale);
    const d = app.details;
    return (
      <>
        <Row label={t.schoolYear}>
          <span safe>{d.schoolYearName}</span>
        </Row>
        <Row label={t.householdMembers}>
          <span class="whitespace-pre-line" safe>
            {d.householdMembers}
          </span>
        </Row>
        <Row label={t.householdSize}>
          <span safe>{String(d.householdSize)}</span>
        </Row>
        <Row label={t.grossIncome}>
          <span safe>{formatKroner(d.grossIncomeOre)}</span>
          <span class="block text-sm text-slate-700" safe>
            {capText(page.locale, d.grossIncomeOre, d.billingMonths)}
          </span>
        </Row>
        <Row label={t.attachment}>
          {d.attachmentDocumentId === null ? (
            <span safe>{t.noAttachment}</span>
          ) : (
            <a href={sfoSupportPaths.attachment(app.id)} class={link} safe>
              {t.attachmentLink}
            </a>
          )}
        </Row>
      </>
    );
  },
  Sections: () => '',
  DecisionFields({ page, app, input, errors }) {
    const t = tOf(page.locale);
    return (
      <Field
        id={FIELD}
        name="granted_income"
        label={t.grantedIncome}
        hint={fill(t.grantedIncomeHint, { income: formatKroner(app.details.grossIncomeOre) })}
        value={input.grantedIncome ?? ''}
        error={errors.grantedIncome ? t.errors.grantedIncome.invalid : undefined}
        inputmode="numeric"
        maxlength={20}
        autocomplete="off"
      />
    );
  },
  fieldErrors,
  GrantRows({ page, app }) {
    const d = app.details;
    return d.grantedIncomeOre === null ? (
      ''
    ) : (
      <Row label={tOf(page.locale).grantedIncome}>
        <span safe>{formatKroner(d.grantedIncomeOre)}</span>
        <span class="block text-sm text-slate-700" safe>
          {capText(page.locale, d.grantedIncomeOre, d.billingMonths)}
        </span>
      </Row>
    );
  },
};
