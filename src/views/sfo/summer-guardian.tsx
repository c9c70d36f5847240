import { sfoPlacePaths } from '../../paths/sfo-places.ts';
import type { GuardianChild } from '../../domain/guardian/child.ts';
import { formatKroner } from '../../domain/sfo/money.ts';
import type { summerForChild, SummerAnswerInput } from '../../domain/sfo/summer.ts';
import { fill, formatDate } from '../../i18n/index.ts';
import { sfoSupportText } from '../../i18n/sfo-support.ts';
import { childPaths } from '../../paths/children.ts';
import { sfoSupportPaths } from '../../paths/sfo-support.ts';
import { link, primaryButton } from '../components/classes.ts';
import { ErrorSummary, Notice } from '../components/form.tsx';
import type { PageContext } from '../page-context.ts';

type ChildSummer = NonNullable<Awaited<ReturnType<typeof summerForChild>>>;

export interface SummerAnswerState {
  /** What was ticked in a failed attempt (else the saved answers). */
  input?: SummerAnswerInput;
  error?: boolean;
  saved?: boolean;
}

/** G10: the summer SFO registration of a child: the days per open week, until the deadline; read-only after it. */
export function ChildSummerPage({
  page,
  child,
  summer,
  today,
  state,
}: {
  page: PageContext;
  child: GuardianChild;
  summer: ChildSummer | null;
  today: string;
  state: SummerAnswerState;
}) {
  const t = sfoSupportText[page.locale].summerGuardian;
  const weekdays = sfoSupportText[page.locale].weekdays;
  const name = child.givenName;
  const action = sfoSupportPaths.childSummer(child.pupilId);
  return (
    <div id="sfo-summer" class="space-y-4">
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
      {!summer ? (
        <p safe>{fill(t.none, { name })}</p>
      ) : (
        (() => {
          const closed = today > summer.deadline;
          const ticked = (weekStart: string, weekday: number) =>
            (state.input ? (state.input[weekStart] ?? []) : (summer.answers.get(weekStart) ?? [])).includes(weekday);
          const total = [...summer.answers.values()].reduce((n, d) => n + d.length, 0);
          return (
            <>
              <Notice text={state.saved ? t.saved : undefined} />
              <p class="font-semibold" safe>
                {summer.sfoName}
              </p>
              <p safe>
                {fill(t.lead, {
                  name,
                  price: formatKroner(summer.priceOre),
                  deadline: formatDate(summer.deadline),
                })}
              </p>
              {closed ? (
                <p class="font-semibold" role="status" safe>
                  {fill(t.afterDeadline, { deadline: formatDate(summer.deadline) })}
                </p>
              ) : (
                ''
              )}
              <ErrorSummary
                heading={t.errorSummary}
                errors={state.error ? [{ field: 'sfo-summer-weeks', message: t.errors.days }] : []}
              />
              <form
                method="post"
                action={action}
                hx-post={action}
                hx-target="#sfo-summer"
                hx-swap="outerHTML"
                class="space-y-4"
                novalidate
              >
                <input type="hidden" name="period_id" value={String(summer.id)} />
                <div id="sfo-summer-weeks" class="space-y-3">
                  {summer.weeks.map((w) =>
                    w.open ? (
                      <fieldset class="rounded border border-slate-300 p-3">
                        <legend class="px-1 font-semibold" safe>
                          {fill(t.week, {
                            week: Number(w.number),
                            from: formatDate(w.days[0]!.date),
                            to: formatDate(w.days[w.days.length - 1]!.date),
                          })}
                        </legend>
                        <div class="flex flex-wrap gap-x-4 gap-y-2">
                          {w.days.map((d) => (
                            <label class="flex items-center gap-2">
                              <input
                                type="checkbox"
                                name={`w_${w.weekStart}`}
                                value={String(d.weekday)}
                                class="h-5 w-5"
                                checked={ticked(w.weekStart, d.weekday)}
                                disabled={closed}
                              />
                              <span safe>{`${weekdays[d.weekday as 1]} ${formatDate(d.date).slice(0, 5)}`}</span>
                            </label>
                          ))}
                        </div>
                      </fieldset>
                    ) : (
                      <p class="text-slate-700" safe>
                        {fill(t.closedWeek, { week: Number(w.number) })}
                      </p>
                    ),
                  )}
                </div>
                {summer.answers.size ? (
                  <p safe>{`${t.yourAnswer}: ${total === 0 ? t.notComing : fill(t.days, { count: total })}`}</p>
                ) : (
                  ''
                )}
                {closed ? (
                  ''
                ) : (
                  <button type="submit" class={primaryButton} safe>
                    {t.save}
                  </button>
                )}
              </form>
            </>
          );
        })()
      )}
    </div>
  );
}
