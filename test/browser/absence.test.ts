import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations, JS_MODES, launchBrowser, logInAs, newContext, PHONE } from '../support/browser.ts';
import { createDemoTestDb } from '../support/db.ts';
import { startTestServer } from '../support/server.ts';

const db = await createDemoTestDb('2026-11-25');
const server = await startTestServer(db, {}, { clock: () => new Date('2026-11-25T08:00:00+01:00') }); // a Wednesday
after(() => server.close());
const browser = await launchBrowser();
const sofie = (
  await db
    .selectFrom('person')
    .select('id')
    .where('given_name', '=', 'Sofie')
    .where('family_name', '=', 'Nordmann')
    .executeTakeFirstOrThrow()
).id;

const section = (page: Page) => page.locator('#child-section');
const totals = (page: Page) => page.locator('#absence-totals').textContent();

async function send(page: Page, receipt: string) {
  await page.getByRole('button', { name: 'Send fraværsmelding' }).click();
  await page.getByRole('status').filter({ hasText: receipt }).waitFor();
}

for (const mode of JS_MODES) {
  describe(`absence with ${mode.name}`, () => {
    test('Kari reports a coming day, a range over a weekend and two lessons; totals follow; she withdraws the coming day', async () => {
      await db
        .deleteFrom('absence_report_lesson')
        .where('absence_report_id', 'in', db.selectFrom('absence_report').select('id').where('pupil_id', '=', sofie))
        .execute();
      await db.deleteFrom('absence_report').where('pupil_id', '=', sofie).execute();
      const context = await newContext(browser, { javaScript: mode.javaScript, viewport: PHONE });
      const page = await context.newPage();
      await logInAs(page, server.url, /Logg inn som foresatt/, 'Kari Nordmann');
      await page.getByRole('link', { name: 'Sofie Nordmann' }).click();
      await page.getByRole('navigation', { name: 'Om barnet' }).getByRole('link', { name: 'Fravær' }).click();
      await page.getByRole('heading', { name: 'Fravær for Sofie' }).waitFor();
      assert.equal(await totals(page), '0 dager og 0 timer');
      assert.deepEqual(await axeViolations(page, mode), [], 'the absence page');
      if (mode.javaScript) await page.evaluate(() => Object.assign(window, { sameDocument: true }));

      await section(page).getByRole('link', { name: 'Meld fravær for hele dager' }).click();
      await page.getByRole('heading', { name: 'Meld fravær for hele dager' }).waitFor();
      assert.deepEqual(await axeViolations(page, mode), [], 'the whole-days form');
      await page.getByRole('button', { name: 'Send fraværsmelding' }).click();
      await page.getByRole('alert').filter({ hasText: 'Skriv inn fra-datoen.' }).waitFor();
      assert.deepEqual(await axeViolations(page, mode), [], 'the form with errors (422)');
      await page.getByLabel('Fra og med dato').fill('26.11.2026');
      await page.getByLabel('Syk', { exact: true }).check();
      await page.getByLabel('Merknad til skolen (valgfritt)').fill('Sofie er syk og kommer ikke på skolen.');
      await send(page, 'Fraværet er meldt: 26.11.2026 (1 skoledag)');
      assert.match(page.url(), /\/absence\?saved=\d+$/, 'the receipt has its own URL (htmx pushes it)');
      assert.match((await page.locator('#absence-list').textContent()) ?? '', /26\.11\.2026\s*Kommer/);
      assert.equal(await totals(page), '0 dager og 0 timer', 'a coming day is not counted yet');

      await section(page).getByRole('link', { name: 'Meld fravær for hele dager' }).click();
      await page.getByLabel('Fra og med dato').fill('20.11.2026');
      await page.getByLabel('Til og med dato (valgfritt)').fill('23.11.2026');
      await page.getByLabel('Gravferd').check();
      await send(page, 'Fraværet er meldt: 20.11.2026–23.11.2026 (2 skoledager)');
      assert.equal(await totals(page), '2 dager og 0 timer', 'Friday and Monday; the weekend is not counted');

      await section(page).getByRole('link', { name: 'Meld fravær for enkelttimer' }).click();
      await page.getByRole('heading', { name: 'Meld fravær for enkelttimer' }).waitFor();
      assert.equal(await page.getByLabel('Dato', { exact: true }).inputValue(), '25.11.2026', 'today to start with');
      await page.getByLabel('Dato', { exact: true }).fill('24.11.2026');
      if (mode.javaScript)
        await page.getByLabel('Dato', { exact: true }).press('Tab'); // htmx loads that day's lessons on change
      else await page.getByRole('button', { name: 'Vis timene' }).click();
      await page.getByRole('group', { name: 'Hvilke timer er Sofie borte 24.11.2026?' }).waitFor();
      assert.deepEqual(await axeViolations(page, mode), [], 'the lessons form');
      const lessons = page.locator('#absence-lessons input[name="lessons"]');
      assert.ok((await lessons.count()) >= 4);
      await lessons.nth(0).check();
      await lessons.nth(1).check();
      await page.getByLabel('Lege eller tannlege').check();
      await send(page, 'Fraværet er meldt: 24.11.2026, 2 timer');
      assert.equal(await totals(page), '2 dager og 2 timer', 'hours are counted apart from days');
      assert.equal(await page.locator('#absence-list > li').count(), 3);
      assert.equal(await page.locator('h1').count(), 1, 'swapped, not nested');
      assert.deepEqual(await axeViolations(page, mode), [], 'the list with entries');

      assert.equal(
        await page.getByRole('button', { name: /^Trekk tilbake/ }).count(),
        1,
        'only the coming day can be withdrawn',
      );
      await page.getByRole('button', { name: /^Trekk tilbake/ }).click();
      await page.getByRole('status').filter({ hasText: 'Fraværsmeldingen er trukket tilbake.' }).waitFor();
      assert.equal(await page.locator('#absence-list > li').count(), 2);
      assert.doesNotMatch((await page.locator('#absence-list').textContent()) ?? '', /26\.11\.2026/);
      if (mode.javaScript)
        assert.equal(await page.evaluate(() => 'sameDocument' in window), true, 'htmx swapped every step');
      await context.close();
    });
  });
}
