import type { ContactCard } from '../../domain/contact/card.ts';
import { contactText } from '../../i18n/contact.ts';
import { fill } from '../../i18n/index.ts';
import type { PageContext } from '../page-context.ts';
import { AddressSection, type AddressFormState } from './address.tsx';
import { DetailsSection, SmsSection, type DetailsFormState } from './details.tsx';
import { DevicesSection } from './devices.tsx';
import { SettingsSection } from './settings.tsx';
import type { ContactSectionName } from './parts.tsx';

export const NOTICES = [
  'details',
  'unchanged',
  'sms-on',
  'sms-off',
  'notifications',
  'address',
  'device-ended',
] as const;
export type ContactNotice = (typeof NOTICES)[number];

/** What the card shows besides the stored data: one form's errors or confirmation step, or a receipt. */
export interface ContactCardState {
  notice?: ContactNotice;
  details?: DetailsFormState;
  smsConfirm?: boolean;
  address?: AddressFormState;
  /** This browser's remembered device, if any (marked in the list). */
  thisDeviceId?: string | null;
}

export const noticeSection: Record<ContactNotice, ContactSectionName> = {
  details: 'details',
  unchanged: 'details',
  'sms-on': 'sms',
  'sms-off': 'sms',
  notifications: 'settings',
  address: 'address',
  'device-ended': 'devices',
};

function noticeText(
  page: PageContext,
  notice: ContactNotice | undefined,
  section: ContactSectionName,
): string | undefined {
  if (!notice || noticeSection[notice] !== section) return undefined;
  const t = contactText[page.locale];
  return {
    details: t.details.saved,
    unchanged: t.details.unchanged,
    'sms-on': t.sms.savedOn,
    'sms-off': t.sms.savedOff,
    notifications: t.settings.saved,
    address: t.address.sent,
    'device-ended': t.devices.ended,
  }[notice];
}

/** One section alone: what htmx swaps in (with `oob`, an extra section swapped by its id). */
export function ContactSection({
  page,
  card,
  state,
  section,
  oob,
}: {
  page: PageContext;
  card: ContactCard;
  state: ContactCardState;
  section: ContactSectionName;
  oob?: boolean;
}) {
  const notice = noticeText(page, state.notice, section);
  if (section === 'details')
    return <DetailsSection page={page} card={card} form={state.details} notice={notice} oob={oob} />;
  if (section === 'sms')
    return <SmsSection page={page} card={card} confirm={state.smsConfirm} notice={notice} oob={oob} />;
  if (section === 'settings') return <SettingsSection page={page} card={card} notice={notice} oob={oob} />;
  if (section === 'devices')
    return (
      <DevicesSection page={page} card={card} thisDeviceId={state.thisDeviceId ?? null} notice={notice} oob={oob} />
    );
  return <AddressSection page={page} card={card} form={state.address} notice={notice} oob={oob} />;
}

/** The guardian's contact card (G4): who sees it, e-mail and phones, SMS, notification settings, address. */
export function ContactCardPage({
  page,
  card,
  state = {},
}: {
  page: PageContext;
  card: ContactCard;
  state?: ContactCardState;
}) {
  const t = contactText[page.locale];
  const section = (name: ContactSectionName) => <ContactSection page={page} card={card} state={state} section={name} />;
  return (
    <div class="max-w-2xl space-y-6">
      <div class="space-y-2">
        <h1 class="text-3xl font-bold" safe>
          {t.title}
        </h1>
        <p safe>{t.lead}</p>
        <p>
          <span class="font-semibold" safe>{`${t.name}: `}</span>
          <span safe>{card.name}</span>
        </p>
      </div>
      <div class="space-y-1 rounded-lg border border-sky-200 bg-sky-50 p-4">
        {card.children.length ? (
          <>
            <p safe>{t.whoSees}</p>
            <ul class="list-disc pl-5">
              {card.children.map((child) => (
                <li safe>
                  {fill(t.child, {
                    name: `${child.givenName} ${child.familyName}`,
                    school: child.schoolName,
                    class: child.className,
                  })}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p safe>{t.noChildren}</p>
        )}
      </div>
      {section('details')}
      {section('sms')}
      {section('settings')}
      {section('address')}
      {section('devices')}
    </div>
  );
}
