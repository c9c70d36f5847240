import type { StaffRole } from '../../db/schema.ts';
import { unreadLabel } from '../../domain/messages/lists.ts';
import { fill } from '../../i18n/index.ts';
import { staffNavText } from '../../i18n/staff-nav.ts';
import { applicationPaths } from '../../paths/applications.ts';
import { letterPaths } from '../../paths/letters.ts';
import { messagePaths } from '../../paths/messages.ts';
import { card, link } from '../components/classes.ts';
import { staffNavEntries } from '../components/staff-nav.tsx';
import type { PageContext } from '../page-context.ts';

export interface StaffWaitingCounts {
  unreadThreads: number;
  applications: number;
  letters: number;
}

const count = (one: string, many: string, n: number) => (n === 1 ? one : fill(many, { count: n }));

/**
 * "Venter på deg" on the staff home (issue 19, item 3): unread messages, applications waiting for a decision and
 * letters to print, each a link to where it is done; only those the person's roles use (as the staff navigation).
 */
export function StaffWaiting({
  page,
  roles,
  counts,
}: {
  page: PageContext;
  roles: StaffRole[];
  counts: StaffWaitingCounts;
}) {
  const t = staffNavText[page.locale];
  const uses = new Set(staffNavEntries(roles).map((e) => e.key));
  const items = [
    uses.has('messages') && counts.unreadThreads
      ? {
          href: messagePaths.inbox(),
          text:
            counts.unreadThreads === 1 ? t.unreadOne : fill(t.unreadMany, { count: unreadLabel(counts.unreadThreads) }),
        }
      : null,
    uses.has('applications') && counts.applications
      ? { href: applicationPaths.queue(), text: count(t.applicationsOne, t.applicationsMany, counts.applications) }
      : null,
    uses.has('letters') && counts.letters
      ? { href: letterPaths.overview, text: count(t.lettersOne, t.lettersMany, counts.letters) }
      : null,
  ].filter((i) => i !== null);
  if (!uses.has('messages') && !uses.has('applications') && !uses.has('letters')) return '';
  return (
    <section aria-labelledby="waiting-heading" class={`${card} space-y-2`}>
      <h2 id="waiting-heading" class="text-xl font-semibold" safe>
        {t.waitingHeading}
      </h2>
      {items.length ? (
        <ul class="space-y-1" role="list">
          {items.map((i) => (
            <li>
              <a href={i.href} class={`${link} font-semibold`} safe>
                {i.text}
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p safe>{t.nothingWaits}</p>
      )}
    </section>
  );
}
