import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { loadActor } from '../../src/domain/access/actor.ts';
import { dispatchLetters } from '../../src/domain/letters/dispatch.ts';
import { startStaffThread } from '../../src/domain/messages/send.ts';
import { startOutboxWorker } from '../../src/jobs/outbox-worker.ts';
import { testConfig } from '../support/app.ts';
import { axeViolations, JS_MODES, launchBrowser, logInAs, newContext, PHONE } from '../support/browser.ts';
import { createDemoTestDb } from '../support/db.ts';
import { loginPersonId } from '../support/fixtures.ts';
import { addVedtak, childOf, devDeps, NOW, personByName, TODAY } from '../support/letters.ts';
import { startTestServer } from '../support/server.ts';

// What a guardian's phone and inbox would have received, in development: a message in the book is delivered by
// the real worker (the development SMS gateway, and nodemailer to the built-in SMTP server), a vedtak by the
// development digital post; the footer links to all three, and none of them carries the child's name.
const db = await createDemoTestDb(TODAY);
const server = await startTestServer(db, {}, { clock: () => NOW });
const worker = await startOutboxWorker(db, testConfig({ baseUrl: server.url }), {
  clock: () => NOW,
  pollMs: 3_600_000,
  log: () => {},
});
after(async () => {
  await worker.stop();
  await server.close();
});
const browser = await launchBrowser();

const torunn = (await loadActor(db, await loginPersonId(db, 'leadership'), 'feide', TODAY))!; // rektor at Bjørkelia, Sofie's school
const kari = await personByName(db, 'Kari', 'Nordmann');
const sofie = await childOf(db, kari.id, 'Sofie');
const { mobile, email } = await db
  .selectFrom('contact_info')
  .select(['mobile', 'email'])
  .where('person_id', '=', kari.id)
  .executeTakeFirstOrThrow();

for (const mode of JS_MODES) {
  describe(`development delivery pages with ${mode.name}`, () => {
    test('Kari follows the footer to the SMS, the e-mail and the digital letter she would have received', async () => {
      const subject = `Turdag i skogen (${mode.name})`;
      await startStaffThread(db, torunn, sofie, { subject, body: 'Sofie må ha med matpakke og gode sko.' }, NOW, TODAY);
      await worker.drain();
      const letterTitle = `Vedtak om permisjon (${mode.name})`;
      await addVedtak(db, sofie, kari.id, { title: letterTitle });
      await dispatchLetters(db, devDeps(db), NOW);

      const context = await newContext(browser, { javaScript: mode.javaScript, viewport: PHONE });
      const page = await context.newPage();
      await logInAs(page, server.url, /foresatt/, 'Kari Nordmann');

      await page
        .getByRole('navigation', { name: /Utviklingsmodus/ })
        .getByRole('link', { name: 'SMS' })
        .click();
      assert.equal(await page.textContent('h1'), 'SMS sendt i utviklingsmodus');
      const row = page.locator('tbody tr').filter({ hasText: mobile! }).first();
      const sms = (await row.locator('.sms-text').textContent()) ?? '';
      assert.match(sms, /fra Bjørkelia skole i Skolebro\. Logg inn for å lese: http:\/\/127\.0\.0\.1:\d+\/home$/);
      for (const secret of ['Sofie', 'Kari', 'Nordmann', 'matpakke', subject, kari.fodselsnummer])
        assert.ok(!sms.includes(secret), `the SMS does not say ${secret}`);
      assert.deepEqual(await axeViolations(page, mode), [], '/dev/sms');

      await page
        .getByRole('navigation', { name: /Utviklingsmodus/ })
        .getByRole('link', { name: 'E-post' })
        .click();
      assert.equal(await page.textContent('h1'), 'E-post sendt i utviklingsmodus');
      const mail = page.locator('li').filter({ hasText: email! }).first();
      const text = (await mail.locator('.mail-text').textContent()) ?? '';
      assert.match((await mail.locator('.mail-subject').textContent()) ?? '', /Bjørkelia skole/);
      assert.ok(text.includes(`${server.url}/home`));
      for (const secret of ['Sofie', 'matpakke', subject, kari.fodselsnummer])
        assert.ok(!text.includes(secret), `the e-mail does not say ${secret}`);
      assert.deepEqual(await axeViolations(page, mode), [], '/dev/mail');

      await page
        .getByRole('navigation', { name: /Utviklingsmodus/ })
        .getByRole('link', { name: 'Digital postkasse' })
        .click();
      assert.equal(await page.textContent('h1'), 'Digital postkasse (utvikling)');
      assert.ok(await page.getByText(letterTitle).first().isVisible(), 'the vedtak is in the mailbox');
      assert.deepEqual(await axeViolations(page, mode), [], '/dev/digital-post');
      await context.close();
    });
  });
}

test('the development links are only for people who are logged in', async () => {
  const context = await newContext(browser, { javaScript: true });
  const page = await context.newPage();
  await page.goto(server.url + '/');
  assert.equal(await page.getByRole('navigation', { name: /Utviklingsmodus/ }).count(), 0);
  await page.goto(server.url + '/dev/sms');
  assert.match(page.url(), /\/login/);
  await context.close();
});
