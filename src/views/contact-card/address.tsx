import type { AddressReportErrors, AddressReportInput } from '../../domain/contact/address-report.ts';
import type { ContactCard } from '../../domain/contact/card.ts';
import { contactText } from '../../i18n/contact.ts';
import type { PageContext } from '../page-context.ts';
import { contactCardPaths } from '../../paths/contact-card.ts';
import { link, primaryButton } from '../components/classes.ts';
import { ErrorSummary, Field, Notice } from '../components/form.tsx';
import { Section } from '../components/section.tsx';
import { SECTION_IDS, swapOwnSection } from './parts.tsx';

export interface AddressFormState {
  input: AddressReportInput;
  errors: AddressReportErrors;
}

/** The Folkeregister address, read-only (their own, so shown even when protected), and "report a wrong address". */
export function AddressSection({
  page,
  card,
  form,
  notice,
  oob,
}: {
  page: PageContext;
  card: ContactCard;
  form?: AddressFormState;
  notice?: string;
  oob?: boolean;
}) {
  const t = contactText[page.locale].address;
  const a = card.address;
  return (
    <Section id={SECTION_IDS.address} heading={t.heading} oob={oob}>
      <Notice text={notice} />
      {a ? (
        <p class="text-lg">
          {a.line ? (
            <span class="block" safe>
              {a.line}
            </span>
          ) : (
            ''
          )}
          <span class="block" safe>
            {[a.postalCode, a.postalPlace].filter(Boolean).join(' ')}
          </span>
        </p>
      ) : (
        <p safe>{t.none}</p>
      )}
      {card.protection !== 'none' ? (
        <p class="rounded border-l-4 border-red-800 bg-red-50 p-3 font-semibold" safe>
          {t.protection[card.protection]}
        </p>
      ) : (
        ''
      )}
      <p class="text-sm text-slate-700" safe>
        {t.source}
      </p>
      {card.children.length === 0 ? (
        <p safe>{t.noSchool}</p>
      ) : notice ? (
        ''
      ) : (
        <ReportForm page={page} card={card} form={form} />
      )}
    </Section>
  );
}

/** Folded away in a <details> (works without JavaScript); open when it has errors. */
function ReportForm({ page, card, form }: { page: PageContext; card: ContactCard; form?: AddressFormState }) {
  const t = contactText[page.locale];
  const strict = card.protection === 'strengt_fortrolig';
  const whatError = form?.errors.what ? t.errors.what : undefined;
  const correctError = form?.errors.correct ? t.errors.correct : undefined;
  const errors = [
    ...(whatError ? [{ field: 'report-what', message: whatError }] : []),
    ...(correctError ? [{ field: 'report-correct', message: correctError }] : []),
  ];
  return (
    <details class="rounded border border-slate-300 p-3" open={form !== undefined}>
      <summary class={`cursor-pointer font-semibold ${link}`} safe>
        {t.address.reportHeading}
      </summary>
      <form
        method="post"
        action={contactCardPaths.addressReports}
        class="mt-3 space-y-4"
        novalidate
        {...swapOwnSection(contactCardPaths.addressReports, SECTION_IDS.address)}
      >
        <p safe>{t.address.reportLead}</p>
        <ErrorSummary heading={t.errorSummary} errors={errors} />
        <Field
          id="report-what"
          name="what"
          label={t.address.what}
          hint={t.address.whatHint}
          value={form?.input.whatIsWrong ?? ''}
          error={whatError}
          maxlength={1000}
          multiline
        />
        {strict ? (
          <p class="text-amber-900" safe>
            {t.address.strictNote}
          </p>
        ) : (
          <Field
            id="report-correct"
            name="correct_address"
            label={t.address.correct}
            value={form?.input.correctAddress ?? ''}
            error={correctError}
            maxlength={300}
            autocomplete="street-address"
            multiline
          />
        )}
        <button type="submit" class={primaryButton} safe>
          {t.address.send}
        </button>
      </form>
    </details>
  );
}
