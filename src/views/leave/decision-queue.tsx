import type { LeaveCase, LeaveQueue, QueueItem } from '../../domain/leave/queue.ts';
import { fill, formatDate } from '../../i18n/index.ts';
import { leaveDecisionText, type LeaveDecisionMessages } from '../../i18n/leave-decision.ts';
import { card, link, listCard } from '../components/classes.ts';
import { dateRange } from '../components/dates.ts';
import type { PageContext } from '../page-context.ts';
import { leaveDecisionPaths } from '../../paths/leave-decisions.ts';
import { absenceTotalsText, Row, schoolDaysText } from './decision-parts.tsx';

/** S8: the applications waiting for the leadership's decision (cards, so it works at 375 px), and the latest decided. */
export function DecisionQueuePage({ page, queue }: { page: PageContext; queue: LeaveQueue }) {
  const t = leaveDecisionText[page.locale];
  const pageNumber = Math.floor(queue.offset / queue.limit) + 1;
  const last = queue.offset + queue.items.length;
  return (
    <div class="max-w-3xl space-y-6">
      <h1 class="text-3xl font-bold" safe>{t.queueTitle}</h1>
      <p safe>{t.queueLead}</p>
      <section aria-labelledby="queue-heading" class="space-y-3">
        <h2 id="queue-heading" class="text-xl font-semibold" safe>{t.waitingHeading}</h2>
        {queue.items.length === 0 ? <p safe>{t.queueEmpty}</p> : (
          <>
            <p class="text-sm text-slate-700" safe>{fill(t.queueShowing, { first: queue.offset + 1, last, total: queue.total })}</p>
            <ol id="leave-queue" class="space-y-3" role="list">
              {queue.items.map((item) => <QueueCard t={t} item={item} />)}
            </ol>
          </>
        )}
        {queue.offset > 0 || last < queue.total ? (
          <nav aria-label={t.pagination} class="flex flex-wrap gap-4">
            {queue.offset > 0 ? <a href={leaveDecisionPaths.queue(pageNumber - 1)} rel="prev" class={link} safe>{t.previousPage}</a> : ''}
            {last < queue.total ? <a href={leaveDecisionPaths.queue(pageNumber + 1)} rel="next" class={link} safe>{t.nextPage}</a> : ''}
          </nav>
        ) : ''}
      </section>
      {queue.recent.length ? (
        <section aria-labelledby="recent-heading" class="space-y-2">
          <h2 id="recent-heading" class="text-xl font-semibold" safe>{t.recentHeading}</h2>
          <ul id="leave-recent" class={listCard} role="list">
            {queue.recent.map((leave) => <RecentItem t={t} leave={leave} />)}
          </ul>
        </section>
      ) : ''}
    </div>
  );
}

function QueueCard({ t, item }: { t: LeaveDecisionMessages; item: QueueItem }) {
  return (
    <li class={card}>
      <h3 class="text-lg font-semibold">
        <a href={leaveDecisionPaths.application(item.id)} class={link} safe>{`${item.pupilName}, ${item.className}: ${dateRange(item.from, item.to)}`}</a>
      </h3>
      <dl class="mt-2">
        <Row label={t.schoolDays}><span safe>{String(item.schoolDays)}</span></Row>
        <Row label={t.reason}><span safe>{t.reasonsByCode[item.reason]}</span></Row>
        <Row label={t.applicant}><span safe>{item.applicantName}</span></Row>
        <Row label={t.received}>{item.submittedAt ? <span safe>{formatDate(item.submittedAt)}</span> : ''}</Row>
        <Row label={t.absence}><span safe>{item.absence ? absenceTotalsText(t, item.absence) : t.noSchoolYear}</span></Row>
      </dl>
    </li>
  );
}

function RecentItem({ t, leave }: { t: LeaveDecisionMessages; leave: LeaveCase }) {
  const d = leave.decision;
  const granted = d?.grantedFrom && d.grantedTo ? ` (${dateRange(d.grantedFrom, d.grantedTo)}, ${schoolDaysText(t, d.grantedDays ?? 0)})` : '';
  return (
    <li class="px-4 py-2">
      <a href={leaveDecisionPaths.application(leave.id)} class={link} safe>{`${leave.pupilName}, ${leave.className}: ${dateRange(leave.from, leave.to)}`}</a>
      <span class="block text-sm text-slate-700" safe>{`${t.statuses[leave.status]}${granted}${d ? ` · ${fill(t.decidedBy, { name: d.deciderName, date: formatDate(d.decidedAt) })}` : ''}`}</span>
    </li>
  );
}
