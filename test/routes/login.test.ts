import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { DEMO_LOGINS } from '../../src/db/seed/seed.ts';
import { giveDemoGeneralConsent } from '../../src/db/seed/consents.ts';
import { JOBS, startScheduler } from '../../src/jobs/scheduler.ts';
import { createDemoTestDb } from '../support/db.ts';
import { Browser, chooseUser, formAction, openIdpLoginPage as openLoginPage } from '../support/http-browser.ts';
import { startTestServer } from '../support/server.ts';

// Full OIDC flows against the built-in test IdP, over real HTTP, as a browser without JavaScript.
const db = await createDemoTestDb('2026-11-25');
await giveDemoGeneralConsent(db); // not about the general consent gate (G2): Kari and Ola have decided
const server = await startTestServer(db);
after(() => server.close());

const login = (key: string) => DEMO_LOGINS.find((l) => l.key === key)!;
const sessionCount = async () =>
  Number(
    (
      await db
        .selectFrom('session')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Goes from the app's /login/<provider> to the IdP's login page. */
const openIdpLoginPage = (browser: Browser, provider: 'idporten' | 'feide', returnTo?: string) =>
  openLoginPage(
    browser,
    new URL(`/login/${provider}${returnTo ? `?return_to=${encodeURIComponent(returnTo)}` : ''}`, server.url),
  );

async function logIn(browser: Browser, provider: 'idporten' | 'feide', form: Record<string, string>) {
  const callback = await chooseUser(browser, await openIdpLoginPage(browser, provider), form);
  return browser.request(callback);
}

test('a guardian logs in with ID-porten, sees her children at both schools, and logs out for good', async () => {
  const browser = new Browser();
  const before = await sessionCount();
  const callback = await logIn(browser, 'idporten', {
    user: login('guardian').fodselsnummer!,
    acr: 'idporten-loa-substantial',
  });
  assert.equal(callback.status, 303);
  assert.equal(callback.headers.get('location'), '/home');
  assert.match(callback.headers.getSetCookie().join(), /skolebro_session=[^;]+; .*HttpOnly/i);
  assert.equal(await sessionCount(), before + 1);

  const home = await browser.request(new URL('/home', server.url));
  assert.equal(home.status, 200);
  const html = await home.text();
  assert.match(html, /Kari Nordmann/);
  assert.match(html, /Bjørkelia skole/);
  assert.match(html, /Fjellheim skule/);

  const oldCookie = browser.cookieHeader(new URL('/home', server.url));
  const res = await browser.request(new URL('/logout', server.url), { form: {} });
  assert.equal(res.status, 303);
  assert.ok(
    res.headers.get('location')!.startsWith(server.idp.idportenIssuer),
    'continues to the IdP end-session endpoint',
  );
  assert.match(res.headers.get('location')!, /id_token_hint=/);
  assert.equal(await sessionCount(), before);
  const again = await fetch(new URL('/home', server.url), { headers: { cookie: oldCookie }, redirect: 'manual' });
  assert.equal(again.status, 302, 'the old cookie no longer works');
  assert.equal(again.headers.get('location'), '/login?return_to=%2Fhome');
});

test('a contact teacher and a pupil log in with Feide and land on their own home pages', async () => {
  const teacher = new Browser();
  assert.equal((await logIn(teacher, 'feide', { user: login('contact-teacher').feideId! })).status, 303);
  const staffHome = await (await teacher.request(new URL('/home', server.url))).text();
  assert.match(staffHome, /Klassene dine/);
  assert.match(staffHome, />5A</);

  const pupil = new Browser();
  assert.equal((await logIn(pupil, 'feide', { user: login('pupil').feideId! })).status, 303);
  const pupilHome = await (await pupil.request(new URL('/home', server.url))).text();
  assert.match(pupilHome, /Klassen din/);
  assert.match(pupilHome, /7A/);
});

test('return_to brings the user back to the page they asked for, never off-site', async () => {
  const browser = new Browser();
  const page = await openIdpLoginPage(browser, 'feide', '/classes/1?x=1');
  const callback = await browser.request(await chooseUser(browser, page, { user: login('leadership').feideId! }));
  assert.equal(callback.headers.get('location'), '/classes/1?x=1');

  const evil = new Browser();
  const evilPage = await openIdpLoginPage(evil, 'feide', 'https://evil.example/');
  const evilCallback = await evil.request(await chooseUser(evil, evilPage, { user: login('leadership').feideId! }));
  assert.equal(evilCallback.headers.get('location'), '/home');
});

test('a tampered state is refused with a clear page and no session', async () => {
  const browser = new Browser();
  const before = await sessionCount();
  const callback = await chooseUser(browser, await openIdpLoginPage(browser, 'idporten'), {
    user: login('guardian').fodselsnummer!,
  });
  callback.searchParams.set('state', 'tampered');
  const res = await browser.request(callback);
  assert.equal(res.status, 400);
  assert.match(await res.text(), /hørte ikke til denne innloggingen/);
  assert.equal(await sessionCount(), before);
});

test('a reused callback (code replay) is refused and creates no second session', async () => {
  const browser = new Browser();
  const callback = await chooseUser(browser, await openIdpLoginPage(browser, 'idporten'), {
    user: login('guardian').fodselsnummer!,
  });
  assert.equal((await browser.request(callback)).status, 303);
  const before = await sessionCount();
  const replay = await fetch(callback, { redirect: 'manual' });
  assert.equal(replay.status, 400);
  assert.match(await replay.text(), /Innloggingen ble avbrutt/);
  assert.equal(await sessionCount(), before);
});

test('a code from one login cannot complete another (wrong nonce / PKCE)', async () => {
  const victim = new Browser();
  const stolen = await chooseUser(victim, await openIdpLoginPage(victim, 'idporten'), {
    user: login('guardian').fodselsnummer!,
  });
  const attacker = new Browser();
  const own = await chooseUser(attacker, await openIdpLoginPage(attacker, 'idporten'), {
    user: login('guardian-private').fodselsnummer!,
  });
  // the attacker's own state (so the state check passes) with the victim's code
  own.searchParams.set('code', stolen.searchParams.get('code')!);
  const before = await sessionCount();
  const res = await attacker.request(own);
  assert.equal(res.status, 400);
  assert.equal(await sessionCount(), before);
});

test('a login below the required assurance level is refused', async () => {
  // The test IdP (like ID-porten) never answers below the requested level, so to see the app's own
  // check work we raise the app's minimum after the login started: the ID token then says
  // "substantial" where the app now requires "high" — exactly what a downgraded answer looks like.
  const browser = new Browser();
  const page = await openIdpLoginPage(browser, 'idporten');
  const callback = await chooseUser(browser, page, {
    user: login('guardian').fodselsnummer!,
    acr: 'idporten-loa-substantial',
  });
  const settings = server.oidc.settings('idporten');
  const required = settings.acrValues;
  settings.acrValues = 'idporten-loa-high';
  try {
    const before = await sessionCount();
    const res = await browser.request(callback);
    assert.equal(res.status, 400);
    assert.match(await res.text(), /for lavt sikkerhetsnivå/);
    assert.equal(await sessionCount(), before);
  } finally {
    settings.acrValues = required;
  }
});

test('someone unknown to Skolebro gets an explanation and nothing is created', async () => {
  const persons = await db
    .selectFrom('person')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const browser = new Browser();
  // a staff member's fødselsnummer: a real person, but no guardian of anyone
  const res = await logIn(browser, 'idporten', {
    pid: login('teacher').fodselsnummer!,
    action: 'pid',
    acr: 'idporten-loa-substantial',
  });
  assert.equal(res.status, 403);
  const html = await res.text();
  assert.match(html, /Vi fant deg ikke i Skolebro/);
  assert.match(html, /Ta kontakt med skolen/);
  const after = await db
    .selectFrom('person')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  assert.equal(after.n, persons.n);
});

test('a cancelled login says so', async () => {
  const browser = new Browser();
  const page = await openIdpLoginPage(browser, 'feide');
  const abort = new URL(formAction(page.html, /abort/), page.url);
  const { url } = await browser.follow(await browser.request(abort, { form: {} }), abort, (u) =>
    u.pathname.includes('/callback'),
  );
  const res = await browser.request(url);
  assert.equal(res.status, 400);
  assert.match(await res.text(), /Du avbrøt innloggingen/);
});

test('a login left unfinished for over 15 minutes: housekeeping deletes its request and the late answer is refused', async () => {
  const start = await fetch(new URL('/login/idporten', server.url), { redirect: 'manual' });
  assert.match(start.headers.get('set-cookie') ?? '', /Max-Age=900\b/, 'the login cookie lasts as long as the request');
  const browser = new Browser();
  const before = await sessionCount();
  const callback = await chooseUser(browser, await openIdpLoginPage(browser, 'idporten'), {
    user: login('guardian').fodselsnummer!,
  });
  // The answer comes back 16 minutes after the start (the user left the IdP's page open).
  const later = new Date(Date.now() + 16 * 60_000);
  const housekeeping = startScheduler(db, {
    clock: () => later,
    log: () => {},
    jobs: JOBS.filter((job) => job.name === 'login-request-expiry'),
  });
  await housekeeping.tick();
  await housekeeping.stop();
  const left = await db
    .selectFrom('login_request')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  assert.equal(Number(left.n), 0, 'every unused login request is gone');
  const res = await browser.request(callback);
  assert.equal(res.status, 400);
  assert.match(await res.text(), /Innloggingen tok for lang tid/);
  assert.equal(await sessionCount(), before);
});

test('front-channel logout from ID-porten ends the matching session', async () => {
  const browser = new Browser();
  await logIn(browser, 'idporten', { user: login('guardian').fodselsnummer! });
  const session = await db
    .selectFrom('session')
    .select(['idp_sid', 'issuer'])
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
  assert.ok(session.idp_sid, 'the ID token sid is stored');
  const frontchannel = server.idp.frontchannelLogoutUrl('idporten', session.idp_sid!);
  const res = await fetch(frontchannel);
  assert.equal(res.status, 200);
  assert.match(
    res.headers.get('content-security-policy') ?? '',
    new RegExp(`frame-ancestors[^;]*${new URL(server.idp.origin).host}`),
  );
  const home = await browser.request(new URL('/home', server.url));
  assert.equal(home.status, 302);
  const unknownIssuer = await fetch(
    new URL(
      `/logout/frontchannel?iss=${encodeURIComponent('https://evil.example')}&sid=${session.idp_sid}`,
      server.url,
    ),
  );
  assert.equal(unknownIssuer.status, 400);
});
