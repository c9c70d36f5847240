import type { Children } from '@kitajs/html';
import type { GuardianChild } from '../../domain/guardian/child.ts';
import { card, link, navLink } from '../components/classes.ts';
import type { AbsenceOverview } from '../../domain/absence/overview.ts';
import type { NextLessons } from '../../domain/calendar/next-lessons.ts';
import { isoWeekday } from '../../domain/calendar/dates.ts';
import { glanceText } from '../../i18n/glance.ts';
import { startersText } from '../../i18n/starters.ts';
import { fill, formatDate } from '../../i18n/index.ts';
import type { ChildSmsAddress } from '../../domain/messages/sms-address.ts';
import { formatPhone } from '../../domain/contact/phone.ts';
import { AbsenceTotals } from '../absence/list.tsx';
import type { PageContext } from '../page-context.ts';
import { ChildAddress } from './child-address.tsx';
import { timetableText } from '../../i18n/timetable.ts';
import { absencePaths } from '../../paths/absence.ts';
import { childPaths } from '../../paths/children.ts';
import { consentPaths } from '../../paths/consents.ts';
import { documentPaths } from '../../paths/documents.ts';
import { formPaths } from '../../paths/forms.ts';
import { leavePaths } from '../../paths/leave.ts';
import { messagePaths } from '../../paths/messages.ts';
import { newsPaths } from '../../paths/news.ts';
import { timetablePaths } from '../../paths/timetable.ts';
import { safeHref } from '../../paths/safe.ts';
import { sfoPlacePaths } from '../../paths/sfo-places.ts';

export type ChildSection =
  | 'overview'
  | 'timetable'
  | 'messages'
  | 'absence'
  | 'leave'
  | 'news'
  | 'forms'
  | 'consents'
  | 'documents'
  | 'sfo';

const SECTIONS: { key: ChildSection; href: (id: number) => string }[] = [
  { key: 'overview', href: childPaths.overview },
  { key: 'timetable', href: (id) => timetablePaths.child(id) },
  { key: 'messages', href: messagePaths.childBook },
  { key: 'absence', href: absencePaths.child },
  { key: 'leave', href: leavePaths.child },
  { key: 'sfo', href: sfoPlacePaths.child },
  { key: 'news', href: newsPaths.child },
  { key: 'forms', href: formPaths.childList },
  { key: 'consents', href: consentPaths.child },
  { key: 'documents', href: documentPaths.child },
];

/** The child page frame: name, section navigation (real links; htmx swaps the frame so the current tab follows), the section. */
export function ChildLayout({
  page,
  child,
  current,
  children,
}: {
  page: PageContext;
  child: GuardianChild;
  current: ChildSection;
  children: Children;
}) {
  const t = page.t.child;
  // A skolestarter (issue 12) has only the SFO section until the first school day.
  const sections = child.startsOn === null ? SECTIONS : SECTIONS.filter((s) => s.key === 'sfo');
  return (
    <div id="child-frame" class="space-y-4">
      <div>
        <h1 class="text-3xl font-bold" safe>{`${child.givenName} ${child.familyName}`}</h1>
        <p class="text-slate-700" safe>{`${child.schoolName}, ${child.className}`}</p>
        {child.startsOn === null ? (
          ''
        ) : (
          <>
            <p class="font-semibold" safe>
              {fill(startersText[page.locale].startsOn, { date: formatDate(child.startsOn) })}
            </p>
            <p class="max-w-prose text-slate-700" safe>
              {fill(startersText[page.locale].lead, { name: child.givenName })}
            </p>
          </>
        )}
      </div>
      <nav aria-label={t.sectionsNav}>
        <ul class="flex flex-wrap gap-2 border-b border-slate-300" role="list">
          {sections.map((section) => (
            <li>
              <a
                href={section.href(child.pupilId)}
                hx-get={section.href(child.pupilId)}
                hx-target="#child-frame"
                hx-swap="outerHTML"
                hx-push-url="true"
                aria-current={section.key === current ? 'page' : undefined}
                class={
                  section.key === current
                    ? 'inline-block border-b-4 border-sky-800 px-3 py-2 font-semibold text-sky-900'
                    : `inline-block px-3 py-2 ${navLink}`
                }
                safe
              >
                {t[section.key]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div id="child-section">{children}</div>
    </div>
  );
}

interface Overview {
  /** This school year's absence totals, where the guardian may see absence. */
  absence?: AbsenceOverview | null;
  /** What is left of today's lessons, or the next school day's. */
  next?: NextLessons | null;
  /** The school's SMS number and the keywords for the contact teacher and the SFO (issue 19, item 8). */
  sms?: ChildSmsAddress | null;
  contactTeachers: { name: string; email: string | null }[];
  otherGuardians: { name: string; relation: string }[];
  /** The child's registered address when the guardian may see it (canViewAddress); else null. */
  address?: string[] | null;
}

/** How to text the contact teacher and the SFO: the school's number and the keyword first in the message. */
function SmsAddress({ page, sms }: { page: PageContext; sms: ChildSmsAddress }) {
  const t = glanceText[page.locale];
  const number = formatPhone(sms.number);
  const smsHref = (keyword: string) => safeHref(`sms:${sms.number}?body=${encodeURIComponent(`${keyword} `)}`);
  return (
    <section aria-labelledby="sms-address" class={`${card} space-y-2`}>
      <h2 id="sms-address" class="text-lg font-semibold" safe>
        {t.smsHeading}
      </h2>
      <p id="sms-contact-teacher" safe>
        {fill(t.smsContactTeacher, { number, keyword: sms.contactTeacherKeyword })}
      </p>
      <p>
        <a href={smsHref(sms.contactTeacherKeyword)} class={link} safe>
          {t.smsContactTeacherLink}
        </a>
      </p>
      {sms.sfoKeyword ? (
        <>
          <p id="sms-sfo" safe>
            {fill(t.smsSfo, { keyword: sms.sfoKeyword })}
          </p>
          <p>
            <a href={smsHref(sms.sfoKeyword)} class={link} safe>
              {t.smsSfoLink}
            </a>
          </p>
        </>
      ) : (
        ''
      )}
    </section>
  );
}

/** The next lessons on the overview: what is left today, or the next school day's; the week one tap away. */
function NextLessonsCard({ page, child, next }: { page: PageContext; child: GuardianChild; next: NextLessons | null }) {
  const t = glanceText[page.locale];
  const weekdays = timetableText[page.locale].weekdays;
  return (
    <section aria-labelledby="next-lessons" class={`${card} space-y-2`}>
      <h2 id="next-lessons" class="text-lg font-semibold" safe>
        {t.nextLessonsHeading}
      </h2>
      {next ? (
        <>
          <p class="font-semibold">
            <span safe>{weekdays[isoWeekday(next.date) - 1] ?? ''}</span>{' '}
            <time datetime={next.date} safe>
              {formatDate(next.date)}
            </time>
          </p>
          <ul role="list">
            {next.lessons.map((l) => (
              <li safe>{`${l.startsAt}–${l.endsAt} ${l.subject}${l.room ? ` (${l.room})` : ''}`}</li>
            ))}
          </ul>
        </>
      ) : (
        <p safe>{t.noNextLessons}</p>
      )}
      <p>
        <a href={timetablePaths.child(child.pupilId)} class={link} safe>
          {t.timetable}
        </a>
      </p>
    </section>
  );
}

export function ChildOverview({
  page,
  child,
  overview,
}: {
  page: PageContext;
  child: GuardianChild;
  overview: Overview;
}) {
  const t = page.t.child;
  const relation = page.t.pupil.relation as Record<string, string>;
  return (
    <div class="grid gap-4 sm:grid-cols-2">
      {overview.absence ? (
        <div class="space-y-2">
          <AbsenceTotals page={page} overview={overview.absence} level={2} />
          <p>
            <a href={absencePaths.child(child.pupilId)} class={link} safe>
              {glanceText[page.locale].absenceLink}
            </a>
          </p>
        </div>
      ) : (
        ''
      )}
      <NextLessonsCard page={page} child={child} next={overview.next ?? null} />
      <section aria-labelledby="contact-teacher" class={card}>
        <h2 id="contact-teacher" class="text-lg font-semibold" safe>
          {t.contactTeacher}
        </h2>
        {overview.contactTeachers.length === 0 ? <p safe>{t.noContactTeacher}</p> : ''}
        <ul role="list">
          {overview.contactTeachers.map((teacher) => (
            <li>
              <span safe>{teacher.name}</span>
              {teacher.email ? (
                <>
                  {' – '}
                  <a href={safeHref(`mailto:${teacher.email}`)} class={link} safe>
                    {teacher.email}
                  </a>
                </>
              ) : (
                ''
              )}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="reach-school" class={card}>
        <h2 id="reach-school" class="text-lg font-semibold" safe>
          {t.reachSchool}
        </h2>
        <p safe>{child.schoolName}</p>
        {child.schoolPhone ? (
          <p>
            <span safe>{`${t.phone}: `}</span>
            <a href={safeHref(`tel:${child.schoolPhone.replace(/\s/g, '')}`)} class={link} safe>
              {child.schoolPhone}
            </a>
          </p>
        ) : (
          ''
        )}
        {child.schoolEmail ? (
          <p>
            <span safe>{`${t.email}: `}</span>
            <a href={safeHref(`mailto:${child.schoolEmail}`)} class={link} safe>
              {child.schoolEmail}
            </a>
          </p>
        ) : (
          ''
        )}
      </section>
      {overview.sms ? <SmsAddress page={page} sms={overview.sms} /> : ''}
      <section aria-labelledby="other-guardians" class={card}>
        <h2 id="other-guardians" class="text-lg font-semibold" safe>
          {t.otherGuardians}
        </h2>
        {overview.otherGuardians.length === 0 ? (
          <p safe>{t.noOtherGuardians}</p>
        ) : (
          <ul role="list">
            {overview.otherGuardians.map((g) => (
              <li safe>{`${g.name} (${relation[g.relation] ?? g.relation})`}</li>
            ))}
          </ul>
        )}
      </section>
      <ChildAddress page={page} address={overview.address ?? null} />
    </div>
  );
}
