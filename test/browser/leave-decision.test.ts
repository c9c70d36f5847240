import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations, DESKTOP, JS_MODES, launchBrowser, logInAs, newContext, PHONE } from '../support/browser.ts';
import { insertLeaveApplication } from '../support/applications.ts';
import { createDemoTestDb } from '../support/db.ts';
import { loginPersonId } from '../support/fixtures.ts';
import { startTestServer } from '../support/server.ts';

const db = await createDemoTestDb('2026-11-25');
const server = await startTestServer(db, {}, { clock: () => new Date('2026-11-25T10:00:00+01:00') });
after(() => server.close());
const browser = await launchBrowser();
const tmp = mkdtempSync(join(tmpdir(), 'skolebro-vedtak-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

const kari = await loginPersonId(db, 'guardian');
const sofie = await db
  .selectFrom('person')
  .select('id')
  .where('given_name', '=', 'Sofie')
  .where('family_name', '=', 'Nordmann')
  .executeTakeFirstOrThrow();
const bjorkelia = await db
  .selectFrom('school')
  .select('id')
  .where('name', '=', 'Bjørkelia skole')
  .executeTakeFirstOrThrow();

async function axeBothSizes(page: Page, mode: { javaScript: boolean }, what: string) {
  for (const size of [PHONE, DESKTOP]) {
    await page.setViewportSize(size);
    assert.deepEqual(await axeViolations(page, mode), [], `${what} at ${size.width}px`);
  }
}

const WEEKS = {
  true: { from: '2026-11-30', to: '2026-12-04', part: ['01.12.2026', '02.12.2026'] },
  false: { from: '2026-12-07', to: '2026-12-11', part: ['08.12.2026', '09.12.2026'] },
} as const;

for (const mode of JS_MODES) {
  describe(`leave decision with ${mode.name}`, () => {
    test('the rektor opens the queue and the application, is told what is missing, decides, and the vedtak PDF says so', async () => {
      const week = WEEKS[`${mode.javaScript}`];
      await insertLeaveApplication(db, {
        pupil_id: sofie.id,
        school_id: bjorkelia.id,
        applicant_id: kari,
        reason: 'reise',
        from_date: week.from,
        to_date: week.to,
        school_days: 5,
        justification: 'Vi skal besøke besteforeldrene i Tromsø.',
        rules_confirmed_at: new Date(),
        status: 'submitted',
        submitted_at: new Date('2026-11-20T12:00:00+01:00'),
      });
      const context = await newContext(browser, { javaScript: mode.javaScript, viewport: PHONE });
      const page = await context.newPage();
      await logInAs(page, server.url, /Ansatt eller elev/, 'Torunn Holmvik');
      await page.goto(`${server.url}/applications`);
      await page.getByRole('heading', { name: 'Søknader', level: 1 }).waitFor();
      await axeBothSizes(page, mode, 'the queue');
      await page.getByLabel('Søknadstype').selectOption('leave');
      await page.getByRole('button', { name: 'Vis', exact: true }).click();
      await page.getByRole('heading', { name: 'Permisjonssøknader', level: 1 }).waitFor();
      assert.equal(
        new URL(page.url()).search,
        '?kind=leave',
        'the filter is in the address: the GET form, or pushed by htmx',
      );
      await axeBothSizes(page, mode, 'the queue filtered to leave');

      const period = `${week.from.split('-').reverse().join('.')}–${week.to.split('-').reverse().join('.')}`;
      await page.getByRole('link', { name: `Sofie Nordmann, 3A: ${period}` }).click();
      await page.waitForURL(/\/applications\/\d+$/);
      assert.match((await page.textContent('#application-details')) ?? '', /besteforeldrene i Tromsø/);
      assert.match((await page.textContent('#leave-absence')) ?? '', /Fravær dette skoleåret/);
      await axeBothSizes(page, mode, 'the application');

      await page.getByLabel('Delvis innvilget').check();
      await page.getByLabel('Innvilget fra og med').fill(week.part[0]);
      await page.getByLabel('Innvilget til og med').fill(week.part[1]);
      await page.getByRole('button', { name: 'Fatt vedtak' }).click();
      await page.getByRole('alert').filter({ hasText: 'Skriv en begrunnelse' }).waitFor();
      assert.equal(await page.getByLabel('Innvilget fra og med').inputValue(), week.part[0], 'values kept');
      assert.equal(await page.getByLabel('Delvis innvilget').isChecked(), true);
      await axeBothSizes(page, mode, 'the form with errors');

      await page
        .getByLabel('Begrunnelse', { exact: true })
        .fill('Skolen har heldagsprøve resten av uken, og da bør Sofie være på skolen.');
      await page.getByRole('button', { name: 'Fatt vedtak' }).click();
      await page.getByRole('status').filter({ hasText: 'Vedtaket er fattet' }).waitFor();
      assert.equal(
        new URL(page.url()).search,
        mode.javaScript ? '' : '?decided=1',
        'htmx swaps the page content; without JS: PRG',
      );
      const href = await page.getByRole('link', { name: 'Vedtak til Kari Nordmann (PDF)' }).getAttribute('href');
      const response = await context.request.get(server.url + href);
      assert.equal(response.status(), 200);
      const file = join(tmp, `vedtak-${mode.javaScript}.pdf`);
      writeFileSync(file, await response.body());
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      assert.match(text, /Sofie Nordmann/);
      assert.match(text, new RegExp(`Delvis innvilget: ${week.part[0]}–${week.part[1]} \\(2 skoledager\\)`));
      assert.match(text, /Klagefristen er 3 uker fra den dagen du mottok dette brevet/);
      assert.match(text, /Statsforvalteren/);
      assert.match(text, /forvaltningsloven §§ 28 og 29/);
      await context.close();
    });
  });
}
