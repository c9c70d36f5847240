import type { LeaveLimit } from '../../domain/leave/limits.ts';
import { fill } from '../../i18n/index.ts';
import type { LeaveMessages } from '../../i18n/leave.ts';
import { days, schoolDays } from './guardian-parts.tsx';

export const OVER_LIMIT_ID = 'leave-over-limit';

/** The numbers of an over-limit application in words: this one, already granted, together, the limit. */
export function overLimitText(t: LeaveMessages, name: string, limit: LeaveLimit): string {
  const values = {
    days: schoolDays(t, limit.schoolDays),
    name,
    granted: days(t, limit.alreadyGranted),
    total: limit.schoolDays + limit.alreadyGranted,
    limit: limit.limit,
  };
  return fill(limit.alreadyGranted > 0 ? t.overLimit.text : t.overLimit.textNone, values);
}

/**
 * Over the limit the application is not refused (the school decides): the guardian is told the numbers and
 * must tick "send anyway". Shown on the 422 that stops the first submit.
 */
export function OverLimitWarning({
  t,
  name,
  limit,
  checked,
  error,
  focus,
}: {
  t: LeaveMessages;
  name: string;
  limit: LeaveLimit;
  checked: boolean;
  error?: string;
  focus: boolean;
}) {
  return (
    <div
      class="space-y-2 rounded border-2 border-amber-700 bg-amber-50 p-4"
      role="alert"
      {...(focus ? { tabindex: '-1', autofocus: true } : {})}
    >
      <h3 class="text-lg font-semibold" safe>
        {t.overLimit.heading}
      </h3>
      <p id={`${OVER_LIMIT_ID}-text`} safe>
        {overLimitText(t, name, limit)}
      </p>
      {limit.pending > 0 ? <p safe>{fill(t.overLimit.pending, { days: schoolDays(t, limit.pending) })}</p> : ''}
      <p safe>{t.overLimit.consequence}</p>
      {error && !checked ? (
        <p id={`${OVER_LIMIT_ID}-error`} class="font-semibold text-red-900" safe>
          {error}
        </p>
      ) : (
        ''
      )}
      <label class="flex items-start gap-2 font-semibold">
        <input
          type="checkbox"
          id={OVER_LIMIT_ID}
          name="over_limit_ok"
          value="yes"
          class="mt-1 h-5 w-5"
          checked={checked}
          required
          aria-describedby={`${OVER_LIMIT_ID}-text${error && !checked ? ` ${OVER_LIMIT_ID}-error` : ''}`}
        />
        <span safe>{t.overLimit.confirm}</span>
      </label>
    </div>
  );
}

/** The live count under the dates (htmx fetches it when a date changes; without JS it appears after submit). */
export function SchoolDaysStatus({ t, limit }: { t: LeaveMessages; limit: LeaveLimit | null }) {
  const lines = !limit
    ? [t.form.daysHelp]
    : limit.schoolDays === 0
      ? [t.form.daysNone]
      : [
          fill(t.form.daysCount, { days: schoolDays(t, limit.schoolDays) }),
          ...(limit.alreadyGranted > 0
            ? [fill(t.form.daysTotal, { total: limit.schoolDays + limit.alreadyGranted, limit: limit.limit })]
            : []),
          ...(limit.over ? [fill(t.form.daysOver, { limit: limit.limit })] : []),
        ];
  return (
    <div
      id="leave-days"
      aria-live="polite"
      class={`rounded border-l-4 p-3 ${limit?.over ? 'border-amber-700 bg-amber-50' : 'border-sky-800 bg-slate-50'}`}
    >
      {lines.map((line) => (
        <p safe>{line}</p>
      ))}
    </div>
  );
}
