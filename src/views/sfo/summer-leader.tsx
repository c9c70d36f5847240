import type { SummerDayCount, SummerPeriod, SummerPeriodErrors, SummerPeriodInput } from '../../domain/sfo/summer.ts';
import { CHILDREN_PER_ADULT, weeksOf } from '../../domain/sfo/summer.ts';
import type { SfoInfo } from '../../domain/sfo/units.ts';
import { fill, formatDate } from '../../i18n/index.ts';
import { sfoSupportText } from '../../i18n/sfo-support.ts';
import { sfoSupportPaths } from '../../paths/sfo-support.ts';
import { frame, primaryButton, secondaryButton } from '../components/classes.ts';
import { ErrorSummary, Field, Notice } from '../components/form.tsx';
import { Section } from '../components/section.tsx';
import type { PageContext } from '../page-context.ts';

export interface SummerFormState {
  input: SummerPeriodInput;
  errors: SummerPeriodErrors;
}

const IDS = {
  firstDay: 'summer-first',
  lastDay: 'summer-last',
  deadline: 'summer-deadline',
  price: 'summer-price',
} as const;

/** The form's values from a saved period (dates as dd.mm.yyyy, the price in kroner). */
export function summerFormOf(period: SummerPeriod | null): SummerFormState {
  return {
    input: period
      ? {
          firstDay: formatDate(period.firstDay),
          lastDay: formatDate(period.lastDay),
          deadline: formatDate(period.deadline),
          price: String(period.priceOre / 100).replace('.', ','),
          openWeeks: period.weeks.filter((w) => w.open).map((w) => w.weekStart),
        }
      : { firstDay: '', lastDay: '', deadline: '', price: '', openWeeks: null },
    errors: {},
  };
}

/** S9: the SFO leader's summer page: the period form, sending the registration, children and adults per day. */
export function SummerLeaderPage({
  page,
  sfo,
  year,
  period,
  state,
  counts,
  notice,
}: {
  page: PageContext;
  sfo: SfoInfo;
  year: number;
  period: SummerPeriod | null;
  state: SummerFormState;
  counts: { days: SummerDayCount[]; answered: number } | null;
  notice?: { kind: 'saved' | 'sent'; count: number };
}) {
  const t = sfoSupportText[page.locale].summer;
  const weekdays = sfoSupportText[page.locale].weekdaysShort;
  const e = t.errors;
  const errs = state.errors;
  const messages = {
    firstDay: errs.firstDay ? e.firstDay[errs.firstDay] : undefined,
    lastDay: errs.lastDay ? fill(e.lastDay[errs.lastDay], { year }) : undefined,
    deadline: errs.deadline ? e.deadline[errs.deadline] : undefined,
    price: errs.price ? e.price[errs.price] : undefined,
  };
  const summary = (Object.keys(messages) as (keyof typeof messages)[]).flatMap((k) =>
    messages[k] ? [{ field: IDS[k], message: messages[k]! }] : [],
  );
  const action = sfoSupportPaths.summer(sfo.sfoId, year);
  const weeks = period
    ? weeksOf(period.firstDay, period.lastDay, new Map(period.weeks.map((w) => [w.weekStart, w.open])))
    : [];
  return (
    <div id="sfo-summer-leader" class="space-y-4">
      <h1 class="text-3xl font-bold" safe>
        {fill(t.title, { sfo: sfo.name })}
      </h1>
      <p safe>{t.lead}</p>
      <Notice
        text={
          notice?.kind === 'saved'
            ? t.saved
            : notice?.kind === 'sent'
              ? fill(t.sentCount, { count: notice.count })
              : undefined
        }
      />
      <form method="get" action={sfoSupportPaths.summer(sfo.sfoId)} class="flex items-end gap-2">
        <div class="space-y-1">
          <label for="summer-year" class="block font-semibold" safe>
            {t.year}
          </label>
          <input
            id="summer-year"
            name="year"
            value={String(year)}
            inputmode="numeric"
            maxlength={4}
            class="w-24 rounded border border-slate-500 p-2"
          />
        </div>
        <button type="submit" class={secondaryButton} safe>
          {t.year}
        </button>
      </form>
      <Section id="summer-period" heading={fill(t.formHeading, { year })}>
        <ErrorSummary heading={t.errorSummary} errors={summary} />
        <form method="post" action={action} class="space-y-4" novalidate>
          <input type="hidden" name="year" value={String(year)} />
          <Field
            id={IDS.firstDay}
            name="first_day"
            label={t.firstDay}
            value={state.input.firstDay}
            error={messages.firstDay}
            maxlength={10}
            autocomplete="off"
          />
          <Field
            id={IDS.lastDay}
            name="last_day"
            label={t.lastDay}
            value={state.input.lastDay}
            error={messages.lastDay}
            maxlength={10}
            autocomplete="off"
          />
          <Field
            id={IDS.deadline}
            name="deadline"
            label={t.deadline}
            value={state.input.deadline}
            error={messages.deadline}
            maxlength={10}
            autocomplete="off"
          />
          <Field
            id={IDS.price}
            name="price"
            label={t.price}
            value={state.input.price}
            error={messages.price}
            inputmode="numeric"
            maxlength={10}
            autocomplete="off"
          />
          {weeks.length ? (
            <fieldset class="space-y-2">
              <legend class="font-semibold" safe>
                {t.weeks}
              </legend>
              <p class="text-sm text-slate-700" safe>
                {t.weeksHint}
              </p>
              <input type="hidden" name="weeks_shown" value="yes" />
              {weeks.map((w) => (
                <label class="flex items-center gap-2">
                  <input
                    type="checkbox"
                    name="open_week"
                    value={w.weekStart}
                    class="h-5 w-5"
                    checked={state.input.openWeeks ? state.input.openWeeks.includes(w.weekStart) : w.open}
                  />
                  <span safe>
                    {fill(t.week, {
                      week: Number(w.number),
                      from: formatDate(w.days[0]!.date),
                      to: formatDate(w.days[w.days.length - 1]!.date),
                    })}
                  </span>
                </label>
              ))}
            </fieldset>
          ) : (
            ''
          )}
          <button type="submit" class={primaryButton} safe>
            {t.save}
          </button>
        </form>
      </Section>
      {period ? (
        <Section id="summer-send" heading={t.sendHeading}>
          <p safe>{t.sendLead}</p>
          {period.sentAt ? <p safe>{fill(t.sentAt, { date: formatDate(period.sentAt) })}</p> : ''}
          <form method="post" action={sfoSupportPaths.summerSend(sfo.sfoId)}>
            <input type="hidden" name="year" value={String(year)} />
            <button type="submit" class={primaryButton} safe>
              {t.send}
            </button>
          </form>
        </Section>
      ) : (
        ''
      )}
      {period && counts ? (
        <Section id="summer-counts" heading={t.countsHeading}>
          <p safe>{fill(t.ratio, { n: CHILDREN_PER_ADULT })}</p>
          <p safe>{fill(t.answered, { count: counts.answered })}</p>
          {counts.days.length === 0 ? (
            <p safe>{t.noCounts}</p>
          ) : (
            <div class={`overflow-x-auto ${frame}`}>
              <table class="w-full text-left">
                <thead>
                  <tr class="border-b border-slate-300">
                    <th scope="col" class="px-3 py-2" safe>
                      {t.day}
                    </th>
                    <th scope="col" class="px-3 py-2 text-right" safe>
                      {t.children}
                    </th>
                    <th scope="col" class="px-3 py-2 text-right" safe>
                      {t.adults}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {counts.days.map((d) => (
                    <tr class="border-b border-slate-200" data-date={d.date}>
                      <th scope="row" class="px-3 py-1 font-normal" safe>
                        {`${weekdays[d.weekday as 1]} ${formatDate(d.date)}`}
                      </th>
                      <td class="px-3 py-1 text-right" safe>
                        {String(d.children)}
                      </td>
                      <td class="px-3 py-1 text-right" safe>
                        {String(d.adults)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Section>
      ) : (
        ''
      )}
    </div>
  );
}
