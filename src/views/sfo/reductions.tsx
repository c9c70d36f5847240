import { formatKroner } from '../../domain/sfo/money.ts';
import type { CurrentReduction, FreeSfoErrors, FreeSfoInput } from '../../domain/sfo/reductions.ts';
import type { SfoInfo } from '../../domain/sfo/units.ts';
import { fill, formatDate } from '../../i18n/index.ts';
import { sfoSupportText } from '../../i18n/sfo-support.ts';
import { sfoSupportPaths } from '../../paths/sfo-support.ts';
import { link, listCard, primaryButton, smallButton } from '../components/classes.ts';
import { ErrorSummary, Field, Notice, SelectField } from '../components/form.tsx';
import { Section } from '../components/section.tsx';
import type { PageContext } from '../page-context.ts';

export interface FreeSfoFormState {
  input: FreeSfoInput;
  errors: FreeSfoErrors;
}

/** The SFO leader's reductions: those in force (one page), the free-SFO form, and ending one. */
export function ReductionsPage({
  page,
  sfo,
  list,
  pageNumber,
  candidates,
  state,
  notice,
}: {
  page: PageContext;
  sfo: SfoInfo;
  list: { items: CurrentReduction[]; hasMore: boolean };
  pageNumber: number;
  candidates: { pupilId: number; name: string; className: string }[];
  state: FreeSfoFormState;
  notice?: 'recorded' | 'ended';
}) {
  const t = sfoSupportText[page.locale].reductions;
  const messages = {
    pupil: state.errors.pupil ? t.errors.pupil[state.errors.pupil] : undefined,
    reason: state.errors.reason ? t.errors.reason[state.errors.reason] : undefined,
  };
  const summary = [
    ...(messages.pupil ? [{ field: 'free-pupil', message: messages.pupil }] : []),
    ...(messages.reason ? [{ field: 'free-reason', message: messages.reason }] : []),
  ];
  return (
    <div id="sfo-reductions" class="space-y-4">
      <h1 class="text-3xl font-bold" safe>
        {fill(t.title, { sfo: sfo.name })}
      </h1>
      <p safe>{t.lead}</p>
      <Notice text={notice ? t[notice] : undefined} />
      <Section id="reductions-list" heading={t.listHeading}>
        {list.items.length === 0 ? (
          <p safe>{t.empty}</p>
        ) : (
          <ul class={listCard} role="list">
            {list.items.map((r) => (
              <li class="flex flex-wrap items-start justify-between gap-2 px-4 py-2">
                <div>
                  <p class="font-semibold" safe>{`${r.pupilName}${r.className ? `, ${r.className}` : ''}`}</p>
                  <p safe>
                    {`${t.kinds[r.kind]} · ${r.schoolYearName} · ${formatDate(r.createdAt)}${
                      r.householdIncomeOre !== null
                        ? ` · ${fill(t.income, { income: formatKroner(r.householdIncomeOre) })}`
                        : ''
                    }`}
                  </p>
                  {r.reason ? (
                    <p class="whitespace-pre-line text-sm text-slate-700" safe>
                      {r.reason}
                    </p>
                  ) : (
                    ''
                  )}
                </div>
                <form method="post" action={sfoSupportPaths.reductionEnd(sfo.sfoId, r.id)}>
                  <button type="submit" class={smallButton} aria-label={fill(t.endLabel, { name: r.pupilName })} safe>
                    {t.end}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
        <nav class="flex gap-4" aria-label={t.listHeading}>
          {pageNumber > 1 ? (
            <a href={sfoSupportPaths.reductions(sfo.sfoId, pageNumber - 1)} class={link} safe>
              {t.previous}
            </a>
          ) : (
            ''
          )}
          {list.hasMore ? (
            <a href={sfoSupportPaths.reductions(sfo.sfoId, pageNumber + 1)} class={link} safe>
              {t.next}
            </a>
          ) : (
            ''
          )}
        </nav>
      </Section>
      <Section id="reductions-free" heading={t.recordHeading}>
        <ErrorSummary heading={t.errorSummary} errors={summary} />
        {candidates.length === 0 ? (
          <p safe>{t.noneEligible}</p>
        ) : (
          <form method="post" action={sfoSupportPaths.reductions(sfo.sfoId)} class="space-y-4" novalidate>
            <SelectField
              id="free-pupil"
              name="pupil_id"
              label={t.pupil}
              hint={t.recordHint}
              value={state.input.pupilId}
              error={messages.pupil}
              empty
              options={candidates.map((c) => ({ value: String(c.pupilId), label: `${c.name}, ${c.className}` }))}
            />
            <Field
              id="free-reason"
              name="reason"
              label={t.reason}
              hint={t.reasonHint}
              value={state.input.reason}
              error={messages.reason}
              maxlength={2000}
              multiline
            />
            <button type="submit" class={primaryButton} safe>
              {t.record}
            </button>
          </form>
        )}
      </Section>
    </div>
  );
}
