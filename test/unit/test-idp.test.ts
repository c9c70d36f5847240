import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as client from 'openid-client';
import {
  FEIDE_EPPN,
  FEIDE_USERID_SEC,
  startTestIdp,
  type TestIdp,
  type TestIdpOptions,
  type TestIdpUser,
} from '../../src/idp/test-idp.ts';
import { Browser, formAction, hiddenInputs } from '../support/http-browser.ts';

// The RP lives nowhere: the flows stop when the browser is sent to one of these URLs.
const RP = 'http://localhost:9';
const IDPORTEN = {
  clientId: 'skolebro-idporten',
  clientSecret: 'idporten-secret-for-tests-only',
  redirectUris: [`${RP}/auth/idporten/callback`],
  postLogoutRedirectUris: [`${RP}/logged-out`],
  frontchannelLogoutUri: `${RP}/auth/idporten/frontchannel-logout`,
};
const FEIDE = {
  clientId: 'skolebro-feide',
  clientSecret: 'feide-secret-for-tests-only',
  redirectUris: [`${RP}/auth/feide/callback`],
  postLogoutRedirectUris: [`${RP}/logged-out`],
};

const USERS: Record<'idporten' | 'feide', TestIdpUser[]> = {
  idporten: [
    { id: '01918012345', name: 'Ola Nordmann', role: 'Foresatt' },
    { id: '02928054321', name: 'Åse <Berg>', role: 'Foresatt' },
  ],
  feide: [
    {
      id: 'feide:kari.berg@demo-kommune.example',
      name: 'Kari Berg',
      role: 'Lærer',
      email: 'kari.berg@demo-kommune.example',
    },
    { id: 'feide:per.elev@demo-kommune.example', name: 'Per Elev', role: 'Elev' },
  ],
};

function options(overrides: Partial<TestIdpOptions> = {}): TestIdpOptions {
  return {
    port: 0,
    nodeEnv: 'test',
    idportenClient: IDPORTEN,
    feideClient: FEIDE,
    listUsers: async (kind) => USERS[kind],
    findUser: async (kind, id) => USERS[kind].find((u) => u.id === id) ?? null,
    ...overrides,
  };
}

interface Flow {
  config: client.Configuration;
  browser: Browser;
  state: string;
  nonce: string;
  verifier: string;
  loginPage: string;
  loginUrl: URL;
}

async function startFlow(
  issuer: string,
  c: { clientId: string; clientSecret: string; redirectUris: string[] },
  params: Record<string, string>,
): Promise<Flow> {
  const config = await client.discovery(
    new URL(issuer),
    c.clientId,
    c.clientSecret,
    client.ClientSecretPost(c.clientSecret),
    {
      execute: [client.allowInsecureRequests],
    },
  );
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const authUrl = client.buildAuthorizationUrl(config, {
    redirect_uri: c.redirectUris[0]!,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ...params,
  });
  const browser = new Browser();
  const { url, res } = await browser.follow(await browser.request(authUrl), authUrl, () => false);
  assert.equal(res?.status, 200, 'the login page is shown');
  return { config, browser, state, nonce, verifier, loginPage: await res!.text(), loginUrl: url };
}

async function finishLogin(flow: Flow, form: Record<string, string>, redirectUri: string) {
  const action = new URL(formAction(flow.loginPage, /\/login$/), flow.loginUrl);
  const { url } = await flow.browser.follow(await flow.browser.request(action, { form }), action, (u) =>
    u.href.startsWith(redirectUri),
  );
  assert.ok(url.href.startsWith(redirectUri), `back at the redirect_uri, got ${url.href}`);
  return client.authorizationCodeGrant(flow.config, url, {
    pkceCodeVerifier: flow.verifier,
    expectedState: flow.state,
    expectedNonce: flow.nonce,
    idTokenExpected: true,
  });
}

describe('test identity provider', () => {
  let idp: TestIdp;
  before(async () => {
    idp = await startTestIdp(options());
  });
  after(async () => {
    await idp.close();
  });

  test('refuses to start in production', async () => {
    await assert.rejects(startTestIdp(options({ nodeEnv: 'production' })), /production/);
  });

  test('discovery works for both issuers under their path prefix', async () => {
    assert.equal(idp.idportenIssuer, `${idp.origin}/idporten`);
    assert.match(idp.origin, /^http:\/\/localhost:\d+$/);
    for (const issuer of [idp.idportenIssuer, idp.feideIssuer]) {
      const res = await fetch(`${issuer}/.well-known/openid-configuration`);
      assert.equal(res.status, 200);
      const meta = (await res.json()) as Record<string, unknown>;
      assert.equal(meta.issuer, issuer);
      assert.ok(String(meta.authorization_endpoint).startsWith(`${issuer}/`));
      assert.ok(String(meta.end_session_endpoint).startsWith(`${issuer}/`));
      assert.deepEqual(meta.code_challenge_methods_supported, ['S256']);
      assert.deepEqual(meta.response_types_supported, ['code']);
      assert.ok((meta.id_token_signing_alg_values_supported as string[]).includes('RS256'));
    }
    const meta = (await (await fetch(`${idp.idportenIssuer}/.well-known/openid-configuration`)).json()) as Record<
      string,
      unknown
    >;
    assert.deepEqual(meta.acr_values_supported, ['idporten-loa-substantial', 'idporten-loa-high']);
    assert.equal(meta.frontchannel_logout_supported, true);
  });

  test('ID-porten: code flow with PKCE, acr chosen on the page, pid/acr/amr/sid/nonce/locale, userinfo, logout', async () => {
    const flow = await startFlow(idp.idportenIssuer, IDPORTEN, {
      scope: 'openid profile',
      acr_values: 'idporten-loa-substantial',
      ui_locales: 'nn',
    });
    const page = flow.loginPage;
    assert.match(page, /<html lang="nb">/);
    assert.match(page, /<title>ID-porten \(test\)<\/title>/);
    assert.match(page, /<main[\s>]/);
    assert.match(page, /<h1>ID-porten \(test\)<\/h1>/);
    assert.match(page, /aldri brukt i produksjon/);
    assert.match(page, /<label for="pid">/);
    assert.match(page, /<input[^>]*id="pid"/);
    assert.match(page, /<legend>Sikkerhetsnivå<\/legend>/);
    assert.match(page, /value="idporten-loa-substantial" checked/);
    assert.match(page, /Ola Nordmann — Foresatt/);
    assert.match(page, /Åse &lt;Berg> — Foresatt/, 'user names are escaped');
    assert.doesNotMatch(page, /<script>/);

    const tokens = await finishLogin(
      flow,
      { acr: 'idporten-loa-high', user: '01918012345' },
      IDPORTEN.redirectUris[0]!,
    );
    const claims = tokens.claims()!;
    assert.equal(claims.iss, idp.idportenIssuer);
    assert.equal(claims.pid, '01918012345');
    assert.equal(claims.acr, 'idporten-loa-high');
    assert.deepEqual(claims.amr, ['TestID']);
    assert.equal(claims.nonce, flow.nonce);
    assert.equal(claims.locale, 'nn');
    assert.equal(typeof claims.sid, 'string');
    assert.notEqual(claims.sub, '01918012345', 'sub is pairwise, not the fødselsnummer');

    const userinfo = await client.fetchUserInfo(flow.config, tokens.access_token, claims.sub);
    assert.equal(userinfo.pid, '01918012345');
    assert.equal(userinfo.sid, undefined);

    // Front-channel logout URL, as ID-porten would load it.
    const sid = claims.sid as string;
    const expected = `${IDPORTEN.frontchannelLogoutUri}?iss=${encodeURIComponent(idp.idportenIssuer)}&sid=${sid}`;
    assert.equal(idp.frontchannelLogoutUrl('idporten', sid), expected);
    assert.throws(() => idp.frontchannelLogoutUrl('feide', sid), /frontchannelLogoutUri/);

    // RP-initiated logout: no question; the page loads the front-channel iframe, then its form is submitted.
    const endUrl = client.buildEndSessionUrl(flow.config, {
      id_token_hint: tokens.id_token!,
      post_logout_redirect_uri: IDPORTEN.postLogoutRedirectUris[0]!,
      state: 'logout-state',
    });
    const logout = await flow.browser.request(endUrl);
    assert.equal(logout.status, 200);
    const logoutPage = await logout.text();
    assert.ok(
      logoutPage.includes(`<iframe class="frontchannel" data-frontchannel="" src="${expected}"`),
      'front-channel iframe',
    );
    assert.match(logout.headers.get('content-security-policy')!, /frame-src http:\/\/localhost:9/);
    assert.match(logoutPage, /<script src="\/assets\/test-idp-logout\.js" defer>/);
    const confirm = new URL(formAction(logoutPage, /./), endUrl);
    const done = await flow.browser.request(confirm, { form: hiddenInputs(logoutPage) });
    assert.equal(done.status, 303);
    assert.equal(done.headers.get('location'), `${IDPORTEN.postLogoutRedirectUris[0]}?state=logout-state`);

    // The IdP session is gone: a new authorization request shows the login page again.
    const again = await startFlow(idp.idportenIssuer, IDPORTEN, { scope: 'openid' });
    assert.match(again.loginPage, /<h1>ID-porten \(test\)<\/h1>/);
    const second = await finishLogin(
      again,
      { acr: 'idporten-loa-substantial', user: '01918012345' },
      IDPORTEN.redirectUris[0]!,
    );
    assert.equal(second.claims()!.acr, 'idporten-loa-substantial', 'acr is present without acr_values too');
    assert.notEqual(second.claims()!.sid, sid, 'a new session has a new sid');
    assert.equal(second.claims()!.sub, claims.sub, 'sub is stable');
  });

  test('ID-porten: typing a fødselsnummer; unknown numbers are refused on the page', async () => {
    const flow = await startFlow(idp.idportenIssuer, IDPORTEN, { scope: 'openid', acr_values: 'idporten-loa-high' });
    assert.match(flow.loginPage, /value="idporten-loa-high" checked/);
    const action = new URL(formAction(flow.loginPage, /\/login$/), flow.loginUrl);
    const refused = await flow.browser.request(action, {
      form: { acr: 'idporten-loa-high', pid: '99999999999', action: 'pid' },
    });
    assert.equal(refused.status, 400);
    const html = await refused.text();
    assert.match(html, /role="alert"[^>]*>Fant ingen testbruker/);
    assert.match(html, /value="99999999999"/);
    assert.match(html, /aria-invalid="true"/);

    const tokens = await finishLogin(
      { ...flow, loginPage: html },
      { acr: 'idporten-loa-high', pid: '0292 8054321', action: 'pid' },
      IDPORTEN.redirectUris[0]!,
    );
    assert.equal(tokens.claims()!.pid, '02928054321');
    assert.equal(tokens.claims()!.acr, 'idporten-loa-high');
    assert.equal(tokens.claims()!.locale, 'nb');
  });

  test('ID-porten: requests without PKCE, nonce or state are refused; cancel gives access_denied', async () => {
    const config = await client.discovery(
      new URL(idp.idportenIssuer),
      IDPORTEN.clientId,
      IDPORTEN.clientSecret,
      undefined,
      {
        execute: [client.allowInsecureRequests],
      },
    );
    const redirect_uri = IDPORTEN.redirectUris[0]!;
    const challenge = await client.calculatePKCECodeChallenge(client.randomPKCECodeVerifier());
    const cases: [string, Record<string, string>, RegExp][] = [
      ['no PKCE', { redirect_uri, scope: 'openid', state: 's', nonce: 'n' }, /PKCE/],
      [
        'no nonce',
        { redirect_uri, scope: 'openid', state: 's', code_challenge: challenge, code_challenge_method: 'S256' },
        /nonce/,
      ],
      [
        'no state',
        { redirect_uri, scope: 'openid', nonce: 'n', code_challenge: challenge, code_challenge_method: 'S256' },
        /state/,
      ],
    ];
    for (const [name, params, description] of cases) {
      const res = await fetch(client.buildAuthorizationUrl(config, params), { redirect: 'manual' });
      assert.equal(res.status, 303, name);
      const location = new URL(res.headers.get('location')!);
      assert.ok(location.href.startsWith(redirect_uri), name);
      assert.equal(location.searchParams.get('error'), 'invalid_request', name);
      assert.match(location.searchParams.get('error_description') ?? '', description, name);
    }

    const flow = await startFlow(idp.idportenIssuer, IDPORTEN, { scope: 'openid' });
    const abort = new URL(formAction(flow.loginPage, /\/abort$/), flow.loginUrl);
    const { url } = await flow.browser.follow(await flow.browser.request(abort, { form: {} }), abort, (u) =>
      u.href.startsWith(redirect_uri),
    );
    assert.equal(url.searchParams.get('error'), 'access_denied');
    assert.equal(url.searchParams.get('state'), flow.state);
  });

  test('Feide: code flow with userid_sec (array), eduPersonPrincipalName, name and email', async () => {
    const flow = await startFlow(idp.feideIssuer, FEIDE, { scope: 'openid profile email userid-feide' });
    assert.match(flow.loginPage, /<title>Feide \(test\)<\/title>/);
    assert.match(flow.loginPage, /<main[\s>]/);
    assert.match(flow.loginPage, /<h1>Feide \(test\)<\/h1>/);
    assert.match(flow.loginPage, /Kari Berg — Lærer/);
    assert.match(flow.loginPage, /Per Elev — Elev/);
    assert.doesNotMatch(flow.loginPage, /Sikkerhetsnivå/);

    const id = 'feide:kari.berg@demo-kommune.example';
    const tokens = await finishLogin(flow, { user: id }, FEIDE.redirectUris[0]!);
    const claims = tokens.claims()!;
    assert.equal(claims.iss, idp.feideIssuer);
    assert.deepEqual(claims[FEIDE_USERID_SEC], [id]);
    assert.equal(claims[FEIDE_EPPN], 'kari.berg@demo-kommune.example');
    assert.equal(claims.name, 'Kari Berg');
    assert.equal(claims.nonce, flow.nonce);

    const userinfo = await client.fetchUserInfo(flow.config, tokens.access_token, claims.sub);
    assert.deepEqual(userinfo[FEIDE_USERID_SEC], [id]);
    assert.equal(userinfo.email, 'kari.berg@demo-kommune.example');

    // Feide sessions are separate from ID-porten ones (own cookies), and logout works the same way.
    const endUrl = client.buildEndSessionUrl(flow.config, {
      id_token_hint: tokens.id_token!,
      post_logout_redirect_uri: FEIDE.postLogoutRedirectUris[0]!,
    });
    const logoutPage = await (await flow.browser.request(endUrl)).text();
    assert.doesNotMatch(logoutPage, /<iframe/);
    const done = await flow.browser.request(new URL(formAction(logoutPage, /./), endUrl), {
      form: hiddenInputs(logoutPage),
    });
    assert.equal(done.status, 303);
    assert.equal(done.headers.get('location'), FEIDE.postLogoutRedirectUris[0]);
  });

  test('Feide: typing a Feide name (with or without feide:); an unknown or malformed name is refused on the page', async () => {
    const flow = await startFlow(idp.feideIssuer, FEIDE, { scope: 'openid profile userid-feide' });
    assert.match(flow.loginPage, /<label for="feide-user">/);
    const action = new URL(formAction(flow.loginPage, /\/login$/), flow.loginUrl);
    for (const [typed, message] of [
      ['nobody@demo-kommune.example', /Fant ingen testbruker/],
      ['ikke et navn', /Skriv inn et Feide-navn/],
    ] as const) {
      const refused = await flow.browser.request(action, { form: { feide_user: typed, action: 'feide_user' } });
      assert.equal(refused.status, 400);
      const html = await refused.text();
      assert.match(html, message);
      assert.match(html, new RegExp(`value="${typed}"`), 'the typed name is kept');
      assert.match(html, /aria-invalid="true"/);
    }
    const tokens = await finishLogin(
      flow,
      { feide_user: ' Kari.Berg@demo-kommune.example ', action: 'feide_user' },
      FEIDE.redirectUris[0]!,
    );
    assert.deepEqual(tokens.claims()![FEIDE_USERID_SEC], ['feide:kari.berg@demo-kommune.example']);
  });

  test('Feide: PKCE is required', async () => {
    const config = await client.discovery(new URL(idp.feideIssuer), FEIDE.clientId, FEIDE.clientSecret, undefined, {
      execute: [client.allowInsecureRequests],
    });
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: FEIDE.redirectUris[0]!,
      scope: 'openid',
      nonce: 'n',
      state: 's',
    });
    const res = await fetch(url, { redirect: 'manual' });
    const location = new URL(res.headers.get('location')!);
    assert.equal(location.searchParams.get('error'), 'invalid_request');
  });
});
