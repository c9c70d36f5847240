import type { DevMailboxLetter } from '../../domain/letters/dev-mailbox.ts';
import { fill } from '../../i18n/index.ts';
import { lettersText } from '../../i18n/letters.ts';
import { card, link, listCard } from '../components/classes.ts';
import { formatDateTime } from '../components/dates.ts';
import type { PageContext } from '../page-context.ts';
import { letterPaths } from '../../paths/letters.ts';

/** /dev/digital-post: what the development digital mailbox received, newest first (bounded). */
export function DevDigitalPostPage({ page, letters }: { page: PageContext; letters: DevMailboxLetter[] }) {
  const t = lettersText[page.locale].dev;
  return (
    <section class="space-y-4">
      <h1 class="text-3xl font-bold" safe>
        {t.title}
      </h1>
      <p class="max-w-prose text-slate-700" safe>
        {t.lead}
      </p>
      {letters.length === 0 ? (
        <p class={card} safe>
          {t.empty}
        </p>
      ) : (
        <ul role="list" class={listCard}>
          {letters.map((l) => (
            <li class="flex flex-col gap-2 p-4 sm:flex-row sm:items-center sm:justify-between">
              <div>
                <p class="font-semibold" safe>
                  {l.title}
                </p>
                <p
                  class="text-sm text-slate-700"
                  safe
                >{`${t.recipient}: ${l.recipient} · ${t.mailbox}: ${l.mailbox} · ${t.sender}: ${l.sender}`}</p>
                <p class="text-sm text-slate-700" safe>
                  {`${t.received} ${formatDateTime(l.receivedAt)} · ${l.openedAt ? `${t.opened} ${formatDateTime(l.openedAt)}` : t.notOpened} · ${t.notified}: ${l.notifiedTo.join(', ') || '–'} (${fill(t.times, { count: l.notifications })})`}
                </p>
              </div>
              <a href={letterPaths.devDigitalPostLetter(l.id)} class={`${link} shrink-0 font-semibold`}>
                <span safe>{t.open}</span>
                <span class="sr-only" safe>{` ${l.title}`}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
