import type { StaffRole } from '../../db/schema.ts';
import { applicationsText } from '../../i18n/applications.ts';
import { broadcastsText } from '../../i18n/broadcasts.ts';
import { fill } from '../../i18n/index.ts';
import { formsText } from '../../i18n/forms.ts';
import { messageBookText } from '../../i18n/messages.ts';
import { newsText } from '../../i18n/news.ts';
import { ownerSettingsText } from '../../i18n/owner-settings.ts';
import { timetableText } from '../../i18n/timetable.ts';
import { applicationPaths } from '../../paths/applications.ts';
import { formPaths } from '../forms/urls.ts';
import { letterPaths } from '../letters/paths.ts';
import { lettersText } from '../../i18n/letters.ts';
import type { PageContext } from '../page-context.ts';
import { paths } from '../urls.ts';
import { timetablePaths } from './timetable.tsx';

const SENDERS: StaffRole[] = ['leadership', 'contact_teacher', 'teacher', 'sfo_leader', 'sfo_staff'];

/** The staff home's tools, by role: only links to pages the person can use. */
export function StaffTools({ page, roles, unreadThreads = 0 }: { page: PageContext; roles: StaffRole[]; unreadThreads?: number }) {
  const has = (...wanted: StaffRole[]) => roles.some((r) => wanted.includes(r));
  const links = [
    { href: paths.messages, label: unreadThreads ? `${messageBookText[page.locale].title} (${fill(messageBookText[page.locale].inboxUnread, { count: unreadThreads })})` : messageBookText[page.locale].title, show: has(...SENDERS) },
    { href: paths.broadcasts, label: broadcastsText[page.locale].title, show: has(...SENDERS, 'school_owner') },
    { href: paths.news, label: newsText[page.locale].title, show: has(...SENDERS) },
    { href: timetablePaths.own(), label: timetableText[page.locale].title, show: true },
    { href: applicationPaths.queue(), label: applicationsText[page.locale].title, show: has('leadership') },
    { href: formPaths.list, label: formsText[page.locale].title, show: has(...SENDERS) },
    { href: letterPaths.overview, label: lettersText[page.locale].link, show: has('leadership') },
    { href: paths.ownerSettingsPage, label: ownerSettingsText[page.locale].link, show: has('school_owner') },
  ].filter((l) => l.show);
  return (
    <nav aria-label={page.t.home.toolsNav}>
      <ul class="flex flex-wrap gap-x-6 gap-y-2" role="list">
        {links.map((l) => (
          <li><a href={l.href} class="text-sky-900 underline underline-offset-2" safe>{l.label}</a></li>
        ))}
      </ul>
    </nav>
  );
}
