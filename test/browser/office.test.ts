import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { axeViolations, JS_MODES, launchBrowser, logInAs, newContext } from '../support/browser.ts';
import { createDemoTestDb } from '../support/db.ts';
import { startTestServer } from '../support/server.ts';

const db = await createDemoTestDb('2026-11-25');
const server = await startTestServer(db, {}, { clock: () => new Date('2026-11-25T09:00:00+01:00') });
after(() => server.close());
const browser = await launchBrowser();

for (const [index, mode] of JS_MODES.entries()) {
  describe(`school office with ${mode.name}`, () => {
    test('rektor creates a class and admits a pupil found by name; a mistake comes back with the values kept', async () => {
      const className = `9${'XY'[index]}`;
      const given = `Ny${index}`;
      await db
        .insertInto('person')
        .values({ given_name: given, family_name: 'Innflytter', fodselsnummer: `0404198000${index}` })
        .execute();
      const page = await (await newContext(browser, { javaScript: mode.javaScript })).newPage();
      await logInAs(page, server.url, /Ansatt eller elev/, 'Torunn Holmvik');
      await page
        .getByRole('navigation', { name: 'Ansattmeny' })
        .getByRole('link', { name: 'Skolekontoret', exact: true })
        .click();
      await page.getByRole('link', { name: 'Bjørkelia skole' }).click();
      await page.getByRole('heading', { name: 'Klasser – Bjørkelia skole' }).waitFor();
      assert.deepEqual(await axeViolations(page, mode), [], 'the class list');

      await page.getByLabel('Navn').fill(className);
      await page.getByLabel('Trinn', { exact: true }).fill('11');
      await page.getByRole('button', { name: 'Opprett klasse' }).click();
      await page.getByRole('alert').getByText('Skriv et trinn fra 1 til 10.').waitFor();
      assert.equal(await page.getByLabel('Navn').inputValue(), className);
      assert.deepEqual(await axeViolations(page, mode), [], 'the form with an error');
      await page.getByLabel('Trinn', { exact: true }).fill('9');
      await page.getByRole('button', { name: 'Opprett klasse' }).click();
      await page.getByRole('status').getByText('Klassen er opprettet.').waitFor();

      await page.getByRole('link', { name: className, exact: true }).click();
      await page.getByRole('heading', { name: `Klasse ${className} – Bjørkelia skole` }).waitFor();
      await page.getByLabel('Søk etter person').fill('Innflytter');
      await page.getByRole('button', { name: 'Søk', exact: true }).click();
      await page.getByLabel(`${given} Innflytter`).check();
      await page.getByLabel('Fra dato').fill('26.11.2026');
      assert.deepEqual(await axeViolations(page, mode), [], 'the admission form');
      await page.getByRole('button', { name: 'Meld inn' }).click();
      await page.getByRole('status').getByText('Eleven er meldt inn.').waitFor();
      await page.locator('#pupils summary').getByText(`${given} Innflytter`, { exact: true }).waitFor();
      assert.deepEqual(await axeViolations(page, mode), [], 'the class with its pupil');
    });
  });
}
