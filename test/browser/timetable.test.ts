import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { axeViolations, DESKTOP, JS_MODES, launchBrowser, logInAs, newContext, PHONE } from '../support/browser.ts';
import { createDemoTestDb } from '../support/db.ts';
import { startTestServer } from '../support/server.ts';

const db = await createDemoTestDb('2026-11-25');
const server = await startTestServer(db);
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

for (const mode of JS_MODES) {
  describe(`timetable with ${mode.name}`, () => {
    for (const viewport of [PHONE, DESKTOP]) {
      test(`a guardian opens the child's timetable and goes to next week (${viewport.width}px)`, async () => {
        const context = await newContext(browser, { javaScript: mode.javaScript, viewport });
        const page = await context.newPage();
        await logInAs(page, server.url, /Logg inn som foresatt/, 'Kari Nordmann');
        await page.waitForURL(server.url + '/home');
        await page.goto(`${server.url}/children/${sofie}/timetable?week=2026-W51`);
        assert.match((await page.textContent('h1')) ?? '', /Sofie Nordmann/);
        assert.match((await page.textContent('#timetable h2')) ?? '', /Timeplan for Sofie/);
        assert.match((await page.textContent('#timetable')) ?? '', /Mandag 14\.12\.2026/);
        assert.deepEqual(await axeViolations(page, mode), [], 'school week');
        await page.getByRole('link', { name: 'Neste uke' }).click();
        await page.waitForURL(/week=2026-W52/);
        await page.getByRole('heading', { name: 'Uke 52' }).waitFor();
        assert.match((await page.textContent('#timetable')) ?? '', /Juleferie/);
        assert.equal(await page.locator('h1').count(), 1, 'the week was swapped, not nested');
        assert.equal(await page.locator('#timetable').count(), 1, 'one timetable');
        assert.equal(
          (await page.locator('nav [aria-current="page"]').textContent())?.trim(),
          'Timeplan',
          'the tabs stay',
        );
        assert.deepEqual(await axeViolations(page, mode), [], 'holiday week');
        await context.close();
      });
    }
  });
}
