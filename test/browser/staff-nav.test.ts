import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { axeViolations, JS_MODES, launchBrowser, logInAs, newContext, PHONE } from '../support/browser.ts';
import { createDemoTestDb } from '../support/db.ts';
import { startTestServer } from '../support/server.ts';

// Issue 19 acceptance: the staff navigation on every staff page, at 375 px, with JavaScript on and off, axe-clean.
const db = await createDemoTestDb('2026-11-25');
const server = await startTestServer(db, {}, { clock: () => new Date('2026-11-25T09:00:00+01:00') });
after(() => server.close());
const browser = await launchBrowser();
after(() => browser.close());

for (const mode of JS_MODES) {
  describe(`staff navigation with ${mode.name}`, () => {
    test('the rektor finds the menu on every staff page and goes from page to page with it', async () => {
      const context = await newContext(browser, { javaScript: mode.javaScript, viewport: PHONE });
      const page = await context.newPage();
      await logInAs(page, server.url, /Ansatt eller elev/, 'Torunn Holmvik');
      const menu = page.getByRole('navigation', { name: 'Ansattmeny' });
      await menu.waitFor();
      assert.deepEqual(await axeViolations(page, mode), [], 'home');
      for (const [entry, heading] of [
        ['Meldinger', /Meldinger/],
        ['Søknader', /Søknader/],
        ['Skjemaer', /Skjema/],
        ['Brev', /Brev/],
        ['Skolekontoret', /Skolekontoret/],
        ['SFO', /SFO/],
      ] as const) {
        await menu.getByRole('link', { name: entry, exact: true }).click();
        await page.getByRole('heading', { level: 1, name: heading }).first().waitFor();
        assert.equal(
          (await menu.locator('[aria-current="page"]').textContent())?.trim(),
          entry,
          `${entry} is marked as the current page`,
        );
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= 375, `${entry}: nothing wider than the phone (${width}px)`);
        assert.deepEqual(await axeViolations(page, mode), [], entry);
      }
      await context.close();
    });
  });
}
