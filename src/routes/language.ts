import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import * as v from 'valibot';
import type { AppEnv } from '../app-env.ts';
import { LOCALES } from '../i18n/index.ts';
import { LOCALE_COOKIE } from '../middleware/locale.ts';
import { paths, safeLocalPath } from '../views/urls.ts';

const LanguageForm = v.object({ lang: v.picklist(LOCALES), return_to: v.optional(v.string()) });

/** POST /language: remember the choice for a year and go back where the user was. */
export const language = new Hono<AppEnv>().post(paths.language, async (c) => {
  const form = v.safeParse(LanguageForm, await c.req.parseBody());
  if (!form.success) return c.redirect(paths.home, 303);
  setCookie(c, LOCALE_COOKIE, form.output.lang, {
    path: '/',
    maxAge: 365 * 24 * 3600,
    sameSite: 'Lax',
    httpOnly: true,
    secure: c.get('deps').config.baseUrl.startsWith('https:'),
  });
  return c.redirect(safeLocalPath(form.output.return_to), 303);
});
