import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { axeViolations, JS_MODES, launchBrowser, logInAs, newContext, PHONE } from '../support/browser.ts';
import { createDemoTestDb } from '../support/db.ts';
import { loginPersonId } from '../support/fixtures.ts';
import { startTestServer } from '../support/server.ts';

const db = await createDemoTestDb('2026-11-25');
const server = await startTestServer(db, {}, { clock: () => new Date('2026-11-25T09:00:00+01:00') });
after(() => server.close());
const browser = await launchBrowser();

const fiveA = await db
  .selectFrom('class as c')
  .innerJoin('school as s', 's.id', 'c.school_id')
  .select(['c.id', 'c.school_id'])
  .where('s.name', '=', 'Bjørkelia skole')
  .where('c.name', '=', '5A')
  .executeTakeFirstOrThrow();
const pupils = await db
  .selectFrom('enrolment as e')
  .innerJoin('person as p', 'p.id', 'e.pupil_id')
  .select(['p.id', 'p.given_name', 'p.family_name'])
  .where('e.class_id', '=', fiveA.id)
  .orderBy('p.family_name')
  .orderBy('p.given_name')
  .orderBy('p.id')
  .execute();
const name = (p: { given_name: string; family_name: string }) => `${p.family_name}, ${p.given_name}`;
const [reported, absent, late] = pupils as [(typeof pupils)[number], (typeof pupils)[number], (typeof pupils)[number]];
await db
  .insertInto('absence_report')
  .values({
    pupil_id: reported.id,
    school_id: fiveA.school_id,
    reported_by: await loginPersonId(db, 'guardian'),
    kind: 'days',
    from_date: '2026-11-25',
    to_date: '2026-11-25',
    reason: 'sjuk',
  })
  .execute();

const LESSON = { 'JavaScript on': '09:05–09:50', 'JavaScript off': '10:05–10:50' } as const;

for (const mode of JS_MODES) {
  describe(`attendance with ${mode.name}`, () => {
    test("a contact teacher opens today's register from the home page, marks absent and late, and saves", async () => {
      const context = await newContext(browser, { javaScript: mode.javaScript, viewport: PHONE });
      const page = await context.newPage();
      await logInAs(page, server.url, /Ansatt eller elev/, 'Marius Fossum');
      await page.waitForURL(server.url + '/home');
      assert.deepEqual(await axeViolations(page, mode), [], 'the staff home');
      await page
        .getByRole('region', { name: 'I dag' })
        .getByRole('link', { name: new RegExp(`^${LESSON[mode.name]} .* · 5A$`) })
        .click();
      await page.waitForURL(/\/classes\/\d+\/attendance\?date=2026-11-25&lesson=\d+$/);
      await page.getByRole('heading', { level: 1, name: 'Registrer fravær – 5A' }).waitFor();
      const group = (p: typeof reported) => page.getByRole('group', { name: name(p) });
      assert.match((await group(reported).textContent()) ?? '', /Meldt fra hjemmet: Syk \(Kari Nordmann\)/);
      assert.equal(await group(reported).getByLabel('Borte').isChecked(), true, 'pre-selected from the home report');
      assert.equal(await group(absent).getByLabel('Til stede').isChecked(), true, 'present by default');
      assert.deepEqual(await axeViolations(page, mode), [], 'the register');

      await group(absent).getByLabel('Borte').check();
      await group(late).getByLabel('For sent').check();
      await page.getByRole('button', { name: 'Lagre' }).click();
      await page.getByRole('status').filter({ hasText: 'Fraværet er lagret: 2 borte, 1 for sent.' }).waitFor();
      assert.equal(
        new URL(page.url()).searchParams.get('saved'),
        mode.javaScript ? null : '1',
        'htmx swaps the form; without JS: PRG',
      );
      assert.equal(await page.locator('h1').count(), 1);
      assert.deepEqual(await axeViolations(page, mode), [], 'the register with its receipt');

      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Registrer fravær – 5A' }).waitFor();
      assert.equal(await group(absent).getByLabel('Borte').isChecked(), true);
      assert.equal(await group(late).getByLabel('For sent').isChecked(), true);
      assert.equal(await group(reported).getByLabel('Borte').isChecked(), true);
      const lessonId = Number(new URL(page.url()).searchParams.get('lesson'));
      const saved = await db
        .selectFrom('attendance')
        .select(['pupil_id', 'status'])
        .where('date', '=', '2026-11-25')
        .where('lesson_id', '=', lessonId)
        .where('status', '<>', 'present')
        .orderBy('pupil_id')
        .execute();
      assert.deepEqual(
        saved,
        [
          { pupil_id: reported.id, status: 'absent' },
          { pupil_id: absent.id, status: 'absent' },
          { pupil_id: late.id, status: 'late' },
        ].sort((a, b) => a.pupil_id - b.pupil_id),
      );
      await context.close();
    });
  });
}
