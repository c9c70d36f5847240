import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations, JS_MODES, launchBrowser, logInAs, newContext, PHONE } from '../support/browser.ts';
import { createDemoTestDb } from '../support/db.ts';
import { startTestServer } from '../support/server.ts';

const db = await createDemoTestDb('2026-11-25');
const server = await startTestServer(db, {}, { clock: () => new Date('2026-11-25T09:00:00+01:00') });
after(() => server.close());
const browser = await launchBrowser();

// A guardian of a 5A pupil (Marius Fossum is 5A's contact teacher), logging in with their fødselsnummer.
const family = await db
  .selectFrom('guardian_relation as r')
  .innerJoin('enrolment as e', 'e.pupil_id', 'r.pupil_id')
  .innerJoin('class as c', 'c.id', 'e.class_id')
  .innerJoin('school as s', 's.id', 'c.school_id')
  .innerJoin('person as g', 'g.id', 'r.guardian_id')
  .innerJoin('person as p', 'p.id', 'r.pupil_id')
  .select(['g.fodselsnummer', 'p.id as pupil_id', 'p.given_name'])
  .where('s.name', '=', 'Bjørkelia skole')
  .where('c.name', '=', '5A')
  .where('r.blocked', '=', false)
  .where('r.parental_responsibility', '=', true)
  .where('r.contact_person_only', '=', false)
  .orderBy('p.id')
  .orderBy('g.id')
  .executeTakeFirstOrThrow();

async function logInWithPid(page: Page, pid: string) {
  await page.goto(server.url + '/login');
  await page.getByRole('button', { name: /Logg inn som foresatt/ }).click();
  await page.getByLabel('Fødselsnummer (11 siffer)').fill(pid);
  await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
  await page.waitForURL(new RegExp(`^${server.url}/`));
  if (new URL(page.url()).pathname === '/consent/general') await page.getByRole('button', { name: 'Ikke nå' }).click();
}

for (const mode of JS_MODES) {
  describe(`forms with ${mode.name}`, () => {
    test('a contact teacher builds and sends a form, a guardian answers, the teacher sees the result', async () => {
      const title = `Foreldremøte (${mode.name})`;
      const staff = await (await newContext(browser, { javaScript: mode.javaScript, viewport: PHONE })).newPage();
      await logInAs(staff, server.url, /Ansatt eller elev/, 'Marius Fossum');
      await staff.goto(server.url + '/forms/new');
      assert.deepEqual(await axeViolations(staff, mode), [], 'new form');
      await staff.getByLabel('Tittel').fill(title);
      await staff.getByLabel('Svarfrist').fill('01.12.2026');
      await staff.getByLabel('Send til foresatte i').selectOption({ label: '5A' });
      await staff.getByRole('button', { name: 'Lag skjema' }).click();
      await staff.getByRole('heading', { name: title, level: 1 }).waitFor();

      await staff.getByLabel('Spørsmålstekst').fill('Kommer dere på møtet?');
      await staff.getByLabel('Ja/nei').check();
      await staff.getByRole('button', { name: 'Legg til spørsmål' }).click();
      await staff.getByText('Kommer dere på møtet?').waitFor();
      await staff.getByLabel('Spørsmålstekst').fill('Hvilke tema vil dere ta opp?');
      await staff.getByLabel('Flere valg').check();
      await staff.getByLabel('Svaralternativer (ett per linje)').fill('Lekser\nSkolevei\nMobbing');
      await staff.getByLabel('Må besvares').uncheck();
      await staff.getByRole('button', { name: 'Legg til spørsmål' }).click();
      await staff.getByText('Hvilke tema vil dere ta opp?').waitFor();
      assert.deepEqual(await axeViolations(staff, mode), [], 'draft with questions');
      await staff.getByRole('button', { name: 'Send skjemaet' }).click();
      await staff
        .getByRole('status')
        .getByText(/Skjemaet er sendt for \d+ elever til \d+ foresatte/)
        .waitFor();

      const home = await (await newContext(browser, { javaScript: mode.javaScript, viewport: PHONE })).newPage();
      await logInWithPid(home, family.fodselsnummer!);
      await home.goto(`${server.url}/children/${family.pupil_id}/forms`);
      assert.deepEqual(await axeViolations(home, mode), [], "the child's forms");
      await home.getByRole('link', { name: title }).click();
      await home.getByRole('button', { name: 'Send svar' }).click(); // the required question unanswered
      await home
        .getByRole('alert')
        .getByText(/Kommer dere på møtet\?: Svar på dette spørsmålet/)
        .waitFor();
      assert.deepEqual(await axeViolations(home, mode), [], 'answer with an error');
      await home
        .getByRole('group', { name: /Kommer dere på møtet/ })
        .getByLabel('Ja')
        .check();
      await home.getByLabel('Skolevei').check();
      await home.getByRole('button', { name: 'Send svar' }).click();
      await home.getByRole('status').getByText('Svaret er lagret').waitFor();
      assert.equal(await home.getByLabel('Skolevei').isChecked(), true, 'the saved answer is shown');

      await staff.goto(server.url + '/forms');
      await staff.getByRole('link', { name: title }).click();
      await staff.getByRole('link', { name: 'Resultater' }).click();
      await staff.getByText(/^1 av \d+ har svart$/).waitFor();
      assert.match(
        (await staff.locator('#per-pupil').locator('..').textContent()) ?? '',
        new RegExp(`${family.given_name}[\\s\\S]*Ja[\\s\\S]*Skolevei`),
      );
      assert.deepEqual(await axeViolations(staff, mode), [], 'results');
      await staff.context().close();
      await home.context().close();
    });
  });
}
