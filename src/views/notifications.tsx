import type { ConsentChangedPayload } from '../domain/consents/notify.ts';
import type { EventPayloads } from '../domain/notifications/events.ts';
import type { listNotifications } from '../domain/notifications/outbox.ts';
import { absencePaths } from '../paths/absence.ts';
import { broadcastPaths } from '../paths/broadcasts.ts';
import { documentPaths } from '../paths/documents.ts';
import { formPaths } from '../paths/forms.ts';
import { leavePaths } from '../paths/leave.ts';
import { messagePaths } from '../paths/messages.ts';
import { newsPaths } from '../paths/news.ts';
import { sfoSupportPaths } from '../paths/sfo-support.ts';
import { applicationPaths } from '../paths/applications.ts';
import { broadcastsText } from '../i18n/broadcasts.ts';
import { consentsText } from '../i18n/consents.ts';
import { newsText } from '../i18n/news.ts';
import { messageBookText } from '../i18n/messages.ts';
import { fill, formatDate } from '../i18n/index.ts';
import { notificationText } from '../i18n/notifications.ts';
import { link, listCard } from './components/classes.ts';
import { formatDateTime } from './components/dates.ts';
import type { PageContext } from './page-context.ts';
import { describeSfoPlaceNotification } from './sfo/notifications.ts';

type Notification = Awaited<ReturnType<typeof listNotifications>>[number];

/** "Varsler" on the home page (staff and guardians): the newest notifications in words, with a link where there is one. */
export function NotificationList({ page, notifications }: { page: PageContext; notifications: Notification[] }) {
  const t = consentsText[page.locale].notifications;
  return (
    <section aria-labelledby="notifications-heading" class="space-y-2">
      <h2 id="notifications-heading" class="text-xl font-semibold" safe>
        {t.heading}
      </h2>
      {notifications.length === 0 ? (
        <p safe>{t.empty}</p>
      ) : (
        <ul class={listCard} role="list">
          {notifications.map((n) => {
            const { text, href } = describeNotification(page, n);
            return (
              <li class="px-4 py-2">
                <span class="block text-sm text-slate-700">
                  <span safe>{formatDateTime(n.created_at)}</span>
                  {n.read_at === null ? (
                    <strong class="ml-2 rounded bg-sky-800 px-1.5 text-white" safe>
                      {t.unread}
                    </strong>
                  ) : (
                    ''
                  )}
                </span>
                {href ? (
                  <a href={href} class={link} safe>
                    {text}
                  </a>
                ) : (
                  <span safe>{text}</span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

const payloadOf = <T,>(n: Notification): T => (typeof n.payload === 'string' ? JSON.parse(n.payload) : n.payload) as T;

/** The words (and the link) for one notification, in the reader's language. */
export function describeNotification(page: PageContext, n: Notification): { text: string; href?: string } {
  const consents = consentsText[page.locale];
  const t = notificationText[page.locale];
  const pupil = n.pupil_given_name ?? '';
  const pupilId = n.pupil_id ?? 0;
  switch (n.event_type) {
    case 'consent.changed': {
      const p = payloadOf<ConsentChangedPayload>(n);
      const state = consents.state[p.state] ?? p.state;
      return {
        text: fill(consents.notifications.consentChanged, {
          guardian: p.guardianName,
          consent: p.typeName?.[page.locale] ?? p.typeKey,
          pupil,
          state: state.toLowerCase(),
        }),
      };
    }
    case 'absence.follow_up': {
      const p = payloadOf<EventPayloads['absence.follow_up']>(n);
      return { text: fill(t.absenceFollowUp, { pupil, date: formatDate(p.date) }), href: absencePaths.child(pupilId) };
    }
    case 'leave.confirmation_requested': {
      const p = payloadOf<EventPayloads['leave.confirmation_requested']>(n);
      return {
        text: fill(t.leaveConfirmationRequested, {
          applicant: p.applicantName,
          pupil,
          from: formatDate(p.from),
          to: formatDate(p.to),
        }),
        href: leavePaths.child(pupilId),
      };
    }
    case 'leave.declined': {
      const p = payloadOf<EventPayloads['leave.declined']>(n);
      return {
        text: fill(t.leaveDeclined, {
          guardian: p.guardianName,
          pupil,
          from: formatDate(p.from),
          to: formatDate(p.to),
        }),
        href: leavePaths.child(pupilId),
      };
    }
    case 'leave.submitted': {
      const p = payloadOf<EventPayloads['leave.submitted']>(n);
      return {
        text: fill(t.leaveSubmitted, {
          pupil: `${pupil} ${n.pupil_family_name ?? ''}`.trim(),
          from: formatDate(p.from),
          to: formatDate(p.to),
        }),
        href: applicationPaths.application(p.applicationId),
      };
    }
    case 'leave.decided': {
      const p = payloadOf<EventPayloads['leave.decided']>(n);
      return {
        text: fill(t.leaveDecided, { pupil, outcome: t.outcome[p.outcome] }),
        href: documentPaths.download(p.documentId),
      };
    }
    case 'form.sent': {
      const p = payloadOf<EventPayloads['form.sent']>(n);
      return {
        text: fill(t.formSent, { title: p.title, deadline: formatDate(p.deadline) }),
        href: formPaths.childList(pupilId),
      };
    }
    case 'broadcast.new': {
      const p = payloadOf<EventPayloads['broadcast.new']>(n);
      return {
        text: p.from
          ? fill(broadcastsText[page.locale].notification, { from: p.from, subject: p.subject })
          : fill(broadcastsText[page.locale].notificationFromSchool, { subject: p.subject }),
        href: broadcastPaths.broadcast(p.broadcastId),
      };
    }
    case 'news.published': {
      const p = payloadOf<EventPayloads['news.published']>(n);
      const week = p.week ? Number(p.week.slice(6)) : '';
      return {
        text: fill(newsText[page.locale].notification[p.kind], { scope: p.scopeName, week, title: p.title }),
        href: p.kindergarten ? newsPaths.careChild(pupilId) : newsPaths.child(pupilId),
      };
    }
    case 'message.new': {
      const p = payloadOf<EventPayloads['message.new']>(n);
      return {
        text: fill(messageBookText[page.locale].notification, { pupil }),
        href: !page.isGuardian
          ? messagePaths.thread(p.threadId)
          : p.kindergarten
            ? messagePaths.kindergartenThread(pupilId, p.threadId)
            : messagePaths.childThread(pupilId, p.threadId),
      };
    }
    case 'sfo_summer.sent': {
      const p = payloadOf<EventPayloads['sfo_summer.sent']>(n);
      return {
        text: fill(t.sfoSummerSent, { sfo: p.sfoName, pupil, deadline: formatDate(p.deadline) }),
        href: sfoSupportPaths.childSummer(pupilId),
      };
    }
    case 'message.sms_queued':
      return { text: messageBookText[page.locale].queuedNotification, href: messagePaths.inbox() };
    default:
      return (
        describeSfoPlaceNotification(page, n) ?? {
          text: fill(consents.notifications.other, { pupil: `${pupil} ${n.pupil_family_name ?? ''}`.trim() }),
        }
      );
  }
}
