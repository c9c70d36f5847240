import type { Children } from '@kitajs/html';
import { fill } from '../../i18n/index.ts';
import type { LeaveDecisionMessages } from '../../i18n/leave-decision.ts';

export const schoolDaysText = (t: LeaveDecisionMessages, n: number) => fill(n === 1 ? t.schoolDay : t.schoolDayPlural, { count: n });

/** "2 dager og 3 timer, herav 0 dager permisjon. Kommet for sent: 1." */
export function absenceTotalsText(t: LeaveDecisionMessages, totals: { days: number; hours: number; leaveDays: number; late: number }): string {
  const days = (n: number) => fill(n === 1 ? t.day : t.days, { count: n });
  return fill(t.absenceTotals, { days: days(totals.days), hours: fill(totals.hours === 1 ? t.hour : t.hours, { count: totals.hours }), leave: days(totals.leaveDays), late: totals.late });
}

/** One label/value row of a description list (stacked on a phone, side by side from sm). */
export function Row({ label, children }: { label: string; children: Children }) {
  return (
    <div class="sm:grid sm:grid-cols-[12rem_1fr] sm:gap-3">
      <dt class="font-semibold" safe>{label}</dt>
      <dd class="mb-2 sm:mb-0">{children}</dd>
    </div>
  );
}
