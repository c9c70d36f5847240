import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations, DESKTOP, JS_MODES, launchBrowser, logInAs, newContext, PHONE } from '../support/browser.ts';
import { createDemoTestDb } from '../support/db.ts';
import { startTestServer } from '../support/server.ts';

const db = await createDemoTestDb('2026-11-25');
const server = await startTestServer(db, {}, { clock: () => new Date('2026-11-25T10:00:00+01:00') });
after(() => server.close());
const browser = await launchBrowser();
after(() => browser.close());

async function axeBothSizes(page: Page, mode: { javaScript: boolean }, what: string) {
  for (const size of [PHONE, DESKTOP]) {
    await page.setViewportSize(size);
    assert.deepEqual(await axeViolations(page, mode), [], `${what} at ${size.width}px`);
  }
  await page.setViewportSize(PHONE);
}

for (const mode of JS_MODES) {
  describe(`SFO prices and invoice basis with ${mode.name}`, () => {
    test('the school owner adds an offer (a mistake first, nothing lost) and reads the invoice basis', async () => {
      const context = await newContext(browser, { javaScript: mode.javaScript, viewport: PHONE });
      const page = await context.newPage();
      await logInAs(page, server.url, /Ansatt eller elev/, 'Randi Kolstad');
      await page.goto(`${server.url}/sfo`);
      await page.getByRole('heading', { name: 'SFO', level: 1 }).waitFor();
      await axeBothSizes(page, mode, 'the SFO list');
      await page.getByRole('link', { name: 'Priser og tilbud' }).first().click();
      await page.getByRole('heading', { name: /Priser og tilbud for/, level: 1 }).waitFor();
      await axeBothSizes(page, mode, 'the settings page');
      const name = `Ettermiddag ${mode.name}`;
      const form = page.locator('#sfo-new-offer');
      await form.getByLabel('Navn').fill(name);
      await form.getByLabel('Type').selectOption('days');
      await form.getByLabel('Dager i uka (for deltid i dager)').fill('7');
      await form.getByLabel('Timer i uka').fill('6');
      await form.getByLabel('Pris per måned (kr)').fill('1 100');
      await form.getByRole('button', { name: 'Legg til tilbudet' }).click();
      await page.getByRole('alert').waitFor();
      assert.equal(await page.locator('#offer-new-name').inputValue(), name, 'the name is kept');
      assert.equal(await page.locator('#offer-new-monthlyPrice').inputValue(), '1 100');
      await axeBothSizes(page, mode, 'the offer form with an error');
      await page.locator('#offer-new-daysPerWeek').fill('2');
      await page.locator('#sfo-new-offer').getByRole('button', { name: 'Legg til tilbudet' }).click();
      await page.getByText('Tilbudet er lagt til.').waitFor();
      assert.equal(await page.locator('h3', { hasText: name }).count(), 1);
      await page.goto(`${server.url}/sfo`);
      await page.getByRole('link', { name: 'Fakturagrunnlag' }).first().click();
      await page.getByRole('heading', { name: /Fakturagrunnlag for/, level: 1 }).waitFor();
      assert.ok((await page.locator('tbody[id^="payer-"]').count()) > 0, 'payers listed');
      await axeBothSizes(page, mode, 'the invoice basis');
      await page.getByRole('textbox', { name: 'Måned', exact: true }).fill('2026-12');
      await page.getByRole('button', { name: 'Vis', exact: true }).click();
      await page.getByRole('heading', { name: 'Fakturagrunnlag for desember 2026', level: 2 }).waitFor();
      await context.close();
    });
  });
}
