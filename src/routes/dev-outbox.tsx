import { Hono } from 'hono';
import * as v from 'valibot';
import type { AppEnv } from '../app-env.ts';
import { listDevMail, listDevSms } from '../domain/delivery/dev-store.ts';
import { deliveryText } from '../i18n/delivery.ts';
import { actorOf } from '../middleware/session.ts';
import { DevMailPage, DevSmsPage } from '../views/dev/outbox.tsx';
import { devOutboxPaths } from '../paths/dev-outbox.ts';
import { pageContext, render } from './render.tsx';

const Before = v.optional(v.pipe(v.string(), v.regex(/^\d{1,12}$/), v.transform(Number)));

const beforeOf = (value: string | undefined) => {
  const parsed = v.safeParse(Before, value);
  return parsed.success ? parsed.output : undefined;
};

/**
 * Development only (app.ts: /dev/* is a 404 in production): the SMS and e-mail the development gateways received
 * (/dev/sms, /dev/mail). Personal, like a phone or a mailbox: each logged-in person sees only what was sent to them
 * (a blocked guardian must not read the family's numbers, addresses or notices here).
 */
export const devOutboxRoutes = new Hono<AppEnv>()
  .get(devOutboxPaths.sms, async (c) => {
    const before = beforeOf(c.req.query('before'));
    const list = await listDevSms(c.get('deps').db, actorOf(c).personId, before);
    const page = pageContext(c);
    return render(
      c,
      deliveryText[page.locale].dev.smsTitle,
      <DevSmsPage page={page} list={list} isOlderPage={before !== undefined} />,
    );
  })
  .get(devOutboxPaths.mail, async (c) => {
    const before = beforeOf(c.req.query('before'));
    const list = await listDevMail(c.get('deps').db, actorOf(c).personId, before);
    const page = pageContext(c);
    return render(
      c,
      deliveryText[page.locale].dev.mailTitle,
      <DevMailPage page={page} list={list} isOlderPage={before !== undefined} />,
    );
  });
