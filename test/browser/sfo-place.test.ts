import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations, JS_MODES, launchBrowser, logInAs, newContext, PHONE } from '../support/browser.ts';
import { createDemoTestDb } from '../support/db.ts';
import { childOf, loginPersonId } from '../support/fixtures.ts';
import { pdfText } from '../support/pdf.ts';
import { startTestServer } from '../support/server.ts';
import { deleteSfoPlaceApplications } from '../support/sfo-places.ts';

const db = await createDemoTestDb('2026-11-25');
const server = await startTestServer(db, {}, { clock: () => new Date('2026-11-25T10:00:00+01:00') });
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

/** At phone width (375 px), as the acceptance asks. */
async function axeClean(page: Page, mode: { javaScript: boolean }, what: string) {
  assert.deepEqual(await axeViolations(page, mode), [], `${what} at ${PHONE.width}px`);
}

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

const START = { true: '04.01.2027', false: '01.02.2027' } as const;

for (const mode of JS_MODES) {
  describe(`SFO place with ${mode.name}`, () => {
    test('Kari applies for a part-time place, Anders confirms, Berit grants it, and the vedtak PDF says so', async () => {
      await deleteSfoPlaceApplications(db, [sofie]);
      const start = START[`${mode.javaScript}`];

      // Kari applies: first with one day too few (422, nothing lost), then right.
      const context = await newContext(browser, { javaScript: mode.javaScript, viewport: PHONE });
      const page = await context.newPage();
      await logInAs(page, server.url, /Logg inn som foresatt/, 'Kari Nordmann');
      await page.goto(`${server.url}/children/${sofie}`);
      await page.getByRole('navigation', { name: 'Om barnet' }).getByRole('link', { name: 'SFO' }).click();
      await page.getByRole('heading', { name: 'SFO for Sofie' }).waitFor();
      assert.equal(new URL(page.url()).pathname, `/children/${sofie}/sfo`);
      await axeClean(page, mode, 'the SFO screen');

      const form = page.locator('#sfo-place-section');
      await form.getByLabel(/^3 dager i uka – /).check();
      await form.getByLabel('mandag').check();
      await form.getByLabel('tirsdag').check();
      await form.getByLabel('Startdato').fill(start);
      await form.getByLabel('Jeg ønsker å dele fakturaen med den andre forelderen').check();
      await form.getByRole('button', { name: 'Send søknaden' }).click();
      await page.getByRole('alert').filter({ hasText: 'Velg nøyaktig 3 dager.' }).waitFor();
      assert.equal(await form.getByLabel('Startdato').inputValue(), start, 'values kept');
      assert.equal(await form.getByLabel('tirsdag').isChecked(), true);
      assert.equal(await form.getByLabel(/^3 dager i uka – /).isChecked(), true);
      await axeClean(page, mode, 'the form with errors');

      await form.getByLabel('torsdag').check();
      await form.getByRole('button', { name: 'Send søknaden' }).click();
      await page.getByRole('status').filter({ hasText: 'når den andre forelderen har bekreftet den' }).waitFor();
      assert.match(
        (await page.locator('#child-section .sfo-status').first().textContent()) ?? '',
        /Venter på bekreftelse fra Anders Nordmann/,
      );
      await axeClean(page, mode, 'the receipt');

      // Anders confirms.
      const andersContext = await newContext(browser, { javaScript: mode.javaScript, viewport: PHONE });
      const andersPage = await andersContext.newPage();
      await logInAsAnders(andersPage);
      await andersPage.goto(`${server.url}/children/${sofie}/sfo`);
      await axeClean(andersPage, mode, 'the screen of the other guardian');
      await andersPage.getByRole('button', { name: 'Bekreft søknaden' }).click();
      await andersPage.getByRole('status').filter({ hasText: 'Du har bekreftet søknaden.' }).waitFor();
      assert.match((await andersPage.locator('.sfo-status').first().textContent()) ?? '', /Til behandling/);
      await andersContext.close();

      // Berit, the SFO leader, grants it: Sofie is not in the SFO yet, but the application is in her queue.
      const beritContext = await newContext(browser, { javaScript: mode.javaScript, viewport: PHONE });
      const beritPage = await beritContext.newPage();
      await logInAs(beritPage, server.url, /Ansatt eller elev/, 'Berit Sandnes');
      await beritPage.goto(`${server.url}/applications?kind=sfo_place`);
      await beritPage.getByRole('heading', { name: 'Søknader om SFO', level: 1 }).waitFor();
      await axeClean(beritPage, mode, 'the queue');
      await beritPage.getByRole('link', { name: /^Sofie Nordmann, 3A: Søknad om plass/ }).click();
      await beritPage.waitForURL(/\/applications\/\d+$/);
      assert.match((await beritPage.textContent('#sfo-facts')) ?? '', /Kapasitet\s*180/);
      await axeClean(beritPage, mode, 'the application');
      await beritPage.getByLabel('Innvilget', { exact: true }).check();
      await beritPage.getByRole('button', { name: 'Fatt vedtak' }).click();
      await beritPage.getByRole('status').filter({ hasText: 'Vedtaket er fattet' }).waitFor();
      await axeClean(beritPage, mode, 'the decided application');

      // The invoice basis for the place's first month has Sofie's line under Kari, the payer (paged by payer name).
      const month = start.split('.').reverse().join('-').slice(0, 7);
      const { sfo_id: sfoId } = await db
        .selectFrom('sfo_enrolment')
        .select('sfo_id')
        .where('pupil_id', '=', sofie)
        .where('application_id', 'is not', null)
        .executeTakeFirstOrThrow();
      let found = false;
      for (let p = 1; p <= 5 && !found; p++) {
        await beritPage.goto(`${server.url}/sfo/${sfoId}/invoice-basis?month=${month}&page=${p}`);
        found = (await beritPage.locator(`#payer-${kari}`).count()) > 0;
      }
      assert.ok(found, `Kari is a payer in the invoice basis for ${month}`);
      const line = beritPage.locator(`#payer-${kari} tr`).filter({ hasText: 'Sofie Nordmann' });
      assert.match((await line.textContent()) ?? '', /3 dager i uka/);
      await axeClean(beritPage, mode, 'the invoice basis');
      await beritContext.close();

      // The place exists from the start date; Kari finds the vedtak in Sofie's documents.
      const place = await db
        .selectFrom('sfo_enrolment')
        .select(['starts_on', 'days', 'payer_id', 'shared_invoice'])
        .where('pupil_id', '=', sofie)
        .where('application_id', 'is not', null)
        .executeTakeFirstOrThrow();
      assert.deepEqual(place, {
        starts_on: start.split('.').reverse().join('-'),
        days: [1, 2, 4],
        payer_id: kari,
        shared_invoice: true,
      });
      await page.goto(`${server.url}/children/${sofie}/documents`);
      const link = page
        .getByRole('link', { name: /Vedtak om plass i skolefritidsordningen \(SFO\) – Sofie Nordmann/ })
        .first();
      const href = await link.getAttribute('href');
      assert.ok(href, 'the vedtak is in her documents');
      await axeClean(page, mode, 'the documents');
      const response = await context.request.get(server.url + href);
      assert.equal(response.status(), 200);
      const text = (await pdfText(await response.body())).replace(/\s+/g, ' ');
      assert.match(text, /Sofie Nordmann/);
      assert.match(text, /3 dager i uka/);
      assert.match(text, /mandag, tirsdag og torsdag/);
      assert.match(text, new RegExp(`fra og med ${start.replace(/\./g, '\\.')}`));
      assert.match(text, /Klagefristen er 3 uker/);
      assert.match(text, /forvaltningsloven §§ 28 og 29/);
      await page.goto(`${server.url}/children/${sofie}/sfo`);
      assert.match((await page.textContent('#sfo-current-heading + dl')) ?? '', /3 dager i uka/);
      // The SFO screen shows this month's invoice lines and the ways to reduced payment and summer SFO.
      await page.locator('#sfo-invoice').waitFor();
      await page.getByRole('link', { name: 'Redusert foreldrebetaling i SFO' }).waitFor();
      await page.getByRole('link', { name: 'Sommer-SFO' }).waitFor();
      // Kari, the payer, sees Sofie's line for the first month of the place.
      await page.goto(`${server.url}/children/${sofie}/sfo/invoice?month=${month}`);
      assert.doesNotMatch((await page.textContent('#sfo-invoice')) ?? '', /blir ikke fakturert/);
      assert.equal(await page.locator('#sfo-invoice table').count(), 1, 'one line for Sofie');
      await axeClean(page, mode, "the guardian's invoice lines");
      await context.close();
    });
  });
}
