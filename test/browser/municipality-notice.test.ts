import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { axeViolations, JS_MODES, launchBrowser, logInAs, newContext, PHONE } from '../support/browser.ts';
import { createDemoTestDb } from '../support/db.ts';
import { startTestServer } from '../support/server.ts';

// Issue 18, item 7: the school owner sends one notice to the guardians of chosen schools and trinn in the municipality.
const db = await createDemoTestDb('2026-11-25');
const server = await startTestServer(db, {}, { clock: () => new Date('2026-11-25T09:00:00+01:00') });
after(() => server.close());
const browser = await launchBrowser();

for (const mode of JS_MODES) {
  describe(`the municipality notice with ${mode.name}`, () => {
    test('Randi sends a notice to 3. trinn at Bjørkelia; a mistake keeps her choices; Kari (Sofie, 3A) reads it', async () => {
      const subject = `Refleksvest til alle tredjeklassinger (${mode.name})`;
      const owner = await (await newContext(browser, { javaScript: mode.javaScript, viewport: PHONE })).newPage();
      await logInAs(owner, server.url, /Ansatt eller elev/, 'Randi Kolstad');
      await owner.goto(server.url + '/broadcasts');
      await owner.getByRole('link', { name: 'Ny kunngjøring til hele kommunen' }).click();
      await owner.getByRole('heading', { name: 'Kunngjøring til hele kommunen: Demo kommune', level: 1 }).waitFor();
      assert.deepEqual(await axeViolations(owner, mode), [], 'the form at 375px');
      // Every school and trinn is chosen to begin with; Randi narrows it to Bjørkelia, 3. trinn.
      assert.equal(await owner.getByLabel('Fjellheim skule').isChecked(), true);
      await owner.getByLabel('Fjellheim skule').uncheck();
      for (const n of [1, 2, 4, 5, 6, 7, 8, 9, 10]) await owner.getByLabel(`${n}. trinn`, { exact: true }).uncheck();
      await owner.getByLabel('Tekst').fill('Kommunen deler ut refleksvester. Hent den hos kontaktlæreren.');
      await owner.getByRole('button', { name: 'Send til foresatte i kommunen' }).click(); // no subject
      await owner.getByRole('alert').getByText('Skriv et emne').waitFor();
      assert.equal(await owner.getByLabel('Fjellheim skule').isChecked(), false, 'the schools are kept');
      assert.equal(await owner.getByLabel('Bjørkelia skole').isChecked(), true);
      assert.equal(await owner.getByLabel('3. trinn', { exact: true }).isChecked(), true, 'the trinn are kept');
      assert.equal(await owner.getByLabel('4. trinn', { exact: true }).isChecked(), false);
      assert.match(await owner.getByLabel('Tekst').inputValue(), /refleksvester/, 'the text is kept');
      assert.deepEqual(await axeViolations(owner, mode), [], 'the form with an error');
      await owner.getByLabel('Emne').fill(subject);
      await owner.getByRole('button', { name: 'Send til foresatte i kommunen' }).click();
      const sent = await owner
        .getByRole('status')
        .getByText(/Kunngjøringen er sendt til \d+ foresatte\./)
        .textContent();
      const recipients = Number(/(\d+) foresatte/.exec(sent ?? '')?.[1]);
      // Bjørkelia's 3. trinn only: a few dozen guardians, not the whole municipality's hundreds.
      assert.ok(recipients >= 10 && recipients < 150, `sent to ${recipients} guardians`);
      assert.equal(
        (await owner.locator('#notice-targets').innerText()).replace(/\s+/g, ' '),
        'Skoler: Bjørkelia skole Trinn: 3. trinn',
      );
      assert.deepEqual(await axeViolations(owner, mode), [], 'the sent notice');
      await owner.context().close();

      const kari = await (await newContext(browser, { javaScript: mode.javaScript, viewport: PHONE })).newPage();
      await logInAs(kari, server.url, /foresatt/, 'Kari Nordmann');
      await kari.goto(server.url + '/home');
      await kari
        .getByRole('link', { name: new RegExp(`Kunngjøring fra .*«${subject.replace(/[()]/g, '\\$&')}»`) })
        .click();
      await kari.getByRole('heading', { name: subject, level: 1 }).waitFor();
      await kari.getByText('Kommunen deler ut refleksvester.', { exact: false }).waitFor();
      assert.deepEqual(await axeViolations(kari, mode), [], "Kari's copy");
      await kari.context().close();
    });
  });
}
