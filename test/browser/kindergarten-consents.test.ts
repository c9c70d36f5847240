import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { axeViolations, JS_MODES, launchBrowser, logInAs, newContext, PHONE } from '../support/browser.ts';
import { createDemoTestDb } from '../support/db.ts';
import { childOf, loginPersonId } from '../support/fixtures.ts';
import { startTestServer } from '../support/server.ts';

// Issue 13 (K1), on phones (375 px), JavaScript on and off: Kari answers Nora's kindergarten consents — locked until
// the general consent, a sub-consent without its parent refused with her choices kept, then saved —; Nora's
// pedagogical leader sees the department's overview, filtered.
const db = await createDemoTestDb('2026-11-25');
const server = await startTestServer(db, {}, { clock: () => new Date('2026-11-25T09:00:00+01:00') });
after(() => server.close());
const browser = await launchBrowser();
const kari = await loginPersonId(db, 'guardian');
const nora = await childOf(db, kari, 'Nora');

for (const mode of JS_MODES) {
  describe(`kindergarten consents with ${mode.name}`, () => {
    test('Kari gives the general consent, answers Nora’s consents; Sondre sees them in the overview', async () => {
      await db.deleteFrom('general_consent').where('guardian_id', '=', kari).execute();
      await db.deleteFrom('consent_answer').where('guardian_id', '=', kari).execute();
      const page = await (await newContext(browser, { javaScript: mode.javaScript, viewport: PHONE })).newPage();
      await logInAs(page, server.url, /foresatt/, 'Kari Nordmann');
      await page.getByRole('link', { name: 'Barnehagen i dag' }).click();
      await page.getByRole('link', { name: 'Se og svar på samtykkene for Nora' }).click();
      await page.getByRole('heading', { level: 1, name: 'Samtykker for Nora' }).waitFor();
      assert.match((await page.textContent('main')) ?? '', /Samtykkene er låst/);
      assert.deepEqual(await axeViolations(page, mode), [], 'the locked consents');

      await page.getByRole('link', { name: 'Gå til generelt samtykke' }).click();
      await page.getByRole('button', { name: 'Jeg samtykker' }).click();
      await page.waitForURL(new RegExp(`/care/children/${nora}/consents$`));

      const choose = (key: string, answer: 'Ja, jeg samtykker' | 'Nei, jeg samtykker ikke') =>
        page.locator(`#consent-${key}`).getByLabel(answer).check();
      await choose('bhg-foto', 'Nei, jeg samtykker ikke');
      await choose('bhg-foto-internett', 'Ja, jeg samtykker');
      await choose('bhg-tur', 'Ja, jeg samtykker');
      await page.getByRole('button', { name: 'Lagre svarene' }).click();
      await page.getByRole('alert').filter({ hasText: 'uten å samtykke til «Bilder»' }).waitFor();
      assert.equal(await page.locator('#consent-bhg-tur-given').isChecked(), true, 'kept');
      assert.equal(await page.locator('#consent-bhg-foto-internett-given').isChecked(), true, 'kept');
      assert.deepEqual(await axeViolations(page, mode), [], 'the consents with an error');

      await choose('bhg-foto', 'Ja, jeg samtykker');
      await page.getByRole('button', { name: 'Lagre svarene' }).click();
      await page.getByRole('status').filter({ hasText: 'barnehagen har fått beskjed' }).waitFor();
      assert.match(
        (await page.textContent('#consent-history + ol')) ?? '',
        /Turer utenfor barnehagen: Ikke besvart → Gitt/,
      );
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 375, `no sideways scrolling at 375 px (${width})`);
      assert.deepEqual(await axeViolations(page, mode), [], 'the saved consents');
      await page.context().close();

      const sondre = await (await newContext(browser, { javaScript: mode.javaScript, viewport: PHONE })).newPage();
      await logInAs(sondre, server.url, /Ansatt eller elev/, 'Sondre Lie');
      await sondre.getByRole('link', { name: 'Tavle for Bjørkelia barnehage' }).click();
      await sondre.getByRole('link', { name: 'Samtykker for barna' }).click();
      await sondre.getByRole('heading', { level: 1, name: 'Samtykker – Bjørkelia barnehage' }).waitFor();
      await sondre.locator('#filter-department').selectOption({ label: 'Bjørnehiet' });
      await sondre.locator('#filter-type').selectOption({ label: 'Turer utenfor barnehagen' });
      await sondre.locator('#filter-state').selectOption({ label: 'Ikke gitt (nektet eller ikke besvart)' });
      await sondre.getByRole('button', { name: 'Vis' }).click();
      await sondre.getByRole('heading', { level: 1, name: 'Samtykker – Bjørnehiet' }).waitFor();
      // Kari said yes, Anders has not answered: not given yet.
      await sondre.getByRole('rowheader', { name: 'Nordmann, Nora' }).waitFor();
      assert.deepEqual(await axeViolations(sondre, mode), [], 'the overview');
      await sondre.context().close();
    });
  });
}

after(() => browser.close());
