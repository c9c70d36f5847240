import {
  MAX_PURPOSES,
  type PrivacyStatement,
  type PrivacyStatementErrors,
  type PrivacyStatementField,
  type PrivacyStatementInput,
} from '../../domain/privacy/statement.ts';
import { fill, formatDate } from '../../i18n/index.ts';
import { privacyStatementText } from '../../i18n/privacy-statement.ts';
import { privacyStatementPaths } from '../../paths/privacy-statements.ts';
import { link, primaryButton } from '../components/classes.ts';
import { ErrorSummary, Field, Notice } from '../components/form.tsx';
import type { PageContext } from '../page-context.ts';
import { statementFields } from './default-statement.ts';

/** The form's field names, as the route reads them. */
export const STATEMENT_FIELD_NAMES: Record<PrivacyStatementField, string> = {
  controllerName: 'controller_name',
  controllerAddress: 'controller_address',
  controllerOrgNumber: 'controller_org_number',
  dpoName: 'dpo_name',
  dpoContact: 'dpo_contact',
  recipients: 'recipients',
  retention: 'retention',
};
export const purposeName = (i: number) => `purpose_${i}`;
export const legalBasisName = (i: number) => `legal_basis_${i}`;

const id = (field: string) => `statement-${field}`;
const MULTILINE: PrivacyStatementField[] = ['controllerAddress', 'recipients', 'retention'];
const MAX_LENGTH: Record<PrivacyStatementField, number> = {
  controllerName: 200,
  controllerAddress: 300,
  controllerOrgNumber: 20,
  dpoName: 200,
  dpoContact: 200,
  recipients: 4000,
  retention: 4000,
};

/**
 * The school owner's privacy statement form (issue 16, item 7): prefilled with the saved statement, else the default;
 * after a refused save the typed values with one message per field and a summary. Works without JavaScript.
 */
export function PrivacyStatementEditPage({
  page,
  statement,
  form,
  saved,
}: {
  page: PageContext;
  statement: PrivacyStatement;
  form?: { input: PrivacyStatementInput; errors: PrivacyStatementErrors };
  saved?: boolean;
}) {
  const t = privacyStatementText[page.locale];
  const municipalityId = statement.owner.municipalityId;
  const values: PrivacyStatementInput = form?.input ?? statementFields(statement, page.locale);
  const blanks = Math.min(MAX_PURPOSES, values.purposes.length + 2) - values.purposes.length;
  const rows = [...values.purposes, ...Array.from({ length: blanks }, () => ({ purpose: '', legalBasis: '' }))];
  const errors = form?.errors ?? {};
  const message = (key: keyof PrivacyStatementErrors) => (errors[key] ? t.errors[errors[key]!] : undefined);
  const fieldOrder: PrivacyStatementField[] = [
    'controllerName',
    'controllerAddress',
    'controllerOrgNumber',
    'dpoName',
    'dpoContact',
  ];
  const summary = [
    ...fieldOrder.flatMap((f) => (message(f) ? [{ field: id(f), message: `${t.fields[f]}: ${message(f)}` }] : [])),
    ...(message('purposes') ? [{ field: id('purpose-0'), message: message('purposes')! }] : []),
    ...rows.flatMap((_, i) =>
      message(`purpose${i}`)
        ? [{ field: id(`purpose-${i}`), message: `${fill(t.purposeRow, { n: i + 1 })}: ${message(`purpose${i}`)}` }]
        : [],
    ),
    ...(['recipients', 'retention'] as const).flatMap((f) =>
      message(f) ? [{ field: id(f), message: `${t.fields[f]}: ${message(f)}` }] : [],
    ),
  ];
  const field = (f: PrivacyStatementField, hint?: string) => (
    <Field
      id={id(f)}
      name={STATEMENT_FIELD_NAMES[f]}
      label={t.fields[f]}
      hint={hint}
      value={values[f]}
      error={message(f)}
      maxlength={MAX_LENGTH[f]}
      multiline={MULTILINE.includes(f)}
      inputmode={f === 'controllerOrgNumber' ? 'numeric' : undefined}
    />
  );
  return (
    <div class="max-w-prose space-y-4">
      <h1 class="text-3xl font-bold" safe>
        {fill(t.editTitle, { name: statement.owner.name })}
      </h1>
      {saved ? <Notice text={t.saved} /> : ''}
      <p>
        <span safe>{t.editLead.split('{link}')[0]}</span>
        <a href={privacyStatementPaths.owner(municipalityId)} class={link} safe>
          {t.publicLink}
        </a>
        <span safe>{t.editLead.split('{link}')[1]}</span>
      </p>
      <p class="text-sm text-slate-700" safe>
        {statement.stored ? fill(t.updated, { date: formatDate(statement.stored.updatedAt) }) : t.editDefaultNote}
      </p>
      <form method="post" action={privacyStatementPaths.edit(municipalityId)} class="space-y-4" novalidate>
        <ErrorSummary heading={t.errorSummary} errors={summary} />
        {field('controllerName')}
        {field('controllerAddress', t.hints.controllerAddress)}
        {field('controllerOrgNumber', t.hints.controllerOrgNumber)}
        {field('dpoName')}
        {field('dpoContact', t.hints.dpoContact)}
        <fieldset class="space-y-3" aria-describedby={id('purposes-hint')}>
          <legend class="font-semibold" safe>
            {t.purposesLegend}
          </legend>
          <p id={id('purposes-hint')} class="text-sm text-slate-700" safe>
            {t.hints.purposes}
          </p>
          {message('purposes') ? (
            <p class="font-semibold text-red-900" safe>
              {message('purposes')}
            </p>
          ) : (
            ''
          )}
          {rows.map((row, i) => (
            <fieldset class="space-y-2 border-l-4 border-slate-300 pl-3">
              <legend class="text-sm font-semibold" safe>
                {fill(t.purposeRow, { n: i + 1 })}
              </legend>
              <Field
                id={id(`purpose-${i}`)}
                name={purposeName(i)}
                label={t.purposeLabel}
                value={row.purpose}
                error={message(`purpose${i}`)}
                maxlength={300}
              />
              <Field
                id={id(`basis-${i}`)}
                name={legalBasisName(i)}
                label={t.legalBasisLabel}
                value={row.legalBasis}
                maxlength={300}
              />
            </fieldset>
          ))}
        </fieldset>
        {field('recipients')}
        {field('retention')}
        <button type="submit" class={primaryButton} safe>
          {t.save}
        </button>
      </form>
    </div>
  );
}
