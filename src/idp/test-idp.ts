/**
 * Built-in test identity provider: two oidc-provider instances, "ID-porten (test)" under /idporten and
 * "Feide (test)" under /feide, on one small node:http server. For the demo and the tests only; it
 * refuses to start in production.
 *
 * Behaviour mimicked: code flow + PKCE S256 (required), state/nonce (required by ID-porten), RS256 ID
 * tokens with `pid`/`acr`/`amr`/`sid`/`locale` (ID-porten) or Feide's `userid_sec`/`eduPersonPrincipalName`,
 * pairwise `sub`, userinfo, RP-initiated logout without a confirmation question, and ID-porten's
 * front-channel logout (`GET <frontchannel_logout_uri>?iss=…&sid=…` in hidden iframes on the logout page).
 */
import { createHash, generateKeyPair, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import type {
  Account,
  AccountClaims,
  Adapter,
  AdapterFactory,
  AdapterPayload,
  Configuration,
  JWK,
  KoaContextWithOIDC,
} from 'oidc-provider';
import type Provider from 'oidc-provider';
import {
  frontchannelLogoutUrl,
  handleInteraction,
  logoutSource,
  postLogoutSuccessSource,
  renderError,
  type IdpRuntime,
} from './interactions.ts';
import { ACR_HIGH, ACR_SUBSTANTIAL, ASSET_PATHS, IDP_CSS, LOGOUT_SCRIPT, type IdpKind } from './login-page.tsx';

export type { IdpKind } from './login-page.tsx';

export interface TestIdpUser {
  id: string;
  name: string;
  role: string;
  email?: string;
}
// id = fødselsnummer for ID-porten users, Feide userid_sec such as 'feide:kari.berg@demo-kommune.example' for Feide users

export interface TestIdpClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  frontchannelLogoutUri?: string;
}

export interface TestIdpOptions {
  port: number; // 0 = any free port
  host?: string; // default '127.0.0.1'
  publicHost?: string; // host name in issuer URLs, default 'localhost'
  nodeEnv: string; // refuse to start when 'production'
  idportenClient: TestIdpClient;
  feideClient: TestIdpClient;
  listUsers(kind: IdpKind): Promise<TestIdpUser[]>; // for the login page (already bounded by the caller)
  findUser(kind: IdpKind, id: string): Promise<TestIdpUser | null>;
}

export interface TestIdp {
  idportenIssuer: string;
  feideIssuer: string;
  origin: string;
  /** The exact URL ID-porten would load in an iframe to log the client out of session `sid`. */
  frontchannelLogoutUrl(kind: IdpKind, sid: string): string;
  close(): Promise<void>;
}

export const FEIDE_USERID_SEC = 'https://n.feide.no/claims/userid_sec';
export const FEIDE_EPPN = 'https://n.feide.no/claims/eduPersonPrincipalName';

const LOCALES = ['nb', 'nn', 'en', 'se'];

// ---------------------------------------------------------------------------------------------
// oidc-provider is loaded lazily so its "Unsupported runtime (wants Node 22)" notice can be
// filtered: it is printed once, on import, and is harmless on Node 20.

type OidcModule = typeof import('oidc-provider');
let oidcModule: Promise<OidcModule> | undefined;

function loadOidcProvider(): Promise<OidcModule> {
  oidcModule ??= (async () => {
    const warn = console.warn;
    console.warn = (...args: unknown[]) => {
      if (typeof args[0] === 'string' && args[0].includes('Unsupported runtime')) return;
      warn.apply(console, args);
    };
    try {
      return await import('oidc-provider');
    } finally {
      console.warn = warn;
    }
  })();
  return oidcModule;
}

// ---------------------------------------------------------------------------------------------
// A small in-memory adapter (one store per provider). Using our own keeps oidc-provider from
// printing its "development-only in-memory adapter" warning; the data is throwaway either way.

const MAX_ENTRIES = 10_000;

class MemoryStore {
  private entries = new Map<string, { payload: AdapterPayload; expiresAt: number | undefined }>();
  private uids = new Map<string, string>();
  private grants = new Map<string, Set<string>>();

  get(key: string): AdapterPayload | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt !== undefined && entry.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.payload;
  }

  set(key: string, payload: AdapterPayload, expiresIn?: number): void {
    this.entries.delete(key);
    this.entries.set(key, { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : undefined });
    if (payload.uid) this.uids.set(payload.uid, key);
    if (payload.grantId) {
      const keys = this.grants.get(payload.grantId) ?? new Set<string>();
      keys.add(key);
      this.grants.set(payload.grantId, keys);
    }
    if (this.entries.size > MAX_ENTRIES) this.evict();
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  findByUid(uid: string): AdapterPayload | undefined {
    const key = this.uids.get(uid);
    return key ? this.get(key) : undefined;
  }

  revokeGrant(grantId: string): void {
    for (const key of this.grants.get(grantId) ?? []) this.entries.delete(key);
    this.grants.delete(grantId);
  }

  private evict(): void {
    const now = Date.now();
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt !== undefined && entry.expiresAt <= now) this.entries.delete(key);
    }
    for (const key of this.entries.keys()) {
      if (this.entries.size <= MAX_ENTRIES) break;
      this.entries.delete(key);
    }
    for (const [uid, key] of this.uids) if (!this.entries.has(key)) this.uids.delete(uid);
    for (const [grantId, keys] of this.grants) {
      for (const key of keys) if (!this.entries.has(key)) keys.delete(key);
      if (keys.size === 0) this.grants.delete(grantId);
    }
  }
}

function memoryAdapter(store: MemoryStore): AdapterFactory {
  return (model: string): Adapter => {
    const key = (id: string) => `${model}:${id}`;
    return {
      async upsert(id, payload, expiresIn) {
        store.set(key(id), payload, expiresIn);
      },
      async find(id) {
        return store.get(key(id));
      },
      async findByUserCode() {
        return undefined;
      },
      async findByUid(uid) {
        return store.findByUid(uid);
      },
      async consume(id) {
        const payload = store.get(key(id));
        if (payload) payload.consumed = Math.floor(Date.now() / 1000);
      },
      async destroy(id) {
        store.delete(key(id));
      },
      async revokeByGrantId(grantId) {
        store.revokeGrant(grantId);
      },
    };
  };
}

// ---------------------------------------------------------------------------------------------

const generateKeyPairAsync = promisify(generateKeyPair);

/** A fresh RS256 signing key (ID-porten and Feide both sign ID tokens with RS256). */
async function signingKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPairAsync('rsa', { modulusLength: 2048 });
  return { ...(privateKey.export({ format: 'jwk' }) as JWK), kid: randomUUID(), alg: 'RS256', use: 'sig' };
}

function localeFrom(uiLocales: unknown): string {
  if (typeof uiLocales !== 'string') return 'nb';
  return uiLocales.split(' ').find((tag) => LOCALES.includes(tag)) ?? 'nb';
}

/** The `sid` oidc-provider keeps for this client in the login session (the same value front-channel logout sends). */
async function sidFor(ctx: KoaContextWithOIDC, sessionUid: string | undefined): Promise<string | undefined> {
  const clientId = ctx.oidc.client?.clientId;
  if (!sessionUid || !clientId) return undefined;
  const session = await ctx.oidc.provider.Session.findByUid(sessionUid);
  return session?.authorizations?.[clientId]?.sid;
}

interface ProviderSetup {
  kind: IdpKind;
  mount: string;
  issuer: string;
  client: TestIdpClient;
  options: TestIdpOptions;
  oidc: OidcModule;
}

function originsOf(urls: string[]): string[] {
  return [...new Set(urls.map((url) => new URL(url).origin))];
}

async function createIdp(setup: ProviderSetup): Promise<IdpRuntime> {
  const { kind, mount, issuer, client, options, oidc } = setup;
  const { errors, interactionPolicy } = oidc;
  const idporten = kind === 'idporten';
  // ID-porten reports the language used on its login page as `locale`; we take it from ui_locales.
  const localeByGrant = new Map<string, string>();

  const runtime: IdpRuntime = {
    kind,
    mount,
    issuer,
    provider: undefined as unknown as Provider, // set below, before any request is served
    listUsers: () => options.listUsers(kind),
    findUser: (id) => options.findUser(kind, id),
    frontchannelLogoutUris: new Map(
      client.frontchannelLogoutUri ? [[client.clientId, client.frontchannelLogoutUri]] : [],
    ),
    formActionOrigins: originsOf([...client.redirectUris, ...client.postLogoutRedirectUris]),
  };

  const requireParam = (name: string) => (_ctx: KoaContextWithOIDC, value: string | undefined) => {
    if (!value) throw new errors.InvalidRequest(`missing required parameter '${name}'`);
  };

  const policy = interactionPolicy.base();
  if (idporten) {
    // Like ID-porten: an SSO session at "substantial" does not satisfy a request for "high" only.
    policy.get('login')?.checks.add(
      new interactionPolicy.Check('acr_upgrade', 'a higher assurance level was requested', (ctx) => {
        const acrValues = ctx.oidc.params?.acr_values;
        const requested = typeof acrValues === 'string' ? acrValues.split(' ') : [];
        const highOnly = requested.includes(ACR_HIGH) && !requested.includes(ACR_SUBSTANTIAL);
        return highOnly && ctx.oidc.session?.acr !== ACR_HIGH;
      }),
    );
  }

  const configuration: Configuration = {
    adapter: memoryAdapter(new MemoryStore()),
    jwks: { keys: [await signingKey()] },
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: client.redirectUris,
        post_logout_redirect_uris: client.postLogoutRedirectUris,
        response_types: ['code'],
        grant_types: ['authorization_code'],
        // client_secret_post is accepted as well (oidc-provider allows either secret method).
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    responseTypes: ['code'],
    clientAuthMethods: ['client_secret_basic', 'client_secret_post'],
    pkce: { required: () => true }, // S256 is the only method oidc-provider 9 supports
    extraParams: idporten
      ? { state: requireParam('state'), nonce: requireParam('nonce') }
      : { nonce: requireParam('nonce') },
    acrValues: idporten ? [ACR_SUBSTANTIAL, ACR_HIGH] : [],
    scopes: idporten ? ['openid', 'profile'] : ['openid', 'profile', 'email', 'userid-feide'],
    claims: idporten
      ? // acr/amr/auth_time listed under openid so they are in every ID token (oidc-provider would only
        // add acr when acr_values was sent); they never reach userinfo, which only has what claims() returns.
        { openid: ['sub', 'pid', 'locale', 'sid', 'acr', 'amr', 'auth_time'], profile: [] }
      : {
          openid: ['sub', 'sid', 'auth_time'],
          profile: ['name'],
          email: ['email'],
          'userid-feide': [FEIDE_USERID_SEC, FEIDE_EPPN],
        },
    conformIdTokenClaims: false, // scope claims (pid, userid_sec, …) go in the ID token too
    subjectTypes: ['pairwise'], // like ID-porten: key users on pid / userid_sec, never on sub
    pairwiseIdentifier: (_ctx, accountId, c) =>
      createHash('sha256').update(`${kind}|${c.clientId}|${accountId}`).digest('base64url'),
    async findAccount(ctx, id, token): Promise<Account | undefined> {
      const user = await options.findUser(kind, id);
      if (!user) return undefined;
      return {
        accountId: user.id,
        async claims(use): Promise<AccountClaims> {
          const sessionUid = token && 'sessionUid' in token ? token.sessionUid : undefined;
          const sid = use === 'id_token' ? await sidFor(ctx, sessionUid) : undefined;
          if (idporten) {
            const locale =
              (token?.grantId && localeByGrant.get(token.grantId)) || localeFrom(ctx.oidc.params?.ui_locales);
            return { sub: user.id, pid: user.id, locale, ...(sid ? { sid } : {}) };
          }
          return {
            sub: user.id,
            name: user.name,
            ...(user.email ? { email: user.email } : {}),
            [FEIDE_USERID_SEC]: [user.id],
            [FEIDE_EPPN]: user.id.replace(/^feide:/, ''),
            ...(sid ? { sid } : {}),
          };
        },
      };
    },
    // No consent screen: every requested scope is granted straight away (the clients are first-party).
    async loadExistingGrant(ctx) {
      const { oidc: o } = ctx;
      const accountId = o.session?.accountId;
      if (!accountId || !o.client) return undefined;
      const clientId = o.client.clientId;
      const grantId = o.result?.consent?.grantId ?? o.session?.grantIdFor(clientId);
      let grant = grantId ? await o.provider.Grant.find(grantId) : undefined;
      if (!grant || grant.accountId !== accountId) grant = new o.provider.Grant({ accountId, clientId });
      const scope = [...o.requestParamOIDCScopes].join(' ');
      if (scope) grant.addOIDCScope(scope);
      const savedId = await grant.save();
      if (idporten) {
        localeByGrant.set(savedId, localeFrom(o.params?.ui_locales));
        if (localeByGrant.size > 1000) localeByGrant.delete(localeByGrant.keys().next().value!);
      }
      return grant;
    },
    interactions: {
      policy,
      url: (_ctx, interaction) => `${mount}/interaction/${interaction.uid}`,
    },
    features: {
      devInteractions: { enabled: false },
      userinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: logoutSource(runtime),
        postLogoutSuccessSource: postLogoutSuccessSource(runtime),
      },
    },
    renderError: renderError(runtime),
    routes: idporten
      ? {
          authorization: '/authorize',
          token: '/token',
          userinfo: '/userinfo',
          jwks: '/jwks.json',
          end_session: '/logout',
        }
      : {
          authorization: '/oauth/authorization',
          token: '/oauth/token',
          userinfo: '/openid/userinfo',
          jwks: '/openid/jwks',
          end_session: '/openid/endsession',
        },
    discovery: idporten
      ? {
          frontchannel_logout_supported: true,
          frontchannel_logout_session_supported: true,
          ui_locales_supported: LOCALES,
        }
      : {},
    cookies: {
      // Distinct names per provider: both live on the same host. No `secure` so plain http on localhost
      // works (oidc-provider adds Secure by itself when the request is https).
      names: { session: `_${kind}_session`, interaction: `_${kind}_interaction`, resume: `_${kind}_resume` },
      long: { httpOnly: true, sameSite: 'lax', path: mount },
      short: { httpOnly: true, sameSite: 'lax' },
      keys: [randomBytes(32).toString('base64url')],
    },
    clientBasedCORS: () => false,
    // Explicit lifetimes (ID-porten-like: short tokens, 30 min SSO session); also silences notices.
    ttl: {
      AccessToken: idporten ? 120 : 3600,
      AuthorizationCode: 60,
      IdToken: idporten ? 120 : 3600,
      Interaction: 30 * 60,
      Session: 30 * 60,
      Grant: 30 * 60,
      RefreshToken: 30 * 60,
    },
  };

  runtime.provider = new oidc.Provider(issuer, configuration);
  return runtime;
}

// ---------------------------------------------------------------------------------------------

function sendAsset(res: ServerResponse, type: string, body: string): void {
  res.writeHead(200, {
    'Content-Type': `${type}; charset=utf-8`,
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(body);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

export async function startTestIdp(options: TestIdpOptions): Promise<TestIdp> {
  if (options.nodeEnv === 'production') {
    throw new Error(
      'The built-in test identity provider refuses to start when NODE_ENV is "production": ' +
        'it lets anyone log in as any user. Configure the real ID-porten and Feide instead.',
    );
  }
  const oidc = await loadOidcProvider();
  const host = options.host ?? '127.0.0.1';
  const publicHost = options.publicHost ?? 'localhost';

  let idps: IdpRuntime[] = [];
  const callbacks = new Map<IdpRuntime, ReturnType<Provider['callback']>>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = req.url ?? '/';
    const path = url.split('?')[0] ?? '/';
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (req.method === 'GET' && path === ASSET_PATHS.css) return sendAsset(res, 'text/css', IDP_CSS);
    if (req.method === 'GET' && path === ASSET_PATHS.logoutScript) {
      return sendAsset(res, 'text/javascript', LOGOUT_SCRIPT);
    }
    for (const idp of idps) {
      if (path !== idp.mount && !path.startsWith(`${idp.mount}/`)) continue;
      const interactionPrefix = `${idp.mount}/interaction/`;
      if (path.startsWith(interactionPrefix)) {
        return handleInteraction(idp, req, res, path.slice(interactionPrefix.length));
      }
      // Mounting as Express does it: strip the prefix from req.url and keep the full URL in
      // req.originalUrl; oidc-provider derives its mount path (for URLs it builds) from the two.
      let rest = url.slice(idp.mount.length);
      if (!rest.startsWith('/')) rest = `/${rest}`;
      Object.assign(req, { originalUrl: url, baseUrl: idp.mount });
      req.url = rest;
      return callbacks.get(idp)!(req, res);
    }
    if (idps.length === 0) return sendText(res, 503, 'starting');
    return sendText(res, 404, 'Not found. Issuers: /idporten and /feide');
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('test-idp: request failed', error);
      if (!res.headersSent) sendText(res, 500, 'Internal error');
      else res.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });

  try {
    const { port } = server.address() as AddressInfo;
    const origin = `http://${publicHost}:${port}`;
    const make = (kind: IdpKind, client: TestIdpClient) =>
      createIdp({ kind, mount: `/${kind}`, issuer: `${origin}/${kind}`, client, options, oidc });
    idps = await Promise.all([make('idporten', options.idportenClient), make('feide', options.feideClient)]);
    for (const idp of idps) callbacks.set(idp, idp.provider.callback());

    return {
      idportenIssuer: `${origin}/idporten`,
      feideIssuer: `${origin}/feide`,
      origin,
      frontchannelLogoutUrl(kind, sid) {
        const client = kind === 'idporten' ? options.idportenClient : options.feideClient;
        if (!client.frontchannelLogoutUri) throw new Error(`test-idp: the ${kind} client has no frontchannelLogoutUri`);
        return frontchannelLogoutUrl(client.frontchannelLogoutUri, `${origin}/${kind}`, sid);
      },
      close: () => closeServer(server),
    };
  } catch (error) {
    await closeServer(server);
    throw error;
  }
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
