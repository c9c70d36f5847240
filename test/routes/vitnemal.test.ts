import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type DemoLoginKey } from '../../src/db/seed/seed.ts';
import { createTestApp, html, sessionCookie } from '../support/app.ts';
import { insertLeaveApplication } from '../support/applications.ts';
import { createDemoTestDb } from '../support/db.ts';
import { loginPersonId } from '../support/fixtures.ts';

const db = await createDemoTestDb('2026-11-25');
const client = createTestApp(db, {}, { clock: () => new Date('2026-11-25T14:00:00+01:00') });
const person = (key: DemoLoginKey) => loginPersonId(db, key);

async function classId(school: string, name: string) {
  return (
    await db
      .selectFrom('class as c')
      .innerJoin('school as s', 's.id', 'c.school_id')
      .select('c.id')
      .where('s.name', '=', school)
      .where('c.name', '=', name)
      .executeTakeFirstOrThrow()
  ).id;
}
async function pupilsOf(cls: number) {
  return db
    .selectFrom('enrolment as e')
    .innerJoin('person as p', 'p.id', 'e.pupil_id')
    .select(['p.id', 'p.given_name', 'p.family_name', 'e.school_id'])
    .where('e.class_id', '=', cls)
    .where('e.ends_on', 'is', null)
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .orderBy('p.id')
    .execute();
}
async function lessonsOn(cls: number, weekday: number) {
  return db
    .selectFrom('lesson')
    .select('id')
    .where('class_id', '=', cls)
    .where('weekday', '=', weekday)
    .orderBy('starts_at')
    .execute();
}

const bj9a = await classId('Bjørkelia skole', '9A');
const bj5a = await classId('Bjørkelia skole', '5A');
const fj9a = await classId('Fjellheim skule', '9A');
const [first, second, third] = await pupilsOf(bj9a);
assert.ok(first && second && third, 'the seed has pupils in 9A');
const rektor = await person('leadership');
const guardian = first.id; // any person id for reported_by; the counting does not care who reported

// first: 2 documented sick days (Mon–Tue 16–17.11), 3 absent lessons on Wed 18.11, 3 days of granted leave (Wed–Fri 11–13.11)
await db
  .insertInto('absence_report')
  .values({
    pupil_id: first.id,
    school_id: first.school_id,
    reported_by: guardian,
    kind: 'days',
    from_date: '2026-11-16',
    to_date: '2026-11-17',
    reason: 'sjuk',
    documented: true,
  })
  .execute();
const lessons = await lessonsOn(bj9a, 3);
await db
  .insertInto('attendance')
  .values(
    lessons.slice(2, 5).map((l) => ({
      pupil_id: first.id,
      school_id: first.school_id,
      date: '2026-11-18',
      lesson_id: l.id,
      status: 'absent' as const,
      registered_by: rektor,
    })),
  )
  .execute();
const leave = {
  school_id: first.school_id,
  applicant_id: guardian,
  reason: 'reise' as const,
  justification: 'Reise',
  rules_confirmed_at: new Date(),
  status: 'granted' as const,
};
await insertLeaveApplication(db, {
  ...leave,
  pupil_id: first.id,
  from_date: '2026-11-11',
  to_date: '2026-11-13',
  school_days: 3,
  granted_from: '2026-11-11',
  granted_to: '2026-11-13',
  granted_days: 3,
});
// second: 12 school days of granted leave (02.11–17.11) → only 10 deducted
await insertLeaveApplication(db, {
  ...leave,
  pupil_id: second.id,
  from_date: '2026-11-02',
  to_date: '2026-11-17',
  school_days: 12,
  granted_from: '2026-11-02',
  granted_to: '2026-11-17',
  granted_days: 12,
});
// third: a sick day NOT documented, and a future reported day (not counted yet)
await db
  .insertInto('absence_report')
  .values([
    {
      pupil_id: third.id,
      school_id: third.school_id,
      reported_by: guardian,
      kind: 'days',
      from_date: '2026-11-20',
      to_date: '2026-11-20',
      reason: 'sjuk',
    },
    {
      pupil_id: third.id,
      school_id: third.school_id,
      reported_by: guardian,
      kind: 'days',
      from_date: '2026-12-01',
      to_date: '2026-12-01',
      reason: 'lege',
    },
  ])
  .execute();

function rowOf(document: Document, familyName: string, givenName: string): string[] {
  const row = Array.from(document.querySelectorAll('tbody tr')).find(
    (tr) => tr.querySelector('th')?.textContent?.trim() === `${familyName}, ${givenName}`,
  );
  assert.ok(row, `row for ${givenName}`);
  return Array.from(row.querySelectorAll('td')).map((td) => td.textContent?.trim() ?? '');
}

test('the rektor sees days and hours separately, with leave and documented health absence deducted (at most 10 days)', async () => {
  const cookie = await sessionCookie(db, rektor, 'feide');
  const res = await client.get(`/classes/${bj9a}/vitnemal-absence`, { cookie });
  assert.equal(res.status, 200);
  const { document } = await html(res);
  assert.match(document.querySelector('h1')?.textContent ?? '', /Fravær til vitnemålet – 9A/);
  // days, hours, leave, deducted days, deducted hours, on vitnemål days, on vitnemål hours, late
  assert.deepEqual(rowOf(document, first.family_name, first.given_name), ['5', '3', '3', '5', '0', '0', '3', '0']);
  assert.deepEqual(rowOf(document, second.family_name, second.given_name), ['12', '0', '12', '10', '0', '2', '0', '0']);
  assert.deepEqual(rowOf(document, third.family_name, third.given_name), ['1', '0', '0', '0', '0', '1', '0', '0']);
  const audit = await db
    .selectFrom('audit_log')
    .select(['actor_person_id', 'record_id'])
    .where('action', '=', 'vitnemal_absence.view')
    .execute();
  assert.deepEqual(audit, [{ actor_person_id: rektor, record_id: String(bj9a) }]);
});

test("the school's registration wins: a reported day the school registered present does not count", async () => {
  await db
    .insertInto('attendance')
    .values({
      pupil_id: third.id,
      school_id: third.school_id,
      date: '2026-11-20',
      lesson_id: null,
      status: 'present',
      registered_by: rektor,
    })
    .execute();
  const { document } = await html(
    await client.get(`/classes/${bj9a}/vitnemal-absence`, { cookie: await sessionCookie(db, rektor, 'feide') }),
  );
  assert.deepEqual(rowOf(document, third.family_name, third.given_name).slice(0, 2), ['0', '0']);
});

test("only the school's leadership, and only for 8.–10. trinn: everyone else gets 404", async () => {
  const rektorCookie = await sessionCookie(db, rektor, 'feide');
  assert.equal(
    (await client.get(`/classes/${bj5a}/vitnemal-absence`, { cookie: rektorCookie })).status,
    404,
    '5. trinn',
  );
  assert.equal(
    (await client.get(`/classes/${fj9a}/vitnemal-absence`, { cookie: rektorCookie })).status,
    404,
    'another school',
  );
  for (const key of ['contact-teacher', 'teacher', 'school-owner', 'sfo-leader', 'pupil'] as const) {
    const cookie = await sessionCookie(db, await person(key), 'feide');
    assert.equal((await client.get(`/classes/${bj9a}/vitnemal-absence`, { cookie })).status, 404, key);
  }
  const guardianCookie = await sessionCookie(db, await person('guardian'), 'idporten');
  assert.equal(
    (await client.get(`/classes/${bj9a}/vitnemal-absence`, { cookie: guardianCookie })).status,
    404,
    'guardian',
  );
  const anonymous = await client.get(`/classes/${bj9a}/vitnemal-absence`);
  assert.equal(anonymous.status, 302);
});
