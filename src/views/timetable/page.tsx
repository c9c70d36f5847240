import type { Week, WeekDay } from '../../domain/calendar/week.ts';
import { fill, formatDate } from '../../i18n/index.ts';
import { timetableText, type TimetableMessages } from '../../i18n/timetable.ts';
import { card, link, secondaryButton } from '../components/classes.ts';
import type { PageContext } from '../page-context.ts';
import { Heading, type HeadingLevel } from '../components/heading.tsx';
import { timetablePaths } from '../../paths/timetable.ts';

export interface FeedProps {
  pupilId: number;
  active: boolean;
  /** The new secret URL, shown only in the answer to its creation. */
  url?: string;
  revoked?: boolean;
}

function Day(props: { day: WeekDay; t: TimetableMessages; showGroup: boolean; level: HeadingLevel }) {
  const { day, t } = props;
  const headingId = `day-${day.date}`;
  const off =
    day.info.kind === 'holiday' || day.info.kind === 'planning_day'
      ? (day.info.name ?? t.dayOff)
      : day.info.kind === 'no_school'
        ? t.noSchool
        : null;
  return (
    <section aria-labelledby={headingId} class={card}>
      <Heading level={props.level} id={headingId} class="font-semibold">
        <span safe>{t.weekdays[day.weekday - 1] ?? ''}</span>{' '}
        <time datetime={day.date} safe>
          {formatDate(day.date)}
        </time>
      </Heading>
      {off !== null ? (
        <p class="mt-2 font-semibold text-amber-900" safe>
          {off}
        </p>
      ) : day.lessons.length === 0 ? (
        <p class="mt-2 text-slate-700" safe>
          {t.noLessons}
        </p>
      ) : (
        <ul role="list" class="mt-2 divide-y divide-slate-100">
          {day.lessons.map((l) => (
            <li class="py-2">
              <p>
                <span class="font-mono" safe>{`${l.startsAt}–${l.endsAt}`}</span>{' '}
                <span class="font-semibold" safe>
                  {l.subject}
                </span>
              </p>
              <p class="text-sm text-slate-700" safe>
                {[props.showGroup ? l.groupName : null, l.room, props.showGroup ? null : l.teacherName]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Feed(props: { feed: FeedProps; t: TimetableMessages; level: HeadingLevel }) {
  const { feed, t } = props;
  return (
    <section aria-labelledby="feed-heading" class={`space-y-3 ${card}`}>
      <Heading level={props.level} id="feed-heading" class="text-lg font-semibold">
        <span safe>{t.feedHeading}</span>
      </Heading>
      <p class="text-slate-700" safe>
        {t.feedLead}
      </p>
      {feed.url ? (
        <div role="status" class="space-y-1">
          <p safe>{t.feedShown}</p>
          <p class="break-all rounded bg-slate-100 p-2 font-mono text-sm" id="feed-url" safe>
            {feed.url}
          </p>
        </div>
      ) : null}
      {feed.revoked ? (
        <p role="status" safe>
          {t.feedRevoked}
        </p>
      ) : null}
      {feed.active && !feed.url ? <p safe>{t.feedActive}</p> : null}
      <div class="flex flex-wrap gap-3">
        <form method="post" action={timetablePaths.feed(feed.pupilId)}>
          <button type="submit" class={secondaryButton} safe>
            {feed.active ? t.feedReplace : t.feedCreate}
          </button>
        </form>
        {feed.active ? (
          <form method="post" action={timetablePaths.revoke(feed.pupilId)}>
            <button type="submit" class={secondaryButton} safe>
              {t.feedRevoke}
            </button>
          </form>
        ) : null}
      </div>
    </section>
  );
}

/** A week Monday–Friday as a list per day (reads well on a phone), with week navigation that works without JS. */
export function TimetablePage(props: {
  page: PageContext;
  heading: string;
  week: Week | null;
  weekHref: (week: string) => string;
  feed?: FeedProps;
  /** Teachers see the class or group of each lesson instead of the teacher. */
  showGroup?: boolean;
  /** In the child page (a tab): headings one level down, and the week swaps the child page's section. */
  inChildPage?: boolean;
}) {
  const t = timetableText[props.page.locale];
  const { week } = props;
  const top: HeadingLevel = props.inChildPage ? 2 : 1;
  const target = props.inChildPage
    ? { 'hx-target': '#child-section', 'hx-swap': 'innerHTML' }
    : { 'hx-target': '#timetable', 'hx-swap': 'outerHTML' };
  const nav = (href: string, text: string, rel: string) => (
    <a href={href} rel={rel} hx-get={href} {...target} hx-push-url="true" class={link} safe>
      {text}
    </a>
  );
  return (
    <div id="timetable" class="space-y-4">
      <Heading level={top} class="text-2xl font-semibold">
        <span safe>{props.heading}</span>
      </Heading>
      {week === null ? (
        <p safe>{t.noTimetable}</p>
      ) : (
        <section aria-labelledby="week-heading" class="space-y-3">
          <Heading level={(top + 1) as HeadingLevel} id="week-heading" class="text-xl font-semibold">
            <span safe>{fill(t.weekHeading, { week: Number(week.week.slice(6)) })}</span>
          </Heading>
          <nav aria-label={t.weekHeading.replace(' {week}', '')} class="flex justify-between gap-4">
            {nav(props.weekHref(week.previous), t.previous, 'prev')}
            {nav(props.weekHref(week.next), t.next, 'next')}
          </nav>
          <div class="grid gap-3 md:grid-cols-5">
            {week.days.map((day) => (
              <Day day={day} t={t} showGroup={props.showGroup === true} level={(top + 2) as HeadingLevel} />
            ))}
          </div>
        </section>
      )}
      {props.feed ? <Feed feed={props.feed} t={t} level={(top + 1) as HeadingLevel} /> : null}
    </div>
  );
}
