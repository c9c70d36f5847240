import type { OwnerSettings, OwnerSettingsErrors, OwnerSettingsInput } from '../../domain/school/owner-settings.ts';
import { fill } from '../../i18n/index.ts';
import { ownerSettingsText } from '../../i18n/owner-settings.ts';
import type { PageContext } from '../page-context.ts';
import { ownerSettingsPaths } from '../../paths/owner-settings.ts';
import { link, primaryButton } from '../components/classes.ts';
import { skoleruteText } from '../../i18n/skolerute.ts';
import { skolerutePaths } from '../../paths/skolerute.ts';
import { privacyStatementText } from '../../i18n/privacy-statement.ts';
import { privacyStatementPaths } from '../../paths/privacy-statements.ts';
import { archiveText } from '../../i18n/archive.ts';
import { archivePaths } from '../../paths/archive.ts';
import { ErrorSummary, Field, Notice, SelectField } from '../components/form.tsx';
import { Section } from '../components/section.tsx';

export interface OwnerSettingsForm {
  municipalityId: number;
  input: OwnerSettingsInput;
  errors: OwnerSettingsErrors;
}

/** One form per municipality the person is school owner of (normally one). */
export function OwnerSettingsPage({
  page,
  settings,
  form,
  saved,
}: {
  page: PageContext;
  settings: OwnerSettings[];
  form?: OwnerSettingsForm;
  saved?: boolean;
}) {
  const t = ownerSettingsText[page.locale];
  return (
    <div class="max-w-prose space-y-4">
      <h1 class="text-3xl font-bold" safe>
        {t.title}
      </h1>
      {saved ? <Notice text={t.saved} /> : ''}
      {settings.map((s) => {
        const mine = form?.municipalityId === s.municipalityId ? form : undefined;
        const values = mine?.input ?? {
          leaveLimitDays: String(s.leaveLimitDays),
          absenceFollowUpTime: s.absenceFollowUpTime,
          sfoFreeHoursPerWeek: String(s.sfoFreeHoursPerWeek),
          sfoFreeHoursLastTrinn: String(s.sfoFreeHoursLastTrinn),
        };
        const error = (field: keyof OwnerSettingsInput) =>
          mine?.errors[field] ? t.errors[mine.errors[field]!] : undefined;
        const id = (field: string) => `settings-${s.municipalityId}-${field}`;
        const summary = (
          ['leaveLimitDays', 'absenceFollowUpTime', 'sfoFreeHoursPerWeek', 'sfoFreeHoursLastTrinn'] as const
        ).flatMap((f) => (error(f) ? [{ field: id(f), message: error(f)! }] : []));
        return (
          <Section id={`settings-${s.municipalityId}`} heading={s.name}>
            <p safe>{fill(t.lead, { name: s.name })}</p>
            <p>
              <a href={skolerutePaths.page(s.municipalityId)} class={link} safe>
                {skoleruteText[page.locale].link}
              </a>
            </p>
            <p>
              <a href={privacyStatementPaths.edit(s.municipalityId)} class={link} safe>
                {privacyStatementText[page.locale].editLink}
              </a>
            </p>
            <p>
              <a href={archivePaths.page(s.municipalityId)} class={link} safe>
                {archiveText[page.locale].link}
              </a>
            </p>
            <form method="post" action={ownerSettingsPaths.municipality(s.municipalityId)} class="space-y-4" novalidate>
              <ErrorSummary heading={t.errorSummary} errors={summary} />
              <Field
                id={id('leaveLimitDays')}
                name="leave_limit_days"
                label={t.leaveLimit}
                hint={t.leaveLimitHint}
                value={values.leaveLimitDays}
                error={error('leaveLimitDays')}
                inputmode="numeric"
                maxlength={3}
              />
              <Field
                id={id('absenceFollowUpTime')}
                name="absence_follow_up_time"
                label={t.followUpTime}
                hint={t.followUpTimeHint}
                value={values.absenceFollowUpTime}
                error={error('absenceFollowUpTime')}
                maxlength={5}
              />
              <Field
                id={id('sfoFreeHoursPerWeek')}
                name="sfo_free_hours_per_week"
                label={t.sfoFreeHours}
                hint={t.sfoFreeHoursHint}
                value={values.sfoFreeHoursPerWeek}
                error={error('sfoFreeHoursPerWeek')}
                inputmode="numeric"
                maxlength={2}
              />
              <SelectField
                id={id('sfoFreeHoursLastTrinn')}
                name="sfo_free_hours_last_trinn"
                label={t.sfoLastTrinn}
                hint={t.sfoLastTrinnHint}
                value={values.sfoFreeHoursLastTrinn}
                error={error('sfoFreeHoursLastTrinn')}
                options={[
                  { value: '3', label: t.sfoTrinn3 },
                  { value: '4', label: t.sfoTrinn4 },
                ]}
              />
              <button type="submit" class={primaryButton} safe>
                {t.save}
              </button>
            </form>
          </Section>
        );
      })}
    </div>
  );
}
