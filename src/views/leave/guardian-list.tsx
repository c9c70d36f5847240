import type { GuardianChild } from '../../domain/guardian/child.ts';
import type { LeaveOverview } from '../../domain/leave/list.ts';
import { fill } from '../../i18n/index.ts';
import { leaveText, type LeaveMessages } from '../../i18n/leave.ts';
import { card, primaryLink } from '../components/classes.ts';
import { Notice } from '../components/form.tsx';
import { SectionLink } from '../components/section-link.tsx';
import type { PageContext } from '../page-context.ts';
import { LeaveItemCard, waitingNames } from './guardian-item.tsx';
import { schoolDays } from './guardian-parts.tsx';
import { leavePaths, type LeaveNotice } from '../../paths/leave.ts';

/** The receipts the list reads from the query (`?sent=12`, …): every kind of LeaveNotice. */
export const LEAVE_NOTICES = ['sent', 'answered', 'withdrawn'] as const satisfies readonly LeaveNotice[];

export interface LeaveListState {
  /** The change just made (PRG: `?sent=12`), for the receipt. */
  notice?: { kind: LeaveNotice; applicationId: number };
  alert?: string;
}

/** The receipt in words: did it go to the school, or does it wait for the other guardian? */
function receipt(
  t: LeaveMessages,
  overview: LeaveOverview,
  state: LeaveListState,
  actorId: number,
): string | undefined {
  const item = overview.items.find((i) => i.id === state.notice?.applicationId);
  if (!item || !state.notice) return undefined;
  const names = waitingNames(t, item, actorId);
  switch (state.notice.kind) {
    case 'sent':
      return item.status === 'awaiting_guardians'
        ? fill(t.receipts.sentWaiting, { names })
        : item.status === 'submitted'
          ? t.receipts.sentToSchool
          : undefined;
    case 'answered':
      if (item.status === 'declined') return fill(t.receipts.declined, { applicant: item.applicantName });
      return item.status === 'awaiting_guardians'
        ? fill(t.receipts.confirmedWaiting, { names })
        : item.status === 'submitted'
          ? t.receipts.confirmedToSchool
          : undefined;
    case 'withdrawn':
      return item.status === 'withdrawn' ? t.receipts.withdrawn : undefined;
  }
}

/** G7: the child's leave this school year — days granted against the limit, and every application with its status. */
export function LeaveListSection({
  page,
  child,
  overview,
  state,
  actorId,
}: {
  page: PageContext;
  child: GuardianChild;
  overview: LeaveOverview;
  state: LeaveListState;
  actorId: number;
}) {
  const t = leaveText[page.locale];
  return (
    <section aria-labelledby="leave-heading" class="space-y-4">
      <h2 id="leave-heading" class="text-2xl font-semibold" safe>
        {fill(t.heading, { name: child.givenName })}
      </h2>
      <Notice text={receipt(t, overview, state, actorId)} />
      {state.alert ? (
        <p class="rounded border-2 border-red-800 bg-red-50 p-3 font-semibold text-red-950" role="alert" safe>
          {state.alert}
        </p>
      ) : (
        ''
      )}
      <p safe>{t.lead}</p>
      <p>
        <SectionLink href={leavePaths.newApplication(child.pupilId)} class={primaryLink} text={t.apply} />
      </p>
      <section aria-labelledby="leave-year-heading" class={`${card} space-y-1`}>
        <h3 id="leave-year-heading" class="text-xl font-semibold" safe>
          {overview.schoolYear ? fill(t.yearHeading, { year: overview.schoolYear.name }) : t.noSchoolYear}
        </h3>
        <p id="leave-granted" class="text-lg font-semibold" safe>
          {fill(t.granted, { granted: overview.granted, limit: overview.limit })}
        </p>
        {overview.pending > 0 ? <p safe>{fill(t.pending, { days: schoolDays(t, overview.pending) })}</p> : ''}
      </section>
      <section aria-labelledby="leave-list-heading" class="space-y-3">
        <h3 id="leave-list-heading" class="text-xl font-semibold" safe>
          {t.listHeading}
        </h3>
        {overview.items.length === 0 ? <p safe>{t.empty}</p> : ''}
        <ul class="space-y-3" role="list">
          {overview.items.map((item) => (
            <LeaveItemCard t={t} pupilId={child.pupilId} item={item} actorId={actorId} />
          ))}
        </ul>
      </section>
    </section>
  );
}
