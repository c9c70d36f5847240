import type { StaffRole } from '../../db/schema.ts';
import { applicationsText } from '../../i18n/applications.ts';
import { broadcastsText } from '../../i18n/broadcasts.ts';
import { fill } from '../../i18n/index.ts';
import { formsText } from '../../i18n/forms.ts';
import { messageBookText } from '../../i18n/messages.ts';
import { newsText } from '../../i18n/news.ts';
import { ownerSettingsText } from '../../i18n/owner-settings.ts';
import { fregText } from '../../i18n/freg.ts';
import { fregReportPaths } from '../../paths/freg-reports.ts';
import { timetableText } from '../../i18n/timetable.ts';
import { broadcastPaths } from '../../paths/broadcasts.ts';
import { formPaths } from '../../paths/forms.ts';
import { letterPaths } from '../../paths/letters.ts';
import { messagePaths } from '../../paths/messages.ts';
import { newsPaths } from '../../paths/news.ts';
import { ownerSettingsPaths } from '../../paths/owner-settings.ts';
import { timetablePaths } from '../../paths/timetable.ts';
import { applicationPaths } from '../../paths/applications.ts';
import { lettersText } from '../../i18n/letters.ts';
import { officeText } from '../../i18n/office.ts';
import { officePaths } from '../../paths/office.ts';
import { skoleruteText } from '../../i18n/skolerute.ts';
import { skolerutePaths } from '../../paths/skolerute.ts';
import { sfoAdminText } from '../../i18n/sfo-admin.ts';
import { sfoAdminPaths } from '../../paths/sfo-admin.ts';
import { link } from '../components/classes.ts';
import type { PageContext } from '../page-context.ts';

const SENDERS: StaffRole[] = ['leadership', 'contact_teacher', 'teacher', 'sfo_leader', 'sfo_staff'];

/** The staff home's tools, by role: only links to pages the person can use. */
export function StaffTools({
  page,
  roles,
  unreadThreads = 0,
}: {
  page: PageContext;
  roles: StaffRole[];
  unreadThreads?: number;
}) {
  const has = (...wanted: StaffRole[]) => roles.some((r) => wanted.includes(r));
  const links = [
    {
      href: messagePaths.inbox(),
      label: unreadThreads
        ? `${messageBookText[page.locale].title} (${fill(messageBookText[page.locale].inboxUnread, { count: unreadThreads })})`
        : messageBookText[page.locale].title,
      show: has(...SENDERS),
    },
    { href: broadcastPaths.list, label: broadcastsText[page.locale].title, show: has(...SENDERS, 'school_owner') },
    { href: newsPaths.list, label: newsText[page.locale].title, show: has(...SENDERS) },
    { href: timetablePaths.own(), label: timetableText[page.locale].title, show: true },
    { href: applicationPaths.queue(), label: applicationsText[page.locale].title, show: has('leadership') },
    { href: formPaths.list, label: formsText[page.locale].title, show: has(...SENDERS) },
    { href: letterPaths.overview, label: lettersText[page.locale].link, show: has('leadership') },
    { href: fregReportPaths.list, label: fregText[page.locale].link, show: has('leadership', 'school_owner') },
    { href: officePaths.start, label: officeText[page.locale].link, show: has('leadership', 'school_owner') },
    { href: skolerutePaths.start, label: skoleruteText[page.locale].link, show: has('leadership', 'school_owner') },
    { href: ownerSettingsPaths.page, label: ownerSettingsText[page.locale].link, show: has('school_owner') },
    {
      href: sfoAdminPaths.list,
      label: sfoAdminText[page.locale].link,
      show: has('sfo_leader', 'leadership', 'school_owner'),
    },
  ].filter((l) => l.show);
  return (
    <nav aria-label={page.t.home.toolsNav}>
      <ul class="flex flex-wrap gap-x-6 gap-y-2" role="list">
        {links.map((l) => (
          <li>
            <a href={l.href} class={link} safe>
              {l.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
