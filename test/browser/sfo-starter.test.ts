import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { seedDemoStarter } from '../../src/db/seed/starter-activity.ts';
import { axeViolations, JS_MODES, launchBrowser, logInAs, newContext, PHONE } from '../support/browser.ts';
import { deleteApplications } from '../support/applications.ts';
import { createDemoTestDb } from '../support/db.ts';
import { startTestServer } from '../support/server.ts';

// Issue 12, skolestartere: Kari's Ida starts in 1. trinn next August. Kari sees her on the home page and applies for
// an SFO place from the first school day — an earlier date is refused with the values kept. JS on and off, 375 px.
const NOW = new Date('2026-11-25T09:00:00+01:00');
const db = await createDemoTestDb('2026-11-25');
const ida = await seedDemoStarter(db, NOW);
assert.ok(ida, 'the demo starter is seeded');
const server = await startTestServer(db, {}, { clock: () => NOW });
after(() => server.close());
const browser = await launchBrowser();

for (const mode of JS_MODES) {
  describe(`skolestarter with ${mode.name}`, () => {
    test('the home card, the SFO screen only, and an application from the first school day', async () => {
      await deleteApplications(db);
      const context = await newContext(browser, { javaScript: mode.javaScript, viewport: PHONE });
      const page = await context.newPage();
      await logInAs(page, server.url, /Logg inn som foresatt/, 'Kari Nordmann');
      await page
        .getByText(/Skolestarter fra \d\d\.\d\d\.\d{4}/)
        .first()
        .waitFor();
      assert.deepEqual(await axeViolations(page, mode), [], 'the home page with the starter');

      await page.goto(`${server.url}/children/${ida}/sfo`);
      await page.getByRole('heading', { name: 'SFO for Ida' }).waitFor();
      assert.deepEqual(await axeViolations(page, mode), [], 'the SFO screen');
      const form = page.locator('#sfo-place-section');
      await form.getByRole('radio').first().check();
      await form.getByLabel('Startdato').fill('01.12.2026');
      await form.getByRole('button', { name: 'Send søknaden' }).click();
      await form
        .getByText(/Ida begynner på skolen \d\d\.\d\d\.\d{4}\. SFO-plassen kan tidligst starte da/)
        .first()
        .waitFor();
      assert.equal(await form.getByLabel('Startdato').inputValue(), '01.12.2026', 'the typed date is kept');
      assert.deepEqual(await axeViolations(page, mode), [], 'the refused application');

      const response = await page.goto(`${server.url}/children/${ida}/absence`);
      assert.equal(response?.status(), 404, 'nothing else of Ida before she starts');
      await context.close();
    });
  });
}
