import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { giveDemoGeneralConsent } from '../../src/db/seed/consents.ts';
import { DEMO_LOGINS } from '../../src/db/seed/seed.ts';
import { invalidateSessionsForPerson } from '../../src/domain/identity/sessions.ts';
import { createDemoTestDb } from '../support/db.ts';
import { childOf, loginPersonId } from '../support/fixtures.ts';
import { Browser, chooseUser, formAction, openIdpLoginPage } from '../support/http-browser.ts';
import { startTestServer } from '../support/server.ts';

// "Husk meg på denne enheten" (issue 19, item 7): full OIDC logins against the built-in test IdP, as a browser
// without JavaScript, with the app's clock moved forward between the days.
const db = await createDemoTestDb('2026-11-25');
await giveDemoGeneralConsent(db);
let now = new Date('2026-11-25T08:00:00+01:00'); // a Wednesday
const server = await startTestServer(db, {}, { clock: () => now });
after(() => server.close());

const DAY = 24 * 3600_000;
const FIREFOX_ANDROID = 'Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0';
const CHROME_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const login = (key: string) => DEMO_LOGINS.find((l) => l.key === key)!;
const kari = await loginPersonId(db, 'guardian');
const sofie = await childOf(db, kari, 'Sofie');
const at = (path: string) => new URL(path, server.url);

/**
 * An ID-porten login through the chooser's form (`remember=on` when "Husk meg" is ticked), up to the callback's 303.
 * The test IdP keeps its own session like ID-porten does: a second login in the same browser passes straight through
 * (as a step-up's prompt=login would not).
 */
async function guardianLogin(browser: Browser, options: { remember: boolean; returnTo?: string; user?: string }) {
  const query = new URLSearchParams();
  if (options.returnTo) query.set('return_to', options.returnTo);
  if (options.remember) query.set('remember', 'on');
  const start = at(`/login/idporten?${query}`);
  const passed = await browser.follow(await browser.request(start), start, (u) => u.pathname.includes('/callback'));
  if (!passed.res) return browser.request(passed.url);
  const page = { action: new URL(formAction(await passed.res.text(), /\/login$/), passed.url) };
  const callback = await chooseUser(browser, page, { user: options.user ?? login('guardian').fodselsnummer! });
  return browser.request(callback);
}
const deviceRows = (personId: number) =>
  db.selectFrom('device_session').selectAll().where('person_id', '=', personId).execute();
/** The next day: the ordinary session (2 hours idle at most) has long ended. */
const nextDay = () => {
  now = new Date(now.getTime() + DAY);
};

test('"Husk meg": the next day the guardian reads and reports absence without logging in; consents ask for ID-porten', async () => {
  now = new Date('2026-11-25T08:00:00+01:00');
  const browser = new Browser({ 'user-agent': FIREFOX_ANDROID });
  const callback = await guardianLogin(browser, { remember: true });
  assert.equal(callback.status, 303);
  const device = callback.headers.getSetCookie().find((c) => c.startsWith('skolebro_device='));
  assert.ok(device, 'a device cookie is set');
  assert.match(device, /HttpOnly/i);
  assert.match(device, /SameSite=Lax/i);
  const expires = new Date(/Expires=([^;]+)/i.exec(device)![1]!);
  assert.equal(Math.round((expires.getTime() - now.getTime()) / DAY), 90, 'remembered for 90 days');
  const [row] = await deviceRows(kari);
  assert.equal(row?.label, 'Firefox · Android');
  assert.ok(!device.includes(row!.secret_hash.toString('hex')), 'only a hash of the secret is stored');

  nextDay();
  const absence = await browser.request(at(`/children/${sofie}/absence`));
  assert.equal(absence.status, 200, 'reading needs no new login');
  const report = await browser.request(at(`/children/${sofie}/absences`), {
    form: { kind: 'days', from: '26.11.2026', to: '26.11.2026', reason: 'sjuk', note: 'Feber.' },
  });
  assert.equal(report.status, 303, 'reporting absence needs no new login');
  assert.match(report.headers.get('location')!, new RegExp(`^/children/${sofie}/absence\\?saved=\\d+$`));
  const made = await db
    .selectFrom('session')
    .select('device_session_id')
    .where('person_id', '=', kari)
    .where('device_session_id', 'is not', null)
    .execute();
  assert.equal(made.length, 1, 'one session made from the device');
  const audit = await db
    .selectFrom('audit_log')
    .select('details')
    .where('actor_person_id', '=', kari)
    .where('action', '=', 'login')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  assert.match(JSON.stringify(audit.details), /"device":true/, 'the device login is audited');

  // Sensitive pages: a fresh ID-porten login first, which the IdP must not skip (prompt=login), then back.
  for (const path of [
    `/children/${sofie}/consents`,
    `/children/${sofie}/leave`,
    `/children/${sofie}/sfo`,
    `/children/${sofie}/documents`,
    '/me/data',
    '/me/data.json',
    '/me/contact',
    '/consent/general',
  ]) {
    const res = await browser.request(at(path));
    assert.equal(res.status, 302, path);
    assert.equal(
      res.headers.get('location'),
      `/login/idporten?return_to=${encodeURIComponent(path)}&step_up=1`,
      `${path} asks for a fresh login`,
    );
  }
  const consents = `/children/${sofie}/consents`;
  const post = await browser.request(at(consents), {
    form: { 'consent:foto_nett': 'given' },
    headers: { referer: at(consents).toString() },
  });
  assert.equal(post.status, 303, 'a consent change from a device session is not saved');
  assert.equal(post.headers.get('location'), `/login/idporten?return_to=${encodeURIComponent(consents)}&step_up=1`);
  const htmx = await browser.request(at(consents), { headers: { 'hx-request': 'true' } });
  assert.equal(htmx.status, 200);
  assert.equal(htmx.headers.get('hx-redirect'), `/login/idporten?return_to=${encodeURIComponent(consents)}&step_up=1`);

  const start = await browser.request(at(`/login/idporten?return_to=${encodeURIComponent(consents)}&step_up=1`));
  assert.equal(start.status, 302);
  assert.equal(
    new URL(start.headers.get('location')!).searchParams.get('prompt'),
    'login',
    'the IdP authenticates again',
  );
  const stepUp = await browser.request(
    await chooseUser(
      browser,
      await openIdpLoginPage(browser, at(`/login/idporten?return_to=${encodeURIComponent(consents)}&step_up=1`)),
      {
        user: login('guardian').fodselsnummer!,
      },
    ),
  );
  assert.equal(stepUp.headers.get('location'), consents, 'back to the page asked for');
  assert.equal((await browser.request(at(consents))).status, 200, 'after the fresh login the page opens');
  assert.equal((await deviceRows(kari)).length, 1, 'the device is still remembered');
});

test('the contact card lists the remembered devices; "Avslutt" forgets one at once', async () => {
  now = new Date('2026-11-25T08:00:00+01:00');
  await db.deleteFrom('device_session').where('person_id', '=', kari).execute();
  const phone = new Browser({ 'user-agent': FIREFOX_ANDROID });
  await guardianLogin(phone, { remember: true });
  const pc = new Browser({ 'user-agent': CHROME_WINDOWS });
  await guardianLogin(pc, { remember: true });
  const card = await (await pc.request(at('/me/contact'))).text();
  assert.match(card, /Enheter som husker deg/);
  assert.match(card, /Chrome · Windows \(denne enheten\)/);
  assert.match(card, /Firefox · Android</);
  assert.match(card, /Husket fra 25\.11\.2026, sist brukt 25\.11\.2026, gjelder til 23\.02\.2027/);

  const [phoneRow] = (await deviceRows(kari)).filter((r) => r.label === 'Firefox · Android');
  const end = await pc.request(at(`/me/contact/devices/${phoneRow!.id}/end`), { form: {} });
  assert.equal(end.status, 303);
  const after = await (await pc.request(at(end.headers.get('location')!))).text();
  assert.match(after, /Enheten husker deg ikke lenger/);
  assert.doesNotMatch(after, /Firefox · Android</);

  nextDay();
  const home = await phone.request(at('/home'));
  assert.equal(home.status, 302, 'the phone must log in again');
  assert.equal(home.headers.get('location'), '/login?return_to=%2Fhome');
});

test('another guardian cannot end my device (404), and staff never get one', async () => {
  now = new Date('2026-11-25T08:00:00+01:00');
  const mine = new Browser({ 'user-agent': FIREFOX_ANDROID });
  await guardianLogin(mine, { remember: true });
  const [row] = await deviceRows(kari);
  const other = new Browser({ 'user-agent': FIREFOX_ANDROID });
  await guardianLogin(other, { remember: false, user: login('guardian-private').fodselsnummer! });
  const res = await other.request(at(`/me/contact/devices/${row!.id}/end`), { form: {} });
  assert.equal(res.status, 404);
  assert.equal((await deviceRows(kari)).length >= 1, true, 'still there');

  const teacher = new Browser({ 'user-agent': FIREFOX_ANDROID });
  const page = await openIdpLoginPage(teacher, at('/login/feide?remember=on'));
  const callback = await teacher.request(await chooseUser(teacher, page, { user: login('contact-teacher').feideId! }));
  assert.equal(callback.status, 303);
  assert.ok(!callback.headers.getSetCookie().some((c) => c.startsWith('skolebro_device=')), 'no device for staff');
  const teacherId = await loginPersonId(db, 'contact-teacher');
  assert.equal((await deviceRows(teacherId)).length, 0);
});

test('the device is bound to its browser, ends after 90 days, at logout, and when the guardian is logged out everywhere', async () => {
  now = new Date('2026-11-25T08:00:00+01:00');
  await db.deleteFrom('device_session').where('person_id', '=', kari).execute();

  // A copied cookie in another browser is refused, and the device forgotten.
  const phone = new Browser({ 'user-agent': FIREFOX_ANDROID });
  await guardianLogin(phone, { remember: true });
  nextDay();
  const deviceCookie = phone
    .cookieHeader(at('/home'))
    .split('; ')
    .find((c) => c.startsWith('skolebro_device='))!;
  const copied = await fetch(at('/home'), {
    headers: { cookie: deviceCookie, 'user-agent': CHROME_WINDOWS },
    redirect: 'manual',
  });
  assert.equal(copied.status, 302, 'another browser gets the login page');
  assert.equal((await deviceRows(kari)).length, 0, 'and the device is forgotten');

  // 90 days.
  await guardianLogin(phone, { remember: true });
  now = new Date(now.getTime() + 89 * DAY);
  assert.equal((await phone.request(at('/home'))).status, 200, 'day 89: still remembered');
  now = new Date(now.getTime() + 2 * DAY);
  assert.equal((await phone.request(at('/home'))).status, 302, 'day 91: log in again');
  assert.equal((await deviceRows(kari)).length, 0);

  // Logout forgets this browser.
  await guardianLogin(phone, { remember: true });
  assert.equal((await deviceRows(kari)).length, 1);
  const out = await phone.request(at('/logout'), { form: {} });
  assert.equal(out.status, 303);
  assert.equal((await deviceRows(kari)).length, 0, 'logging out forgets the device');
  nextDay();
  assert.equal((await phone.request(at('/home'))).status, 302);

  // Logged out everywhere (e.g. blocked): every device too.
  await guardianLogin(phone, { remember: true });
  await invalidateSessionsForPerson(db, kari);
  nextDay();
  assert.equal((await phone.request(at('/home'))).status, 302);

  // Another person logging in on this browser makes it forget the first.
  await guardianLogin(phone, { remember: true });
  phone.forgetCookies((name) => name.startsWith('_idporten')); // Kari's ID-porten session has ended
  await guardianLogin(phone, { remember: false, user: login('guardian-private').fodselsnummer! });
  assert.equal((await deviceRows(kari)).length, 0, "Kari's device is forgotten when someone else logs in here");
});
