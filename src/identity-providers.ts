import { randomBytes } from 'node:crypto';
import type { Config } from './config.ts';
import type { Db } from './db/database.ts';
import { OidcClients, type ProviderSettings } from './domain/identity/oidc.ts';
import { findTestUser, listTestUsers } from './domain/identity/test-users.ts';
import { startTestIdp, type TestIdp } from './idp/test-idp.ts';
import { authPaths } from './paths/auth.ts';
import { pagePaths } from './paths/pages.ts';

export interface IdentityProviders {
  oidc: OidcClients;
  /** The built-in test IdP, when no real providers are configured. */
  testIdp: TestIdp | undefined;
  close(): Promise<void>;
}

/**
 * The real ID-porten and Feide from configuration, or — when none is configured — the built-in test IdP,
 * started here and used through exactly the same relying-party code.
 */
export async function setUpIdentityProviders(config: Config, db: Db): Promise<IdentityProviders> {
  const base = config.baseUrl;
  const common = (provider: 'idporten' | 'feide') => ({
    redirectUri: base + authPaths.loginCallback(provider),
    postLogoutRedirectUri: base + pagePaths.front,
  });
  if (config.idporten && config.feide) {
    const oidc = new OidcClients({
      idporten: {
        provider: 'idporten',
        ...config.idporten,
        acrValues: config.idportenAcrValues,
        ...common('idporten'),
      },
      feide: { provider: 'feide', ...config.feide, ...common('feide') },
    });
    return { oidc, testIdp: undefined, close: async () => {} };
  }
  const secret = () => randomBytes(24).toString('base64url');
  const idportenClient = {
    clientId: 'skolebro-demo-idporten',
    clientSecret: secret(),
    redirectUris: [common('idporten').redirectUri],
    postLogoutRedirectUris: [base + pagePaths.front],
    frontchannelLogoutUri: base + authPaths.frontchannelLogout,
  };
  const feideClient = {
    clientId: 'skolebro-demo-feide',
    clientSecret: secret(),
    redirectUris: [common('feide').redirectUri],
    postLogoutRedirectUris: [base + pagePaths.front],
  };
  const testIdp = await startTestIdp({
    port: config.testIdpPort,
    host: config.host === '0.0.0.0' ? '127.0.0.1' : config.host,
    publicHost: new URL(base).hostname,
    nodeEnv: config.env,
    idportenClient,
    feideClient,
    listUsers: (kind) => listTestUsers(db, kind),
    findUser: (kind, id) => findTestUser(db, kind, id),
  });
  const settings = (
    provider: 'idporten' | 'feide',
    issuer: string,
    client: { clientId: string; clientSecret: string },
  ): ProviderSettings => ({
    provider,
    issuer,
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    scopes: provider === 'idporten' ? 'openid profile' : 'openid userid-feide profile email',
    acrValues: provider === 'idporten' ? config.idportenAcrValues : undefined,
    ...common(provider),
  });
  const oidc = new OidcClients({
    idporten: settings('idporten', testIdp.idportenIssuer, idportenClient),
    feide: settings('feide', testIdp.feideIssuer, feideClient),
  });
  return { oidc, testIdp, close: () => testIdp.close() };
}
