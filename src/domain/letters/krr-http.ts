import { createSign, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { KrrReservasjon, KrrStatus, KrrVarslingsstatus } from '../../db/schema.ts';
import { assertBatch, notRegistered, type KrrClient, type KrrContact, type KrrPerson } from './krr.ts';

/**
 * Production KRR (Kontaktregisterets oppslagstjeneste, REST, Maskinporten-protected). Written against the
 * documented shape and never called by the tests (they use DevKrrClient):
 *
 *   POST ${KRR_URL}/rest/v2/personer            (KRR_URL e.g. https://krr.digdir.no)
 *   Authorization: Bearer <Maskinporten token with krr:global/kontaktinformasjon.read krr:global/digitalpost.read>
 *   { "personidentifikatorer": ["…", …] }       (1–1000)
 * →
 *   { "personer": [ { "personidentifikator", "reservasjon": "JA"|"NEI", "status": "AKTIV"|"SLETTET"|"IKKE_REGISTRERT",
 *       "varslingsstatus": "KAN_VARSLES"|"KAN_IKKE_VARSLES",
 *       "kontaktinformasjon": { "epostadresse", "epostadresse_oppdatert", "epostadresse_sist_verifisert",
 *                               "mobiltelefonnummer", "mobiltelefonnummer_oppdatert", "mobiltelefonnummer_sist_verifisert" },
 *       "digital_post": { "postkasseadresse", "postkasseleverandoeradresse" }, "sertifikat", "spraak" } ] }
 */
export class HttpKrrClient implements KrrClient {
  static readonly SCOPES = ['krr:global/kontaktinformasjon.read', 'krr:global/digitalpost.read'];

  constructor(
    private readonly baseUrl: string,
    private readonly tokens: TokenProvider,
    private readonly timeoutMs = 15_000,
  ) {}

  async lookup(fodselsnumre: string[]): Promise<Map<string, KrrPerson>> {
    assertBatch(fodselsnumre);
    const result = new Map<string, KrrPerson>();
    if (fodselsnumre.length === 0) return result;
    const response = await fetch(`${this.baseUrl.replace(/\/$/, '')}/rest/v2/personer`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        authorization: `Bearer ${await this.tokens.token(HttpKrrClient.SCOPES)}`,
      },
      body: JSON.stringify({ personidentifikatorer: [...new Set(fodselsnumre)] }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    // The body may hold personal data: it is never put in an error message.
    if (!response.ok) throw new Error(`KRR answered ${response.status}`);
    for (const person of parseKrrPersons(await response.json())) result.set(person.fodselsnummer, person);
    for (const fnr of fodselsnumre) if (!result.has(fnr)) result.set(fnr, notRegistered(fnr));
    return result;
  }
}

type Json = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
const date = (v: unknown) => {
  const s = str(v);
  if (!s) return null;
  const d = new Date(/[+-]\d{2}$/.test(s) ? `${s}:00` : s); // KRR writes offsets as "+02"
  return Number.isNaN(d.getTime()) ? null : d;
};
const oneOf = <T extends string>(v: unknown, values: readonly T[]): T | null =>
  values.includes(v as T) ? (v as T) : null;

/** The KRR answer in our shape; an unknown status counts as IKKE_REGISTRERT (paper: never a wrong digital letter). */
export function parseKrrPersons(body: unknown): KrrPerson[] {
  const persons = (body as { personer?: unknown })?.personer;
  if (!Array.isArray(persons)) throw new Error('KRR answered without "personer"');
  return persons.flatMap((p: Json) => {
    const fnr = str(p.personidentifikator);
    if (!fnr) return [];
    const k = (p.kontaktinformasjon ?? {}) as Json;
    const dp = (p.digital_post ?? {}) as Json;
    const contact = (prefix: string): KrrContact | null => {
      const value = str(k[prefix]);
      return value
        ? { value, updatedAt: date(k[`${prefix}_oppdatert`]), verifiedAt: date(k[`${prefix}_sist_verifisert`]) }
        : null;
    };
    const address = str(dp.postkasseadresse);
    const provider = str(dp.postkasseleverandoeradresse);
    return [
      {
        fodselsnummer: fnr,
        reservasjon: oneOf<KrrReservasjon>(p.reservasjon, ['JA', 'NEI']) ?? 'JA',
        status: oneOf<KrrStatus>(p.status, ['AKTIV', 'SLETTET', 'IKKE_REGISTRERT']) ?? 'IKKE_REGISTRERT',
        varslingsstatus: oneOf<KrrVarslingsstatus>(p.varslingsstatus, ['KAN_VARSLES', 'KAN_IKKE_VARSLES']),
        email: contact('epostadresse'),
        mobile: contact('mobiltelefonnummer'),
        mailbox: address && provider ? { address, providerAddress: provider } : null,
        sertifikat: str(p.sertifikat),
        spraak: str(p.spraak),
      },
    ];
  });
}

/** Gives an access token for some scopes (Maskinporten in production). */
export interface TokenProvider {
  token(scopes: string[]): Promise<string>;
}

export interface MaskinportenSettings {
  /** The Maskinporten issuer, e.g. https://maskinporten.no/ (test: https://test.maskinporten.no/); the token endpoint is <issuer>token. */
  url: string;
  clientId: string;
  /** The key id registered with the client (kid), when the client uses a registered key. */
  keyId: string | undefined;
  /** PEM file with the RSA private key (or the virksomhetssertifikat's key). */
  privateKeyFile: string;
}

/**
 * Maskinporten's JWT grant: an RS256-signed assertion (aud = issuer, iss = client id, scope, iat, exp ≤ 120 s, jti)
 * posted to the token endpoint; the access token is reused until 30 s before it expires.
 */
export class MaskinportenTokenProvider implements TokenProvider {
  private cached = new Map<string, { token: string; expiresAt: number }>();
  private readonly key: string;

  constructor(
    private readonly settings: MaskinportenSettings,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.key = readFileSync(settings.privateKeyFile, 'utf8');
  }

  async token(scopes: string[]): Promise<string> {
    const scope = scopes.join(' ');
    const now = this.clock().getTime();
    const hit = this.cached.get(scope);
    if (hit && hit.expiresAt - 30_000 > now) return hit.token;
    const issuer = this.settings.url.endsWith('/') ? this.settings.url : `${this.settings.url}/`;
    const response = await fetch(`${issuer}token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
        assertion: this.assertion(issuer, scope, now),
      }),
      signal: AbortSignal.timeout(15_000),
    });
    if (!response.ok) throw new Error(`Maskinporten answered ${response.status}`);
    const body = (await response.json()) as { access_token?: string; expires_in?: number };
    if (!body.access_token) throw new Error('Maskinporten answered without an access token');
    this.cached.set(scope, { token: body.access_token, expiresAt: now + (body.expires_in ?? 60) * 1000 });
    return body.access_token;
  }

  private assertion(audience: string, scope: string, now: number): string {
    const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const iat = Math.floor(now / 1000);
    const header = { alg: 'RS256', typ: 'JWT', ...(this.settings.keyId ? { kid: this.settings.keyId } : {}) };
    const claims = { aud: audience, iss: this.settings.clientId, scope, iat, exp: iat + 110, jti: randomUUID() };
    const unsigned = `${b64(header)}.${b64(claims)}`;
    return `${unsigned}.${createSign('RSA-SHA256').update(unsigned).sign(this.key).toString('base64url')}`;
  }
}
