import { readForm } from './form-body.ts';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import * as v from 'valibot';
import type { AppEnv } from '../app-env.ts';
import { parseAddressReport, reportWrongAddress } from '../domain/contact/address-report.ts';
import { findContactCard, requireGuardianLogin } from '../domain/contact/card.ts';
import { parseContactDetails, setSmsEnabled, updateContactDetails } from '../domain/contact/details.ts';
import { parseNotificationSettings, saveNotificationSettings } from '../domain/contact/notification-settings.ts';
import { deviceSessionIdOf, endDeviceSession } from '../domain/identity/device-sessions.ts';
import { NotFoundError } from '../domain/errors.ts';
import { contactText } from '../i18n/contact.ts';
import { actorOf, clearDeviceCookie, DEVICE_COOKIE, requireActor } from '../middleware/session.ts';
import { SECTION_IDS, type ContactSectionName } from '../views/contact-card/parts.tsx';
import { contactCardPaths } from '../paths/contact-card.ts';
import {
  ContactCardPage,
  ContactSection,
  NOTICES,
  noticeSection,
  type ContactCardState,
  type ContactNotice,
} from '../views/contact-card/page.tsx';
import { nowOf } from './clock.ts';
import { isPartialRequest, pageContext, render } from './render.tsx';

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const SmsForm = v.object({ enabled: v.picklist(['true', 'false']), confirm: v.optional(v.literal('yes')) });

/** The whole card, or for htmx only the section the form lives in (plus sections that depend on the change). */
async function show(
  c: Context<AppEnv>,
  section: ContactSectionName | null,
  state: ContactCardState,
  status: ContentfulStatusCode = 200,
  also: ContactSectionName[] = [],
) {
  const card = await findContactCard(c.get('deps').db, actorOf(c), nowOf(c));
  const page = pageContext(c);
  state = { ...state, thisDeviceId: deviceSessionIdOf(getCookie(c, DEVICE_COOKIE)) };
  const title = contactText[page.locale].title;
  if (section && isPartialRequest(c)) {
    const fragment = (
      <>
        <ContactSection page={page} card={card} state={state} section={section} />
        {also.map((name) => (
          <ContactSection page={page} card={card} state={{}} section={name} oob />
        ))}
      </>
    );
    return render(c, title, fragment, status);
  }
  return render(c, title, <ContactCardPage page={page} card={card} state={state} />, status);
}

/** After a change: htmx gets its section with the receipt; without JavaScript, redirect (PRG). */
function done(c: Context<AppEnv>, notice: ContactNotice, also: ContactSectionName[] = []) {
  const section = noticeSection[notice];
  if (isPartialRequest(c)) return show(c, section, { notice }, 200, also);
  return c.redirect(contactCardPaths.saved(notice, SECTION_IDS[section]), 303);
}

/** G4: the guardian's own contact card. Only for an ID-porten login; staff and pupils get 404. */
export const contactCardRoutes = new Hono<AppEnv>()
  .use(`${contactCardPaths.card}/*`, async (c, next) => {
    requireGuardianLogin(actorOf(c));
    await next();
  })
  .get(contactCardPaths.card, async (c) => {
    const saved = v.safeParse(v.picklist(NOTICES), c.req.query('saved'));
    return show(c, null, { notice: saved.success ? saved.output : undefined });
  })
  .post(contactCardPaths.details, async (c) => {
    const body = await readForm(c);
    const input = { email: text(body.email), mobile: text(body.mobile), phone: text(body.phone) };
    const parsed = parseContactDetails(input);
    if (!parsed.ok) return show(c, 'details', { details: { input, errors: parsed.errors } }, 422);
    const changed = await updateContactDetails(c.get('deps').db, actorOf(c), parsed.values);
    return done(c, changed.length ? 'details' : 'unchanged', changed.includes('mobile') ? ['sms'] : []);
  })
  .post(contactCardPaths.sms, async (c) => {
    const form = v.safeParse(SmsForm, await readForm(c));
    if (!form.success) return show(c, 'sms', {}, 400);
    const enabled = form.output.enabled === 'true';
    if (!enabled && form.output.confirm !== 'yes') return show(c, 'sms', { smsConfirm: true });
    await setSmsEnabled(c.get('deps').db, actorOf(c), enabled);
    return done(c, enabled ? 'sms-on' : 'sms-off', ['settings']);
  })
  .post(contactCardPaths.notificationSettings, async (c) => {
    await saveNotificationSettings(c.get('deps').db, actorOf(c), parseNotificationSettings(await readForm(c)));
    return done(c, 'notifications');
  })
  .post('/me/contact/devices/:id/end', async (c) => {
    const id = c.req.param('id');
    const { db } = c.get('deps');
    if (!(await endDeviceSession(db, actorOf(c).personId, id))) throw new NotFoundError();
    if (deviceSessionIdOf(getCookie(c, DEVICE_COOKIE)) === id) clearDeviceCookie(c);
    return done(c, 'device-ended');
  })
  .post(contactCardPaths.addressReports, async (c) => {
    const body = await readForm(c);
    const input = { whatIsWrong: text(body.what), correctAddress: text(body.correct_address) };
    const parsed = parseAddressReport(input);
    if (!parsed.ok) return show(c, 'address', { address: { input, errors: parsed.errors } }, 422);
    await reportWrongAddress(c.get('deps').db, actorOf(c), parsed.values);
    return done(c, 'address');
  });
