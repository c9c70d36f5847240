import * as client from 'openid-client';
import type { Db } from '../../db/database.ts';
import type { LoginProvider } from '../../db/schema.ts';
import { acrSatisfies, type OidcClients } from './oidc.ts';

/** Why a login was refused; each has its own explanation page. */
export type LoginFailure = 'expired' | 'state' | 'idp_error' | 'cancelled' | 'token' | 'acr' | 'unknown_identity';

export class LoginError extends Error {
  constructor(
    readonly reason: LoginFailure,
    detail?: string,
  ) {
    super(detail ? `${reason}: ${detail}` : reason);
  }
}

export const FEIDE_USERID_SEC = 'https://n.feide.no/claims/userid_sec';
/** An unused login request (the IdP round trip never came back) expires after this; housekeeping deletes it. */
export const LOGIN_REQUEST_TTL_MS = 15 * 60_000;

/** Deletes login requests older than LOGIN_REQUEST_TTL_MS (a scheduler job in every app process). */
export async function deleteExpiredLoginRequests(db: Db, now = new Date()): Promise<number> {
  const deleted = await db
    .deleteFrom('login_request')
    .where('created_at', '<=', new Date(now.getTime() - LOGIN_REQUEST_TTL_MS))
    .executeTakeFirst();
  return Number(deleted.numDeletedRows);
}

/**
 * Starts an authorization-code flow with PKCE S256, state and nonce, remembered server-side (single use).
 * `rememberDevice` ("Husk meg", ID-porten only) is kept with the request for the callback; `stepUp` asks the IdP to
 * authenticate the user again even if it has a session (prompt=login), for a sensitive page.
 */
export async function startLogin(
  db: Db,
  oidc: OidcClients,
  provider: LoginProvider,
  options: { locale: string; returnTo: string; rememberDevice?: boolean; stepUp?: boolean },
): Promise<{ loginRequestId: string; url: URL }> {
  const settings = oidc.settings(provider);
  const config = await oidc.configuration(provider);
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const loginRequestId = client.randomState();
  await db
    .insertInto('login_request')
    .values({
      id: loginRequestId,
      provider,
      state,
      nonce,
      code_verifier: codeVerifier,
      return_to: options.returnTo,
      remember_device: provider === 'idporten' && options.rememberDevice === true,
      step_up: options.stepUp === true,
    })
    .execute();
  const parameters: Record<string, string> = {
    redirect_uri: settings.redirectUri,
    scope: settings.scopes,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ui_locales: options.locale,
  };
  if (settings.acrValues) parameters.acr_values = settings.acrValues;
  if (options.stepUp) parameters.prompt = 'login';
  return { loginRequestId, url: client.buildAuthorizationUrl(config, parameters) };
}

export interface CompletedLogin {
  personId: number;
  provider: LoginProvider;
  issuer: string;
  idpSid: string | null;
  idToken: string | null;
  acr: string | null;
  returnTo: string;
  /** Ticked "Husk meg på denne enheten" (never for Feide). */
  rememberDevice: boolean;
}

/**
 * Finishes the flow: the login request is consumed (a replay finds nothing), then openid-client checks
 * state, PKCE, the ID token's signature, iss, aud, exp and nonce; we check acr and find the person.
 * Nothing is created here: an unknown identity is refused.
 */
export async function completeLogin(
  db: Db,
  oidc: OidcClients,
  provider: LoginProvider,
  input: { loginRequestId: string | undefined; callbackUrl: URL },
  now = new Date(),
): Promise<CompletedLogin> {
  const request = input.loginRequestId
    ? await db
        .deleteFrom('login_request')
        .where('id', '=', input.loginRequestId)
        .where('provider', '=', provider)
        .returningAll()
        .executeTakeFirst()
    : undefined;
  if (!request || now.getTime() - request.created_at.getTime() > LOGIN_REQUEST_TTL_MS) throw new LoginError('expired');
  const error = input.callbackUrl.searchParams.get('error');
  if (error) throw new LoginError(error === 'access_denied' ? 'cancelled' : 'idp_error', error);
  if (input.callbackUrl.searchParams.get('state') !== request.state) throw new LoginError('state');

  const settings = oidc.settings(provider);
  const config = await oidc.configuration(provider);
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(config, input.callbackUrl, {
      pkceCodeVerifier: request.code_verifier,
      expectedState: request.state,
      expectedNonce: request.nonce,
      idTokenExpected: true,
    });
  } catch (cause) {
    throw new LoginError('token', cause instanceof Error ? cause.message : String(cause));
  }
  const claims = tokens.claims();
  if (!claims) throw new LoginError('token', 'no ID token');
  const acr = typeof claims.acr === 'string' ? claims.acr : null;
  if (provider === 'idporten' && !acrSatisfies(acr, settings.acrValues)) throw new LoginError('acr', String(acr));

  const personId = await findPersonForClaims(db, provider, claims);
  if (personId === null) throw new LoginError('unknown_identity');
  return {
    personId,
    provider,
    issuer: claims.iss,
    idpSid: typeof claims.sid === 'string' ? claims.sid : null,
    idToken: tokens.id_token ?? null,
    acr,
    returnTo: request.return_to,
    rememberDevice: provider === 'idporten' && request.remember_device,
  };
}

/**
 * ID-porten users are keyed on `pid` (the fødselsnummer; `sub` is pairwise) and must be a guardian of
 * someone; Feide users on `userid_sec` and must hold a staff role or be a pupil.
 */
async function findPersonForClaims(db: Db, provider: LoginProvider, claims: client.IDToken): Promise<number | null> {
  if (provider === 'idporten') {
    const pid = claims.pid;
    if (typeof pid !== 'string' || !/^\d{11}$/.test(pid)) return null;
    const row = await db
      .selectFrom('person as p')
      .select('p.id')
      .where('p.fodselsnummer', '=', pid)
      .where((eb) =>
        eb.exists(eb.selectFrom('guardian_relation as g').select('g.id').whereRef('g.guardian_id', '=', 'p.id')),
      )
      .executeTakeFirst();
    return row?.id ?? null;
  }
  const raw = claims[FEIDE_USERID_SEC];
  const feideIds = (Array.isArray(raw) ? raw : [raw]).filter(
    (v): v is string => typeof v === 'string' && v.startsWith('feide:'),
  );
  if (feideIds.length === 0) return null;
  const row = await db
    .selectFrom('person as p')
    .select('p.id')
    .where('p.feide_id', 'in', feideIds)
    .where((eb) =>
      eb.or([
        eb.exists(eb.selectFrom('staff_membership as m').select('m.id').whereRef('m.person_id', '=', 'p.id')),
        eb.exists(eb.selectFrom('enrolment as e').select('e.id').whereRef('e.pupil_id', '=', 'p.id')),
      ]),
    )
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Where to send the browser to end the IdP session too (RP-initiated logout), if the IdP supports it. */
export async function endSessionUrl(
  oidc: OidcClients,
  provider: LoginProvider,
  idToken: string | null,
): Promise<string | null> {
  try {
    const config = await oidc.configuration(provider);
    if (!config.serverMetadata().end_session_endpoint) return null;
    const parameters: Record<string, string> = {
      post_logout_redirect_uri: oidc.settings(provider).postLogoutRedirectUri,
    };
    if (idToken) parameters.id_token_hint = idToken;
    return client.buildEndSessionUrl(config, parameters).toString();
  } catch {
    return null; // the IdP is unreachable: the local session has ended anyway
  }
}
