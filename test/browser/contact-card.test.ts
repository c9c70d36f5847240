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

const stored = async () =>
  db
    .selectFrom('contact_info')
    .select(['mobile', 'phone', 'sms_enabled'])
    .where('person_id', '=', kari)
    .executeTakeFirstOrThrow();

/** Submits the details form and waits for a new section: swapped in by htmx, or on the page after the redirect. */
async function saveDetails(page: Page): Promise<void> {
  await page.locator('#contact-details').evaluate((section) => section.setAttribute('data-before-submit', ''));
  await page.getByRole('button', { name: 'Lagre e-post og telefon' }).click();
  await page.locator('#contact-details:not([data-before-submit])').waitFor();
}

async function openContactCard(page: Page) {
  await logInAs(page, server.url, /Logg inn som foresatt/, 'Kari Nordmann');
  await page.getByRole('navigation').getByRole('link', { name: 'Kontaktkort' }).click();
  await page.waitForURL(server.url + '/me/contact');
}

for (const mode of JS_MODES) {
  describe(`contact card with ${mode.name}`, () => {
    test('phone numbers typed the usual ways are normalised through the real form', async () => {
      await db
        .updateTable('contact_info')
        .set({ mobile: '+4798765432', phone: null })
        .where('person_id', '=', kari)
        .execute();
      const context = await newContext(browser, { javaScript: mode.javaScript, viewport: PHONE });
      const page = await context.newPage();
      await openContactCard(page);
      assert.deepEqual(await axeViolations(page, mode), [], 'contact card, phone');
      const examples: [string, string, string][] = [
        ['412 34 567', '+4741234567', '+47 412 34 567'],
        ['+47 912 34 567', '+4791234567', '+47 912 34 567'],
        ['0047 41234568', '+4741234568', '+47 412 34 568'],
        ['412-34-569', '+4741234569', '+47 412 34 569'],
      ];
      for (const [typed, value, shown] of examples) {
        await page.getByLabel('Mobilnummer').fill(typed);
        await saveDetails(page);
        assert.equal(await page.locator('#contact-mobile').inputValue(), shown, typed);
        assert.equal((await stored()).mobile, value, typed);
      }
      await page.getByLabel('Annet telefonnummer (valgfritt)').fill('22 33 44 55');
      await saveDetails(page);
      assert.equal(await page.locator('#contact-phone').inputValue(), '+47 22 33 44 55');
      assert.match((await page.locator('#contact-details [role=status]').textContent()) ?? '', /Endringene er lagret/);
      // with htmx only the section was swapped (no navigation); without JavaScript the post redirected (PRG)
      assert.equal(
        page.url(),
        mode.javaScript ? server.url + '/me/contact' : server.url + '/me/contact?saved=details#contact-details',
      );
      await context.close();
    });

    test('a landline in the mobile field shows the error state, keeps the input, and passes axe on phone and desktop', async () => {
      const context = await newContext(browser, { javaScript: mode.javaScript, viewport: PHONE });
      const page = await context.newPage();
      await openContactCard(page);
      const before = await stored();
      await page.getByLabel('Mobilnummer').fill('22 33 44 55');
      await page.getByLabel('E-postadresse').fill('kari.ny@eksempel.no');
      await page.getByRole('button', { name: 'Lagre e-post og telefon' }).click();
      const summary = page.locator('#contact-details [role=alert]');
      await summary.waitFor();
      assert.match((await summary.textContent()) ?? '', /ikke et mobilnummer/);
      assert.equal(await summary.evaluate((el) => el === document.activeElement), true, 'the error summary has focus');
      assert.equal(await page.locator('#contact-mobile').inputValue(), '22 33 44 55');
      assert.equal(await page.locator('#contact-email').inputValue(), 'kari.ny@eksempel.no');
      assert.equal(await page.locator('#contact-mobile').getAttribute('aria-invalid'), 'true');
      assert.deepEqual(await stored(), before, 'nothing saved');
      assert.deepEqual(await axeViolations(page, mode), [], 'error state, phone');
      await page.setViewportSize(DESKTOP);
      assert.deepEqual(await axeViolations(page, mode), [], 'error state, desktop');
      await summary.getByRole('link').click();
      assert.equal(
        await page.evaluate(() => document.activeElement?.id),
        'contact-mobile',
        'the summary leads to the field',
      );
      await context.close();
    });

    test('turning SMS off asks first, and the answer sticks', async () => {
      const context = await newContext(browser, { javaScript: mode.javaScript, viewport: DESKTOP });
      const page = await context.newPage();
      await openContactCard(page);
      assert.deepEqual(await axeViolations(page, mode), [], 'contact card, desktop');
      await page.getByRole('button', { name: 'Slå av SMS' }).click();
      await page.getByRole('heading', { name: 'Vil du slå av SMS fra skolen?' }).waitFor();
      assert.equal((await stored()).sms_enabled, true, 'not off before confirming');
      assert.deepEqual(await axeViolations(page, mode), [], 'SMS confirmation');
      await page.getByRole('button', { name: 'Ja, slå av SMS' }).click();
      await page.getByText('SMS er slått av.').waitFor();
      assert.equal((await stored()).sms_enabled, false);
      await page.getByRole('button', { name: 'Slå på SMS' }).click();
      await page.getByText('SMS er slått på.').waitFor();
      assert.equal((await stored()).sms_enabled, true);
      await context.close();
    });
  });
}
