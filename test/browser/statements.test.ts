import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { axeViolations, JS_MODES, launchBrowser, logInAs, newContext, PHONE } from '../support/browser.ts';
import { createDemoTestDb } from '../support/db.ts';
import { startTestServer } from '../support/server.ts';

// Issue 16, item 7 (G16, U2): the privacy statements and the accessibility statement on a phone, and the school owner's
// form refusing a bad DPO contact and then saving, with JavaScript on and off; axe on every page.
const TODAY = '2026-11-25';
const db = await createDemoTestDb(TODAY);
const server = await startTestServer(db, {}, { clock: () => new Date(`${TODAY}T09:00:00+01:00`) });
after(() => server.close());
const browser = await launchBrowser();

for (const mode of JS_MODES) {
  describe(`statements with ${mode.name}`, () => {
    test('from the footer: the privacy statements per owner and the accessibility statement', async () => {
      const context = await newContext(browser, { javaScript: mode.javaScript, viewport: PHONE });
      const page = await context.newPage();
      await page.goto(server.url + '/');
      await page.locator('footer').getByRole('link', { name: 'Personvern' }).click();
      await page.waitForURL(`${server.url}/privacy`);
      assert.deepEqual(await axeViolations(page, mode), [], '/privacy');
      await page.getByRole('link', { name: 'Stiftelsen Nordlys' }).click();
      await page.getByRole('heading', { level: 1, name: 'Personvernerklæring for Stiftelsen Nordlys' }).waitFor();
      assert.deepEqual(await axeViolations(page, mode), [], 'a statement');
      await page.locator('footer').getByRole('link', { name: 'Tilgjengelighetserklæring' }).click();
      await page.getByRole('heading', { level: 2, name: 'Slik har vi testet' }).waitFor();
      assert.deepEqual(await axeViolations(page, mode), [], '/accessibility');
      await context.close();
    });

    test('the school owner edits the statement: a bad DPO contact is refused with the text kept, then saved', async () => {
      const context = await newContext(browser, { javaScript: mode.javaScript, viewport: PHONE });
      const page = await context.newPage();
      await logInAs(page, server.url, /Ansatt eller elev/, 'Randi Kolstad');
      await page.goto(`${server.url}/municipalities/settings`);
      await page.getByRole('link', { name: 'Personvernerklæring' }).first().click();
      await page.getByRole('heading', { level: 1, name: /Personvernerklæring for Demo kommune/ }).waitFor();
      assert.deepEqual(await axeViolations(page, mode), [], 'the form');
      await page.getByLabel('Behandlingsansvarlig: adresse').fill('Rådhusgata 1, 1234 Demo');
      await page.getByLabel('Personvernombud: e-post eller nettside').fill('ikke en adresse');
      await page.getByRole('button', { name: 'Lagre erklæringen' }).click();
      await page.getByRole('alert').waitFor();
      assert.equal(await page.getByLabel('Personvernombud: e-post eller nettside').inputValue(), 'ikke en adresse');
      assert.deepEqual(await axeViolations(page, mode), [], 'the form with errors');
      await page.getByLabel('Personvernombud: e-post eller nettside').fill(`vern-${mode.javaScript}@demo.example`);
      await page.getByRole('button', { name: 'Lagre erklæringen' }).click();
      await page.getByRole('status').waitFor();
      await page.goto(`${server.url}/privacy`);
      await page.getByRole('link', { name: 'Demo kommune' }).click();
      await page.getByRole('link', { name: `vern-${mode.javaScript}@demo.example` }).waitFor();
      await context.close();
    });
  });
}
