import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countStatements } from '../../src/db/counting.ts';
import type { DemoLoginKey } from '../../src/db/seed/seed.ts';
import { toCsv } from '../../src/views/components/csv.ts';
import { createTestApp, html, sessionCookie } from '../support/app.ts';
import { createDemoTestDb } from '../support/db.ts';
import { childOf, loginPersonId } from '../support/fixtures.ts';

// Issue 14 item 3 (S12): statistics for leadership and the school owner. Wednesday 25.11.2026.
const TODAY = '2026-11-25';
const db = await createDemoTestDb(TODAY);
const counter = countStatements(db);
const client = createTestApp(counter.db, {}, { clock: () => new Date(`${TODAY}T09:00:00+01:00`) });

const as = async (key: DemoLoginKey, via: 'feide' | 'idporten' = 'feide') => ({
  cookie: await sessionCookie(db, await loginPersonId(db, key), via),
});
const torunn = await as('leadership');
const randi = await as('school-owner');
const rektor = await loginPersonId(db, 'leadership');

const school = await db
  .selectFrom('school')
  .select(['id', 'municipality_id'])
  .where('name', '=', 'Bjørkelia skole')
  .executeTakeFirstOrThrow();
const otherSchool = await db
  .selectFrom('school')
  .select('id')
  .where('name', '=', 'Fjellheim skule')
  .executeTakeFirstOrThrow();
const foreignSchool = await db
  .selectFrom('school')
  .select('id')
  .where('name', '=', 'Nordlys montessoriskole')
  .executeTakeFirstOrThrow();
const class5A = await db
  .selectFrom('class')
  .select(['id'])
  .where('school_id', '=', school.id)
  .where('name', '=', '5A')
  .where(
    'school_year_id',
    'in',
    db.selectFrom('school_year').select('id').where('starts_on', '<=', TODAY).where('ends_on', '>=', TODAY),
  )
  .executeTakeFirstOrThrow();
const pupilsOf = (protectedOnes: boolean) =>
  db
    .selectFrom('enrolment as e')
    .innerJoin('person as p', 'p.id', 'e.pupil_id')
    .innerJoin('class as c', 'c.id', 'e.class_id')
    .select(['p.id', 'p.given_name', 'p.family_name', 'c.trinn', 'c.name as class_name'])
    .where('e.school_id', '=', school.id)
    .where('e.starts_on', '<=', '2026-08-17')
    .where('e.ends_on', 'is', null)
    .where('p.address_protection', protectedOnes ? '<>' : '=', 'none')
    .orderBy('p.id');
const [a, b, c] = await pupilsOf(false).where('e.class_id', '=', class5A.id).limit(3).execute();
const guarded = await pupilsOf(true).where('c.trinn', '<>', 5).executeTakeFirstOrThrow();
const lesson = await db
  .selectFrom('lesson')
  .select('id')
  .where('class_id', '=', class5A.id)
  .where('weekday', '=', 2)
  .executeTakeFirstOrThrow();

const attendance = (pupilId: number, date: string, status: 'absent' | 'present', lessonId: number | null = null) =>
  db
    .insertInto('attendance')
    .values({ pupil_id: pupilId, school_id: school.id, date, lesson_id: lessonId, status, registered_by: rektor })
    .execute();
const report = (pupilId: number, from: string, to: string, withdrawn = false) =>
  db
    .insertInto('absence_report')
    .values({
      pupil_id: pupilId,
      school_id: school.id,
      reported_by: rektor,
      kind: 'days',
      from_date: from,
      to_date: to,
      reason: 'sjuk',
      withdrawn_at: withdrawn ? new Date() : null,
    })
    .execute();

// A: two days the school registered absent, no report (unreported). B: two days home reported (Wed–Thu).
// C: one lesson absent (an unreported hour); a reported day the school saw C present (no absence); a withdrawn report.
// The protected pupil (another trinn): one unreported day.
await attendance(a!.id, '2026-11-02', 'absent');
await attendance(a!.id, '2026-11-03', 'absent');
await report(b!.id, '2026-11-04', '2026-11-05');
await attendance(c!.id, '2026-11-10', 'absent', lesson.id);
await report(c!.id, '2026-11-12', '2026-11-12');
await attendance(c!.id, '2026-11-12', 'present');
await report(c!.id, '2026-11-16', '2026-11-17', true);
await attendance(guarded.id, '2026-11-06', 'absent');
// B: home reported one lesson on Tuesday 17.11 (a reported hour; the school registered nothing).
const lessonReport = await db
  .insertInto('absence_report')
  .values({
    pupil_id: b!.id,
    school_id: school.id,
    reported_by: rektor,
    kind: 'lessons',
    from_date: '2026-11-17',
    to_date: '2026-11-17',
    reason: 'lege',
  })
  .returning('id')
  .executeTakeFirstOrThrow();
await db
  .insertInto('absence_report_lesson')
  .values({ absence_report_id: lessonReport.id, lesson_id: lesson.id })
  .execute();

const page = `/statistics?school=${school.id}`;

async function tableOf(path: string, id: string, cookie = torunn) {
  const response = await client.get(path, cookie);
  assert.equal(response.status, 200, path);
  const { document } = await html(response);
  const table = document.querySelector(`#table-${id}`);
  assert.ok(table, `table ${id} on ${path}`);
  const rows = Array.from(table.querySelectorAll('tbody tr, tfoot tr')).map((tr) =>
    Array.from(tr.querySelectorAll('th, td')).map((cell) => cell.textContent!.trim()),
  );
  return { rows, document, text: document.body.textContent! };
}
const row = (rows: string[][], header: string) => rows.find((r) => r[0] === header);

test('leadership sees absence per month: days and hours apart, with a chart that has a name', async () => {
  const { rows, document } = await tableOf('/statistics', 'months');
  assert.deepEqual(row(rows, 'november 2026'), ['november 2026', '5', '2']);
  assert.deepEqual(row(rows, 'oktober 2026'), ['oktober 2026', '0', '0']);
  assert.deepEqual(row(rows, 'Sum'), ['Sum', '5', '2']);
  const chart = document.querySelector('#table-months-heading ~ svg[role="img"]');
  assert.equal(chart?.getAttribute('aria-label'), 'Søylediagram: fraværsdager og fraværstimer per måned');
  assert.ok(document.querySelector('#table-months caption'), 'the table has a caption');
  assert.equal(document.querySelectorAll('#table-months th[scope="col"]').length, 3);
  assert.match(document.querySelector('h1')!.textContent!, /Statistikk for Bjørkelia skole/);
});

test('home-reported and unreported absence are kept apart', async () => {
  const { rows } = await tableOf(page, 'reported');
  assert.deepEqual(row(rows, 'november 2026'), ['november 2026', '2', '3', '1', '1']);
});

test('per trinn and per class; the share over 10 % follows the period filter', async () => {
  const trinn = await tableOf(page, 'trinn');
  assert.deepEqual(row(trinn.rows, '5. trinn')?.slice(2, 5), ['4', '2', '0']);
  const classes = await tableOf(page, 'classes');
  assert.deepEqual(row(classes.rows, '5A')?.slice(2, 5), ['4', '2', '0'], 'two days of ~70 is under 10 %');
  // November alone: 18 school days up to today, so two days absent is over 10 % (A and B)
  const november = await tableOf(`${page}&from=2026-11&to=2026-11`, 'classes');
  const line = row(november.rows, '5A')!;
  assert.equal(line[4], '2');
  assert.match(line[5]!, /^\d+,\d %$/);
  assert.match(november.text, /18 skoledager/);
  assert.equal(row(november.rows, '5A')![0], '5A');
  const months = await tableOf(`${page}&from=2026-11&to=2026-11`, 'months');
  assert.equal(months.rows.length, 2, 'november and the sum only');
});

test('the CSV has the same numbers, as an attachment, formula cells guarded', async () => {
  const response = await client.get(`${page}&format=csv&table=months`, torunn);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'text/csv; charset=utf-8');
  assert.match(response.headers.get('content-disposition') ?? '', /^attachment; filename="statistikk-months-/);
  const body = await response.text();
  assert.match(body, /"Måned","Fraværsdager","Fraværstimer"\r\n/);
  assert.match(body, /"november 2026","5","2"\r\n/);
  assert.match(body, /"Sum","5","2"\r\n$/);
  assert.equal(
    toCsv([['=SUM(A1)', '+1', '-2', '@x', 'a "b"', 3, null]]),
    `\uFEFF"'=SUM(A1)","'+1","'-2","'@x","a ""b""","3",""\r\n`,
  );
  assert.equal((await client.get(`${page}&format=csv&table=nope`, torunn)).status, 404);
});

test('a protected pupil is counted, never named — on the page or in any export', async () => {
  const names = [guarded.given_name, guarded.family_name, `${guarded.given_name} ${guarded.family_name}`];
  const { text } = await tableOf(page, 'classes');
  for (const table of ['months', 'reported', 'trinn', 'classes', 'class-months', 'sfo']) {
    const csv = await (await client.get(`${page}&format=csv&table=${table}`, torunn)).text();
    assert.ok(!csv.includes(`${guarded.given_name} ${guarded.family_name}`), table);
  }
  assert.ok(!text.includes(names[2]!));
  const trinn = await tableOf(page, 'trinn');
  assert.equal(row(trinn.rows, `${guarded.trinn}. trinn`)?.[2], '1', 'the day is counted in its trinn');
});

test('SFO occupancy against capacity', async () => {
  const { rows } = await tableOf(page, 'sfo');
  const november = row(rows, 'november 2026')!;
  const enrolled = await db
    .selectFrom('sfo_enrolment as f')
    .innerJoin('sfo', 'sfo.id', 'f.sfo_id')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('sfo.school_id', '=', school.id)
    .where('f.starts_on', '<=', TODAY)
    .where((e) => e.or([e('f.ends_on', 'is', null), e('f.ends_on', '>=', TODAY)]))
    .executeTakeFirstOrThrow();
  assert.equal(november[2], String(enrolled.n));
  assert.match(november[4]!, / %$/);
});

test('the school owner compares the schools and may open one; not another owner’s school', async () => {
  const { rows, document } = await tableOf('/statistics', 'schools', randi);
  assert.deepEqual(row(rows, 'Bjørkelia skole')?.slice(2, 4), ['5', '2']);
  assert.deepEqual(row(rows, 'Fjellheim skule')?.slice(2, 4), ['0', '0']);
  assert.ok(document.querySelector('svg[role="img"][aria-label]'));
  assert.match(document.querySelector('h1')!.textContent!, /sammenligning/);
  const one = await tableOf(page, 'months', randi);
  assert.deepEqual(row(one.rows, 'Sum'), ['Sum', '5', '2']);
  assert.equal((await client.get(`/statistics?school=${foreignSchool.id}`, randi)).status, 404);
  const csv = await client.get('/statistics?format=csv&table=schools', randi);
  assert.match(await csv.text(), /"Bjørkelia skole","\d+","5","2"/);
});

test('teachers, a guardian, a pupil and another school’s leadership get 404', async () => {
  for (const key of ['teacher', 'contact-teacher', 'sfo-leader', 'kindergarten-leader', 'pupil'] as DemoLoginKey[])
    assert.equal((await client.get('/statistics', await as(key))).status, 404, key);
  assert.equal((await client.get(page, await as('guardian', 'idporten'))).status, 404, 'guardian');
  assert.equal(
    (await client.get('/statistics', await as('leadership', 'idporten'))).status,
    404,
    'rektor via ID-porten',
  );
  assert.equal((await client.get(`/statistics?school=${otherSchool.id}`, torunn)).status, 404, 'another school');
  assert.equal((await client.get('/statistics?school=x', torunn)).status, 404);
});

test('an invalid period is a 422 with the form kept; no JavaScript needed (a GET form)', async () => {
  const response = await client.get(`${page}&from=2026-11&to=2025-01`, torunn);
  assert.equal(response.status, 422);
  const { document } = await html(response);
  assert.equal(document.querySelector('form[action="/statistics"]')?.getAttribute('method'), 'get');
  assert.match(document.querySelector('[role="alert"]')!.textContent!, /ugyldig/);
  const htmx = await client.get(page, { ...torunn, 'hx-request': 'true' });
  assert.doesNotMatch(await htmx.text(), /<html/);
});

test('a fixed number of statements, whatever the data; months already counted are not counted again', async () => {
  const csv = `${page}&format=csv&table=months`;
  const before = await (await client.get(csv, torunn)).text(); // every month of the period counted
  counter.reset();
  await client.get(page, torunn);
  assert.equal(counter.count, 3, 'the session, the scoped lookup, the statistics (read from the monthly counts)');
  // New registrations make their month stale: that month is counted again in one transaction, the others are read.
  for (const date of ['2026-11-18', '2026-11-19', '2026-11-20']) await attendance(b!.id, date, 'absent');
  await report(a!.id, '2026-11-23', '2026-11-24');
  counter.reset();
  const after = await client.get(csv, torunn);
  const recounted = counter.count;
  assert.ok(recounted <= 3 + 9, `${recounted} statements with a stale month`);
  assert.notEqual(await after.text(), before, 'the new absence is in the numbers at once');
  counter.reset();
  await client.get(page, torunn);
  assert.equal(counter.count, 3);
  await client.get('/statistics', randi);
  counter.reset();
  await client.get('/statistics', randi);
  assert.ok(counter.count <= 4, `${counter.count} statements for the owner`);
});

void childOf;
