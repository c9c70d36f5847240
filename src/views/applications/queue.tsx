import type { AnyCase } from '../../domain/applications/kinds.ts';
import type { ApplicationQueue, QueueItem } from '../../domain/applications/queue.ts';
import { applicationsText, type ApplicationsMessages } from '../../i18n/applications.ts';
import { fill, formatDate, type Locale } from '../../i18n/index.ts';
import { applicationPaths } from '../../paths/applications.ts';
import type { PageContext } from '../page-context.ts';
import { viewOf } from './kinds.tsx';
import { card, link, listCard, secondaryButton } from '../components/classes.ts';
import { Row } from './parts.tsx';

/** "Søknader", or the kind's own title when the queue is filtered to one kind ("Permisjonssøknader"). */
export const queueTitle = (locale: Locale, queue: ApplicationQueue) =>
  queue.kind ? viewOf(queue.kind).queueTitle(locale) : applicationsText[locale].title;

/**
 * S8: every application the actor decides, of every kind (or one kind: the filter, a GET form that htmx swaps in
 * place), waiting for a decision as cards (so it works at 375 px), and the latest decided.
 */
export function ApplicationQueuePage({ page, queue }: { page: PageContext; queue: ApplicationQueue }) {
  const t = applicationsText[page.locale];
  const pageNumber = Math.floor(queue.offset / queue.limit) + 1;
  const last = queue.offset + queue.items.length;
  const notes = (queue.kind ? [queue.kind] : queue.kinds)
    .map((kind) => viewOf(kind).queueNote(page.locale))
    .filter((n): n is string => !!n);
  const href = (n: number) => applicationPaths.queue({ kind: queue.kind, page: n });
  return (
    <div id="applications" class="max-w-3xl space-y-6">
      <h1 class="text-3xl font-bold" safe>
        {queueTitle(page.locale, queue)}
      </h1>
      <p safe>{[t.lead, ...notes].join(' ')}</p>
      <KindFilter t={t} queue={queue} />
      <section aria-labelledby="queue-heading" class="space-y-3">
        <h2 id="queue-heading" class="text-xl font-semibold" safe>
          {t.waitingHeading}
        </h2>
        {queue.items.length === 0 ? (
          <p safe>{t.queueEmpty}</p>
        ) : (
          <>
            <p class="text-sm text-slate-700" safe>
              {fill(t.queueShowing, { first: queue.offset + 1, last, total: queue.total })}
            </p>
            <ol id="application-queue" class="space-y-3" role="list">
              {queue.items.map((item) => (
                <QueueCard page={page} item={item} />
              ))}
            </ol>
          </>
        )}
        {queue.offset > 0 || last < queue.total ? (
          <nav aria-label={t.pagination} class="flex flex-wrap gap-4">
            {queue.offset > 0 ? (
              <a href={href(pageNumber - 1)} rel="prev" class={link} safe>
                {t.previousPage}
              </a>
            ) : (
              ''
            )}
            {last < queue.total ? (
              <a href={href(pageNumber + 1)} rel="next" class={link} safe>
                {t.nextPage}
              </a>
            ) : (
              ''
            )}
          </nav>
        ) : (
          ''
        )}
      </section>
      {queue.recent.length ? (
        <section aria-labelledby="recent-heading" class="space-y-2">
          <h2 id="recent-heading" class="text-xl font-semibold" safe>
            {t.recentHeading}
          </h2>
          <ul id="application-recent" class={listCard} role="list">
            {queue.recent.map((app) => (
              <RecentItem page={page} app={app} />
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
    </div>
  );
}

/** The kind filter: a plain GET form (works without JavaScript); htmx swaps the page content and pushes the URL. */
function KindFilter({ t, queue }: { t: ApplicationsMessages; queue: ApplicationQueue }) {
  const action = applicationPaths.queue();
  return (
    <form
      method="get"
      action={action}
      hx-get={action}
      hx-target="#applications"
      hx-swap="outerHTML"
      hx-push-url="true"
      class="flex flex-wrap items-end gap-3"
    >
      <div class="flex flex-col gap-1">
        <label for="application-kind" class="font-semibold" safe>
          {t.kindLabel}
        </label>
        <select id="application-kind" name="kind" class="rounded border border-slate-500 bg-white p-2">
          <option value="" selected={queue.kind === null} safe>
            {t.allKinds}
          </option>
          {queue.kinds.map((kind) => (
            <option value={kind} selected={queue.kind === kind} safe>
              {t.kinds[kind]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class={secondaryButton} safe>
        {t.filter}
      </button>
    </form>
  );
}

function QueueCard({ page, item }: { page: PageContext; item: QueueItem }) {
  const t = applicationsText[page.locale];
  const view = viewOf(item.kind);
  return (
    <li class={card}>
      <p class="text-sm font-semibold text-slate-700" safe>
        {t.kinds[item.kind]}
      </p>
      <h3 class="text-lg font-semibold">
        <a href={applicationPaths.application(item.id)} class={link} safe>
          {view.summary(page.locale, item)}
        </a>
      </h3>
      <dl class="mt-2">
        <view.QueueRows page={page} item={item} />
        <Row label={t.applicant}>
          <span safe>{item.applicantName}</span>
        </Row>
        <Row label={t.received}>{item.submittedAt ? <span safe>{formatDate(item.submittedAt)}</span> : ''}</Row>
      </dl>
    </li>
  );
}

function RecentItem({ page, app }: { page: PageContext; app: AnyCase }) {
  const t = applicationsText[page.locale];
  const view = viewOf(app.kind);
  const d = app.decision;
  const decidedBy = d ? ` · ${fill(t.decidedBy, { name: d.deciderName, date: formatDate(d.decidedAt) })}` : '';
  return (
    <li class="px-4 py-2">
      <a href={applicationPaths.application(app.id)} class={link} safe>
        {view.summary(page.locale, app)}
      </a>
      <span
        class="block text-sm text-slate-700"
        safe
      >{`${t.kinds[app.kind]} · ${t.statuses[app.status]}${view.grantSummary(page.locale, app)}${decidedBy}`}</span>
    </li>
  );
}
