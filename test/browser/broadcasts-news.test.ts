import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, describe, test } from 'node:test';
import { PDFDocument } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { axeViolations, JS_MODES, launchBrowser, logInAs, newContext, PHONE } from '../support/browser.ts';
import { createDemoTestDb } from '../support/db.ts';
import { startTestServer } from '../support/server.ts';

const db = await createDemoTestDb('2026-11-25');
const server = await startTestServer(db, {}, { clock: () => new Date('2026-11-25T09:00:00+01:00') });
after(() => server.close());
const browser = await launchBrowser();

// A guardian of a 5A pupil at Bjørkelia (Marius Fossum's class), logging in with their (synthetic) fødselsnummer.
const family = await db
  .selectFrom('guardian_relation as r')
  .innerJoin('enrolment as e', 'e.pupil_id', 'r.pupil_id')
  .innerJoin('class as c', 'c.id', 'e.class_id')
  .innerJoin('school as s', 's.id', 'c.school_id')
  .innerJoin('person as g', 'g.id', 'r.guardian_id')
  .innerJoin('person as p', 'p.id', 'r.pupil_id')
  .select([
    'g.fodselsnummer',
    'g.given_name as guardian_given',
    'g.family_name as guardian_family',
    'p.id as pupil_id',
    'p.given_name',
  ])
  .where('s.name', '=', 'Bjørkelia skole')
  .where('c.name', '=', '5A')
  .where('r.blocked', '=', false)
  .where('r.parental_responsibility', '=', true)
  .where('r.contact_person_only', '=', false)
  .where('e.ends_on', 'is', null)
  .orderBy('p.id')
  .orderBy('g.id')
  .executeTakeFirstOrThrow();
const guardianName = `${family.guardian_given} ${family.guardian_family}`;
const pdf = await (async () => {
  const doc = await PDFDocument.create();
  doc.addPage().drawText('Ukeplan 5A');
  return Buffer.from(await doc.save());
})();

async function logInWithPid(page: Page, pid: string) {
  await page.goto(server.url + '/login');
  await page.getByRole('button', { name: /Logg inn som foresatt/ }).click();
  await page.getByLabel('Fødselsnummer (11 siffer)').fill(pid);
  await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
  await page.waitForURL(new RegExp(`^${server.url}/`));
  if (new URL(page.url()).pathname === '/consent/general') await page.getByRole('button', { name: 'Ikke nå' }).click();
}

const recipientRow = (page: Page) => page.getByRole('row').filter({ hasText: guardianName });

for (const mode of JS_MODES) {
  describe(`broadcasts and news with ${mode.name}`, () => {
    test('Marius sends a notice to 5A; a guardian reads it; Marius sees it read', async () => {
      const subject = `Gymtøy på fredag (${mode.name})`;
      const staff = await (await newContext(browser, { javaScript: mode.javaScript })).newPage();
      await logInAs(staff, server.url, /Ansatt eller elev/, 'Marius Fossum');
      await staff.goto(server.url + '/broadcasts/new');
      assert.deepEqual(await axeViolations(staff, mode), [], 'new notice');
      await staff.getByLabel('Send til foresatte i').selectOption({ label: '5A' });
      await staff.getByRole('button', { name: 'Send kunngjøringen' }).click(); // no subject or text yet
      await staff.getByRole('alert').getByText('Skriv et emne').waitFor();
      assert.deepEqual(await axeViolations(staff, mode), [], 'new notice with errors');
      await staff.getByLabel('Emne').fill(subject);
      await staff.getByLabel('Tekst').fill('Husk gymtøy og innesko på fredag.');
      await staff.getByRole('button', { name: 'Send kunngjøringen' }).click();
      await staff
        .getByRole('status')
        .getByText(/Kunngjøringen er sendt til \d+ foresatte\./)
        .waitFor();
      assert.match((await recipientRow(staff).textContent()) ?? '', new RegExp(`${family.given_name}.*Ikke lest`));
      assert.deepEqual(await axeViolations(staff, mode), [], 'the notice with read status');
      const statusUrl = staff.url().split('?')[0]!;
      // On a phone the recipient table stacks: each cell a line of its own, full width, not one word per line.
      const phone = await (await newContext(browser, { javaScript: mode.javaScript, viewport: PHONE })).newPage();
      await logInAs(phone, server.url, /Ansatt eller elev/, 'Marius Fossum');
      await phone.goto(statusUrl);
      const cell = recipientRow(phone).getByRole('cell').nth(2);
      const box = (await cell.boundingBox())!;
      assert.ok(box.width > 300, `the status cell is ${box.width}px wide at 375px`);
      assert.match((await cell.evaluate((el) => getComputedStyle(el, '::before').content)) ?? '', /Status/);
      assert.deepEqual(await axeViolations(phone, mode), [], 'the notice at 375px');
      await phone.context().close();

      const home = await (await newContext(browser, { javaScript: mode.javaScript, viewport: PHONE })).newPage();
      await logInWithPid(home, family.fodselsnummer!);
      await home.goto(server.url + '/home');
      await home.getByRole('link', { name: `Kunngjøring fra Bjørkelia skole: «${subject}»` }).click();
      await home.getByRole('heading', { name: subject, level: 1 }).waitFor();
      await home.getByText(`Til foresatte til ${family.given_name}`).waitFor();
      assert.equal(await home.getByRole('table').count(), 0, 'no other recipients shown');
      assert.deepEqual(await axeViolations(home, mode), [], "the guardian's copy");
      await home.getByRole('link', { name: 'Alle kunngjøringer til deg' }).click();
      await home.getByRole('link', { name: subject }).waitFor();
      assert.deepEqual(await axeViolations(home, mode), [], 'received notices');

      await staff.goto(statusUrl);
      assert.match((await recipientRow(staff).textContent()) ?? '', /Lest 25\.11\.2026/);
      await staff.getByText(/^[1-9]\d* av \d+ har lest$/).waitFor();
      await staff.getByRole('link', { name: 'Alle kunngjøringer du har sendt' }).click();
      await staff.getByRole('link', { name: subject }).waitFor();
      assert.deepEqual(await axeViolations(staff, mode), [], 'sent notices');
      await staff.context().close();
      await home.context().close();
    });

    test('the rektor publishes a weekly plan with a PDF for 5A; a guardian sees it under Nyheter and downloads it', async () => {
      const title = `Ukeplan 5A (${mode.name})`;
      const staff = await (await newContext(browser, { javaScript: mode.javaScript })).newPage();
      await logInAs(staff, server.url, /Ansatt eller elev/, 'Torunn Holmvik');
      await staff.goto(server.url + '/news/new');
      assert.deepEqual(await axeViolations(staff, mode), [], 'new post');
      await staff.getByLabel('Ukeplan', { exact: true }).check();
      await staff.getByLabel('Publiser for').selectOption({ label: '5A' });
      await staff.getByLabel('Tittel').fill(title);
      await staff.getByLabel('Uke (for ukeplan)').fill('49');
      await staff.getByLabel('Tekst').fill('Lekser: les side 12–14.');
      await staff
        .getByLabel('Vedlegg (PDF, valgfritt)')
        .setInputFiles({ name: 'notat.txt', mimeType: 'text/plain', buffer: Buffer.from('ikke en pdf') });
      await staff.getByRole('button', { name: 'Publiser' }).click();
      await staff.getByRole('alert').getByText('Vedlegget må være en PDF-fil. Velg en PDF-fil.').waitFor();
      assert.equal(await staff.getByLabel('Tittel').inputValue(), title, 'the text is kept');
      assert.deepEqual(await axeViolations(staff, mode), [], 'new post with errors');
      await staff
        .getByLabel('Vedlegg (PDF, valgfritt)')
        .setInputFiles({ name: 'Ukeplan uke 49.pdf', mimeType: 'application/pdf', buffer: pdf });
      await staff.getByRole('button', { name: 'Publiser' }).click();
      await staff
        .getByRole('status')
        .getByText(/Publisert\. \d+ foresatte har fått varsel\./)
        .waitFor();
      await staff.getByText('Ukeplan uke 49').first().waitFor();
      assert.deepEqual(await axeViolations(staff, mode), [], 'the published post');
      await staff.getByRole('link', { name: 'Nyheter og ukeplaner' }).click();
      await staff.getByRole('link', { name: title }).waitFor();
      assert.deepEqual(await axeViolations(staff, mode), [], 'the list of posts');

      const home = await (await newContext(browser, { javaScript: mode.javaScript, viewport: PHONE })).newPage();
      await logInWithPid(home, family.fodselsnummer!);
      await home.goto(`${server.url}/children/${family.pupil_id}`);
      await home.getByRole('link', { name: 'Nyheter', exact: true }).click();
      const article = home.getByRole('article', { name: title });
      await article.waitFor();
      await article.getByText('Ukeplan uke 49', { exact: true }).waitFor();
      assert.equal(await home.getByRole('link', { name: 'Nyheter', exact: true }).getAttribute('aria-current'), 'page');
      assert.deepEqual(await axeViolations(home, mode), [], "the child's news");
      const [download] = await Promise.all([
        home.waitForEvent('download'),
        article.getByRole('link', { name: /Last ned Ukeplan uke 49\.pdf/ }).click(),
      ]);
      assert.equal(download.suggestedFilename(), 'Ukeplan uke 49.pdf');
      assert.deepEqual(await readFile((await download.path())!), pdf);
      await staff.context().close();
      await home.context().close();
    });
  });
}
