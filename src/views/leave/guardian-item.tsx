import type { LeaveItem } from '../../domain/leave/list.ts';
import { documentPaths } from '../../paths/documents.ts';
import { leavePaths } from '../../paths/leave.ts';
import { mayWithdraw } from '../../domain/applications/status.ts';
import { fill, formatDate } from '../../i18n/index.ts';
import type { LeaveMessages } from '../../i18n/leave.ts';
import { dayMonth, joinNames, schoolDays } from './guardian-parts.tsx';
import { card, link, primaryButton, secondaryButton, smallButton } from '../components/classes.ts';
import { dateRange } from '../components/dates.ts';

/** Who still has to confirm, the reader as "du". */
export const waitingNames = (t: LeaveMessages, item: LeaveItem, actorId: number) =>
  joinNames(
    t,
    item.waitingFor.map((w) => (w.personId === actorId ? t.you : w.name)),
  );

/** Where the application stands, in words. */
export function statusText(t: LeaveMessages, item: LeaveItem, actorId: number): string {
  switch (item.status) {
    case 'awaiting_guardians':
      return fill(t.states.awaiting, { names: waitingNames(t, item, actorId) });
    case 'submitted':
      return fill(t.states.submitted, { date: formatDate(item.submittedAt ?? item.createdAt) });
    case 'partly_granted':
      return fill(t.states.partly_granted, {
        period:
          (item.grantedFrom ?? item.from) === (item.grantedTo ?? item.to)
            ? dayMonth(item.grantedFrom ?? item.from)
            : `${dayMonth(item.grantedFrom ?? item.from)}–${dayMonth(item.grantedTo ?? item.to)}`,
      });
    case 'declined':
      return fill(t.states.declined, { names: joinNames(t, item.declinedBy) });
    default:
      return t.states[item.status];
  }
}

const hxPost = (path: string) => ({ 'hx-post': path, 'hx-target': '#child-section' });

/** One application: dates, days, reason, status; the vedtak once decided; confirm/decline for the other guardian; withdraw. */
export function LeaveItemCard({
  t,
  pupilId,
  item,
  actorId,
}: {
  t: LeaveMessages;
  pupilId: number;
  item: LeaveItem;
  actorId: number;
}) {
  const id = `leave-application-${item.id}`;
  const mustAnswer = item.status === 'awaiting_guardians' && item.waitingFor.some((w) => w.personId === actorId);
  const confirmation = leavePaths.confirmation(pupilId, item.id);
  const withdrawal = leavePaths.withdrawal(pupilId, item.id);
  return (
    <li id={id} class={`${card} space-y-2`}>
      <h4
        id={`${id}-heading`}
        class="text-lg font-semibold"
        safe
      >{`${dateRange(item.from, item.to)} (${schoolDays(t, item.schoolDays)})`}</h4>
      <dl class="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <dt class="font-semibold" safe>
          {t.reason}
        </dt>
        <dd safe>{t.reasons[item.reason]}</dd>
        <dt class="font-semibold" safe>
          {t.status}
        </dt>
        <dd class="leave-status" safe>
          {statusText(t, item, actorId)}
        </dd>
      </dl>
      <p class="text-sm text-slate-700" safe>
        {fill(t.appliedBy, { name: item.applicantName, date: formatDate(item.createdAt) })}
      </p>
      {item.documentId ? (
        <p>
          <a href={documentPaths.download(item.documentId)} class={link} safe>
            {t.vedtak}
          </a>
        </p>
      ) : (
        ''
      )}
      {mustAnswer ? (
        <div class="space-y-2 rounded border-l-4 border-amber-700 bg-amber-50 p-3">
          <p id={`${id}-confirm-lead`} safe>
            {fill(t.confirmLead, { applicant: item.applicantName })}
          </p>
          <div class="flex flex-wrap gap-3">
            <form method="post" action={confirmation} {...hxPost(confirmation)}>
              <input type="hidden" name="answer" value="confirmed" />
              <button type="submit" class={primaryButton} aria-describedby={`${id}-confirm-lead`} safe>
                {t.confirm}
              </button>
            </form>
            <form method="post" action={confirmation} {...hxPost(confirmation)}>
              <input type="hidden" name="answer" value="declined" />
              <button type="submit" class={secondaryButton} aria-describedby={`${id}-confirm-lead`} safe>
                {t.decline}
              </button>
            </form>
          </div>
        </div>
      ) : (
        ''
      )}
      {mayWithdraw(item.status) ? (
        <form method="post" action={withdrawal} {...hxPost(withdrawal)}>
          <button type="submit" class={smallButton} aria-describedby={`${id}-heading`} safe>
            {t.withdraw}
          </button>
        </form>
      ) : (
        ''
      )}
    </li>
  );
}
