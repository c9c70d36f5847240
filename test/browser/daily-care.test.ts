import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { axeViolations, JS_MODES, launchBrowser, logInAs, newContext, PHONE } from '../support/browser.ts';
import { createDemoTestDb } from '../support/db.ts';
import { childOf, loginPersonId } from '../support/fixtures.ts';
import { startTestServer } from '../support/server.ts';

// Issue 13 acceptance, the whole day on phones (375 px), JavaScript on and off: a guardian changes tomorrow's stay plan
// and leaves a pickup message; staff see it on the board and check the child in and out; the guardian sees the times.
const db = await createDemoTestDb('2026-11-25');
// Wednesday 25.11.2026 at 09:00: a change for tomorrow is open until 12:00 today.
const server = await startTestServer(db, {}, { clock: () => new Date('2026-11-25T09:00:00+01:00') });
after(() => server.close());
const browser = await launchBrowser();
const nora = await childOf(db, await loginPersonId(db, 'guardian'), 'Nora');

for (const mode of JS_MODES) {
  describe(`a day in the kindergarten with ${mode.name}`, () => {
    test('Kari changes tomorrow and leaves a message; Amina sees it and checks Nora in and out; Kari sees the times', async () => {
      await db.deleteFrom('care_day').where('child_id', '=', nora).execute();
      await db.deleteFrom('care_day_change').where('child_id', '=', nora).execute();

      const kari = await (await newContext(browser, { javaScript: mode.javaScript, viewport: PHONE })).newPage();
      await logInAs(kari, server.url, /foresatt/, 'Kari Nordmann');
      await kari.getByRole('link', { name: 'Barnehagen i dag' }).click();
      await kari.waitForURL(new RegExp(`/care/children/${nora}`));
      assert.deepEqual(await axeViolations(kari, mode), [], "Nora's care page");

      const plan = kari.locator('#care-plan');
      await plan.getByLabel('Dato').fill('26.11.2026');
      await plan.getByLabel('Andre tider').check();
      await plan.getByLabel('Kommer').fill('09:30');
      await plan.getByLabel('Går').fill('9'); // a mistake: not a time
      await plan.getByRole('button', { name: 'Lagre endringen' }).click();
      await kari.locator('#care-plan').getByRole('alert').waitFor();
      assert.equal(await kari.locator('#care-plan').getByLabel('Kommer').inputValue(), '09:30', 'the values are kept');
      assert.deepEqual(await axeViolations(kari, mode), [], 'the change with an error');
      await kari.locator('#care-plan').getByLabel('Går').fill('14:00');
      await kari.locator('#care-plan').getByRole('button', { name: 'Lagre endringen' }).click();
      await kari.locator('#care-plan').getByText('09:30–14:00 (endret)').first().waitFor();

      const today = kari.locator('#care-today');
      await today.getByLabel('Dato').fill('25.11.2026');
      await today.getByLabel('Beskjed om henting').fill('Bestemor henter kl. 15');
      await today.getByRole('button', { name: 'Lagre beskjeden' }).click();
      await kari.locator('#care-today-message').getByText('Bestemor henter kl. 15').waitFor();
      const width = await kari.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 375, `no sideways scrolling at 375 px (${width})`);
      assert.deepEqual(await axeViolations(kari, mode), [], 'the page after the changes');

      const amina = await (await newContext(browser, { javaScript: mode.javaScript, viewport: PHONE })).newPage();
      await logInAs(amina, server.url, /Ansatt eller elev/, 'Amina Haddad');
      await amina.getByRole('link', { name: 'Tavle for Bjørkelia barnehage' }).click();
      const row = amina.locator(`#child-${nora}`);
      await row.getByText('Bestemor henter kl. 15').waitFor();
      await row.getByRole('button', { name: 'Sjekk inn' }).click();
      await amina.locator(`#child-${nora}`).getByText('Her siden 09:00').waitFor();
      await amina.locator(`#child-${nora}`).getByLabel('Hvem henter?').selectOption({ label: 'Kari Nordmann' });
      await amina.locator(`#child-${nora}`).getByRole('button', { name: 'Sjekk ut' }).click();
      await amina.locator(`#child-${nora}`).getByText('Hentet av Kari Nordmann').waitFor();
      assert.deepEqual(await axeViolations(amina, mode), [], 'the board after the taps');
      await amina.context().close();

      await kari.reload();
      assert.equal((await kari.locator('#care-today-in').innerText()).trim(), '09:00');
      assert.match(await kari.locator('#care-today-out').innerText(), /09:00/);
      assert.match(await kari.locator('#care-today').innerText(), /Kari Nordmann/);
      await kari.context().close();
    });
  });
}

after(() => browser.close());
