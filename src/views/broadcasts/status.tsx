import type { Paged } from '../../domain/paging.ts';
import type { DeliveryCount, DeliverySummary, RecipientStatus, SentBroadcast } from '../../domain/broadcasts/sent.ts';
import type { OutboxDeliveryStatus } from '../../domain/delivery/status.ts';
import { CHANNELS, channelText } from '../components/delivery-status.tsx';
import { deliveryText, type DeliveryMessages } from '../../i18n/delivery.ts';
import { broadcastsText } from '../../i18n/broadcasts.ts';
import { fill, formatDate } from '../../i18n/index.ts';
import { card, link } from '../components/classes.ts';
import { formatDateTime } from '../components/dates.ts';
import { Notice } from '../components/form.tsx';
import { TableRegion } from '../components/table.tsx';
import type { PageContext } from '../page-context.ts';
import { audienceLabel, Pager } from './parts.tsx';
import { broadcastPaths } from '../../paths/broadcasts.ts';

/** GET /broadcasts/:id for its sender: the notice as sent, the number of recipients, read status per recipient. */
const COUNT_ORDER: DeliveryCount[] = ['delivered', 'sent', 'queued', 'waiting', 'skipped', 'failed'];

function countWord(d: DeliveryMessages, state: DeliveryCount): string {
  return state === 'waiting' ? d.status.pending : d.status[state];
}

/** "SMS: 28 sendt, 2 ikke sendt · E-post: 30 sendt" */
function summaryText(d: DeliveryMessages, summary: DeliverySummary): string {
  return CHANNELS.map((channel) => {
    const parts = COUNT_ORDER.filter((s) => summary[channel][s]).map(
      (s) => `${summary[channel][s]} ${countWord(d, s)}`,
    );
    return `${d.channel[channel]}: ${parts.join(', ') || '–'}`;
  }).join(' · ');
}

function DeliveryCell({ d, delivery }: { d: DeliveryMessages; delivery: OutboxDeliveryStatus | null }) {
  if (!delivery) return <span>–</span>;
  return (
    <ul role="list" class="text-sm">
      {CHANNELS.map((channel) => (
        <li safe>{`${d.channel[channel]}: ${channelText(d, delivery[channel])}`}</li>
      ))}
    </ul>
  );
}

export function BroadcastStatusPage({
  page,
  broadcast,
  recipients,
  delivery,
  sentCount,
}: {
  page: PageContext;
  broadcast: SentBroadcast;
  recipients: Paged<RecipientStatus>;
  delivery: DeliverySummary;
  sentCount?: number;
}) {
  const t = broadcastsText[page.locale];
  const d = deliveryText[page.locale];
  const audience = audienceLabel(
    page.locale,
    {
      kind: broadcast.audienceKind,
      name: broadcast.audienceName,
      trinn: broadcast.trinn,
      schoolName: broadcast.schoolName,
    },
    broadcast.audienceKind === 'trinn',
  );
  return (
    <div class="space-y-4">
      <p>
        <a href={broadcastPaths.list} class={link} safe>
          {t.backToSent}
        </a>
      </p>
      <h1 class="text-3xl font-bold" safe>
        {broadcast.subject}
      </h1>
      <Notice text={sentCount !== undefined ? fill(t.sent, { recipients: sentCount }) : undefined} />
      <p class="text-slate-700" safe>
        {[
          fill(t.toAudience, { audience }),
          fill(t.fromSender, { name: broadcast.senderName, school: broadcast.schoolName }),
          fill(t.sentOn, { date: formatDate(broadcast.createdAt) }),
        ].join(' · ')}
      </p>
      {broadcast.targetSchools && broadcast.targetTrinn ? (
        <ul id="notice-targets" class="text-slate-700" role="list">
          <li safe>{`${t.municipality.schools}: ${broadcast.targetSchools.join(', ')}`}</li>
          <li safe>
            {`${t.municipality.trinn}: ${broadcast.targetTrinn.map((n) => fill(t.trinnName, { trinn: n })).join(', ')}`}
          </li>
        </ul>
      ) : (
        ''
      )}
      <div class={`space-y-3 ${card}`}>
        <p class="whitespace-pre-line" safe>
          {broadcast.body}
        </p>
      </div>
      <section aria-labelledby="recipients-heading" class="space-y-2">
        <h2 id="recipients-heading" class="text-xl font-semibold" safe>
          {t.recipients}
        </h2>
        <p id="read-count" class="font-semibold" safe>
          {fill(t.readCount, { read: broadcast.read, recipients: broadcast.recipients })}
        </p>
        <p id="delivery-summary" class="text-slate-700" safe>{`${t.deliverySummary}: ${summaryText(d, delivery)}`}</p>
        <TableRegion framed>
          <table role="table" class="stack-table w-full border-collapse text-left" aria-describedby="read-count">
            <caption class="sr-only" safe>
              {t.recipients}
            </caption>
            <thead role="rowgroup">
              <tr role="row" class="border-b border-slate-300">
                <th scope="col" role="columnheader" class="px-3 py-2" safe>
                  {t.guardian}
                </th>
                <th scope="col" role="columnheader" class="px-3 py-2" safe>
                  {t.children}
                </th>
                <th scope="col" role="columnheader" class="px-3 py-2" safe>
                  {t.status}
                </th>
                <th scope="col" role="columnheader" class="px-3 py-2" safe>
                  {t.deliveryColumn}
                </th>
              </tr>
            </thead>
            <tbody role="rowgroup">
              {recipients.items.map((r) => (
                <tr role="row" class="border-b border-slate-200">
                  <td role="cell" class="px-3 py-2 font-semibold sm:font-normal" safe>
                    {r.guardianName}
                  </td>
                  <td role="cell" data-label={t.children} class="px-3 py-2" safe>
                    {r.children.join(', ')}
                  </td>
                  <td role="cell" data-label={t.status} class="px-3 py-2" safe>
                    {r.readAt ? fill(t.readAt, { date: formatDateTime(r.readAt) }) : t.notRead}
                  </td>
                  <td role="cell" data-label={t.deliveryColumn} class="px-3 py-2">
                    <DeliveryCell d={d} delivery={r.delivery} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
        <Pager
          label={t.pageLabel}
          page={recipients.page}
          hasNext={recipients.hasNext}
          href={(n) => broadcastPaths.broadcastPage(broadcast.id, n)}
          previousText={t.previous}
          nextText={t.next}
        />
      </section>
    </div>
  );
}
