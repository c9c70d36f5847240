import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countStatements } from '../../src/db/counting.ts';
import type { DemoLoginKey } from '../../src/db/seed/seed.ts';
import { createTestApp, html, sessionCookie } from '../support/app.ts';
import { createDemoTestDb } from '../support/db.ts';
import { childOf, loginPersonId } from '../support/fixtures.ts';

// Issue 13 item 4 (S10, K1): the staff's check-in/out board. Wednesday 25.11.2026, 09:00 in Norway.
const TODAY = '2026-11-25';
const db = await createDemoTestDb(TODAY);
const counter = countStatements(db);
let clock = new Date(`${TODAY}T09:00:00+01:00`);
const client = createTestApp(counter.db, {}, { clock: () => clock });

const kindergarten = await db
  .selectFrom('kindergarten')
  .select(['id', 'municipality_id'])
  .where('name', '=', 'Bjørkelia barnehage')
  .executeTakeFirstOrThrow();
const sfo = (
  await db
    .selectFrom('sfo')
    .innerJoin('school', 'school.id', 'sfo.school_id')
    .select('sfo.id')
    .where('school.name', '=', 'Bjørkelia skole')
    .executeTakeFirstOrThrow()
).id;
const kari = await loginPersonId(db, 'guardian');
const nora = await childOf(db, kari, 'Nora');
const as = async (key: DemoLoginKey, via: 'feide' | 'idporten' = 'feide') => ({
  cookie: await sessionCookie(db, await loginPersonId(db, key), via),
});
const amina = await as('kindergarten-staff');
const hilde = await as('kindergarten-leader');
const jonas = await as('sfo-staff');
const randi = await as('school-owner');
const board = `/care/kindergarten/${kindergarten.id}/board`;
const sfoBoard = `/care/sfo/${sfo}/board`;
const tapOn = (childId: number, what: string) => `${board}/children/${childId}/${what}`;
const htmx = { 'hx-request': 'true' };

const noraRow = async (cookie = amina) => {
  const response = await client.get(board, cookie);
  assert.equal(response.status, 200);
  const { document } = await html(response);
  const row = document.querySelector(`#child-${nora}`);
  assert.ok(row, "Nora's row is on the board");
  return { row, document };
};
const counts = (document: Document) =>
  Array.from(document.querySelectorAll('#board-counts dd')).map((d) => Number(d.textContent));

test('Amina sees the board with Nora: expected times, who may fetch, a check-in button', async () => {
  const { row, document } = await noraRow();
  assert.match(row.textContent!, /Nora Nordmann/);
  assert.match(row.textContent!, /Ikke kommet/);
  assert.match(row.textContent!, /Plan: \d\d:\d\d–\d\d:\d\d/);
  assert.match(row.textContent!, /Kari Nordmann/, 'a guardian may fetch');
  assert.equal(row.querySelector('form button')?.textContent, 'Sjekk inn');
  assert.equal(row.querySelector('form')?.getAttribute('action'), tapOn(nora, 'check-in'));
  assert.equal(row.querySelector('form')?.getAttribute('hx-target'), `#child-${nora}`);
  const [expected, here, gone] = counts(document);
  assert.ok(expected! > 10, `many children expected (${expected})`);
  assert.equal(here, 0);
  assert.equal(gone, 0);
});

test('check in without JavaScript → 303 to the row; the time and who are shown; a second tap changes nothing', async () => {
  clock = new Date(`${TODAY}T08:03:00+01:00`);
  const response = await client.post(tapOn(nora, 'check-in'), {}, amina);
  assert.equal(response.status, 303);
  assert.equal(response.headers.get('location'), `${board}#child-${nora}`);
  clock = new Date(`${TODAY}T08:30:00+01:00`);
  assert.equal((await client.post(tapOn(nora, 'check-in'), {}, amina)).status, 303, 'the same child twice');
  const { row, document } = await noraRow();
  assert.match(row.textContent!, /Her siden 08:03/, 'the first check-in stands');
  assert.match(row.textContent!, /Sjekket inn 08:03 av Amina Haddad/);
  assert.equal(counts(document)[1], 1, 'one here');
  const day = await db.selectFrom('care_day').selectAll().where('child_id', '=', nora).executeTakeFirstOrThrow();
  assert.equal(day.kindergarten_id, kindergarten.id);
  const audits = await db
    .selectFrom('audit_log')
    .select('action')
    .where('subject_person_id', '=', nora)
    .where('action', '=', 'care_day.check_in')
    .execute();
  assert.equal(audits.length, 1, 'one audited check-in');
});

test('check out with htmx: only the row comes back, with the time and who picked Nora up', async () => {
  clock = new Date(`${TODAY}T15:40:00+01:00`);
  const { row } = await noraRow();
  const guardianOption = Array.from(row.querySelectorAll('select[name="picked_up_by"] option')).find((o) =>
    o.textContent!.includes('Kari Nordmann'),
  );
  assert.ok(guardianOption, 'Kari is a choice');
  const response = await client.post(
    tapOn(nora, 'check-out'),
    { picked_up_by: guardianOption.getAttribute('value')! },
    { ...amina, ...htmx },
  );
  assert.equal(response.status, 200);
  const { text, document } = await html(response);
  assert.doesNotMatch(text, /<html/i, 'a fragment, not a page');
  assert.equal(document.querySelectorAll('li[id^="child-"]').length, 1);
  const oob = document.querySelector('#board-counts[hx-swap-oob="true"]');
  assert.ok(oob, 'the counts come out of band');
  assert.deepEqual(
    Array.from(oob.querySelectorAll('dd'))
      .map((d) => Number(d.textContent))
      .slice(1, 3),
    [0, 1],
    'none here, one gone',
  );
  assert.match(text, /Gått 15:40/);
  assert.match(text, /Hentet av Kari Nordmann/);
  assert.match(text, /Sjekket ut 15:40 av Amina Haddad/);
  assert.ok(!document.querySelector('form[action$="/check-out"]'), 'no check-out button once gone');
  const { document: page } = await noraRow();
  assert.deepEqual(counts(page).slice(1, 3), [0, 1], 'none here, one gone');
});

test('undo a mis-tap: the check-out goes, then the check-in; a note is saved and shown', async () => {
  assert.equal((await client.post(tapOn(nora, 'undo'), {}, amina)).status, 303);
  let { row } = await noraRow();
  assert.match(row.textContent!, /Her siden 08:03/);
  const other = await client.post(
    tapOn(nora, 'check-out'),
    { picked_up_by: 'other', picked_up_other: '' },
    { ...amina, ...htmx },
  );
  assert.equal(other.status, 422, 'someone else without a name');
  assert.match(await other.text(), /Skriv navnet på den som henter/);
  assert.equal(
    (await client.post(tapOn(nora, 'check-out'), { picked_up_by: 'other', picked_up_other: 'Bestemor Åse' }, amina))
      .status,
    303,
  );
  ({ row } = await noraRow());
  assert.match(row.textContent!, /Hentet av Bestemor Åse/);
  await client.post(tapOn(nora, 'undo'), {}, amina);
  await client.post(tapOn(nora, 'undo'), {}, amina);
  ({ row } = await noraRow());
  assert.match(row.textContent!, /Ikke kommet/);
  const note = await client.post(tapOn(nora, 'note'), { note: 'Sov godt <b>i dag</b>' }, { ...amina, ...htmx });
  assert.equal(note.status, 200);
  const saved = await html(note);
  assert.equal(saved.document.querySelector('dd')?.textContent, 'Sov godt <b>i dag</b>', 'shown as typed');
  assert.ok(!saved.document.querySelector('dd b'), 'escaped, not markup');
  const checkOutFirst = await client.post(tapOn(nora, 'check-out'), {}, amina);
  assert.equal(checkOutFirst.status, 422, 'not checked in: refused on the page');
  assert.match(await checkOutFirst.text(), /ikke sjekket inn/);
});

test('who is refused: SFO staff, a teacher, a guardian get 404 on the board and its taps; bad ids 404', async () => {
  for (const [who, cookie] of [
    ['Jonas (SFO)', jonas],
    ['teacher', await as('teacher')],
    ['Kari (guardian)', await as('guardian', 'idporten')],
    ['Randi (owner)', randi],
  ] as const) {
    assert.equal((await client.get(board, cookie)).status, 404, `${who}: board`);
    assert.equal((await client.post(tapOn(nora, 'check-in'), {}, cookie)).status, 404, `${who}: check-in`);
    assert.equal((await client.post(tapOn(nora, 'note'), { note: 'x' }, cookie)).status, 404, `${who}: note`);
  }
  const jonasBoard = await client.get(sfoBoard, jonas);
  assert.equal(jonasBoard.status, 200, 'Jonas has his own board');
  const sfoRows = (await html(jonasBoard)).document.querySelectorAll('li[id^="child-"]');
  assert.ok(sfoRows.length > 10, `the SFO's children (${sfoRows.length})`);
  assert.ok(!(await html(await client.get(sfoBoard, jonas))).document.querySelector(`#child-${nora}`), 'not Nora');
  assert.equal((await client.get(sfoBoard, await as('leadership'))).status, 200, 'the rektor leads the SFO');
  assert.equal((await client.get('/care/school/1/board', amina)).status, 404);
  assert.equal((await client.get('/care/kindergarten/abc/board', amina)).status, 404);
  assert.equal((await client.get('/care/kindergarten/999999/board', amina)).status, 404);
  // a child of another unit (an SFO child) through the kindergarten's board, and an SFO tap on Nora
  const sfoChild = (
    await db.selectFrom('sfo_enrolment').select('pupil_id').where('sfo_id', '=', sfo).executeTakeFirstOrThrow()
  ).pupil_id;
  assert.equal((await client.post(tapOn(sfoChild, 'check-in'), {}, hilde)).status, 404);
  assert.equal((await client.post(`${sfoBoard}/children/${nora}/check-in`, {}, jonas)).status, 404);
  assert.equal((await client.post(tapOn(999999, 'check-in'), {}, amina)).status, 404);
  const anonymous = await client.get(board);
  assert.equal(anonymous.status, 302);
});

test('Hilde (styrer) sees the board with a link to statistics; the staff home lists the board', async () => {
  const { document } = await noraRow(hilde);
  assert.ok(document.querySelector(`a[href="/care/kindergarten/${kindergarten.id}/statistics"]`));
  const home = await html(await client.get('/home', amina));
  assert.ok(home.document.querySelector(`main a[href="${board}"]`), "Amina's home links to the board");
  assert.doesNotMatch(home.text, /ikke knyttet til noen klasser/);
  assert.ok(home.document.querySelector('nav a[href="/care"]'), 'the staff nav has the board');
  const teacherHome = await html(await client.get('/home', await as('teacher')));
  assert.ok(!teacherHome.document.querySelector('nav a[href="/care"]'), 'a teacher has no board in the nav');
  const care = await client.get('/care', amina);
  assert.equal(care.status, 302);
  assert.equal(care.headers.get('location'), board);
});

test('the department filter: only Bjørnehiet; a tap without JavaScript returns to the filtered board', async () => {
  const bjornehiet = (
    await db
      .selectFrom('kindergarten_department')
      .select('id')
      .where('kindergarten_id', '=', kindergarten.id)
      .where('name', '=', 'Bjørnehiet')
      .executeTakeFirstOrThrow()
  ).id;
  const filtered = await html(await client.get(`${board}?department=${bjornehiet}`, hilde));
  const rows = Array.from(filtered.document.querySelectorAll('li[id^="child-"]'));
  assert.ok(rows.length > 3 && rows.length < 30, `some children (${rows.length})`);
  assert.ok(filtered.document.querySelector(`#child-${nora}`));
  assert.ok(
    rows.every((r) => r.textContent!.includes('Bjørnehiet')),
    'only Bjørnehiet',
  );
  const action = filtered.document.querySelector(`#child-${nora} form`)!.getAttribute('action')!;
  assert.equal(action, `${tapOn(nora, 'check-in')}?department=${bjornehiet}`);
  const response = await client.post(action, {}, hilde);
  assert.equal(response.status, 303);
  assert.equal(response.headers.get('location'), `${board}?department=${bjornehiet}#child-${nora}`);
  await client.post(tapOn(nora, 'undo'), {}, hilde);
});

test('the board costs the same number of statements for 10 and for 120 children', async () => {
  const aminaId = await loginPersonId(db, 'kindergarten-staff');
  const kg = await db
    .insertInto('kindergarten')
    .values({ municipality_id: kindergarten.municipality_id, name: 'Tellehagen barnehage' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const dept = await db
    .insertInto('kindergarten_department')
    .values({ kindergarten_id: kg.id, name: 'Avdeling A' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('staff_membership')
    .values({
      person_id: aminaId,
      municipality_id: kindergarten.municipality_id,
      school_id: null,
      sfo_id: null,
      kindergarten_id: kg.id,
      role: 'kindergarten_staff',
      starts_on: '2020-08-01',
    })
    .execute();
  const addChildren = async (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const child = await db
        .insertInto('person')
        .values({ given_name: `Barn${i}`, family_name: 'Telle' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('kindergarten_enrolment')
        .values({ child_id: child.id, department_id: dept.id, starts_on: '2026-08-01' })
        .execute();
      await db
        .insertInto('care_week_day')
        .values(
          [1, 2, 3, 4, 5].map((weekday) => ({ child_id: child.id, weekday, arrives_at: '08:00', leaves_at: '16:00' })),
        )
        .execute();
      await db
        .insertInto('care_pickup_person')
        .values({ child_id: child.id, name: `Besteforelder ${i}`, phone: '900 00 000' })
        .execute();
      if (i % 2)
        await db
          .insertInto('care_day')
          .values({
            child_id: child.id,
            on_date: TODAY,
            kindergarten_id: kg.id,
            checked_in_at: clock,
            checked_in_by: aminaId,
          })
          .execute();
    }
  };
  const cost = async () => {
    const path = `/care/kindergarten/${kg.id}/board`;
    await (await client.get(path, amina)).text();
    counter.reset();
    const response = await client.get(path, amina);
    assert.equal(response.status, 200);
    const { document } = await html(response);
    return { count: counter.count, rows: document.querySelectorAll('li[id^="child-"]').length };
  };
  await addChildren(0, 10);
  const ten = await cost();
  assert.equal(ten.rows, 10);
  await addChildren(10, 120);
  const many = await cost();
  assert.equal(many.rows, 120);
  assert.equal(many.count, ten.count, `10 children: ${ten.count} statements, 120: ${many.count}`);
  assert.ok(ten.count <= 4, `session, unit, board, and the view in the audit (D9): ${ten.count}`);
});

test('statistics: Hilde sees attendance per day and week and Nora’s hours; Randi the same figures without names', async () => {
  for (const [date, from, to] of [
    ['2026-11-23', '08:00', '16:00'],
    ['2026-11-24', '08:00', '16:00'],
  ] as const)
    await db
      .insertInto('care_day')
      .values({
        child_id: nora,
        on_date: date,
        kindergarten_id: kindergarten.id,
        checked_in_at: new Date(`${date}T${from}:00+01:00`),
        checked_out_at: new Date(`${date}T${to}:00+01:00`),
      })
      .execute();
  const path = `/care/kindergarten/${kindergarten.id}/statistics?from=23.11.2026&to=2026-11-24`;
  const leader = await client.get(path, hilde);
  assert.equal(leader.status, 200);
  const { document } = await html(leader);
  const cells = (row: Element | null | undefined) =>
    Array.from(row?.querySelectorAll('td') ?? []).map((c) => c.textContent);
  const noraRow = document.querySelector(`#stat-child-${nora}`);
  assert.match(noraRow?.textContent ?? '', /Nora Nordmann/);
  assert.equal(cells(noraRow)[2], '16,0', 'two days of eight hours');
  const monday = Array.from(
    document.querySelectorAll('#per-day ~ * tbody tr, [aria-labelledby="per-day"] tbody tr'),
  ).find((tr) => tr.querySelector('th')?.textContent === '23.11.2026');
  assert.ok(monday, 'a row for Monday');
  const [expected, came] = cells(monday).map(Number);
  assert.ok(expected! > 10, `expected on Monday: ${expected}`);
  assert.equal(came, 1, 'only Nora was checked in');
  assert.ok(document.querySelector('svg[role="img"]'), 'the bar chart');

  const owner = await client.get(path, randi);
  assert.equal(owner.status, 200);
  const ownerPage = await html(owner);
  assert.doesNotMatch(ownerPage.text, /Nora/);
  assert.ok(!ownerPage.document.querySelector('#per-child'));
  const ownerMonday = Array.from(ownerPage.document.querySelectorAll('[aria-labelledby="per-day"] tbody tr')).find(
    (tr) => tr.querySelector('th')?.textContent === '23.11.2026',
  );
  assert.equal(cells(ownerMonday).map(Number)[1], 1, 'the owner sees the aggregate');

  for (const [who, cookie] of [
    ['Amina (staff)', amina],
    ['Jonas (SFO)', jonas],
    ['Kari (guardian)', await as('guardian', 'idporten')],
  ] as const)
    assert.equal((await client.get(path, cookie)).status, 404, who);
  assert.equal(
    (await client.get(`/care/kindergarten/${kindergarten.id}/statistics?from=01.01.2026&to=31.12.2026`, hilde)).status,
    422,
    'over 92 days',
  );
  assert.equal(
    (await client.get(`/care/kindergarten/${kindergarten.id}/statistics?from=31.02.2026&to=x`, hilde)).status,
    422,
  );
  const byDefault = await client.get(`/care/kindergarten/${kindergarten.id}/statistics`, hilde);
  assert.equal(byDefault.status, 200);
  assert.match(await byDefault.text(), /Oppmøte 01\.11\.2026–25\.11\.2026/, 'the current month up to today');
});

test('hostile input to the board and the statistics is never a 5xx', async () => {
  const hostile = [
    'a\u0000b',
    'x'.repeat(100_000),
    '\uD800',
    '99999999999999999999',
    'pickup:999999999999',
    'guardian:1',
  ];
  await client.post(tapOn(nora, 'check-in'), {}, amina);
  for (const value of hostile) {
    for (const what of ['check-out', 'note', 'undo', 'check-in']) {
      const response = await client.post(
        tapOn(nora, what),
        { picked_up_by: value, picked_up_other: value, note: value },
        { ...amina, ...htmx },
      );
      assert.ok(response.status < 500, `${what} ${value.slice(0, 20)}: ${response.status}`);
    }
    // a lone surrogate cannot be encoded: sent as the bytes a broken client might send
    const q = value === '\uD800' ? '%ED%A0%80' : encodeURIComponent(value);
    for (const query of [`from=${q}&to=01.12.2026`, `department=${q}`]) {
      const stats = await client.get(`/care/kindergarten/${kindergarten.id}/statistics?${query}`, hilde);
      assert.ok(stats.status < 500, `statistics ${query.slice(0, 30)}: ${stats.status}`);
      const page = await client.get(`${board}?${query}`, hilde);
      assert.ok(page.status < 500, `board ${query.slice(0, 30)}: ${page.status}`);
    }
  }
  for (const path of [`/care/kindergarten/99999999999999999999/board`, `/care/sfo/-1/statistics`, `/care/x/1/board`])
    assert.equal((await client.get(path, hilde)).status, 404, path);
  const long = await client.post(tapOn(nora, 'note'), { note: 'x'.repeat(501) }, amina);
  assert.equal(long.status, 422, 'a note over 500 characters is refused with a message');
  assert.match(await long.text(), /Teksten er for lang/);
});

test('a coming day shows who is expected, read-only; today links to it; past, far or malformed days are today', async () => {
  clock = new Date(`${TODAY}T09:00:00+01:00`);
  await db.deleteFrom('care_day_change').where('child_id', '=', nora).execute();
  await db
    .insertInto('care_day_change')
    .values({ child_id: nora, on_date: '2026-11-27', kind: 'off', arrives_at: null, leaves_at: null })
    .execute();
  await db
    .insertInto('care_day')
    .values({
      child_id: nora,
      on_date: '2026-11-27',
      kindergarten_id: kindergarten.id,
      pickup_message: 'Farmor henter',
    })
    .execute();
  const today = await html(await client.get(board, amina));
  const next = today.document.querySelector('a[href$="date=2026-11-26"]');
  assert.equal(next?.textContent, 'Neste dag', "today's board links to tomorrow");

  const friday = await html(await client.get(`${board}?date=2026-11-27`, amina));
  assert.match(friday.document.querySelector('h1')?.textContent ?? '', /27\.11\.2026/);
  assert.match(friday.text, /Viser 27\.11\.2026: hvem som er ventet/);
  const row = friday.document.querySelector(`#child-${nora}`);
  assert.ok(row);
  assert.match(row.textContent!, /Fri/);
  assert.doesNotMatch(row.textContent!, /i dag/, 'no "today" words on another day');
  assert.match(row.textContent!, /Farmor henter/);
  assert.equal(friday.document.querySelectorAll('li[id^="child-"] form').length, 0, 'no taps on a coming day');
  assert.ok(friday.document.querySelector(`a[href="${board}?date=2026-11-26"]`), 'the day before');
  assert.ok(friday.document.querySelector(`a[href="${board}"]`), 'back to today');

  for (const date of ['2026-11-24', '2026-12-31', 'igår', '2026-02-30']) {
    const page = await html(await client.get(`${board}?date=${encodeURIComponent(date)}`, amina));
    assert.match(page.document.querySelector('h1')?.textContent ?? '', /25\.11\.2026/, `${date} shows today`);
    assert.ok(page.document.querySelector('li[id^="child-"] form'), `${date}: today's taps`);
  }
  // The board of another day is no more open than today's.
  assert.equal((await client.get(`${board}?date=2026-11-27`, jonas)).status, 404);
  assert.equal((await client.get(`${board}?date=2026-11-27`, await as('guardian', 'idporten'))).status, 404);
});
