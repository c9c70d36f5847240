import type { StaffRole } from '../../db/schema.ts';
import { staffNavText } from '../../i18n/staff-nav.ts';
import { applicationPaths } from '../../paths/applications.ts';
import { broadcastPaths } from '../../paths/broadcasts.ts';
import { formPaths } from '../../paths/forms.ts';
import { fregReportPaths } from '../../paths/freg-reports.ts';
import { letterPaths } from '../../paths/letters.ts';
import { messagePaths } from '../../paths/messages.ts';
import { newsPaths } from '../../paths/news.ts';
import { officePaths } from '../../paths/office.ts';
import { ownerSettingsPaths } from '../../paths/owner-settings.ts';
import { careBoardPaths } from '../../paths/care-board.ts';
import { kindergartenOfficePaths } from '../../paths/kindergarten-office.ts';
import { sfoAdminPaths } from '../../paths/sfo-admin.ts';
import { schoolStatisticsPaths } from '../../paths/school-statistics.ts';
import { skolerutePaths } from '../../paths/skolerute.ts';
import { timetablePaths } from '../../paths/timetable.ts';
import type { PageContext } from '../page-context.ts';

/** Roles that write to guardians (messages, notices, news, forms). */
const SENDERS: StaffRole[] = ['leadership', 'contact_teacher', 'teacher', 'sfo_leader', 'sfo_staff'];

type NavKey = Exclude<
  keyof (typeof staffNavText)['nb'],
  `${string}One` | `${string}Many` | 'nav' | 'waitingHeading' | 'nothingWaits'
>;

/**
 * The staff navigation's entries and who gets each: only pages the person can use and that have something for
 * them (the timetable only for those who teach). The pages themselves still decide access (src/domain).
 */
const ENTRIES: { key: NavKey; href: string; roles: StaffRole[]; also?: RegExp }[] = [
  // a kindergarten's people answer the guardians' messages to a department (issue 13)
  {
    key: 'messages',
    href: messagePaths.inbox(),
    roles: [...SENDERS, 'kindergarten_leader', 'pedagogical_leader', 'kindergarten_staff'],
  },
  { key: 'broadcasts', href: broadcastPaths.list, roles: [...SENDERS, 'school_owner'] },
  {
    key: 'news',
    href: newsPaths.list,
    roles: [...SENDERS, 'kindergarten_leader', 'pedagogical_leader', 'kindergarten_staff'],
  },
  { key: 'forms', href: formPaths.list, roles: SENDERS },
  { key: 'timetable', href: timetablePaths.own(), roles: ['teacher', 'contact_teacher'] },
  { key: 'applications', href: applicationPaths.queue(), roles: ['leadership', 'sfo_leader'] },
  { key: 'letters', href: letterPaths.overview, roles: ['leadership'] },
  { key: 'freg', href: fregReportPaths.list, roles: ['leadership', 'school_owner'] },
  { key: 'office', href: officePaths.start, roles: ['leadership', 'school_owner'] },
  { key: 'statistics', href: schoolStatisticsPaths.page, roles: ['leadership', 'school_owner'] },
  {
    key: 'skolerute',
    href: skolerutePaths.start,
    roles: ['leadership', 'school_owner'],
    also: /^\/municipalities\/\d+\/skolerute/,
  },
  { key: 'ownerSettings', href: ownerSettingsPaths.page, roles: ['school_owner'] },
  { key: 'sfo', href: sfoAdminPaths.list, roles: ['sfo_leader', 'leadership', 'school_owner'] },
  {
    key: 'care',
    href: careBoardPaths.boards,
    roles: ['sfo_leader', 'sfo_staff', 'leadership', 'kindergarten_leader', 'pedagogical_leader', 'kindergarten_staff'],
  },
  { key: 'kindergartens', href: kindergartenOfficePaths.list, roles: ['kindergarten_leader', 'school_owner'] },
];

/** The entries for these roles, in order. */
export function staffNavEntries(roles: readonly StaffRole[]): { key: NavKey; href: string; also?: RegExp }[] {
  return ENTRIES.filter((e) => e.roles.some((r) => roles.includes(r)));
}

/** The current page is the entry's path (without its query) or below it, or matches its `also`. */
const isCurrent = (entry: { href: string; also?: RegExp }, path: string) => {
  const base = entry.href.split('?')[0]!;
  return path === base || path.startsWith(`${base}/`) || (entry.also?.test(path) ?? false);
};

/** The persistent navigation on every page a staff member sees (issue 19, item 3). Nothing for others. */
export function StaffNav({ page }: { page: PageContext }) {
  const roles = page.staffRoles ?? [];
  const entries = staffNavEntries(roles);
  if (entries.length === 0) return '';
  const t = staffNavText[page.locale];
  return (
    <nav aria-label={t.nav} class="border-b border-slate-200 bg-slate-100">
      <ul class="mx-auto flex max-w-5xl flex-wrap gap-x-1 gap-y-1 px-2 py-1 text-sm" role="list">
        {entries.map((e) => {
          const current = isCurrent(e, page.path);
          return (
            <li>
              <a
                href={e.href}
                aria-current={current ? 'page' : undefined}
                class={
                  current
                    ? 'inline-block rounded bg-sky-800 px-2 py-1.5 font-semibold text-white'
                    : 'inline-block rounded px-2 py-1.5 text-sky-900 underline-offset-4 hover:underline'
                }
                safe
              >
                {t[e.key]}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
