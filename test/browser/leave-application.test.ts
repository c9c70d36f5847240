import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations, DESKTOP, JS_MODES, launchBrowser, logInAs, newContext, PHONE } from '../support/browser.ts';
import { deleteApplications, leaveApplication } from '../support/applications.ts';
import { createDemoTestDb } from '../support/db.ts';
import { childOf, loginPersonId } from '../support/fixtures.ts';
import { startTestServer } from '../support/server.ts';

const db = await createDemoTestDb('2026-11-25');
const server = await startTestServer(db, {}, { clock: () => new Date('2026-11-25T08:00:00+01:00') });
after(() => server.close());
const browser = await launchBrowser();
const kari = await loginPersonId(db, 'guardian');
const sofie = await childOf(db, kari, 'Sofie');
const anders = await db
  .selectFrom('guardian_relation as r')
  .innerJoin('person as p', 'p.id', 'r.guardian_id')
  .select('p.fodselsnummer')
  .where('r.pupil_id', '=', sofie)
  .where('p.given_name', '=', 'Anders')
  .executeTakeFirstOrThrow();

async function axeBothSizes(page: Page, mode: { javaScript: boolean }, what: string) {
  for (const size of [PHONE, DESKTOP]) {
    await page.setViewportSize(size);
    assert.deepEqual(await axeViolations(page, mode), [], `${what} at ${size.width}px`);
  }
}

/** Anders is not one of the listed demo logins: he types his (synthetic) fødselsnummer at the test IdP. */
async function logInAsAnders(page: Page) {
  await page.goto(server.url + '/');
  await page.getByRole('link', { name: 'Logg inn' }).click();
  await page.getByRole('button', { name: /Logg inn som foresatt/ }).click();
  await page.getByLabel('Fødselsnummer (11 siffer)').fill(anders.fodselsnummer!);
  await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
  await page.waitForURL(new RegExp(`^${server.url}/(home|consent/general)`));
  if (new URL(page.url()).pathname === '/consent/general') await page.getByRole('button', { name: 'Ikke nå' }).click();
  await page.waitForURL(`${server.url}/home`);
}

const status = (page: Page) => page.locator('#child-section .leave-status').first();

for (const mode of JS_MODES) {
  describe(`leave application with ${mode.name}`, () => {
    test('Kari applies over the limit, is warned, sends anyway; Anders confirms and it goes to the school', async () => {
      await deleteApplications(db);
      const context = await newContext(browser, { javaScript: mode.javaScript, viewport: DESKTOP });
      const page = await context.newPage();
      await logInAs(page, server.url, /Logg inn som foresatt/, 'Kari Nordmann');
      await page.goto(`${server.url}/children/${sofie}`);
      await page.getByRole('navigation', { name: 'Om barnet' }).getByRole('link', { name: 'Permisjon' }).click();
      await page.getByRole('heading', { name: 'Permisjon for Sofie' }).waitFor();
      assert.match((await page.textContent('#leave-granted')) ?? '', /0 av høyst 10 skoledager/);
      await axeBothSizes(page, mode, 'the leave list');

      await page.getByRole('link', { name: 'Søk om permisjon' }).click();
      await page.getByRole('heading', { name: 'Søk om permisjon for Sofie' }).waitFor();
      assert.equal(new URL(page.url()).pathname, `/children/${sofie}/leave/new`);
      assert.match(
        (await page.textContent('#leave-others')) ?? '',
        /Søknaden sendes til skolen først når Anders har bekreftet den i Skolebro/,
      );
      await axeBothSizes(page, mode, 'the form');

      await page.getByLabel('Reise eller ferie').check();
      await page.getByLabel('Fra og med dato').fill('30.11.2026');
      await page.getByLabel('Til og med dato').fill('18.12.2026');
      await page.getByLabel('Begrunnelse').fill('Vi besøker familien i Chile før jul.');
      if (mode.javaScript) {
        await page.locator('#leave-days').filter({ hasText: 'Perioden har 15 skoledager' }).waitFor();
        assert.match((await page.textContent('#leave-days')) ?? '', /mer enn de 10 dagene/, 'the limit, live');
      }
      await page.getByLabel('Jeg har lest reglene for permisjon').check();
      await page.getByRole('button', { name: 'Send', exact: true }).click();

      const warning = page.getByRole('alert').filter({ hasText: 'grensen for permisjon' });
      await warning.waitFor();
      assert.match(
        (await warning.textContent()) ?? '',
        /Søknaden gjelder 15 skoledager, mer enn de 10 dagene kommunen kan innvilge per skoleår/,
      );
      assert.equal(await page.getByLabel('Fra og med dato').inputValue(), '30.11.2026', 'values kept');
      assert.equal(await page.getByLabel('Jeg har lest reglene for permisjon').isChecked(), true);
      await axeBothSizes(page, mode, 'the over-limit 422');

      await page.getByLabel('Jeg forstår at søknaden går over grensen, send likevel').check();
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'Den sendes når Anders Nordmann har bekreftet den' }).waitFor();
      assert.equal(await status(page).textContent(), 'Venter på at Anders Nordmann bekrefter');
      assert.equal(new URL(page.url()).pathname, `/children/${sofie}/leave`);
      await axeBothSizes(page, mode, 'the list with the receipt');
      await context.close();

      const andersContext = await newContext(browser, { javaScript: mode.javaScript, viewport: PHONE });
      const andersPage = await andersContext.newPage();
      await logInAsAnders(andersPage);
      await andersPage.goto(`${server.url}/children/${sofie}/leave`);
      assert.equal(await status(andersPage).textContent(), 'Venter på at du bekrefter');
      await axeBothSizes(andersPage, mode, 'the list for the other guardian');
      await andersPage.getByRole('button', { name: 'Bekreft søknaden' }).click();
      await andersPage.getByRole('status').filter({ hasText: 'Den er nå sendt til skolen' }).waitFor();
      assert.equal(await status(andersPage).textContent(), 'Sendt til skolen 25.11.2026');
      assert.equal(await andersPage.getByRole('button', { name: 'Bekreft søknaden' }).count(), 0);
      await andersContext.close();
      const row = await leaveApplication(
        db,
        (await db.selectFrom('application').select('id').executeTakeFirstOrThrow()).id,
      );
      assert.deepEqual({ status: row.status, school_days: row.school_days }, { status: 'submitted', school_days: 15 });
    });
  });
}
