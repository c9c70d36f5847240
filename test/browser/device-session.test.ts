import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { giveDemoGeneralConsent } from '../../src/db/seed/consents.ts';
import { axeViolations, JS_MODES, launchBrowser, newContext, PHONE } from '../support/browser.ts';
import { createDemoTestDb } from '../support/db.ts';
import { childOf, loginPersonId } from '../support/fixtures.ts';
import { startTestServer } from '../support/server.ts';

// Issue 19 item 7, "Husk meg på denne enheten": a guardian ticks it on a phone, comes back the next day (the app's
// clock moves; the ordinary session has ended) and reports absence without logging in; the consents ask for a fresh
// ID-porten login first; the contact card's "Avslutt" forgets the phone. JavaScript on and off, 375 px, axe-clean.
const db = await createDemoTestDb('2026-11-25');
await giveDemoGeneralConsent(db);
let now = new Date('2026-11-25T08:00:00+01:00'); // a Wednesday
const server = await startTestServer(db, {}, { clock: () => now });
after(() => server.close());
const browser = await launchBrowser();
const kari = await loginPersonId(db, 'guardian');
const sofie = await childOf(db, kari, 'Sofie');

for (const mode of JS_MODES) {
  describe(`"Husk meg" with ${mode.name}`, () => {
    test('the next day: absence without a login, consents after a fresh ID-porten login, "Avslutt" forgets the phone', async () => {
      now = new Date('2026-11-25T08:00:00+01:00');
      await db.deleteFrom('device_session').where('person_id', '=', kari).execute();
      const reports = db.selectFrom('absence_report').select('id').where('pupil_id', '=', sofie);
      await db.deleteFrom('absence_report_lesson').where('absence_report_id', 'in', reports).execute();
      await db.deleteFrom('absence_report').where('pupil_id', '=', sofie).execute();
      const context = await newContext(browser, { javaScript: mode.javaScript, viewport: PHONE });
      const page = await context.newPage();

      await page.goto(`${server.url}/`);
      await page.getByRole('link', { name: 'Logg inn' }).click();
      await page.getByLabel('Husk meg på denne enheten').check();
      assert.deepEqual(await axeViolations(page, mode), [], 'the login chooser');
      await page.getByRole('button', { name: /Logg inn som foresatt/ }).click();
      await page.getByRole('button', { name: /^Kari Nordmann —/ }).click();
      await page.waitForURL(`${server.url}/home`);

      // The next morning: the ordinary session (2 hours idle) has ended, the phone still knows Kari.
      now = new Date('2026-11-26T07:45:00+01:00');
      await page.goto(`${server.url}/home`);
      assert.equal(new URL(page.url()).pathname, '/home', 'no login page');
      await page.getByRole('link', { name: 'Meld fravær i dag for Sofie' }).click();
      assert.equal(await page.getByLabel('Fra og med dato').inputValue(), '26.11.2026');
      await page.getByLabel('Syk', { exact: true }).check();
      await page.getByRole('button', { name: 'Send fraværsmelding' }).click();
      await page.getByRole('status').filter({ hasText: 'Fraværet er meldt: 26.11.2026 (1 skoledag)' }).waitFor();

      // Consents are sensitive: ID-porten first (it must ask again: prompt=login), then back to the consents.
      await page.goto(`${server.url}/home`);
      await page.goto(`${server.url}/children/${sofie}/consents`);
      assert.equal(new URL(page.url()).origin === server.url, false, 'sent to ID-porten');
      await page.getByRole('button', { name: /^Kari Nordmann —/ }).click();
      await page.waitForURL(`${server.url}/children/${sofie}/consents`);
      await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Sofie' }).waitFor();
      assert.deepEqual(await axeViolations(page, mode), [], 'the consents after the fresh login');

      // The contact card lists the phone; "Avslutt" forgets it, and the next day Kari must log in again.
      await page.goto(`${server.url}/me/contact`);
      const devices = page.getByRole('region', { name: 'Enheter som husker deg' });
      await devices.getByText('Chrome · Linux (denne enheten)').waitFor();
      assert.deepEqual(await axeViolations(page, mode), [], 'the contact card with its devices');
      await devices.getByRole('button', { name: /^Avslutt Chrome · Linux/ }).click();
      await devices.getByRole('status').filter({ hasText: 'Enheten husker deg ikke lenger' }).waitFor();
      assert.equal(await devices.getByText('Chrome · Linux').count(), 0);
      const rows = await db.selectFrom('device_session').select('id').where('person_id', '=', kari).execute();
      assert.equal(rows.length, 0, 'forgotten in the database');
      now = new Date('2026-11-27T07:45:00+01:00');
      await page.goto(`${server.url}/home`);
      assert.equal(new URL(page.url()).pathname, '/login', 'the phone must log in again');
      await context.close();
    });
  });
}
