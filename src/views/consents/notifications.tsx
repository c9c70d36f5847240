import type { ConsentChangedPayload } from '../../domain/consents/notify.ts';
import type { listNotifications } from '../../domain/notifications/outbox.ts';
import { consentsText } from '../../i18n/consents.ts';
import { fill } from '../../i18n/index.ts';
import type { PageContext } from '../page-context.ts';
import { formatDateTime } from './parts.tsx';

type Notification = Awaited<ReturnType<typeof listNotifications>>[number];

/** The staff home's "Varsler": the newest notifications in words, e.g. a guardian changed a consent. */
export function StaffNotifications({ page, notifications }: { page: PageContext; notifications: Notification[] }) {
  const t = consentsText[page.locale].notifications;
  return (
    <section aria-labelledby="notifications-heading" class="space-y-2">
      <h2 id="notifications-heading" class="text-xl font-semibold" safe>{t.heading}</h2>
      {notifications.length === 0 ? (
        <p safe>{t.empty}</p>
      ) : (
        <ul class="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" role="list">
          {notifications.map((n) => (
            <li class="px-4 py-2">
              <span class="block text-sm text-slate-700">
                <span safe>{formatDateTime(n.created_at)}</span>
                {n.read_at === null ? <strong class="ml-2 rounded bg-sky-800 px-1.5 text-white" safe>{t.unread}</strong> : ''}
              </span>
              <span safe>{describe(page, n)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function describe(page: PageContext, n: Notification): string {
  const text = consentsText[page.locale];
  const pupil = n.pupil_given_name ?? '';
  if (n.event_type === 'consent.changed') {
    const p = (typeof n.payload === 'string' ? JSON.parse(n.payload) : n.payload) as ConsentChangedPayload;
    const state = text.state[p.state] ?? p.state;
    return fill(text.notifications.consentChanged, { guardian: p.guardianName, consent: p.typeName?.[page.locale] ?? p.typeKey, pupil, state: state.toLowerCase() });
  }
  return fill(text.notifications.other, { pupil: `${pupil} ${n.pupil_family_name ?? ''}`.trim() });
}
