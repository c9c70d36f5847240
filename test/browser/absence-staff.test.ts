import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { axeViolations, DESKTOP, JS_MODES, launchBrowser, logInAs, newContext, PHONE } from '../support/browser.ts';
import { createDemoTestDb } from '../support/db.ts';
import { startTestServer } from '../support/server.ts';

const db = await createDemoTestDb('2026-11-25');
const server = await startTestServer(db, {}, { clock: () => new Date('2026-11-25T14:00:00+01:00') });
after(() => server.close());
const browser = await launchBrowser();

const class9a = (
  await db
    .selectFrom('class as c')
    .innerJoin('school as s', 's.id', 'c.school_id')
    .select('c.id')
    .where('s.name', '=', 'Bjørkelia skole')
    .where('c.name', '=', '9A')
    .executeTakeFirstOrThrow()
).id;
const pupil = await db
  .selectFrom('enrolment as e')
  .innerJoin('person as p', 'p.id', 'e.pupil_id')
  .select(['p.id', 'p.given_name', 'p.family_name', 'e.school_id'])
  .where('e.class_id', '=', class9a)
  .where('e.ends_on', 'is', null)
  .orderBy('p.family_name')
  .orderBy('p.given_name')
  .orderBy('p.id')
  .executeTakeFirstOrThrow();
const guardian = await db
  .selectFrom('guardian_relation')
  .select('guardian_id')
  .where('pupil_id', '=', pupil.id)
  .orderBy('guardian_id')
  .executeTakeFirstOrThrow();
for (const [from, to] of [
  ['2026-11-16', '2026-11-17'],
  ['2026-11-19', '2026-11-19'],
] as const) {
  await db
    .insertInto('absence_report')
    .values({
      pupil_id: pupil.id,
      school_id: pupil.school_id,
      reported_by: guardian.guardian_id,
      kind: 'days',
      from_date: from,
      to_date: to,
      reason: 'sjuk',
    })
    .execute();
}

for (const mode of JS_MODES) {
  describe(`leadership's absence views with ${mode.name}`, () => {
    test('the rektor opens the vitnemål view from the class page, marks documentation received, and sees it deducted', async () => {
      await db.updateTable('absence_report').set({ documented: false }).where('pupil_id', '=', pupil.id).execute();
      const context = await newContext(browser, { javaScript: mode.javaScript, viewport: DESKTOP });
      const page = await context.newPage();
      await logInAs(page, server.url, /Ansatt eller elev/, 'Torunn Holmvik');
      await page.goto(`${server.url}/classes/${class9a}`);
      await page.getByRole('link', { name: 'Fravær til vitnemålet' }).click();
      await page.getByRole('heading', { name: 'Fravær til vitnemålet – 9A', level: 1 }).waitFor();
      const row = () => page.getByRole('row', { name: new RegExp(`^${pupil.family_name}, ${pupil.given_name}`) });
      // days, hours, leave, deducted days, deducted hours, on the vitnemål (days, hours), late
      assert.deepEqual(await row().getByRole('cell').allTextContents(), ['3', '0', '0', '0', '0', '3', '0', '0']);
      assert.deepEqual(await axeViolations(page, mode), [], 'vitnemål view');

      await row().getByRole('link').click();
      await page.waitForURL(new RegExp(`/pupils/${pupil.id}/absence$`));
      assert.deepEqual(await axeViolations(page, mode), [], "the pupil's absence, staff view");
      await page
        .getByRole('button', { name: /Marker dokumentasjon mottatt/ })
        .first()
        .click();
      await page.getByRole('status').filter({ hasText: 'Markeringen er lagret.' }).waitFor();
      await page.goto(`${server.url}/classes/${class9a}/vitnemal-absence`);
      assert.deepEqual(
        await row().getByRole('cell').allTextContents(),
        ['3', '0', '0', '1', '0', '2', '0', '0'],
        'the newest report (one sick day), now documented, is deducted',
      );
      await context.close();
    });

    test('the school owner changes the follow-up time; a wrong time comes back with the value and a message', async () => {
      const context = await newContext(browser, { javaScript: mode.javaScript, viewport: PHONE });
      const page = await context.newPage();
      await logInAs(page, server.url, /Ansatt eller elev/, 'Randi Kolstad');
      await page
        .getByRole('navigation', { name: 'Ansattmeny' })
        .getByRole('link', { name: 'Innstillinger', exact: true })
        .click();
      await page.getByRole('heading', { name: 'Innstillinger for skoleeier' }).waitFor();
      const section = page.getByRole('region', { name: 'Demo kommune' });
      await section.getByLabel('Fraværsoppfølging: klokkeslett hver skoledag').fill('kl ti');
      await section.getByRole('button', { name: 'Lagre' }).click();
      await page.getByRole('alert').filter({ hasText: 'Skriv et klokkeslett som tt:mm' }).waitFor();
      assert.equal(
        await page
          .getByRole('region', { name: 'Demo kommune' })
          .getByLabel('Fraværsoppfølging: klokkeslett hver skoledag')
          .inputValue(),
        'kl ti',
      );
      assert.deepEqual(await axeViolations(page, mode), [], 'settings with an error');
      await page
        .getByRole('region', { name: 'Demo kommune' })
        .getByLabel('Fraværsoppfølging: klokkeslett hver skoledag')
        .fill('09:45');
      await page.getByRole('region', { name: 'Demo kommune' }).getByRole('button', { name: 'Lagre' }).click();
      await page.getByRole('status').filter({ hasText: 'Innstillingene er lagret.' }).waitFor();
      assert.deepEqual(await axeViolations(page, mode), [], 'settings saved');
      await context.close();
    });

    test('a pupil sees their own absence', async () => {
      const context = await newContext(browser, { javaScript: mode.javaScript, viewport: PHONE });
      const page = await context.newPage();
      await logInAs(page, server.url, /Ansatt eller elev/, 'Emma Solvang');
      await page.getByRole('link', { name: 'Fravær' }).click();
      await page.waitForURL(`${server.url}/absence`);
      assert.equal(await page.locator('h1').count(), 1);
      assert.deepEqual(await axeViolations(page, mode), [], 'own absence');
      await context.close();
    });
  });
}
