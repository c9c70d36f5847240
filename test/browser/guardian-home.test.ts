import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { axeViolations, JS_MODES, launchBrowser, logInAs, newContext, PHONE } from '../support/browser.ts';
import { deleteApplications } from '../support/applications.ts';
import { createDemoTestDb } from '../support/db.ts';
import { startTestServer } from '../support/server.ts';

// Issue 19 acceptance: "Meld fravær i dag" from the home page in at most three taps, and a leave application typed
// with digits only (a phone's numeric keypad has no "."), with JavaScript on and off at 375 px, axe-clean.
const db = await createDemoTestDb('2026-11-25');
const server = await startTestServer(db, {}, { clock: () => new Date('2026-11-25T08:00:00+01:00') }); // a Wednesday
after(() => server.close());
const browser = await launchBrowser();
after(() => browser.close());
const sofie = (
  await db
    .selectFrom('person')
    .select('id')
    .where('given_name', '=', 'Sofie')
    .where('family_name', '=', 'Nordmann')
    .executeTakeFirstOrThrow()
).id;

async function clearAbsence() {
  await db
    .deleteFrom('absence_report_lesson')
    .where('absence_report_id', 'in', db.selectFrom('absence_report').select('id').where('pupil_id', '=', sofie))
    .execute();
  await db.deleteFrom('absence_report').where('pupil_id', '=', sofie).execute();
}

for (const mode of JS_MODES) {
  describe(`guardian home with ${mode.name}`, () => {
    test('"Meld fravær i dag" from the home page in three taps', async () => {
      await clearAbsence();
      const context = await newContext(browser, { javaScript: mode.javaScript, viewport: PHONE });
      const page = await context.newPage();
      await logInAs(page, server.url, /Logg inn som foresatt/, 'Kari Nordmann');
      await page.waitForURL(`${server.url}/home`);
      await page.getByRole('region', { name: 'Samtykke til elektronisk kommunikasjon' }).waitFor();
      assert.deepEqual(await axeViolations(page, mode), [], 'the home page');

      await page.getByRole('link', { name: 'Meld fravær i dag for Sofie' }).click(); // 1
      await page.getByRole('heading', { name: 'Meld fravær for hele dager' }).waitFor();
      assert.equal(await page.getByLabel('Fra og med dato').inputValue(), '25.11.2026', 'today, filled in');
      assert.deepEqual(await axeViolations(page, mode), [], 'the report form for today');
      await page.getByLabel('Syk', { exact: true }).check(); // 2
      await page.getByRole('button', { name: 'Send fraværsmelding' }).click(); // 3
      await page.getByRole('status').filter({ hasText: 'Fraværet er meldt: 25.11.2026 (1 skoledag)' }).waitFor();
      assert.deepEqual(await axeViolations(page, mode), [], 'the receipt');
      await context.close();
    });

    test('a leave application with digits-only dates', async () => {
      await deleteApplications(db);
      const context = await newContext(browser, { javaScript: mode.javaScript, viewport: PHONE });
      const page = await context.newPage();
      await logInAs(page, server.url, /Logg inn som foresatt/, 'Kari Nordmann');
      await page.goto(`${server.url}/children/${sofie}/leave/new`);
      await page.getByRole('heading', { name: 'Søk om permisjon for Sofie' }).waitFor();
      await page.getByLabel('Reise eller ferie').check();
      await page.getByLabel('Fra og med dato').fill('07122026');
      await page.getByLabel('Til og med dato').fill('091226');
      await page.getByLabel('Begrunnelse').fill('Besøk hos besteforeldre i Tromsø.');
      if (mode.javaScript) {
        await page.locator('#leave-days').filter({ hasText: 'Perioden har 3 skoledager' }).waitFor();
        // Two changes in quick succession: the count answers the last one (the first request is replaced).
        await page.getByLabel('Til og med dato').fill('101226');
        await page.getByLabel('Til og med dato').press('Tab');
        await page.getByLabel('Til og med dato').fill('091226');
        await page.getByLabel('Til og med dato').press('Tab');
        await page.locator('#leave-days').filter({ hasText: 'Perioden har 3 skoledager' }).waitFor();
        await page.waitForTimeout(300);
        assert.match((await page.textContent('#leave-days')) ?? '', /Perioden har 3 skoledager/);
      }
      await page.getByLabel('Jeg har lest reglene for permisjon').check();
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'Den sendes når Anders Nordmann har bekreftet den' }).waitFor();
      const row = await db
        .selectFrom('leave_application as l')
        .innerJoin('application as a', 'a.id', 'l.application_id')
        .select(['l.from_date', 'l.to_date'])
        .where('a.pupil_id', '=', sofie)
        .executeTakeFirstOrThrow();
      assert.deepEqual([String(row.from_date), String(row.to_date)], ['2026-12-07', '2026-12-09']);
      assert.deepEqual(await axeViolations(page, mode), [], 'the receipt');
      await context.close();
    });
  });
}
