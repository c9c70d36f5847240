import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, describe, test } from 'node:test';
import { axeViolations, DESKTOP, JS_MODES, launchBrowser, logInAs, newContext, PHONE } from '../support/browser.ts';
import { createDemoTestDb } from '../support/db.ts';
import { startTestServer } from '../support/server.ts';

const db = await createDemoTestDb('2026-11-25');
const server = await startTestServer(db);
after(() => server.close());
const browser = await launchBrowser();

for (const mode of JS_MODES) {
  describe(`documents with ${mode.name}`, () => {
    test('a guardian opens the child page, goes to Dokumenter and downloads the welcome letter', async () => {
      const context = await newContext(browser, { javaScript: mode.javaScript, viewport: PHONE });
      const page = await context.newPage();
      await logInAs(page, server.url, /Logg inn som foresatt/, 'Kari Nordmann');
      // The consents area may ask for the general consent first; "Ikke nå" goes on as before.
      if (page.url().includes('/consent/')) await page.getByRole('button', { name: 'Ikke nå' }).click();
      if (!page.url().endsWith('/home')) await page.goto(server.url + '/home');
      await page.getByRole('link', { name: 'Jonas Nordmann' }).click();
      await page.waitForURL(/\/children\/\d+$/);

      await page.getByRole('navigation', { name: 'Om barnet' }).getByRole('link', { name: 'Dokumenter' }).click();
      await page.waitForURL(/\/children\/\d+\/documents$/);
      const section = page.locator('#child-section');
      await section.getByRole('heading', { name: 'Dokumenter' }).waitFor();
      const list = section.getByRole('list', { name: 'Dokumenter om Jonas' });
      assert.match((await list.textContent()) ?? '', /Velkomstbrev skuleåret 2026–2027/);
      assert.match((await list.textContent()) ?? '', /Dato 10\.08\.2026/);
      // Without JS the whole page comes back with the section marked. (With htmx only #child-section is
      // swapped, so the shared child nav keeps its old aria-current: reported, not this area's file.)
      if (!mode.javaScript) assert.equal(await page.locator('nav a[aria-current="page"]').textContent(), 'Dokumenter');
      assert.deepEqual(await axeViolations(page, mode), [], 'documents, phone');
      await page.setViewportSize(DESKTOP);
      assert.deepEqual(await axeViolations(page, mode), [], 'documents, desktop');

      const link = list.getByRole('link', { name: /^Last ned Velkomstbrev skuleåret 2026–2027 \(PDF, \d+ kB\)$/ });
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      assert.equal(download.suggestedFilename(), 'Velkomstbrev skuleåret 2026–2027 – Jonas.pdf');
      const bytes = await readFile((await download.path())!);
      assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');

      // the same link, asked for directly with the browser's cookies: a private PDF
      const response = await context.request.get(server.url + (await link.getAttribute('href')));
      assert.equal(response.status(), 200);
      assert.equal(response.headers()['content-type'], 'application/pdf');
      assert.equal(response.headers()['cache-control'], 'private, no-store');
      assert.match(response.headers()['content-disposition'] ?? '', /^attachment; /);
      // the page stays where it was
      assert.match(page.url(), /\/children\/\d+\/documents$/);
      await context.close();
    });
  });
}
