import type { Paged } from '../../domain/paging.ts';
import type { ReceivedBroadcast } from '../../domain/broadcasts/received.ts';
import { broadcastsText } from '../../i18n/broadcasts.ts';
import { fill, formatDate } from '../../i18n/index.ts';
import { card, link, listCard } from '../components/classes.ts';
import type { PageContext } from '../page-context.ts';
import { namesList, Pager } from './parts.tsx';
import { broadcastPaths } from '../../paths/broadcasts.ts';

function ReceivedItem({ page, broadcast }: { page: PageContext; broadcast: ReceivedBroadcast }) {
  const t = broadcastsText[page.locale];
  return (
    <li class="px-4 py-3">
      <a href={broadcastPaths.broadcast(broadcast.id)} class={`${link} font-semibold`} safe>
        {broadcast.subject}
      </a>
      {broadcast.readAt === null ? (
        <strong class="ml-2 rounded bg-sky-800 px-1.5 text-sm text-white" safe>
          {t.unread}
        </strong>
      ) : (
        ''
      )}
      <p class="text-sm text-slate-700" safe>
        {[
          fill(t.toChildren, { children: namesList(page.locale, broadcast.children) }),
          broadcast.from,
          fill(t.sentOn, { date: formatDate(broadcast.createdAt) }),
        ].join(' · ')}
      </p>
    </li>
  );
}

/** GET /broadcasts for a guardian: the notices they received, newest first. */
export function ReceivedListPage({ page, received }: { page: PageContext; received: Paged<ReceivedBroadcast> }) {
  const t = broadcastsText[page.locale];
  return (
    <div class="space-y-4">
      <h1 class="text-3xl font-bold" safe>
        {t.receivedTitle}
      </h1>
      {received.items.length === 0 ? (
        <p safe>{t.noneReceived}</p>
      ) : (
        <ul class={listCard} role="list">
          {received.items.map((b) => (
            <ReceivedItem page={page} broadcast={b} />
          ))}
        </ul>
      )}
      <Pager
        label={t.pageLabel}
        page={received.page}
        hasNext={received.hasNext}
        href={broadcastPaths.listPage}
        previousText={t.previous}
        nextText={t.next}
      />
    </div>
  );
}

/** GET /broadcasts/:id for a guardian: their own copy, naming their children. Never the other recipients. */
export function ReceivedBroadcastPage({ page, broadcast }: { page: PageContext; broadcast: ReceivedBroadcast }) {
  const t = broadcastsText[page.locale];
  return (
    <article class="max-w-prose space-y-4" aria-labelledby="broadcast-heading">
      <p>
        <a href={broadcastPaths.list} class={link} safe>
          {t.backToReceived}
        </a>
      </p>
      <h1 id="broadcast-heading" class="text-3xl font-bold" safe>
        {broadcast.subject}
      </h1>
      <p class="font-semibold" safe>
        {fill(t.toChildren, { children: namesList(page.locale, broadcast.children) })}
      </p>
      <p class="text-slate-700" safe>
        {[
          fill(t.fromSender, { name: broadcast.senderName, school: broadcast.from }),
          fill(t.sentOn, { date: formatDate(broadcast.createdAt) }),
        ].join(' · ')}
      </p>
      <div class={`space-y-3 ${card}`}>
        <p class="whitespace-pre-line" safe>
          {broadcast.body}
        </p>
      </div>
    </article>
  );
}

/** On the child's news tab: the latest notices about this child, with a link to all of them. */
export function LatestBroadcasts({
  page,
  childName,
  broadcasts,
}: {
  page: PageContext;
  childName: string;
  broadcasts: ReceivedBroadcast[];
}) {
  if (broadcasts.length === 0) return '';
  const t = broadcastsText[page.locale];
  return (
    <section aria-labelledby="latest-broadcasts-heading" class="space-y-2">
      <h3 id="latest-broadcasts-heading" class="text-lg font-semibold" safe>
        {fill(t.latestFor, { name: childName })}
      </h3>
      <ul class={listCard} role="list">
        {broadcasts.map((b) => (
          <ReceivedItem page={page} broadcast={b} />
        ))}
      </ul>
      <p>
        <a href={broadcastPaths.list} class={link} safe>
          {t.allReceived}
        </a>
      </p>
    </section>
  );
}
