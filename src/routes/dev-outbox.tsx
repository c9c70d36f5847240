import { Hono } from 'hono';
import * as v from 'valibot';
import type { AppEnv } from '../app-env.ts';
import { listDevMail, listDevSms } from '../domain/delivery/dev-store.ts';
import { deliveryText } from '../i18n/delivery.ts';
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
 * (/dev/sms, /dev/mail). For any logged-in user: the demo's guardians want to see what they would have got, and a
 * login keeps the (fictional) numbers and addresses off an exposed demo.
 */
export const devOutboxRoutes = new Hono<AppEnv>()
  .get(devOutboxPaths.sms, async (c) => {
    const before = beforeOf(c.req.query('before'));
    const list = await listDevSms(c.get('deps').db, before);
    const page = pageContext(c);
    return render(
      c,
      deliveryText[page.locale].dev.smsTitle,
      <DevSmsPage page={page} list={list} isOlderPage={before !== undefined} />,
    );
  })
  .get(devOutboxPaths.mail, async (c) => {
    const before = beforeOf(c.req.query('before'));
    const list = await listDevMail(c.get('deps').db, before);
    const page = pageContext(c);
    return render(
      c,
      deliveryText[page.locale].dev.mailTitle,
      <DevMailPage page={page} list={list} isOlderPage={before !== undefined} />,
    );
  });
