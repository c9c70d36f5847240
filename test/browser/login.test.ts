import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { DEMO_LOGINS } from '../../src/db/seed/seed.ts';
import {
  axeViolations,
  DESKTOP,
  JS_MODES,
  launchBrowser,
  logInAs as logIn,
  newContext,
  PHONE,
} from '../support/browser.ts';
import { createDemoTestDb } from '../support/db.ts';
import { startTestServer } from '../support/server.ts';

const db = await createDemoTestDb('2026-11-25');
const server = await startTestServer(db);
after(() => server.close());
const browser = await launchBrowser();
const login = (key: string) => DEMO_LOGINS.find((l) => l.key === key)!;

const logInAs = async (page: Page, chooser: RegExp, userName: string) => {
  await logIn(page, server.url, chooser, userName);
  await page.waitForURL(server.url + '/home');
};

for (const mode of JS_MODES) {
  describe(`login with ${mode.name}`, () => {
    test('a guardian logs in through ID-porten (test), sees both children, and logs out', async () => {
      const context = await newContext(browser, { javaScript: mode.javaScript, viewport: PHONE });
      const page = await context.newPage();
      await page.goto(server.url + '/login');
      assert.deepEqual(await axeViolations(page, mode), [], 'login chooser');
      await logInAs(page, /Logg inn som foresatt/, 'Kari Nordmann');
      assert.match((await page.textContent('main')) ?? '', /Bjørkelia skole/);
      assert.match((await page.textContent('main')) ?? '', /Fjellheim skule/);
      assert.deepEqual(await axeViolations(page, mode), [], 'guardian home');
      const cookies = await context.cookies(server.url);
      const session = cookies.find((c) => c.name === 'skolebro_session');
      assert.ok(session?.httpOnly);

      await page.getByRole('button', { name: 'Logg ut' }).click();
      if (!mode.javaScript) await page.getByRole('button', { name: 'Fortsett' }).click(); // the IdP's no-JS logout step
      await page.waitForURL(server.url + '/');
      const response = await fetch(server.url + '/home', {
        headers: { cookie: `skolebro_session=${session!.value}` },
        redirect: 'manual',
      });
      assert.equal(response.status, 302, 'the old session cookie no longer works');
      await context.close();
    });

    test('a contact teacher logs in with Feide (test), opens a class and a pupil card', async () => {
      const context = await newContext(browser, { javaScript: mode.javaScript, viewport: DESKTOP });
      const page = await context.newPage();
      await logInAs(page, /Ansatt eller elev/, login('contact-teacher').name);
      assert.deepEqual(await axeViolations(page, mode), [], 'staff home');
      await page.getByRole('link', { name: '5A', exact: true }).click();
      await page.waitForURL(/\/classes\/\d+$/);
      assert.deepEqual(await axeViolations(page, mode), [], 'class page');
      await page.locator('main ul a').first().click();
      await page.waitForURL(/\/pupils\/\d+$/);
      assert.match((await page.textContent('main')) ?? '', /Foresatte og kontaktpersoner/);
      assert.deepEqual(await axeViolations(page, mode), [], 'pupil card');
      await context.close();
    });

    test('a pupil logs in with Feide (test) and sees their own class', async () => {
      const context = await newContext(browser, { javaScript: mode.javaScript, viewport: PHONE });
      const page = await context.newPage();
      await logInAs(page, /Ansatt eller elev/, login('pupil').name);
      assert.match((await page.textContent('main')) ?? '', /Klassen din/);
      assert.deepEqual(await axeViolations(page, mode), [], 'pupil home');
      await context.close();
    });
  });
}

test('front-channel logout (ID-porten calling our URL in an iframe) ends the browser session', async () => {
  const context = await newContext(browser, { javaScript: true });
  const page = await context.newPage();
  await logInAs(page, /Logg inn som foresatt/, 'Kari Nordmann');
  const row = await db.selectFrom('session').select('idp_sid').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
  const response = await fetch(server.idp.frontchannelLogoutUrl('idporten', row.idp_sid!));
  assert.equal(response.status, 200);
  await page.goto(server.url + '/home');
  assert.match(page.url(), /\/login\?return_to=%2Fhome$/);
  await context.close();
});
