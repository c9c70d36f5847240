import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { loadActor } from '../../src/domain/access/actor.ts';
import { saveSummerPeriod, sendSummerRegistration } from '../../src/domain/sfo/summer.ts';
import { requireSfo } from '../../src/domain/sfo/units.ts';
import { axeViolations, DESKTOP, JS_MODES, launchBrowser, logInAs, newContext, PHONE } from '../support/browser.ts';
import { createDemoTestDb } from '../support/db.ts';
import { childOf, loginPersonId } from '../support/fixtures.ts';
import { startTestServer } from '../support/server.ts';

const TODAY = '2026-11-25';
const NOW = new Date('2026-11-25T08:00:00+01:00');
const db = await createDemoTestDb(TODAY);
const server = await startTestServer(db, {}, { clock: () => NOW });
after(() => server.close());
const browser = await launchBrowser();
const kari = await loginPersonId(db, 'guardian');
const sofie = await childOf(db, kari, 'Sofie');
const sfoId = (await db.selectFrom('sfo').select('id').where('name', '=', 'Bjørkelia SFO').executeTakeFirstOrThrow())
  .id;
// Sofie gets a place in Bjørkelia SFO; Berit sets up summer 2027 (July weeks 28–30 closed) and sends the registration.
await db.insertInto('sfo_enrolment').values({ sfo_id: sfoId, pupil_id: sofie, starts_on: '2026-08-17' }).execute();
const berit = (await loadActor(db, await loginPersonId(db, 'sfo-leader'), 'feide', TODAY))!;
const sfo = await requireSfo(db, berit, sfoId, 'run');
const weeks = ['2027-06-21', '2027-06-28', '2027-07-05', '2027-08-02', '2027-08-09'];
assert.ok(
  (
    await saveSummerPeriod(
      db,
      berit,
      sfo,
      2027,
      { firstDay: '21.06.2027', lastDay: '13.08.2027', deadline: '01.05.2027', price: '350', openWeeks: weeks },
      NOW,
    )
  ).ok,
);
await sendSummerRegistration(db, berit, sfo, 2027, NOW);

async function axeBothSizes(page: Page, mode: { javaScript: boolean }, what: string) {
  for (const size of [PHONE, DESKTOP]) {
    await page.setViewportSize(size);
    assert.deepEqual(await axeViolations(page, mode), [], `${what} at ${size.width}px`);
  }
  await page.setViewportSize(PHONE);
}

for (const mode of JS_MODES) {
  describe(`summer SFO with ${mode.name}`, () => {
    test('Kari answers the summer SFO for Sofie on a phone; the SFO leader sees the children per day', async () => {
      const context = await newContext(browser, { javaScript: mode.javaScript, viewport: PHONE });
      const page = await context.newPage();
      await logInAs(page, server.url, /Logg inn som foresatt/, 'Kari Nordmann');
      await page.goto(`${server.url}/children/${sofie}/sfo/summer`);
      await page.getByRole('heading', { name: 'Sommer-SFO for Sofie' }).waitFor();
      assert.match((await page.textContent('#sfo-summer')) ?? '', /Uke 28: stengt/);
      await axeBothSizes(page, mode, 'the summer form');
      const day = mode.javaScript ? 'onsdag 23.06' : 'tirsdag 22.06';
      await page.getByLabel('mandag 21.06').check();
      await page.getByLabel(day).check();
      await page.getByRole('button', { name: 'Lagre svaret' }).click();
      await page.getByRole('status').filter({ hasText: 'Svaret er lagret' }).waitFor();
      assert.equal(new URL(page.url()).pathname, `/children/${sofie}/sfo/summer`);
      assert.equal(await page.getByLabel('mandag 21.06').isChecked(), true);
      assert.equal(await page.getByLabel(day).isChecked(), true);
      assert.equal(await page.getByLabel('torsdag 24.06').isChecked(), false);
      await axeBothSizes(page, mode, 'the saved answer');
      await context.close();

      const leaderContext = await newContext(browser, { javaScript: mode.javaScript, viewport: PHONE });
      const leader = await leaderContext.newPage();
      await logInAs(leader, server.url, /Ansatt eller elev/, 'Berit Sandnes');
      await leader.goto(`${server.url}/sfo/${sfoId}/summer?year=2027`);
      await leader.getByRole('heading', { name: 'Barn per dag' }).waitFor();
      const cells = async (date: string) => leader.locator(`tr[data-date="${date}"] td`).allTextContents();
      assert.deepEqual(await cells('2027-06-21'), ['1', '1']);
      assert.deepEqual(await cells(mode.javaScript ? '2027-06-23' : '2027-06-22'), ['1', '1']);
      assert.deepEqual(await cells('2027-06-24'), ['0', '0']);
      assert.match((await leader.textContent('#summer-counts')) ?? '', /én voksen per 15 barn/);
      await axeBothSizes(leader, mode, "the leader's summer page");
      await leaderContext.close();
    });
  });
}
