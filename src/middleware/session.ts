import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env.ts';
import { loadActor, type Actor } from '../domain/access/actor.ts';
import { validateSessionToken } from '../domain/identity/sessions.ts';
import { authPaths } from '../paths/auth.ts';
import { pagePaths } from '../paths/pages.ts';

export const SESSION_COOKIE = 'skolebro_session';

const secure = (c: Context<AppEnv>) => c.get('deps').config.baseUrl.startsWith('https:');

export function setSessionCookie(c: Context<AppEnv>, token: string, expiresAt: Date) {
  setCookie(c, SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'Lax', secure: secure(c), expires: expiresAt });
}

export function clearSessionCookie(c: Context<AppEnv>) {
  deleteCookie(c, SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'Lax', secure: secure(c) });
}

/** Reads the session cookie and loads the actor afresh (so blocks and ended affiliations apply at once). */
export const sessionFromCookie = createMiddleware<AppEnv>(async (c, next) => {
  c.set('session', null);
  c.set('actor', null);
  const token = getCookie(c, SESSION_COOKIE);
  if (token) {
    const { db, config } = c.get('deps');
    const session = await validateSessionToken(db, token, config.session);
    const actor = session ? await loadActor(db, session.personId, session.provider) : null;
    if (session && actor) {
      c.set('session', session);
      c.set('actor', actor);
    } else {
      clearSessionCookie(c);
    }
  }
  await next();
});

/** Pages for logged-in users: anonymous visitors are sent to the login chooser and back afterwards. */
export const requireActor = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.get('actor')) {
    const returnTo = c.req.method === 'GET' ? c.req.path : pagePaths.front;
    return c.redirect(authPaths.loginChooser(returnTo), c.req.method === 'GET' ? 302 : 303);
  }
  c.header('Cache-Control', 'no-store');
  await next();
});

/** The actor on a route behind requireActor. */
export function actorOf(c: Context<AppEnv>): Actor {
  const actor = c.get('actor');
  if (!actor) throw new Error('requireActor must run before this handler');
  return actor;
}
