import type { StaffRole } from '../db/schema.ts';
import type { Locale, Messages } from '../i18n/index.ts';
import type { AssetUrls } from '../paths/assets.ts';

/** Everything the layout needs to know about the request, as plain data (views never see Hono). */
export interface PageContext {
  locale: Locale;
  t: Messages;
  path: string;
  /** The path with its query: where the view switch returns to. */
  here?: string;
  /** Staff in the full view: the "Mobilversjon" link (issue 14, item 2). */
  mobileSwitch?: string;
  /** The CSS and htmx URLs, fingerprinted by their content. */
  assets: AssetUrls;
  /** The logged-in person's name, for the header; undefined when anonymous. */
  userName?: string;
  /** Logged in with ID-porten: a guardian (shows the contact card link). */
  isGuardian?: boolean;
  /** A pupil logged in with Feide (their own My data). */
  isPupil?: boolean;
  /** Staff (Feide) roles held today: the staff navigation shows what they may use. Empty for guardians and pupils. */
  staffRoles?: StaffRole[];
  /** Development and test (never production), logged in: the footer links to /dev/sms, /dev/mail and /dev/digital-post. */
  devTools?: boolean;
}
