import assert from 'node:assert/strict';
import { countStatements } from '../../src/db/counting.ts';
import { test } from 'node:test';
import { runAbsenceFollowUp } from '../../src/domain/absence/follow-up.ts';
import { loadActor } from '../../src/domain/access/actor.ts';
import { listTodaysLessons } from '../../src/domain/attendance/today.ts';
import { countSchoolDays, isSchoolDay } from '../../src/domain/calendar/school-days.ts';
import { createTestApp, html, sessionCookie } from '../support/app.ts';
import { createDemoTestDb } from '../support/db.ts';
import { loginPersonId } from '../support/fixtures.ts';

const TODAY = '2026-11-25';
const db = await createDemoTestDb(TODAY);
const clock = () => new Date(`${TODAY}T10:00:00Z`);
const client = createTestApp(db, {}, { clock });
const counter = countStatements(db);
const counted = counter.db;
const countingClient = createTestApp(counted, {}, { clock });

const municipality = async (name: string) =>
  (await db.selectFrom('municipality').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
const DEMO = await municipality('Demo kommune');
const NORDLYS = await municipality('Stiftelsen Nordlys');
const year = await db
  .selectFrom('school_year')
  .select(['id', 'starts_on', 'ends_on'])
  .where('municipality_id', '=', DEMO)
  .where('starts_on', '<=', TODAY)
  .where('ends_on', '>=', TODAY)
  .executeTakeFirstOrThrow();
const cookieOf = async (key: Parameters<typeof loginPersonId>[1], via: 'feide' | 'idporten' = 'feide') =>
  sessionCookie(db, await loginPersonId(db, key), via);
const owner = await cookieOf('school-owner');
const leader = await cookieOf('leadership');
const PAGE = `/municipalities/${DEMO}/skolerute`;

const days = (from = year.starts_on, to = year.ends_on) =>
  db
    .selectFrom('school_calendar_day')
    .select(['date', 'kind', 'name'])
    .where('municipality_id', '=', DEMO)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .orderBy('date')
    .execute();
const dayCount = async () => (await days()).length;
const audits = (action: string) =>
  db
    .selectFrom('audit_log')
    .select(['actor_role', 'record_id', 'details'])
    .where('action', '=', action)
    .orderBy('id')
    .execute();
const shownSchoolDays = async (cookie = owner) => {
  const { document } = await html(await client.get(`${PAGE}?year=${year.id}`, { cookie }));
  return Number(/(\d+)/.exec(document.querySelector('#school-days')?.textContent ?? '')?.[1]);
};
const add = (body: Record<string, string>, cookie = owner) =>
  client.post(`${PAGE}/days`, { year: String(year.id), ...body }, { cookie });

test('the school owner sees the year: dd.mm.yyyy, weekday, kind, name, the school-day count and a warning when not 190', async () => {
  const res = await client.get(PAGE, { cookie: owner });
  assert.equal(res.status, 200);
  const { document } = await html(res);
  const rows = Array.from(document.querySelectorAll('#days tbody tr')).map((tr) =>
    Array.from(tr.querySelectorAll('td'))
      .slice(0, 4)
      .map((td) => td.textContent?.trim()),
  );
  assert.deepEqual(
    rows.find((r) => r[0] === '17.05.2027'),
    ['17.05.2027', 'Mandag', 'Fridag/ferie', 'Grunnlovsdag'],
  );
  assert.equal(rows.length, await dayCount());
  assert.ok(document.querySelectorAll('#skolerute form[method="post"]').length > 3, 'the owner has the forms');
  const expected = await countSchoolDays(db, DEMO, year.starts_on, year.ends_on);
  assert.equal(await shownSchoolDays(), expected, 'the count agrees with the calendar the rest of Skolebro reads');
  const warning = document.querySelector('#school-days-warning')?.textContent ?? '';
  if (expected === 190) assert.equal(warning, '');
  else assert.match(warning, new RegExp(`er 190\\. Dette skoleåret har ${expected}`));
  const home = await html(await client.get('/home', { cookie: owner }));
  assert.ok(home.document.querySelector('a[href="/skolerute"]'), 'the staff home links the skolerute');
  const start = await client.get('/skolerute', { cookie: owner });
  assert.equal(start.status, 302);
  assert.equal(start.headers.get('location'), PAGE);
});

test('leadership of the owner’s schools reads it without forms; their changes are 404 and nothing changes', async () => {
  const res = await client.get(PAGE, { cookie: leader });
  assert.equal(res.status, 200);
  const { document } = await html(res);
  assert.ok(document.querySelectorAll('#days tbody tr').length > 0);
  assert.equal(document.querySelectorAll('#skolerute form[method="post"]').length, 0, 'no forms for leadership');
  assert.match(document.body.textContent ?? '', /Det er skoleeier som endrer den/);
  const before = await days();
  assert.equal((await add({ from: '26.11.2026', kind: 'planning_day', name: 'Plan' }, leader)).status, 404);
  for (const [path, body] of [
    ['day-removal', { date: '2027-05-17' }],
    ['range-removal', { kind: 'holiday', name: 'Juleferie' }],
    ['rename', { kind: 'holiday', old_name: 'Juleferie', name: 'Jul' }],
  ] as const) {
    const r = await client.post(`${PAGE}/${path}`, { year: String(year.id), ...body }, { cookie: leader });
    assert.equal(r.status, 404, path);
  }
  assert.deepEqual(await days(), before);
});

test('nobody else reaches it: teachers, a guardian, a pupil → 404; an owner on another owner’s skolerute → 404', async () => {
  for (const [key, via] of [
    ['contact-teacher', 'feide'],
    ['teacher', 'feide'],
    ['sfo-leader', 'feide'],
    ['guardian', 'idporten'],
    ['pupil', 'feide'],
  ] as const) {
    const cookie = await cookieOf(key, via);
    assert.equal((await client.get(PAGE, { cookie })).status, 404, key);
    assert.equal((await client.get('/skolerute', { cookie })).status, 404, key);
    assert.equal((await add({ from: '26.11.2026', kind: 'holiday', name: 'X' }, cookie)).status, 404, key);
  }
  assert.equal((await client.get(`/municipalities/${NORDLYS}/skolerute`, { cookie: owner })).status, 404);
  assert.equal((await client.get(`/municipalities/${NORDLYS}/skolerute`, { cookie: leader })).status, 404);
  const r = await client.post(
    `/municipalities/${NORDLYS}/skolerute/days`,
    { year: String(year.id), from: '26.11.2026', kind: 'holiday', name: 'X' },
    { cookie: owner },
  );
  assert.equal(r.status, 404);
  // a school year of another owner is not this owner's year
  const nordlysYear = await db
    .selectFrom('school_year')
    .select('id')
    .where('municipality_id', '=', NORDLYS)
    .executeTakeFirstOrThrow();
  const wrongYear = await client.post(
    `${PAGE}/days`,
    { year: String(nordlysYear.id), from: '26.11.2026', kind: 'holiday', name: 'X' },
    { cookie: owner },
  );
  assert.equal(wrongYear.status, 404);
});

test('bad input: 422, the values kept, a message per field, and nothing saved', async () => {
  const before = await days();
  const res = await add({ from: '32.13.2026', to: 'i morgen', kind: 'ferie', name: '  ' });
  assert.equal(res.status, 422);
  const { document } = await html(res);
  assert.equal(document.querySelector('#add-from')?.getAttribute('value'), '32.13.2026');
  assert.equal(document.querySelector('#add-to')?.getAttribute('value'), 'i morgen');
  for (const field of ['from', 'to', 'kind', 'name'])
    assert.ok(document.querySelector(`#add-${field}-error`), `a message for ${field}`);
  assert.equal(document.querySelectorAll('[role="alert"] li a').length, 4);

  const cases: [Record<string, string>, string, RegExp][] = [
    [{ from: '01.08.2026', to: '', kind: 'holiday', name: 'Sommer' }, 'from', /utenfor skoleåret/],
    [{ from: '14.06.2027', to: '25.06.2027', kind: 'holiday', name: 'Sommer' }, 'to', /utenfor skoleåret/],
    [{ from: '03.12.2026', to: '01.12.2026', kind: 'holiday', name: 'Feil' }, 'to', /før fra-datoen/],
    [{ from: '28.11.2026', to: '29.11.2026', kind: 'planning_day', name: 'Helg' }, 'from', /bare lørdager og søndager/],
    // 17.05.2027 is already Grunnlovsdag: the whole range is refused, 14.05 and 18.05 are not saved either
    [{ from: '14.05.2027', to: '18.05.2027', kind: 'planning_day', name: 'Mai' }, 'from', /allerede lagt inn/],
    [{ from: '26.11.2026', to: '', kind: 'planning_day', name: 'x'.repeat(61) }, 'name', /høyst 60 tegn/],
  ];
  for (const [body, field, message] of cases) {
    const r = await add(body);
    assert.equal(r.status, 422, JSON.stringify(body));
    const page = await html(r);
    assert.match(page.document.querySelector(`#add-${field}-error`)?.textContent ?? '', message, JSON.stringify(body));
    assert.equal(page.document.querySelector('#add-name')?.getAttribute('value'), body.name);
  }
  assert.deepEqual(await days(), before, 'nothing saved');
  assert.deepEqual(await audits('skolerute.add'), []);
});

test('a whole named range is removed, then "Juleferie" 21.12.2026–01.01.2027 added: weekends skipped, count follows, audited', async () => {
  const schoolDaysBefore = await shownSchoolDays();
  const xmas = (await days('2026-12-01', '2027-01-10')).filter((d) => d.name === 'Juleferie');
  assert.ok(xmas.length > 0, 'the seed has a Juleferie');
  const removed = await client.post(
    `${PAGE}/range-removal`,
    { year: String(year.id), kind: 'holiday', name: 'Juleferie' },
    { cookie: owner },
  );
  assert.equal(removed.status, 303);
  assert.equal(removed.headers.get('location'), `${PAGE}?year=${year.id}&notice=removed`);
  assert.deepEqual(await days('2026-12-01', '2027-01-10'), []);
  assert.equal(await shownSchoolDays(), schoolDaysBefore + xmas.length);

  const res = await add({ from: '21.12.2026', to: '01.01.2027', kind: 'holiday', name: ' Juleferie ' });
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), `${PAGE}?year=${year.id}&notice=added`);
  const added = await days('2026-12-01', '2027-01-10');
  assert.deepEqual(
    added.map((d) => d.date),
    [
      '2026-12-21',
      '2026-12-22',
      '2026-12-23',
      '2026-12-24',
      '2026-12-25',
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
    ],
    'Saturday 26 and Sunday 27 December are skipped',
  );
  assert.ok(added.every((d) => d.kind === 'holiday' && d.name === 'Juleferie'));
  assert.equal(await shownSchoolDays(), schoolDaysBefore + xmas.length - 10);
  const page = await html(await client.get(`${PAGE}?year=${year.id}&notice=added`, { cookie: owner }));
  assert.match(page.document.querySelector('[role="status"]')?.textContent ?? '', /lagt til/);

  const addAudit = await audits('skolerute.add');
  assert.equal(addAudit.length, 1);
  assert.equal(addAudit[0]!.actor_role, 'school_owner');
  assert.equal(addAudit[0]!.record_id, String(DEMO));
  assert.deepEqual(
    { ...(addAudit[0]!.details as Record<string, unknown>) },
    {
      schoolYearId: year.id,
      from: '2026-12-21',
      to: '2027-01-01',
      kind: 'holiday',
      name: 'Juleferie',
      days: 10,
    },
  );
  const removeAudit = await audits('skolerute.remove');
  assert.equal((removeAudit.at(-1)!.details as { dates: string[] }).dates.length, xmas.length);
});

test('rename a range (422 with the value kept on a blank name), and remove a single day', async () => {
  const winter = (await days()).filter((d) => d.name === 'Vinterferie');
  assert.ok(winter.length > 0);
  const bad = await client.post(
    `${PAGE}/rename`,
    { year: String(year.id), kind: 'holiday', old_name: 'Vinterferie', name: ' ' },
    { cookie: owner },
  );
  assert.equal(bad.status, 422);
  const { document } = await html(bad);
  const field = Array.from(document.querySelectorAll('input[name="name"][aria-invalid="true"]'));
  assert.equal(field.length, 1);
  assert.match(document.querySelector(`#${field[0]!.id}-error`)?.textContent ?? '', /Skriv et navn/);
  assert.equal((await days()).filter((d) => d.name === 'Vinterferie').length, winter.length);

  const ok = await client.post(
    `${PAGE}/rename`,
    { year: String(year.id), kind: 'holiday', old_name: 'Vinterferie', name: 'Vinterferie (uke 8)' },
    { cookie: owner },
  );
  assert.equal(ok.status, 303);
  assert.equal((await days()).filter((d) => d.name === 'Vinterferie (uke 8)').length, winter.length);
  assert.equal((await audits('skolerute.rename')).length, 1);
  const unknown = await client.post(
    `${PAGE}/rename`,
    { year: String(year.id), kind: 'holiday', old_name: 'Finnes ikke', name: 'Noe' },
    { cookie: owner },
  );
  assert.equal(unknown.status, 404);

  const before = await dayCount();
  const one = await client.post(
    `${PAGE}/day-removal`,
    { year: String(year.id), date: '2027-05-17' },
    { cookie: owner },
  );
  assert.equal(one.status, 303);
  assert.equal(await dayCount(), before - 1);
  assert.equal(await isSchoolDay(db, DEMO, '2027-05-17'), true);
  const again = await client.post(
    `${PAGE}/day-removal`,
    { year: String(year.id), date: '2027-05-17' },
    { cookie: owner },
  );
  assert.equal(again.status, 404, 'a day not in the skolerute');
});

test('a new planning day is no school day for the calendar, the teacher’s "today" and the absence follow-up', async () => {
  const THURSDAY = '2026-11-26';
  const FRIDAY = '2026-11-27';
  const marius = await loginPersonId(db, 'contact-teacher');
  const actorOn = async (day: string) => (await loadActor(db, marius, 'feide', day))!;
  assert.ok((await listTodaysLessons(db, await actorOn(THURSDAY), THURSDAY)).length > 0, 'lessons before');
  assert.equal(await isSchoolDay(db, DEMO, THURSDAY), true);

  const res = await add({ from: '26.11.2026', kind: 'planning_day', name: 'Planleggingsdag' });
  assert.equal(res.status, 303);
  assert.equal(await isSchoolDay(db, DEMO, THURSDAY), false);
  assert.deepEqual(await listTodaysLessons(db, await actorOn(THURSDAY), THURSDAY), []);

  // A pupil registered absent on the planning day (and on the Friday after) without a message from home.
  const pupil = await db
    .selectFrom('person as p')
    .innerJoin('enrolment as e', 'e.pupil_id', 'p.id')
    .innerJoin('class as c', 'c.id', 'e.class_id')
    .select(['p.id', 'e.school_id'])
    .where('p.given_name', '=', 'Emil')
    .where('c.name', '=', '4B')
    .executeTakeFirstOrThrow();
  for (const date of [THURSDAY, FRIDAY])
    await db
      .insertInto('attendance')
      .values({ pupil_id: pupil.id, school_id: pupil.school_id, date, status: 'absent', registered_by: marius })
      .execute();
  const followUps = (date: string) =>
    db.selectFrom('absence_follow_up').select('pupil_id').where('date', '=', date).execute();
  await runAbsenceFollowUp(db, new Date(`${THURSDAY}T13:00:00Z`));
  assert.deepEqual(await followUps(THURSDAY), [], 'no follow-up on a planning day');
  await runAbsenceFollowUp(db, new Date(`${FRIDAY}T13:00:00Z`));
  assert.deepEqual(await followUps(FRIDAY), [{ pupil_id: pupil.id }], 'the next school day is followed up');
});

test('the page runs the same number of queries with few and with many days', async () => {
  const run = async () => {
    counter.reset();
    assert.equal((await countingClient.get(`${PAGE}?year=${year.id}`, { cookie: owner })).status, 200);
    return counter.count;
  };
  const few = await run();
  assert.equal(
    (await add({ from: '01.09.2026', to: '25.09.2026', kind: 'planning_day', name: 'September' })).status,
    303,
  );
  assert.equal(await run(), few);
});
