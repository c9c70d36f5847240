import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { axeViolations, JS_MODES, launchBrowser, newContext, PHONE } from '../support/browser.ts';
import { createTestDb } from '../support/db.ts';
import { startTestServer } from '../support/server.ts';

const db = await createTestDb();
const browser = await launchBrowser();
let server: Awaited<ReturnType<typeof startTestServer>>;
before(async () => {
  server = await startTestServer(db);
});
after(() => server.close());

for (const mode of JS_MODES) {
  describe(`front page with ${mode.name}`, () => {
    test('switching language works and axe finds no violations in nb, nn and en', async () => {
      const context = await newContext(browser, { javaScript: mode.javaScript });
      const page = await context.newPage();
      await page.goto(server.url + '/');
      assert.equal(await page.getAttribute('html', 'lang'), 'nb');
      assert.deepEqual(await axeViolations(page, mode), [], 'nb');

      await page.getByRole('button', { name: 'Nynorsk' }).click();
      await page.waitForSelector('html[lang="nn"]');
      assert.equal(await page.textContent('h1'), 'Velkomen til Skolebro');
      assert.deepEqual(await axeViolations(page, mode), [], 'nn');

      await page.getByRole('button', { name: 'English' }).click();
      await page.waitForSelector('html[lang="en"]');
      assert.equal(await page.textContent('h1'), 'Welcome to Skolebro');
      assert.deepEqual(await axeViolations(page, mode), [], 'en');
      await context.close();
    });

    test('no Content Security Policy violation in the console (htmx injects no inline style)', async () => {
      const context = await newContext(browser, { javaScript: mode.javaScript });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(server.url + '/');
      await page.getByRole('button', { name: 'Nynorsk' }).click();
      await page.waitForSelector('html[lang="nn"]');
      await page.waitForTimeout(200);
      assert.deepEqual(errors, []);
      await context.close();
    });

    test('the skip link is the first stop for a keyboard user and moves focus to main', async () => {
      const context = await newContext(browser, { javaScript: mode.javaScript, viewport: PHONE });
      const page = await context.newPage();
      await page.goto(server.url + '/');
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => document.activeElement?.textContent);
      assert.equal(focused, 'Hopp til hovedinnhold');
      await page.keyboard.press('Enter');
      // The fragment navigation is asynchronous: wait for it rather than read the URL at once.
      await page.waitForURL(/#main$/, { timeout: 5000 });
      assert.match(page.url(), /#main$/);
      assert.deepEqual(await axeViolations(page, mode), [], 'phone width');
      await context.close();
    });
  });
}
