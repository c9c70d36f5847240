import { parseHTML } from 'linkedom';
import { createApp } from '../../src/app.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import type { Db } from '../../src/db/database.ts';
import type { LoginProvider } from '../../src/db/schema.ts';
import { OidcClients } from '../../src/domain/identity/oidc.ts';
import { createSession } from '../../src/domain/identity/sessions.ts';
import { SESSION_COOKIE } from '../../src/middleware/session.ts';

export const TEST_ORIGIN = 'http://localhost:3000';

export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ NODE_ENV: 'test', BASE_URL: TEST_ORIGIN }), ...overrides };
}

/** Relying-party settings that are never contacted: for tests that do not log in through an IdP. */
export function offlineOidc(): OidcClients {
  const settings = (provider: 'idporten' | 'feide') => ({
    provider,
    issuer: `http://idp.invalid/${provider}`,
    clientId: 'test',
    clientSecret: 'test',
    scopes: 'openid',
    redirectUri: `${TEST_ORIGIN}/login/${provider}/callback`,
    postLogoutRedirectUri: `${TEST_ORIGIN}/`,
  });
  return new OidcClients({ idporten: settings('idporten'), feide: settings('feide') });
}

/**
 * A session cookie for a person, made by the real session code (skips the IdP round trip). Sessions are timed by the
 * app's clock, and a test's clock may be months from today, so this session is valid at any clock: it was last active
 * and expires far in the future. Tests of expiry log in through the IdP or call the session code directly.
 */
export async function sessionCookie(db: Db, personId: number, provider: LoginProvider): Promise<string> {
  const { id, token } = await createSession(db, {
    personId,
    provider,
    issuer: `http://idp.invalid/${provider}`,
    idpSid: null,
    idToken: null,
    acr: null,
  });
  const farFuture = new Date('2999-01-01T00:00:00Z');
  await db
    .updateTable('session')
    .set({ last_active_at: farFuture, expires_at: farFuture })
    .where('id', '=', id)
    .execute();
  return `${SESSION_COOKIE}=${token}`;
}

/** The real app on a test database, plus helpers that speak like a browser would. */
export function createTestApp(db: Db, overrides: Partial<Config> = {}, options: { clock?: () => Date } = {}) {
  const logs: Record<string, unknown>[] = [];
  const app = createApp({
    db,
    config: testConfig(overrides),
    log: (line) => logs.push(line),
    oidc: offlineOidc(),
    clock: options.clock,
  });
  const url = (path: string) => new URL(path, TEST_ORIGIN).toString();
  return {
    app,
    logs,
    get(path: string, headers: Record<string, string> = {}) {
      return app.request(url(path), { headers });
    },
    /** A same-origin form post, as a browser sends it. */
    post(path: string, form: Record<string, string>, headers: Record<string, string> = {}) {
      return app.request(url(path), {
        method: 'POST',
        body: new URLSearchParams(form),
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          origin: TEST_ORIGIN,
          'sec-fetch-site': 'same-origin',
          ...headers,
        },
      });
    },
  };
}

export async function html(response: Response) {
  const text = await response.text();
  return { text, document: parseHTML(text).document };
}
