import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { matchedRoutes } from 'hono/route';
import { nowFrom, type AppEnv } from '../app-env.ts';
import { loadActor, todayInOslo, type Actor } from '../domain/access/actor.ts';
import { validateSessionToken } from '../domain/identity/sessions.ts';
import { authPaths } from '../paths/auth.ts';
import { pagePaths } from '../paths/pages.ts';

export const SESSION_COOKIE = 'skolebro_session';

const secure = (c: Context<AppEnv>) => c.get('deps').config.baseUrl.startsWith('https:');

export function setSessionCookie(c: Context<AppEnv>, token: string, expiresAt: Date) {
  setCookie(c, SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: secure(c),
    expires: expiresAt,
  });
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
    const actor = session
      ? await loadActor(db, session.personId, session.provider, todayInOslo(nowFrom(c.get('deps'))))
      : null;
    if (session && actor) {
      c.set('session', session);
      c.set('actor', actor);
    } else {
      clearSessionCookie(c);
    }
  }
  await next();
});

/**
 * Protected by default, installed once in app.ts: every route but the public ones (`isPublic`) needs a login.
 * Anonymous visitors are sent to the login chooser and back afterwards — to the same page for a GET, home for a
 * form post (it cannot be repeated). A path no route answers is the 404 page for everyone, as before; the guard
 * answers it itself, so an anonymous request never reaches anything behind it.
 */
export function requireActor(isPublic: (method: string, path: string) => boolean) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (isPublic(c.req.method, c.req.path)) return next();
    if (!c.get('actor')) {
      if (!routeExists(c)) return c.notFound();
      const returnTo = c.req.method === 'GET' ? c.req.path : pagePaths.front;
      return c.redirect(authPaths.loginChooser(returnTo), c.req.method === 'GET' ? 302 : 303);
    }
    c.header('Cache-Control', 'no-store');
    await next();
  });
}

/** Whether a route answers this method and path (middleware, added with `use`, has method ALL: it does not count). */
const routeExists = (c: Context) => matchedRoutes(c).some((route) => route.method !== 'ALL');

/** The actor of a request on a protected route (the guard in app.ts lets none through without one). */
export function actorOf(c: Context<AppEnv>): Actor {
  const actor = c.get('actor');
  if (!actor) throw new Error(`no actor on ${c.req.method} ${c.req.path}: a public route cannot use actorOf`);
  return actor;
}
