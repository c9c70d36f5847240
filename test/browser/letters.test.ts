import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, describe, test } from 'node:test';
import { dispatchLetters } from '../../src/domain/letters/dispatch.ts';
import { axeViolations, JS_MODES, launchBrowser, logInAs, newContext } from '../support/browser.ts';
import { createDemoTestDb } from '../support/db.ts';
import { addVedtak, childOf, devDeps, NOW, personByName, TODAY } from '../support/letters.ts';
import { pdfInfo, pdfText } from '../support/pdf.ts';
import { startTestServer } from '../support/server.ts';

const db = await createDemoTestDb(TODAY);
const server = await startTestServer(db, {}, { clock: () => NOW });
after(() => server.close());
const browser = await launchBrowser();
const anders = await personByName(db, 'Anders', 'Nordmann');
const sofie = await childOf(db, anders.id, 'Sofie');

for (const mode of JS_MODES) {
  describe(`letters with ${mode.name}`, () => {
    test('Torunn sees a paper letter waiting, creates the print batch and downloads the PDF', async () => {
      // Anders Nordmann is reserved against digital post in KRR: his vedtak waits for the print batch.
      const title = `Vedtak om permisjon (${mode.name})`;
      await addVedtak(db, sofie, anders.id, { title });
      await dispatchLetters(db, devDeps(db), NOW);

      const context = await newContext(browser, { javaScript: mode.javaScript });
      const page = await context.newPage();
      await logInAs(page, server.url, /Ansatt eller elev/, 'Torunn Holmvik');
      await page.goto(`${server.url}/letters`);
      assert.equal(await page.textContent('h1'), 'Brev til foresatte');
      const waiting = (await page.textContent('#letters-awaiting')) ?? '';
      assert.match(
        waiting,
        new RegExp(`Anders Nordmann[\\s\\S]*${title.replace(/[()]/g, '\\$&')}[\\s\\S]*Reservert mot digital post`),
      );
      assert.deepEqual(await axeViolations(page, mode), [], 'letters waiting');

      await page.getByRole('button', { name: 'Lag utskriftsbunke (1 brev)' }).click();
      await page.getByText('Utskriftsbunken er laget.').waitFor();
      assert.match((await page.textContent('#letters-awaiting')) ?? '', /Ingen brev venter på utskrift/);
      assert.equal(await page.locator('h1').count(), 1);
      assert.deepEqual(await axeViolations(page, mode), [], 'after the batch');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('#letters-batches a[download]').first().click(),
      ]);
      assert.match(download.suggestedFilename(), /^utskrift-2026-11-25-\d+\.pdf$/);
      const bytes = await readFile((await download.path())!);
      assert.equal((await pdfInfo(bytes)).pages, 2, 'address page + the letter');
      const text = await pdfText(bytes);
      assert.ok(text.includes('Anders Nordmann') && text.includes(anders.address) && text.includes(anders.postal));
      assert.ok(text.includes(title));
      await context.close();
    });
  });
}
