import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { syntheticIdentityNumber } from '../../src/domain/person/fodselsnummer.ts';
import { axeViolations, JS_MODES, launchBrowser, logInAs, logInTyped, newContext } from '../support/browser.ts';
import { createDemoTestDb } from '../support/db.ts';
import { startTestServer } from '../support/server.ts';

// Issue 11's acceptance, end to end in the browser: the school office creates a class, admits a pupil, grants a new
// contact teacher and builds two lessons; the new contact teacher logs in and sees the class and the lessons; the
// pupil leaves and their guardian no longer sees them.
const db = await createDemoTestDb('2026-11-25');
let now = new Date('2026-11-25T09:00:00+01:00');
const server = await startTestServer(db, {}, { clock: () => now });
after(() => server.close());
const browser = await launchBrowser();

const rektor = async (javaScript: boolean): Promise<Page> => {
  const page = await (await newContext(browser, { javaScript })).newPage();
  await logInAs(page, server.url, /Ansatt eller elev/, 'Torunn Holmvik');
  return page;
};

/** A second login the same day at the IdP: its own session (like ID-porten's and Feide's) lets the person through. */
async function logInAgain(page: Page, chooser: RegExp) {
  await page.goto(`${server.url}/`);
  await page.getByRole('link', { name: 'Logg inn' }).click();
  await page
    .getByRole('link', { name: chooser })
    .or(page.getByRole('button', { name: chooser }))
    .click();
  await page.waitForURL(`${server.url}/home`);
}

for (const [index, mode] of JS_MODES.entries()) {
  describe(`issue 11 acceptance with ${mode.name}`, () => {
    test('class, admission, contact teacher, lessons; the teacher sees the class; the pupil leaves the guardian', async () => {
      now = new Date('2026-11-25T09:00:00+01:00');
      const className = `8${'XY'[index]}`;
      const child = `Mille${index}`;
      const feideName = `nora.ny${index}@demo-kommune.example`;
      const guardianNumber = syntheticIdentityNumber('1961-02-28', index);
      const [pupil, guardian] = await db
        .insertInto('person')
        .values([
          { given_name: child, family_name: 'Tilflytter', fodselsnummer: syntheticIdentityNumber('2012-06-14', index) },
          { given_name: `Mor${index}`, family_name: 'Tilflytter', fodselsnummer: guardianNumber },
        ])
        .returning('id')
        .execute();
      await db
        .insertInto('guardian_relation')
        .values({ pupil_id: pupil!.id, guardian_id: guardian!.id, relation: 'mor' })
        .execute();

      // The school office: a class, the pupil admitted from today.
      const office = await rektor(mode.javaScript);
      await office
        .getByRole('navigation', { name: 'Ansattmeny' })
        .getByRole('link', { name: 'Skolekontoret', exact: true })
        .click();
      await office.getByRole('link', { name: 'Bjørkelia skole' }).click();
      await office.getByLabel('Navn').fill(className);
      await office.getByLabel('Trinn', { exact: true }).fill('8');
      await office.getByRole('button', { name: 'Opprett klasse' }).click();
      await office.getByRole('status').getByText('Klassen er opprettet.').waitFor();
      await office.getByRole('link', { name: className, exact: true }).click();
      const classUrl = office.url();
      await office.getByLabel('Søk etter person').fill('Tilflytter');
      await office.getByRole('button', { name: 'Søk', exact: true }).click();
      await office.getByLabel(`${child} Tilflytter`).check();
      await office.getByLabel('Fra dato').fill('25.11.2026');
      await office.getByRole('button', { name: 'Meld inn' }).click();
      await office.getByRole('status').getByText('Eleven er meldt inn.').waitFor();

      // A new contact teacher for the class, by Feide identity.
      await office.goto(`${server.url}/office`);
      await office.getByRole('link', { name: 'Ansatte og roller' }).first().click();
      await office.getByLabel('Feide-identitet').fill(feideName);
      await office.getByLabel('Fornavn').fill('Nora');
      await office.getByLabel('Etternavn').fill(`Ny${index}`);
      await office.getByLabel('Rolle', { exact: true }).selectOption('contact_teacher');
      await office.getByLabel('Klasse, gruppe eller SFO').selectOption({ label: `Klasse ${className}` });
      await office.getByLabel('Fra dato').fill('25.11.2026');
      await office.getByRole('button', { name: 'Gi rollen' }).click();
      await office.getByRole('status').getByText('Rollen er gitt.').waitFor();
      assert.deepEqual(await axeViolations(office, mode), [], 'the staff page after a grant');

      // Two lessons for the class, the new contact teacher teaching them.
      await office.goto(classUrl);
      await office.getByRole('link', { name: 'Timeplan', exact: true }).click();
      for (const [weekday, start, end, subject] of [
        ['1', '08:30', '09:15', 'Norsk'],
        ['2', '09:30', '10:15', 'Matematikk'],
      ] as const) {
        const add = office.locator('#add');
        await add.getByLabel('Ukedag').selectOption(weekday);
        await add.getByLabel('Start').fill(start);
        await add.getByLabel('Slutt').fill(end);
        await add.getByLabel('Fag').fill(subject);
        await add.getByLabel('Lærer').selectOption({ label: `Nora Ny${index}` });
        await add.getByLabel('Rom').fill('101');
        await add.getByRole('button', { name: 'Legg til timen' }).click();
        await office.getByRole('status').getByText('Timen er lagt til.').waitFor();
      }
      await office.locator('#week').getByText('Matematikk').first().waitFor();
      assert.deepEqual(await axeViolations(office, mode), [], 'the class timetable with two lessons');

      // The new contact teacher logs in with the typed Feide name and sees the class with the pupil.
      const teacher = await (await newContext(browser, { javaScript: mode.javaScript })).newPage();
      await logInTyped(teacher, server.url, /Ansatt eller elev/, 'Feide-navn (brukernavn@organisasjon)', feideName);
      await teacher.getByRole('link', { name: className, exact: true }).first().click();
      await teacher.getByRole('link', { name: `Tilflytter, ${child}` }).waitFor();

      await teacher.goto(`${server.url}/timetable?week=2026-W48`);
      await teacher.getByText('Norsk').first().waitFor();
      await teacher.getByText('Matematikk').first().waitFor();

      // The guardian sees the child today.
      const mother = await (await newContext(browser, { javaScript: mode.javaScript })).newPage();
      await logInTyped(mother, server.url, /foresatt/, 'Fødselsnummer (11 siffer)', guardianNumber);
      await mother
        .getByRole('link', { name: new RegExp(child) })
        .first()
        .waitFor();

      // The pupil leaves: today is the last school day.
      await office.goto(classUrl);
      await office.locator('#pupils summary').getByText(`${child} Tilflytter`, { exact: true }).click();
      await office.getByLabel('Siste skoledag').fill('25.11.2026');
      await office.getByLabel('Årsak').selectOption('moved');
      await office.getByRole('button', { name: 'Avslutt' }).click();
      await office.getByRole('status').getByText('Innmeldingen er avsluttet.').waitFor();

      // The next day (yesterday's sessions have ended: 2 hours idle at most, by the app's clock) both log in again:
      // the guardian no longer sees the child, and the teacher's class no longer lists them.
      now = new Date('2026-11-26T09:00:00+01:00');
      await logInAgain(mother, /foresatt/);
      await mother.getByRole('heading', { level: 1 }).first().waitFor();
      assert.equal(await mother.getByText(child).count(), 0, 'the child is gone from the guardian');
      await logInAgain(teacher, /Ansatt eller elev/);
      await teacher.getByRole('link', { name: className, exact: true }).first().click();
      await teacher.getByRole('heading', { level: 1 }).first().waitFor();
      assert.equal(await teacher.getByText(`Tilflytter, ${child}`).count(), 0, 'the class list no longer has them');
    });
  });
}
