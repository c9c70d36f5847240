import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { axeViolations, DESKTOP, JS_MODES, launchBrowser, logInAs, newContext, PHONE } from '../support/browser.ts';
import { createDemoTestDb } from '../support/db.ts';
import { startTestServer } from '../support/server.ts';

const db = await createDemoTestDb('2026-11-25');
const server = await startTestServer(db);
after(() => server.close());
const browser = await launchBrowser();

for (const mode of JS_MODES) {
  for (const viewport of [PHONE, DESKTOP]) {
    test(`child overview and my data: the pages and the PDF (${mode.name}, ${viewport.width}px)`, async () => {
      const context = await newContext(browser, { javaScript: mode.javaScript, viewport });
      const page = await context.newPage();
      await logInAs(page, server.url, /foresatt/, 'Kari Nordmann');
      // the child page overview, reached from the home page
      await page.locator('main a[href^="/children/"]').first().click();
      await page.waitForURL(/\/children\/\d+$/);
      const childId = new URL(page.url()).pathname.split('/')[2];
      assert.match((await page.textContent('main')) ?? '', /Kontaktlærer/);
      assert.deepEqual(await axeViolations(page, mode), [], 'child overview');
      await page.getByRole('link', { name: 'Samtykker' }).click();
      await page.waitForURL(/\/children\/\d+\/consents$/);
      assert.equal(
        await page.getAttribute('a[aria-current="page"]', 'href'),
        new URL(page.url()).pathname,
        'the current tab follows',
      );
      await page.goto(server.url + '/me/data');
      assert.match((await page.textContent('h1')) ?? '', /Mine data/);
      assert.match((await page.textContent('main')) ?? '', /Velkom/);
      assert.deepEqual(await axeViolations(page, mode), []);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Last ned som PDF' }).click(),
      ]);
      assert.match(download.suggestedFilename(), /^skolebro-mine-data-\d{4}-\d{2}-\d{2}\.pdf$/);
      // the child's whole log (issue 16, item 3): its own page, back to My data
      await page.goto(`${server.url}/me/data/children/${childId}/log`);
      assert.match((await page.textContent('h1')) ?? '', /^Logg for /);
      assert.deepEqual(await axeViolations(page, mode), [], 'the log page');
      await page.getByRole('link', { name: 'Tilbake til Mine data' }).click();
      await page.waitForURL(/\/me\/data$/);
      await context.close();
    });
  }
}
