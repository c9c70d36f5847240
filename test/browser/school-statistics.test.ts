import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { axeViolations, JS_MODES, launchBrowser, logInAs, newContext, PHONE } from '../support/browser.ts';
import { createDemoTestDb } from '../support/db.ts';
import { loginPersonId } from '../support/fixtures.ts';
import { startTestServer } from '../support/server.ts';

// Issue 14 acceptance (S12): a statistics page as leadership and as the school owner, with a chart and its table, on a
// phone, with JavaScript on and off.
const TODAY = '2026-11-25';
const db = await createDemoTestDb(TODAY);
const server = await startTestServer(db, {}, { clock: () => new Date(`${TODAY}T09:00:00+01:00`) });
after(() => server.close());
const browser = await launchBrowser();

const school = await db
  .selectFrom('school')
  .select('id')
  .where('name', '=', 'Bjørkelia skole')
  .executeTakeFirstOrThrow();
const pupil = await db
  .selectFrom('enrolment')
  .select('pupil_id')
  .where('school_id', '=', school.id)
  .where('ends_on', 'is', null)
  .executeTakeFirstOrThrow();
await db
  .insertInto('attendance')
  .values({
    pupil_id: pupil.pupil_id,
    school_id: school.id,
    date: '2026-11-02',
    lesson_id: null,
    status: 'absent',
    registered_by: await loginPersonId(db, 'leadership'),
  })
  .execute();

for (const mode of JS_MODES) {
  describe(`statistics with ${mode.name}`, () => {
    test('the rektor opens Statistikk from the staff menu, narrows the period, sees a chart and its table', async () => {
      const context = await newContext(browser, { javaScript: mode.javaScript, viewport: PHONE });
      const page = await context.newPage();
      await logInAs(page, server.url, /Ansatt eller elev/, 'Torunn Holmvik');
      await page.waitForURL(`${server.url}/home`);
      await page.getByRole('navigation', { name: 'Ansattmeny' }).getByRole('link', { name: 'Statistikk' }).click();
      await page.waitForURL(/\/statistics$/);
      await page.getByRole('img', { name: 'Søylediagram: fraværsdager og fraværstimer per måned' }).waitFor();
      assert.deepEqual(await axeViolations(page, mode), [], 'the statistics page');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 375, `no sideways scrolling at 375 px (${width})`);
      await page.getByLabel('Fra måned').selectOption({ label: 'november 2026' });
      await page.getByRole('button', { name: 'Vis' }).click();
      await page.getByText(/Periode 01\.11\.2026–25\.11\.2026/).waitFor();
      assert.match(page.url(), /from=2026-11&to=2026-11/);
      const november = page.locator('#table-months tbody tr');
      assert.equal(await november.count(), 1);
      assert.deepEqual(await november.first().locator('th, td').allTextContents(), ['november 2026', '1', '0']);
      await context.close();
    });

    test('the school owner compares the schools', async () => {
      const context = await newContext(browser, { javaScript: mode.javaScript, viewport: PHONE });
      const page = await context.newPage();
      await logInAs(page, server.url, /Ansatt eller elev/, 'Randi Kolstad');
      await page.waitForURL(`${server.url}/home`);
      await page.goto(`${server.url}/statistics`);
      await page.getByRole('img', { name: 'Søylediagram: fraværsdager per elev per skole' }).waitFor();
      await page.getByRole('table', { name: 'Skolene sammenlignet' }).waitFor();
      assert.deepEqual(await axeViolations(page, mode), [], 'the comparison');
      await context.close();
    });
  });
}

after(() => browser.close());
