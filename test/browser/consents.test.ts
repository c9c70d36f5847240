import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations, DESKTOP, JS_MODES, launchBrowser, logInAs, newContext, PHONE } from '../support/browser.ts';
import { createDemoTestDb } from '../support/db.ts';
import { loginPersonId } from '../support/fixtures.ts';
import { startTestServer } from '../support/server.ts';

const db = await createDemoTestDb('2026-11-25');
const server = await startTestServer(db);
after(() => server.close());
const browser = await launchBrowser();
const kari = await loginPersonId(db, 'guardian');

/** axe at phone and desktop size on the page as it is now. */
async function axeBothSizes(page: Page, mode: { javaScript: boolean }, what: string) {
  for (const size of [PHONE, DESKTOP]) {
    await page.setViewportSize(size);
    assert.deepEqual(await axeViolations(page, mode), [], `${what} at ${size.width}px`);
  }
}

/** Kari logs in through ID-porten (test) and, undecided, is shown the general consent first. */
async function logInToGate(page: Page) {
  await page.goto(server.url + '/');
  await page.getByRole('link', { name: 'Logg inn' }).click();
  await page.getByRole('button', { name: /Logg inn som foresatt/ }).click();
  await page.getByRole('button', { name: /^Kari Nordmann —/ }).click();
  await page.waitForURL(server.url + '/consent/general');
}

async function choose(page: Page, key: string, label: 'Ja, jeg samtykker' | 'Nei, jeg samtykker ikke') {
  await page.locator(`#consent-${key}`).getByLabel(label).check();
}

/** The one form's one save button. */
async function save(page: Page) {
  await page.getByRole('button', { name: 'Lagre svarene' }).click();
}

for (const mode of JS_MODES) {
  describe(`consents with ${mode.name}`, () => {
    test('a guardian: the gate first, consents locked until it is given, then the nested rule in the form', async () => {
      await db.deleteFrom('general_consent').where('guardian_id', '=', kari).execute();
      await db.deleteFrom('consent_answer').where('guardian_id', '=', kari).execute();
      const context = await newContext(browser, { javaScript: mode.javaScript, viewport: PHONE });
      const page = await context.newPage();
      await logInToGate(page);
      assert.match((await page.textContent('main')) ?? '', /elektronisk kommunikasjon/);
      await axeBothSizes(page, mode, 'the gate');

      await page.getByRole('button', { name: 'Ikke nå' }).click();
      await page.waitForURL(server.url + '/home');
      await page.getByRole('link', { name: 'Sofie Nordmann' }).click();
      await page.waitForURL(/\/children\/\d+$/);
      await page.getByRole('navigation', { name: 'Om barnet' }).getByRole('link', { name: 'Samtykker' }).click();
      await page.getByRole('heading', { name: 'Samtykker for Sofie' }).waitFor();
      assert.match((await page.textContent('#child-section')) ?? '', /Samtykkene er låst/);
      assert.equal(await page.locator('#child-section input[type="radio"]').count(), 0, 'no answering before the gate');
      await axeBothSizes(page, mode, 'the locked consents section');

      await page.getByRole('link', { name: 'Gå til generelt samtykke' }).click();
      await page.getByRole('button', { name: 'Jeg samtykker' }).click();
      await page.waitForURL(/\/children\/\d+\/consents$/);
      assert.match((await page.textContent('#consent-foto-internett')) ?? '', /når du også samtykker til «Foto»/);

      // «Publiseres på internett» without «Foto»: 422, nothing saved, the choices kept.
      await choose(page, 'foto', 'Nei, jeg samtykker ikke');
      await choose(page, 'foto-internett', 'Ja, jeg samtykker');
      await save(page);
      await page.getByRole('alert').filter({ hasText: 'uten å samtykke til «Foto»' }).waitFor();
      assert.equal(await page.locator('#consent-foto-internett-given').isChecked(), true, 'kept');
      assert.equal(await page.locator('#consent-foto-refused').isChecked(), true, 'kept');
      await axeBothSizes(page, mode, 'the consents with an error');

      // Both in one save.
      await choose(page, 'foto', 'Ja, jeg samtykker');
      await save(page);
      await page.getByRole('status').filter({ hasText: 'Svarene dine er lagret' }).waitFor();
      assert.equal(
        new URL(page.url()).search,
        mode.javaScript ? '' : '?saved=all',
        'htmx swaps the section; without JS: PRG',
      );
      assert.match(
        (await page.textContent('#consent-history + ol, #consent-history ~ ol')) ?? '',
        /Publiseres på internett: Ikke besvart → Gitt/,
      );
      await axeBothSizes(page, mode, 'the consents section');

      await choose(page, 'foto', 'Nei, jeg samtykker ikke');
      await save(page);
      await page.getByRole('status').filter({ hasText: 'Svarene dine er lagret' }).waitFor();
      assert.match(
        (await page.textContent('#consent-foto-internett')) ?? '',
        /Ditt svar\s*✓\s*Gitt.*Gjelder for skolen\s*\?\s*Ikke besvart/s,
        'kept, but not in force',
      );
      const saved = await db.selectFrom('consent_answer').select('state').where('guardian_id', '=', kari).execute();
      assert.equal(saved.length, 2);
      await context.close();
    });

    test('a contact teacher filters the class overview: who may not be photographed', async () => {
      const context = await newContext(browser, { javaScript: mode.javaScript, viewport: DESKTOP });
      const page = await context.newPage();
      await logInAs(page, server.url, /Ansatt eller elev/, 'Marius Fossum');
      await page.getByRole('link', { name: '5A', exact: true }).click();
      await page.getByRole('link', { name: 'Samtykker for klassen' }).click();
      await page.waitForURL(/\/classes\/\d+\/consents$/);
      const all = await page.locator('tbody tr').count();
      assert.ok(all > 5);
      await axeBothSizes(page, mode, 'the class overview');

      await page.getByLabel('Samtykke', { exact: true }).selectOption('foto');
      await page.getByLabel('Svar', { exact: true }).selectOption('not_given');
      await page.getByRole('button', { name: 'Vis', exact: true }).click();
      await page.waitForURL(/\?type=foto&state=not_given$/);
      await page
        .getByRole('status')
        .filter({ hasText: new RegExp(`av ${all} elever`) })
        .waitFor();
      const shown = await page.locator('tbody tr').count();
      assert.ok(shown > 0 && shown < all, `${shown} of ${all}`);
      const fotoColumn = await page
        .locator('thead th')
        .evaluateAll((ths) => ths.findIndex((th) => th.textContent?.trim() === 'Foto'));
      const states = await page.locator(`tbody tr td:nth-child(${fotoColumn + 1})`).allTextContents();
      assert.ok(
        states.every((s) => !/Gitt/.test(s)),
        'nobody with photo consent is listed',
      );
      await axeBothSizes(page, mode, 'the filtered overview');

      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.locator('header').isVisible(), false, 'print: no site header');
      assert.equal(await page.locator('form[method="get"]').isVisible(), false, 'print: no filter');
      assert.equal(await page.locator('table').isVisible(), true, 'print: the table');
      await context.close();
    });
  });
}
