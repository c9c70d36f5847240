import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env.ts';
import { DEFAULT_LOCALE, isLocale, messages } from '../i18n/index.ts';

export const LOCALE_COOKIE = 'skolebro_lang';

/** Chooses the UI language from the cookie the language switch sets; bokmål otherwise. */
export const localeFromCookie = createMiddleware<AppEnv>(async (c, next) => {
  const chosen = getCookie(c, LOCALE_COOKIE);
  const locale = isLocale(chosen) ? chosen : DEFAULT_LOCALE;
  c.set('locale', locale);
  c.set('t', messages(locale));
  await next();
});
