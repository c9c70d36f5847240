import type { QueueItem } from '../../domain/messages/queue.ts';
import { fill } from '../../i18n/index.ts';
import { card, secondaryButton } from '../components/classes.ts';
import { formatDateTime } from '../components/dates.ts';
import type { PageContext } from '../page-context.ts';
import { textOf } from './parts.tsx';
import { messagePaths } from '../../paths/messages.ts';

interface QueueProps {
  page: PageContext;
  queue: { items: QueueItem[]; total: number };
  /** On a pupil's book: every SMS can go into this pupil's book. */
  pupil?: { id: number; name: string };
  /** The page to come back to after an action. */
  returnTo: string;
}

/** D5: SMS the webhook could not place, for the school's leadership to put in the right book or dismiss. */
export function OfficeQueue({ page, queue, pupil, returnTo }: QueueProps) {
  const t = textOf(page).queue;
  return (
    <section aria-labelledby="sms-queue-heading" class="space-y-3">
      <h2 id="sms-queue-heading" class="text-xl font-semibold" safe>
        {pupil ? t.pupilHeading : t.heading}
      </h2>
      {pupil ? '' : <p safe>{t.lead}</p>}
      {queue.items.length === 0 ? <p safe>{t.empty}</p> : ''}
      <ul class="space-y-3" role="list">
        {queue.items.map((item) => (
          <li id={`sms-${item.id}`} class={`space-y-3 ${card}`}>
            <p class="text-sm text-slate-700">
              <span class="font-semibold text-slate-900" safe>
                {fill(t.from, { from: item.guardianName ? `${item.guardianName} (${item.from})` : item.from })}
              </span>
              {' · '}
              <span safe>{fill(t.received, { date: formatDateTime(item.receivedAt) })}</span>
            </p>
            <p class="whitespace-pre-line break-words" safe>
              {item.text}
            </p>
            <div class="flex flex-wrap gap-2">
              {pupil ? (
                <PlacementForm smsId={item.id} pupilId={pupil.id} label={t.attachHere} returnTo={returnTo} />
              ) : (
                item.candidates.map((c) => (
                  <PlacementForm
                    smsId={item.id}
                    pupilId={c.pupilId}
                    label={fill(t.attachTo, { name: `${c.name}, ${c.className}` })}
                    returnTo={returnTo}
                  />
                ))
              )}
              <form method="post" action={messagePaths.smsDismissal(item.id)}>
                <input type="hidden" name="return_to" value={returnTo} />
                <button type="submit" class={secondaryButton} safe>
                  {t.dismiss}
                </button>
              </form>
            </div>
            {!pupil && item.candidates.length === 0 ? (
              <p class="text-sm text-slate-700" safe>
                {t.unknownHint}
              </p>
            ) : (
              ''
            )}
          </li>
        ))}
      </ul>
      {queue.total > queue.items.length ? (
        <p class="text-sm text-slate-700" safe>
          {fill(t.more, { shown: queue.items.length, total: queue.total })}
        </p>
      ) : (
        ''
      )}
    </section>
  );
}

function PlacementForm({
  smsId,
  pupilId,
  label,
  returnTo,
}: {
  smsId: number;
  pupilId: number;
  label: string;
  returnTo: string;
}) {
  return (
    <form method="post" action={messagePaths.smsPlacement(smsId)}>
      <input type="hidden" name="pupil_id" value={String(pupilId)} />
      <input type="hidden" name="return_to" value={returnTo} />
      <button type="submit" class={secondaryButton} safe>
        {label}
      </button>
    </form>
  );
}
