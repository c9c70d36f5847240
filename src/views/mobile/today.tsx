import type { TodayLesson } from '../../domain/attendance/today.ts';
import { unreadLabel } from '../../domain/messages/lists.ts';
import { fill, formatDate } from '../../i18n/index.ts';
import { mobileText } from '../../i18n/mobile.ts';
import { staffNavText } from '../../i18n/staff-nav.ts';
import { applicationPaths } from '../../paths/applications.ts';
import { attendancePaths } from '../../paths/attendance.ts';
import { messagePaths } from '../../paths/messages.ts';
import { mobilePaths } from '../../paths/mobile.ts';
import { frame, link } from '../components/classes.ts';
import type { PageContext } from '../page-context.ts';

/** Today's lessons as large links, the current one first and marked "Nå"; each opens its register. */
export function LessonLinks({
  page,
  lessons,
  currentId,
  today,
}: {
  page: PageContext;
  lessons: TodayLesson[];
  currentId: number | null;
  today: string;
}) {
  const t = mobileText[page.locale];
  if (lessons.length === 0) return <p safe>{t.noLessons}</p>;
  return (
    <ul class="space-y-2" role="list" data-lessons>
      {lessons.map((l) => (
        <li>
          <a
            href={attendancePaths.register(l.unit, { date: today, lesson: l.lessonId })}
            class={`${frame} flex min-h-14 items-center gap-3 px-3 py-2 text-sky-900 no-underline hover:bg-sky-50 ${
              l.lessonId === currentId ? 'border-2 border-sky-800' : ''
            }`}
            data-lesson={String(l.lessonId)}
          >
            <span class="w-24 shrink-0 tabular-nums" safe>{`${l.startsAt}–${l.endsAt}`}</span>
            <span class="flex-1">
              <span class="block font-semibold" safe>
                {l.subject}
              </span>
              <span class="block text-sm text-slate-700" safe>
                {l.unit.name}
              </span>
            </span>
            {l.lessonId === currentId ? (
              <span class="rounded bg-sky-800 px-2 py-0.5 text-sm font-semibold text-white" safe>
                {t.now}
              </span>
            ) : (
              ''
            )}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** "I dag" in the mobile view (issue 14, item 1): the lessons, unread messages, and for deciders what waits. */
export function MobileToday({
  page,
  today,
  lessons,
  currentId,
  unread,
  decisions,
}: {
  page: PageContext;
  today: string;
  lessons: TodayLesson[];
  currentId: number | null;
  unread: number;
  /** Applications waiting for the person's decision; null when they decide none. */
  decisions: number | null;
}) {
  const t = mobileText[page.locale];
  const nav = staffNavText[page.locale];
  return (
    <div class="space-y-5">
      <h1 class="text-2xl font-bold" safe>
        {fill(t.todayHeading, { date: formatDate(today) })}
      </h1>
      <section aria-labelledby="lessons-heading" class="space-y-2">
        <h2 id="lessons-heading" class="text-lg font-semibold" safe>
          {t.lessonsHeading}
        </h2>
        <LessonLinks page={page} lessons={lessons} currentId={currentId} today={today} />
        <p>
          <a href={mobilePaths.attendance} class={link} safe>
            {t.allRegisters}
          </a>
        </p>
      </section>
      <section aria-labelledby="waiting-heading" class="space-y-2">
        <h2 id="waiting-heading" class="text-lg font-semibold" safe>
          {nav.waitingHeading}
        </h2>
        <ul class="space-y-2" role="list">
          <li>
            {unread ? (
              <a href={messagePaths.inbox()} class={`${link} font-semibold`} data-unread={String(unread)} safe>
                {unread === 1 ? nav.unreadOne : fill(nav.unreadMany, { count: unreadLabel(unread) })}
              </a>
            ) : (
              <span safe>{t.unreadNone}</span>
            )}
          </li>
          {decisions !== null ? (
            <li>
              <a
                href={applicationPaths.queue()}
                class={`${link} font-semibold`}
                data-decisions={String(decisions)}
                safe
              >
                {decisions === 0
                  ? t.decisionsNone
                  : decisions === 1
                    ? t.decisionsOne
                    : fill(t.decisionsMany, { count: decisions })}
              </a>
            </li>
          ) : (
            ''
          )}
        </ul>
      </section>
    </div>
  );
}
