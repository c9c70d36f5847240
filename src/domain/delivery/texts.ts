import type { Maalform, NotificationCategory } from '../../db/schema.ts';
import { deliveryText } from '../../i18n/delivery.ts';
import { fill } from '../../i18n/index.ts';
import { gsmLength, SMS_MAX_SEPTETS, toGsm7 } from './gsm.ts';

/**
 * What an SMS or e-mail may say (G18): the category in words, the school's name and a link to a page that needs
 * a login. Built only from these three, so no name, fødselsnummer or payload text can get in. We store no
 * language per person: the school's hovudmål decides (bokmål without a school).
 */
export interface NoticeInput {
  category: NotificationCategory;
  school: { name: string; hovudmaal: Maalform } | null;
  /** An absolute URL of a page behind the login (config.baseUrl + the home page). */
  link: string;
}

export interface MailNotice {
  subject: string;
  text: string;
}

const localeOf = (input: NoticeInput) => (input.school?.hovudmaal === 'nn' ? 'nn' : 'nb');

/** One GSM-7 part (≤ 160 septets): a long school name is shortened, never the link. */
export function smsNotice(input: NoticeInput): string {
  const t = deliveryText[localeOf(input)];
  const what = t.what[input.category];
  if (!input.school) return toGsm7(fill(t.smsNoSchool, { what, link: input.link }));
  const build = (name: string) => toGsm7(fill(t.sms, { what, school: name, link: input.link }));
  const room = SMS_MAX_SEPTETS - gsmLength(build(''));
  let school = toGsm7(input.school.name);
  if (gsmLength(school) > room)
    school = `${[...school]
      .slice(0, Math.max(0, room - 3))
      .join('')
      .trimEnd()}...`;
  const text = build(school);
  return gsmLength(text) <= SMS_MAX_SEPTETS ? text : toGsm7(fill(t.smsNoSchool, { what, link: input.link }));
}

/** Subject "Nytt fra <skole> i Skolebro" and a plain-text body with the same content as the SMS. */
export function mailNotice(input: NoticeInput): MailNotice {
  const t = deliveryText[localeOf(input)];
  const what = t.what[input.category];
  const school = input.school?.name;
  const subject = school ? fill(t.subject, { school }) : t.subjectNoSchool;
  const lead = school ? fill(t.body, { what, school }) : fill(t.bodyNoSchool, { what });
  const text = [t.greeting, lead, fill(t.bodyLink, { link: input.link }), t.bodyFooter].join('\n\n') + '\n';
  return { subject, text };
}
