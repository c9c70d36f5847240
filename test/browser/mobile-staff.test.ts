import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { axeViolations, JS_MODES, launchBrowser, logInAs, PHONE } from '../support/browser.ts';
import { createDemoTestDb } from '../support/db.ts';
import { startTestServer } from '../support/server.ts';

// Issue 14: at 375 px, a contact teacher registers absence for the current lesson from "I dag" in at most four
// taps, switches to the full version and back, and the choice survives a new page load. JS on and off, axe clean.
const db = await createDemoTestDb('2026-11-25');
const server = await startTestServer(db, {}, { clock: () => new Date('2026-11-25T09:20:00+01:00') });
after(() => server.close());
const browser = await launchBrowser();
const PHONE_UA =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36';

const fiveA = await db
  .selectFrom('class as c')
  .innerJoin('school as s', 's.id', 'c.school_id')
  .select(['c.id'])
  .where('s.name', '=', 'Bjørkelia skole')
  .where('c.name', '=', '5A')
  .executeTakeFirstOrThrow();
const pupils = await db
  .selectFrom('enrolment as e')
  .innerJoin('person as p', 'p.id', 'e.pupil_id')
  .select(['p.given_name', 'p.family_name'])
  .where('e.class_id', '=', fiveA.id)
  .orderBy('p.family_name')
  .orderBy('p.given_name')
  .orderBy('p.id')
  .execute();
const ABSENT = { 'JavaScript on': pupils[2]!, 'JavaScript off': pupils[3]! } as const;

for (const mode of JS_MODES) {
  describe(`the mobile staff view with ${mode.name}`, () => {
    test('I dag → the current lesson’s register → absent → Lagre; Fullversjon and back, remembered', async () => {
      const context = await browser.newContext({
        javaScriptEnabled: mode.javaScript,
        viewport: PHONE,
        userAgent: PHONE_UA,
        locale: 'nb-NO',
      });
      const page = await context.newPage();
      await logInAs(page, server.url, /Ansatt eller elev/, 'Marius Fossum');
      await page.waitForURL(server.url + '/home');
      await page.getByRole('heading', { level: 1, name: /^I dag 25\.11\.2026$/ }).waitFor();
      assert.equal(await page.locator('body').getAttribute('data-view'), 'mobile', 'a phone gets the mobile view');
      assert.equal(await page.title(), 'I dag – Skolebro – Ansatt');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 375, `nothing wider than the screen: ${width}`);
      const tabs = page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link');
      for (const box of await Promise.all((await tabs.all()).map((l) => l.boundingBox())))
        assert.ok(box && box.height >= 44 && box.width >= 44, `a large target: ${JSON.stringify(box)}`);
      assert.deepEqual(await axeViolations(page, mode), [], 'I dag');

      // tap 1: the current lesson, first and marked "Nå"
      const current = page.locator('[data-lessons] a').first();
      assert.match((await current.textContent()) ?? '', /09:05–09:50[\s\S]*5A[\s\S]*Nå/);
      await current.click();
      await page.waitForURL(/\/classes\/\d+\/attendance\?date=2026-11-25&lesson=\d+$/);
      const registerUrl = page.url();
      const absent = ABSENT[mode.name];
      const group = page.getByRole('group', { name: `${absent.family_name}, ${absent.given_name}` });
      assert.equal(await group.getByLabel('Til stede').isChecked(), true, 'present by default');
      assert.deepEqual(await axeViolations(page, mode), [], 'the mobile register');
      // tap 2: Borte; tap 3: Lagre
      await group.getByText('Borte').click();
      await page.getByRole('button', { name: 'Lagre' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: /Fraværet er lagret/ })
        .waitFor();
      assert.equal(await group.getByLabel('Borte').isChecked(), true);

      // the full version of the same URL, and back
      await page.getByRole('link', { name: 'Fullversjon' }).click();
      await page.getByRole('heading', { level: 1, name: 'Registrer fravær – 5A' }).waitFor();
      assert.equal(new URL(page.url()).pathname, new URL(registerUrl).pathname);
      assert.equal(await page.locator('body').getAttribute('data-view'), null);
      assert.equal(await group.getByLabel('Borte').isChecked(), true, 'saved');
      await page.goto(server.url + '/home');
      assert.equal(await page.locator('body').getAttribute('data-view'), null, 'the full version is remembered');
      await page.getByRole('link', { name: 'Mobilversjon' }).click();
      await page.getByRole('heading', { level: 1, name: /^I dag / }).waitFor();
      await page.goto(server.url + '/messages');
      assert.equal(await page.locator('body').getAttribute('data-view'), 'mobile', 'the mobile view is remembered');
      assert.deepEqual(await axeViolations(page, mode), [], 'Meldinger');
      await context.close();
    });
  });
}
