import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { axeViolations, JS_MODES, launchBrowser, logInAs, newContext, PHONE } from '../support/browser.ts';
import { createDemoTestDb } from '../support/db.ts';
import { childOf, loginPersonId } from '../support/fixtures.ts';
import { startTestServer } from '../support/server.ts';

// Issue 13 acceptance: staff check a child in and out on the board, on a phone, with JavaScript on and off.
const db = await createDemoTestDb('2026-11-25');
const server = await startTestServer(db, {}, { clock: () => new Date('2026-11-25T09:00:00+01:00') });
after(() => server.close());
const browser = await launchBrowser();
const nora = await childOf(db, await loginPersonId(db, 'guardian'), 'Nora');

for (const mode of JS_MODES) {
  describe(`the care board with ${mode.name}`, () => {
    test('Amina opens the board from the home page, checks Nora in and out with who picked her up', async () => {
      await db.deleteFrom('care_day').where('child_id', '=', nora).execute();
      const context = await newContext(browser, { javaScript: mode.javaScript, viewport: PHONE });
      const page = await context.newPage();
      await logInAs(page, server.url, /Ansatt eller elev/, 'Amina Haddad');
      await page.waitForURL(server.url + '/home');
      await page.getByRole('link', { name: 'Tavle for Bjørkelia barnehage' }).click();
      await page.waitForURL(/\/care\/kindergarten\/\d+\/board$/);
      assert.deepEqual(await axeViolations(page, mode), [], 'the board');
      const row = page.locator(`#child-${nora}`);
      await row.getByRole('button', { name: 'Sjekk inn' }).click();
      await row.getByText('Her siden 09:00').waitFor();
      // with htmx only the row was swapped (the address stays); without, the 303 came back to the row
      if (mode.javaScript) assert.ok(!page.url().includes('#child-'), page.url());
      else assert.ok(page.url().endsWith(`#child-${nora}`), page.url());
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 375, `no sideways scrolling at 375 px (${width})`);
      await row.getByLabel('Hvem henter?').selectOption({ label: 'Kari Nordmann' });
      await row.getByRole('button', { name: 'Sjekk ut' }).click();
      await page.locator(`#child-${nora}`).getByText('Hentet av Kari Nordmann').waitFor();
      assert.equal(await page.locator('#board-counts dd').nth(2).textContent(), '1', 'one gone');
      assert.deepEqual(await axeViolations(page, mode), [], 'the board after the taps');
      await context.close();
    });
  });
}

after(() => browser.close());
