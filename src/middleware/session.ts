import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { matchedRoutes } from 'hono/route';
import { nowFrom, type AppEnv } from '../app-env.ts';
import { loadActor, todayInOslo, type Actor } from '../domain/access/actor.ts';
import { recordAudit } from '../domain/audit.ts';
import { deviceLabel, resumeDeviceSession } from '../domain/identity/device-sessions.ts';
import { createSession, validateSessionWithActor, type ValidSession } from '../domain/identity/sessions.ts';
import { needsFreshLogin } from '../domain/identity/step-up.ts';
import { authPaths } from '../paths/auth.ts';
import { homePaths } from '../paths/home.ts';
import { pagePaths } from '../paths/pages.ts';
import { safeLocalPath } from '../paths/safe.ts';

export const SESSION_COOKIE = 'skolebro_session';
/** "Husk meg på denne enheten": the remembered device's token (src/domain/identity/device-sessions.ts). */
export const DEVICE_COOKIE = 'skolebro_device';

const secure = (c: Context<AppEnv>) => c.get('deps').config.baseUrl.startsWith('https:');

/**
 * Max-Age (which wins over Expires) counts from when the browser receives the cookie, so a browser whose clock
 * differs from the server's (or a test server's moved clock) still keeps the cookie exactly as long as the session.
 */
function lifetime(expiresAt: Date, now: Date) {
  return { expires: expiresAt, maxAge: Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000)) };
}

export function setSessionCookie(c: Context<AppEnv>, token: string, expiresAt: Date, now: Date) {
  setCookie(c, SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: secure(c),
    ...lifetime(expiresAt, now),
  });
}

export function clearSessionCookie(c: Context<AppEnv>) {
  deleteCookie(c, SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'Lax', secure: secure(c) });
}

export function setDeviceCookie(c: Context<AppEnv>, token: string, expiresAt: Date, now: Date) {
  setCookie(c, DEVICE_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: secure(c),
    ...lifetime(expiresAt, now),
  });
}

export function clearDeviceCookie(c: Context<AppEnv>) {
  deleteCookie(c, DEVICE_COOKIE, { path: '/', httpOnly: true, sameSite: 'Lax', secure: secure(c) });
}

/**
 * Reads the session cookie and loads the actor afresh (so blocks and ended affiliations apply at once). Sessions are
 * timed by the app's clock. Without a valid session, a remembered device ("Husk meg") makes one, marked as made from
 * the device: it reads and reports absence; the sensitive pages ask for a fresh login (`requireFreshLogin`).
 */
export const sessionFromCookie = createMiddleware<AppEnv>(async (c, next) => {
  c.set('session', null);
  c.set('actor', null);
  const { db, config } = c.get('deps');
  const now = nowFrom(c.get('deps'));
  const today = todayInOslo(now);
  const token = getCookie(c, SESSION_COOKIE);
  if (token) {
    const found = await validateSessionWithActor(db, token, config.session, now, today);
    if (found?.actor) {
      c.set('session', found.session);
      c.set('actor', found.actor);
    } else {
      clearSessionCookie(c);
    }
  }
  const deviceToken = c.get('actor') ? undefined : getCookie(c, DEVICE_COOKIE);
  if (deviceToken) {
    const device = await resumeDeviceSession(db, deviceToken, deviceLabel(c.req.header('user-agent')), now);
    const actor = device ? await loadActor(db, device.personId, 'idporten', today) : null;
    if (device && actor) {
      const made = await createSession(
        db,
        {
          personId: device.personId,
          provider: 'idporten',
          issuer: device.issuer,
          idpSid: null,
          idToken: null,
          acr: null,
          deviceSessionId: device.id,
        },
        config.session,
        now,
      );
      await recordAudit(db, {
        actor: { personId: device.personId, via: 'idporten' },
        action: 'login',
        details: { provider: 'idporten', device: true },
      });
      setSessionCookie(c, made.token, made.expiresAt, now);
      const session: ValidSession = {
        id: made.id,
        personId: device.personId,
        provider: 'idporten',
        issuer: device.issuer,
        idToken: null,
        acr: null,
        deviceSessionId: device.id,
      };
      c.set('session', session);
      c.set('actor', actor);
    } else {
      clearDeviceCookie(c);
    }
  }
  await next();
});

/**
 * Step-up, installed once in app.ts after `requireActor`: a session made from a remembered device is sent to a fresh
 * ID-porten login before a sensitive page (src/domain/identity/step-up.ts), and back to it afterwards — the page
 * itself for a GET, the page the form was on for a POST (it cannot be repeated). htmx gets HX-Redirect (a full load).
 */
export const requireFreshLogin = createMiddleware<AppEnv>(async (c, next) => {
  if (!needsFreshLogin(c.get('session'), c.req.path)) return next();
  const url = new URL(c.req.url);
  const referer = c.req.header('referer');
  const from = referer && URL.canParse(referer) ? new URL(referer) : null;
  const ownOrigin = new URL(c.get('deps').config.baseUrl).origin;
  const returnTo =
    c.req.method === 'GET'
      ? url.pathname + url.search
      : from && from.origin === ownOrigin
        ? safeLocalPath(from.pathname + from.search, homePaths.start)
        : homePaths.start;
  const target = authPaths.stepUp(returnTo);
  c.header('Cache-Control', 'no-store');
  if (c.req.header('hx-request') === 'true') {
    c.header('HX-Redirect', target);
    return c.body(null, 200);
  }
  return c.redirect(target, c.req.method === 'GET' ? 302 : 303);
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
