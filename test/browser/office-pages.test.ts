import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { axeViolations, JS_MODES, launchBrowser, logInAs, newContext } from '../support/browser.ts';
import { createDemoTestDb } from '../support/db.ts';
import { startTestServer } from '../support/server.ts';

// The school office's other screens (issue 11) in the browser, JS on and off, with axe: teaching groups, a pupil's
// contact persons (a mistake comes back with the values kept), the skolerute (the school owner adds a planning day).
const db = await createDemoTestDb('2026-11-25');
const server = await startTestServer(db, {}, { clock: () => new Date('2026-11-25T09:00:00+01:00') });
after(() => server.close());
const browser = await launchBrowser();

const BJ = (await db.selectFrom('school').select('id').where('name', '=', 'Bjørkelia skole').executeTakeFirstOrThrow())
  .id;
const sofie = (
  await db
    .selectFrom('person')
    .select('id')
    .where('given_name', '=', 'Sofie')
    .where('family_name', '=', 'Nordmann')
    .executeTakeFirstOrThrow()
).id;

for (const [index, mode] of JS_MODES.entries()) {
  describe(`school office pages with ${mode.name}`, () => {
    test('rektor: teaching groups and a group; a contact person added after a mistake', async () => {
      const page = await (await newContext(browser, { javaScript: mode.javaScript })).newPage();
      await logInAs(page, server.url, /Ansatt eller elev/, 'Torunn Holmvik');
      await page.goto(`${server.url}/office/schools/${BJ}/teaching-groups`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      assert.deepEqual(await axeViolations(page, mode), [], 'the group list');
      await page
        .locator('main table a, main ul a')
        .filter({ hasText: /Norsk|Matematikk/ })
        .first()
        .click();
      await page.getByRole('link', { name: 'Timeplan', exact: true }).waitFor();
      assert.deepEqual(await axeViolations(page, mode), [], 'a group page');

      await page.goto(`${server.url}/office/pupils/${sofie}`);
      await page.getByRole('heading', { name: 'Foresatte fra Folkeregisteret' }).waitFor();
      const add = page.locator('form', { has: page.getByRole('button', { name: 'Legg til', exact: true }) });
      await add.getByLabel('Fornavn').fill(`Bestemor${index}`);
      await add.getByLabel('Etternavn').fill('Nordmann');
      await add.getByLabel('Relasjon').selectOption('annet');
      await add.getByLabel('Mobil').fill('123');
      await add.getByRole('button', { name: 'Legg til', exact: true }).click();
      await page.getByRole('alert').first().waitFor();
      assert.equal(await page.getByLabel('Fornavn').last().inputValue(), `Bestemor${index}`, 'the name is kept');
      assert.deepEqual(await axeViolations(page, mode), [], 'the contact form with an error');
      await page
        .getByLabel('Mobil')
        .last()
        .fill('412 34 5' + `${index}7`);
      await page.getByRole('button', { name: 'Legg til', exact: true }).click();
      await page.getByRole('status').getByText('Kontaktpersonen er lagt til.').waitFor();
      await page.getByText(`Bestemor${index} Nordmann`).first().waitFor();
      assert.deepEqual(await axeViolations(page, mode), [], 'the pupil page with a contact person');
    });

    test('the school owner adds a planning day to the skolerute', async () => {
      const page = await (await newContext(browser, { javaScript: mode.javaScript })).newPage();
      await logInAs(page, server.url, /Ansatt eller elev/, 'Randi Kolstad');
      await page.goto(`${server.url}/skolerute`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      assert.deepEqual(await axeViolations(page, mode), [], 'the skolerute');
      const day = index === 0 ? '15.03.2027' : '16.03.2027';
      const add = page.locator('form', { has: page.getByRole('button', { name: 'Legg til', exact: true }) });
      await add.getByLabel('Fra dato').fill(day);
      await add.getByLabel('Type', { exact: true }).selectOption('planning_day');
      await add.getByLabel('Navn', { exact: true }).fill(`Planlegging ${index}`);
      await add.getByRole('button', { name: 'Legg til', exact: true }).click();
      await page.getByRole('status').getByText('Dagene er lagt til i skoleruta.').waitFor();
      await page.getByText(day).first().waitFor();
      assert.deepEqual(await axeViolations(page, mode), [], 'the skolerute after adding a day');
    });
  });
}
