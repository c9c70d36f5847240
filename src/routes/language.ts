import { readForm } from './form-body.ts';
import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import * as v from 'valibot';
import type { AppEnv } from '../app-env.ts';
import { LOCALES } from '../i18n/index.ts';
import { LOCALE_COOKIE } from '../middleware/locale.ts';
import { languagePaths } from '../paths/language.ts';
import { pagePaths } from '../paths/pages.ts';
import { safeLocalPath } from '../paths/safe.ts';

const LanguageForm = v.object({ lang: v.picklist(LOCALES), return_to: v.optional(v.string()) });

/** POST /language: remember the choice for a year and go back where the user was. */
export const language = new Hono<AppEnv>().post(languagePaths.choice, async (c) => {
  const form = v.safeParse(LanguageForm, await readForm(c));
  if (!form.success) return c.redirect(pagePaths.front, 303);
  setCookie(c, LOCALE_COOKIE, form.output.lang, {
    path: '/',
    maxAge: 365 * 24 * 3600,
    sameSite: 'Lax',
    httpOnly: true,
    secure: c.get('deps').config.baseUrl.startsWith('https:'),
  });
  return c.redirect(safeLocalPath(form.output.return_to), 303);
});
