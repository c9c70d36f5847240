import type { SkoleruteOwner } from '../../domain/access/scope.ts';
import { isoWeekday } from '../../domain/calendar/dates.ts';
import {
  EXPECTED_SCHOOL_DAYS,
  KINDS,
  type AddDaysErrors,
  type AddDaysInput,
  type NamedRange,
  type Skolerute,
  type SkoleruteYear,
} from '../../domain/school/skolerute.ts';
import type { TextError } from '../../domain/text.ts';
import { fill, formatDate } from '../../i18n/index.ts';
import { skoleruteText, type SkoleruteMessages } from '../../i18n/skolerute.ts';
import { skolerutePaths } from '../../paths/skolerute.ts';
import { link, primaryButton, secondaryButton, smallButton } from '../components/classes.ts';
import { ErrorSummary, Field, Notice, SelectField } from '../components/form.tsx';
import { Section } from '../components/section.tsx';
import { TableRegion } from '../components/table.tsx';
import type { PageContext } from '../page-context.ts';

export type SkoleruteNotice = keyof SkoleruteMessages['notices'];

export interface SkoleruteState {
  notice?: SkoleruteNotice;
  add?: { input: AddDaysInput; errors: AddDaysErrors };
  rename?: { kind: string; oldName: string; input: { name: string }; errors: { name: TextError } };
}

/** The school owners whose skolerute the person reaches, when there is more than one. */
export function SkoleruteChooser({ page, owners }: { page: PageContext; owners: SkoleruteOwner[] }) {
  const t = skoleruteText[page.locale];
  return (
    <div class="max-w-prose space-y-4">
      <h1 class="text-3xl font-bold" safe>
        {t.title}
      </h1>
      <h2 class="text-xl font-semibold" safe>
        {t.chooseOwner}
      </h2>
      <ul class="list-disc pl-5">
        {owners.map((o) => (
          <li>
            <a href={skolerutePaths.page(o.id)} class={link} safe>
              {o.name}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** One school owner's skolerute for one school year; the forms only for the school owner. */
export function SkolerutePage({
  page,
  owner,
  years,
  year,
  skolerute,
  state,
}: {
  page: PageContext;
  owner: SkoleruteOwner;
  years: SkoleruteYear[];
  year: SkoleruteYear | undefined;
  skolerute: Skolerute | undefined;
  state: SkoleruteState;
}) {
  const t = skoleruteText[page.locale];
  return (
    <div id="skolerute" class="space-y-6">
      <h1 class="text-3xl font-bold" safe>
        {fill(t.pageTitle, { name: owner.name })}
      </h1>
      <p safe>{fill(t.lead, { name: owner.name })}</p>
      {owner.canEdit ? '' : <p safe>{t.readOnly}</p>}
      <Notice text={state.notice ? t.notices[state.notice] : undefined} />
      {!year || !skolerute ? (
        <p safe>{t.noYears}</p>
      ) : (
        <>
          <form method="get" action={skolerutePaths.page(owner.id)} class="flex flex-wrap items-end gap-3">
            <div>
              <SelectField
                id="year"
                name="year"
                label={t.year}
                value={String(year.id)}
                options={years.map((y) => ({ value: String(y.id), label: y.name }))}
              />
            </div>
            <button type="submit" class={secondaryButton} safe>
              {t.show}
            </button>
          </form>
          <p safe>
            {fill(t.yearSpan, { name: year.name, from: formatDate(year.startsOn), to: formatDate(year.endsOn) })}
          </p>
          <p id="school-days" class="text-lg font-semibold" safe>
            {fill(t.schoolDays, { count: skolerute.schoolDays })}
          </p>
          {skolerute.schoolDays === EXPECTED_SCHOOL_DAYS ? (
            ''
          ) : (
            <p id="school-days-warning" class="rounded border-2 border-amber-700 bg-amber-50 p-3" safe>
              {fill(t.schoolDaysWarning, { expected: EXPECTED_SCHOOL_DAYS, count: skolerute.schoolDays })}
            </p>
          )}
          {owner.canEdit ? <AddSection t={t} owner={owner} year={year} state={state} /> : ''}
          <RangesSection t={t} owner={owner} year={year} ranges={skolerute.ranges} state={state} />
          <DaysSection t={t} owner={owner} year={year} skolerute={skolerute} />
        </>
      )}
    </div>
  );
}

interface Parts {
  t: SkoleruteMessages;
  owner: SkoleruteOwner;
  year: SkoleruteYear;
}

function AddSection({ t, owner, year, state }: Parts & { state: SkoleruteState }) {
  const input = state.add?.input ?? { from: '', to: '', kind: 'holiday', name: '' };
  const e = state.add?.errors ?? {};
  const errors = {
    from: e.from
      ? { date: t.errors.date, outside_year: t.errors.outsideYear, weekend: t.errors.weekend, taken: t.errors.taken }[
          e.from
        ]
      : undefined,
    to: e.to
      ? { date: t.errors.date, outside_year: t.errors.outsideYear, before_from: t.errors.beforeFrom }[e.to]
      : undefined,
    kind: e.kind ? t.errors.kind : undefined,
    name: e.name ? t.errors.name[e.name] : undefined,
  };
  const summary = (['from', 'to', 'kind', 'name'] as const).flatMap((f) =>
    errors[f] ? [{ field: `add-${f}`, message: errors[f]! }] : [],
  );
  return (
    <Section id="add" heading={t.addHeading}>
      <p safe>{t.addHint}</p>
      <form method="post" action={skolerutePaths.days(owner.id)} class="space-y-3" novalidate>
        <ErrorSummary heading={t.errorSummary} errors={summary} />
        <input type="hidden" name="year" value={String(year.id)} />
        <Field
          id="add-from"
          name="from"
          label={t.from}
          hint={t.fromHint}
          value={input.from}
          error={errors.from}
          maxlength={10}
        />
        <Field id="add-to" name="to" label={t.to} value={input.to} error={errors.to} maxlength={10} />
        <SelectField
          id="add-kind"
          name="kind"
          label={t.kind}
          value={input.kind}
          error={errors.kind}
          options={KINDS.map((k) => ({ value: k, label: t.kinds[k] }))}
        />
        <Field id="add-name" name="name" label={t.name} value={input.name} error={errors.name} maxlength={60} />
        <button type="submit" class={primaryButton} safe>
          {t.add}
        </button>
      </form>
    </Section>
  );
}

function RangesSection({ t, owner, year, ranges, state }: Parts & { ranges: NamedRange[]; state: SkoleruteState }) {
  if (ranges.length === 0) return '';
  return (
    <Section id="ranges" heading={t.rangesHeading}>
      <ul class="space-y-3" role="list">
        {ranges.map((r, i) => {
          const label = r.name || t.unnamed;
          const mine = state.rename?.kind === r.kind && state.rename.oldName === r.name ? state.rename : undefined;
          const error = mine ? t.errors.name[mine.errors.name] : undefined;
          const id = `rename-${i}`;
          return (
            <li class="border-t border-slate-200 pt-2">
              <p>
                <span class="font-semibold" safe>
                  {label}
                </span>{' '}
                <span safe>{`(${t.kinds[r.kind]})`}</span>{' '}
                <span class="text-slate-700" safe>
                  {fill(t.rangeSpan, { from: formatDate(r.from), to: formatDate(r.to), days: r.days })}
                </span>
              </p>
              {owner.canEdit ? (
                <div class="mt-2 flex flex-wrap items-end gap-4">
                  <form method="post" action={skolerutePaths.rename(owner.id)} class="space-y-2" novalidate>
                    <ErrorSummary heading={t.errorSummary} errors={error ? [{ field: id, message: error }] : []} />
                    <input type="hidden" name="year" value={String(year.id)} />
                    <input type="hidden" name="kind" value={r.kind} />
                    <input type="hidden" name="old_name" value={r.name} />
                    <Field
                      id={id}
                      name="name"
                      label={fill(t.newName, { name: label })}
                      value={mine?.input.name ?? r.name}
                      error={error}
                      maxlength={60}
                    />
                    <button type="submit" class={smallButton} safe>
                      {t.rename}
                    </button>
                  </form>
                  <form method="post" action={skolerutePaths.rangeRemoval(owner.id)}>
                    <input type="hidden" name="year" value={String(year.id)} />
                    <input type="hidden" name="kind" value={r.kind} />
                    <input type="hidden" name="name" value={r.name} />
                    <button type="submit" class={smallButton} safe>
                      {fill(t.removeRange, { name: label })}
                    </button>
                  </form>
                </div>
              ) : (
                ''
              )}
            </li>
          );
        })}
      </ul>
    </Section>
  );
}

function DaysSection({ t, owner, year, skolerute }: Parts & { skolerute: Skolerute }) {
  return (
    <Section id="days" heading={t.daysHeading}>
      {skolerute.days.length === 0 ? (
        <p safe>{t.noDays}</p>
      ) : (
        <TableRegion>
          <table class="w-full text-left">
            <thead>
              <tr>
                <th scope="col" safe>
                  {t.date}
                </th>
                <th scope="col" safe>
                  {t.weekday}
                </th>
                <th scope="col" safe>
                  {t.kind}
                </th>
                <th scope="col" safe>
                  {t.name}
                </th>
                {owner.canEdit ? (
                  <th scope="col" safe>
                    {t.actions}
                  </th>
                ) : (
                  ''
                )}
              </tr>
            </thead>
            <tbody>
              {skolerute.days.map((d) => (
                <tr class="border-t border-slate-200">
                  <td safe>{formatDate(d.date)}</td>
                  <td safe>{t.weekdays[isoWeekday(d.date) - 1] ?? ''}</td>
                  <td safe>{t.kinds[d.kind]}</td>
                  <td safe>{d.name ?? ''}</td>
                  {owner.canEdit ? (
                    <td>
                      <form method="post" action={skolerutePaths.dayRemoval(owner.id)}>
                        <input type="hidden" name="year" value={String(year.id)} />
                        <input type="hidden" name="date" value={d.date} />
                        <button
                          type="submit"
                          class={smallButton}
                          aria-label={fill(t.removeDay, { date: formatDate(d.date) })}
                          safe
                        >
                          {t.remove}
                        </button>
                      </form>
                    </td>
                  ) : (
                    ''
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </Section>
  );
}
