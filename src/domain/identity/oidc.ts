import * as client from 'openid-client';
import type { LoginProvider } from '../../db/schema.ts';

/** One identity provider as the relying party sees it. */
export interface ProviderSettings {
  provider: LoginProvider;
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
  /** acr_values to request; the returned acr must be this level or higher (ID-porten only). */
  acrValues?: string;
  redirectUri: string;
  postLogoutRedirectUri: string;
}

export const ACR_LEVELS = ['idporten-loa-substantial', 'idporten-loa-high'] as const;

/** True when `acr` is at least the `required` level. Unknown values are never enough. */
export function acrSatisfies(acr: unknown, required: string | undefined): boolean {
  if (!required) return true;
  const have = ACR_LEVELS.indexOf(acr as (typeof ACR_LEVELS)[number]);
  const need = ACR_LEVELS.indexOf(required as (typeof ACR_LEVELS)[number]);
  return have >= 0 && need >= 0 && have >= need;
}

const DISCOVERY_TTL_MS = 24 * 3600_000;

/**
 * openid-client configurations for ID-porten and Feide, discovered lazily and cached for a day
 * (ID-porten asks RPs to cache metadata, not to fetch it per login).
 */
export class OidcClients {
  readonly #settings: Record<LoginProvider, ProviderSettings>;
  readonly #cache = new Map<LoginProvider, { config: client.Configuration; at: number }>();

  constructor(settings: Record<LoginProvider, ProviderSettings>) {
    this.#settings = settings;
  }

  settings(provider: LoginProvider): ProviderSettings {
    return this.#settings[provider];
  }

  /** The provider whose issuer is `issuer`, if any. */
  providerForIssuer(issuer: string): LoginProvider | undefined {
    return (Object.keys(this.#settings) as LoginProvider[]).find((p) => this.#settings[p].issuer === issuer);
  }

  /** The IdP origins (for CSP form-action: logout posts redirect there). */
  origins(): string[] {
    return Object.values(this.#settings).map((s) => new URL(s.issuer).origin);
  }

  async configuration(provider: LoginProvider): Promise<client.Configuration> {
    const cached = this.#cache.get(provider);
    if (cached && Date.now() - cached.at < DISCOVERY_TTL_MS) return cached.config;
    const s = this.#settings[provider];
    const insecure = new URL(s.issuer).protocol === 'http:';
    const config = await client.discovery(
      new URL(s.issuer),
      s.clientId,
      s.clientSecret,
      client.ClientSecretBasic(s.clientSecret),
      {
        execute: insecure ? [client.allowInsecureRequests] : [],
      },
    );
    this.#cache.set(provider, { config, at: Date.now() });
    return config;
  }
}
