import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../app-env.ts';
import type { LoginProvider } from '../db/schema.ts';
import { recordAudit } from '../domain/audit.ts';
import {
  completeLogin,
  endSessionUrl,
  LOGIN_REQUEST_TTL_MS,
  LoginError,
  startLogin,
} from '../domain/identity/login.ts';
import {
  createDeviceSession,
  deviceLabel,
  deviceSessionIdOf,
  deviceSessionOwner,
  endDeviceSession,
  endDeviceSessionByToken,
} from '../domain/identity/device-sessions.ts';
import { createSession, invalidateSession, invalidateSessionsByIdpSid } from '../domain/identity/sessions.ts';
import { rateLimit } from '../middleware/rate-limit.ts';
import {
  clearDeviceCookie,
  clearSessionCookie,
  DEVICE_COOKIE,
  setDeviceCookie,
  setSessionCookie,
} from '../middleware/session.ts';
import { nowOf } from './clock.ts';
import { authPaths } from '../paths/auth.ts';
import { homePaths } from '../paths/home.ts';
import { pagePaths } from '../paths/pages.ts';
import { safeLocalPath } from '../paths/safe.ts';
import { LoginChooser, LoginFailed } from '../views/auth/login.tsx';
import { pageContext, render } from './render.tsx';
import { viewModeOf } from './view-mode.ts';

const LOGIN_COOKIE = 'skolebro_login';
const isProvider = (value: string): value is LoginProvider => value === 'idporten' || value === 'feide';

export function authRoutes(options: { demo: boolean; callbackLimit?: number; startLimit?: number }) {
  const callbackLimiter = rateLimit({ limit: options.callbackLimit ?? 30, windowMs: 60_000 });
  // Each login start writes a login_request row: limited per client address before that happens.
  const startLimiter = rateLimit({ limit: options.startLimit ?? 30, windowMs: 60_000 });
  return new Hono<AppEnv>()
    .get(authPaths.login, (c) => {
      const returnTo = safeLocalPath(c.req.query('return_to'), homePaths.start);
      return render(
        c,
        c.get('t').auth.chooserTitle,
        <LoginChooser
          page={pageContext(c)}
          returnTo={returnTo}
          demo={options.demo}
          phone={viewModeOf(c) === 'mobile'}
        />,
        200,
        { viewVaries: true },
      );
    })
    .get('/login/:provider', startLimiter, async (c) => {
      const provider = c.req.param('provider');
      if (!isProvider(provider)) return c.notFound();
      const { db, oidc } = c.get('deps');
      const returnTo = safeLocalPath(c.req.query('return_to'), homePaths.start);
      // "Husk meg på denne enheten" (a checkbox on the chooser) and step-up (a sensitive page) are ID-porten's only.
      const { loginRequestId, url } = await startLogin(db, oidc, provider, {
        locale: c.get('locale'),
        returnTo,
        rememberDevice: c.req.query('remember') === 'on',
        stepUp: c.req.query('step_up') === '1',
      });
      setCookie(c, LOGIN_COOKIE, loginRequestId, {
        path: authPaths.login,
        httpOnly: true,
        sameSite: 'Lax',
        secure: isHttps(c),
        maxAge: LOGIN_REQUEST_TTL_MS / 1000,
      });
      c.header('Cache-Control', 'no-store');
      return c.redirect(url.toString(), 302);
    })
    .get('/login/:provider/callback', callbackLimiter, async (c) => {
      const provider = c.req.param('provider');
      if (!isProvider(provider)) return c.notFound();
      const { db, oidc, config } = c.get('deps');
      const loginRequestId = getCookie(c, LOGIN_COOKIE);
      deleteCookie(c, LOGIN_COOKIE, { path: authPaths.login });
      c.header('Cache-Control', 'no-store');
      try {
        const callbackUrl = new URL(oidc.settings(provider).redirectUri);
        callbackUrl.search = new URL(c.req.url).search;
        const login = await completeLogin(db, oidc, provider, { loginRequestId, callbackUrl });
        const now = nowOf(c);
        const { token, expiresAt } = await createSession(db, login, config.session, now);
        await recordAudit(db, {
          actor: { personId: login.personId, via: provider },
          action: 'login',
          details: { provider, acr: login.acr, rememberDevice: login.rememberDevice },
        });
        setSessionCookie(c, token, expiresAt, now);
        // This browser remembers at most one person: a new "Husk meg", or another person's login, forgets the old one.
        const oldDevice = getCookie(c, DEVICE_COOKIE);
        if (oldDevice && (login.rememberDevice || (await deviceSessionOwner(db, oldDevice)) !== login.personId)) {
          await endDeviceSessionByToken(db, oldDevice);
          clearDeviceCookie(c);
        }
        if (login.rememberDevice) {
          const label = deviceLabel(c.req.header('user-agent'));
          const device = await createDeviceSession(db, { personId: login.personId, issuer: login.issuer, label }, now);
          setDeviceCookie(c, device.token, device.expiresAt, now);
        }
        return c.redirect(safeLocalPath(login.returnTo, homePaths.start), 303);
      } catch (error) {
        if (!(error instanceof LoginError)) throw error;
        c.get('deps').log?.({ level: 'warn', event: 'login_refused', provider, reason: error.message });
        const status = error.reason === 'unknown_identity' ? 403 : 400;
        const t = c.get('t').auth;
        return render(
          c,
          error.reason === 'unknown_identity' ? t.unknownTitle : t.failureTitle,
          <LoginFailed page={pageContext(c)} reason={error.reason} />,
          status,
        );
      }
    })
    .post(authPaths.logout, async (c) => {
      const session = c.get('session');
      clearSessionCookie(c);
      // Logging out also forgets this browser ("Husk meg"): a shared computer must not let the next person in.
      const deviceId = deviceSessionIdOf(getCookie(c, DEVICE_COOKIE));
      clearDeviceCookie(c);
      if (!session) return c.redirect(pagePaths.front, 303);
      const { db, oidc } = c.get('deps');
      await invalidateSession(db, session.id);
      if (deviceId) await endDeviceSession(db, session.personId, deviceId);
      await recordAudit(db, { actor: { personId: session.personId, via: session.provider }, action: 'logout' });
      const idpLogout = await endSessionUrl(oidc, session.provider, session.idToken);
      return c.redirect(idpLogout ?? pagePaths.front, 303);
    })
    .get(authPaths.frontchannelLogout, async (c) => {
      // ID-porten loads this in an iframe when the user logs out elsewhere: end the sessions it names.
      // The cookie may not be sent (third-party iframe), so the IdP's iss + sid decide.
      const { db, oidc } = c.get('deps');
      const iss = c.req.query('iss') ?? '';
      const sid = c.req.query('sid') ?? '';
      const provider = oidc.providerForIssuer(iss);
      if (provider && sid) await invalidateSessionsByIdpSid(db, iss, sid);
      const frameOrigins = [...new Set([...oidc.origins(), ...frameAncestorsFromConfig(c)])].join(' ');
      c.header('Content-Security-Policy', `default-src 'none'; frame-ancestors ${frameOrigins}`);
      c.header('Cache-Control', 'no-store');
      return c.text(provider && sid ? 'OK' : 'Unknown issuer or session', provider && sid ? 200 : 400);
    });
}

function isHttps(c: Context<AppEnv>) {
  return c.get('deps').config.baseUrl.startsWith('https:');
}

function frameAncestorsFromConfig(c: Context<AppEnv>): string[] {
  const origin = c.get('deps').config.idporten?.logoutFrameOrigin;
  return origin ? [origin] : [];
}
