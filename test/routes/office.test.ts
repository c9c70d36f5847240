import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seedDatabase } from '../../src/db/seed/seed.ts';
import { createTestApp, html, sessionCookie } from '../support/app.ts';
import { createTestDb } from '../support/db.ts';
import { loginPersonId } from '../support/fixtures.ts';

const TODAY = '2026-11-25';
const db = await createTestDb();
await seedDatabase(db, { size: 'demo', today: TODAY });
let now = new Date(`${TODAY}T10:00:00Z`);
const client = createTestApp(db, {}, { clock: () => now });

const schoolId = async (name: string) =>
  (await db.selectFrom('school').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
const BJ = await schoolId('Bjørkelia skole');
const FJ = await schoolId('Fjellheim skule');
const classId = async (school: number, name: string) =>
  (
    await db
      .selectFrom('class')
      .select('id')
      .where('school_id', '=', school)
      .where('name', '=', name)
      .executeTakeFirstOrThrow()
  ).id;
const yearId = (
  await db
    .selectFrom('school_year as y')
    .innerJoin('school as s', 's.municipality_id', 'y.municipality_id')
    .select('y.id')
    .where('s.id', '=', BJ)
    .executeTakeFirstOrThrow()
).id;
const cookieOf = async (key: Parameters<typeof loginPersonId>[1], via: 'feide' | 'idporten' = 'feide') =>
  sessionCookie(db, await loginPersonId(db, key), via);
const leader = await cookieOf('leadership');
const owner = await cookieOf('school-owner');
const classCount = async () =>
  Number(
    (
      await db
        .selectFrom('class')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const enrolmentCount = async () =>
  Number(
    (
      await db
        .selectFrom('enrolment')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const audits = (action: string) =>
  db
    .selectFrom('audit_log')
    .select(['actor_person_id', 'actor_role', 'record_id', 'subject_person_id'])
    .where('action', '=', action)
    .execute();

/** A person from the register who has never been enrolled. */
async function newPerson(
  given: string,
  fodselsnummer: string,
  protection: 'none' | 'fortrolig' | 'strengt_fortrolig' = 'none',
) {
  return (
    await db
      .insertInto('person')
      .values({
        given_name: given,
        family_name: 'Nykommer',
        fodselsnummer,
        address_line: `Hemmeligveien ${given.length}`,
        postal_code: '9999',
        postal_place: 'Skjult',
        address_protection: protection,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

test('leadership creates a class for its school in a school year; it is listed and audited', async () => {
  const start = await html(await client.get('/office', { cookie: leader }));
  assert.ok(start.document.querySelector(`a[href="/office/schools/${BJ}/classes"]`), 'Bjørkelia is linked');
  assert.equal(start.document.querySelector(`a[href="/office/schools/${FJ}/classes"]`), null, 'not Fjellheim');
  const home = await html(await client.get('/home', { cookie: leader }));
  assert.ok(home.document.querySelector('a[href="/office"]'), 'the home page links the office');

  const res = await client.post(
    `/office/schools/${BJ}/classes`,
    { name: ' 3C ', trinn: '3', school_year_id: String(yearId) },
    { cookie: leader },
  );
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), `/office/schools/${BJ}/classes?year=${yearId}&created=1`);
  const list = await html(await client.get(res.headers.get('location')!, { cookie: leader }));
  const names = Array.from(list.document.querySelectorAll('tbody tr td:first-child a')).map((a) => a.textContent);
  assert.ok(names.includes('3C'), names.join(','));
  assert.match(list.document.querySelector('[role="status"]')?.textContent ?? '', /opprettet/);
  const created = await db
    .selectFrom('class')
    .select(['trinn', 'school_year_id', 'closed_on'])
    .where('id', '=', await classId(BJ, '3C'))
    .executeTakeFirstOrThrow();
  assert.deepEqual(created, { trinn: 3, school_year_id: yearId, closed_on: null });
  const audit = await audits('class.create');
  assert.deepEqual(
    audit.map((a) => [a.actor_role, a.record_id]),
    [['leadership', String(await classId(BJ, '3C'))]],
  );
});

test('bad class input: 422, the typed values kept, a message per field and a summary; nothing saved', async () => {
  const before = await classCount();
  const res = await client.post(
    `/office/schools/${BJ}/classes`,
    { name: '', trinn: '11', school_year_id: 'x' },
    { cookie: leader },
  );
  assert.equal(res.status, 422);
  const { document } = await html(res);
  assert.equal(document.querySelector('#class-trinn')?.getAttribute('value'), '11');
  assert.equal(document.querySelectorAll('[role="alert"] li a').length, 3);
  assert.ok(document.querySelector('#class-name-error'));
  assert.ok(document.querySelector('#class-trinn-error'));
  assert.ok(document.querySelector('#class-schoolYearId-error'));

  const taken = await client.post(
    `/office/schools/${BJ}/classes`,
    { name: '3a', trinn: '3', school_year_id: String(yearId) },
    { cookie: leader },
  );
  assert.equal(taken.status, 422);
  const page = await html(taken);
  assert.equal(page.document.querySelector('#class-name')?.getAttribute('value'), '3a');
  assert.match(
    page.document.querySelector('#class-name-error')?.textContent ?? '',
    /allerede en klasse med dette navnet/,
  );
  assert.equal(await classCount(), before);
});

test('the school owner runs the office of every school it owns; leadership of another school, teachers and guardians get 404', async () => {
  const fjClass = await classId(FJ, '6A');
  const ownerStart = await html(await client.get('/office', { cookie: owner }));
  assert.ok(ownerStart.document.querySelector(`a[href="/office/schools/${FJ}/classes"]`));
  assert.ok(ownerStart.document.querySelector(`a[href="/office/schools/${BJ}/classes"]`));
  const made = await client.post(
    `/office/schools/${FJ}/classes`,
    { name: '1C', trinn: '1', school_year_id: String(yearId) },
    { cookie: owner },
  );
  assert.equal(made.status, 303);
  assert.equal((await audits('class.create')).at(-1)?.actor_role, 'school_owner');
  assert.equal((await client.get(`/office/classes/${fjClass}`, { cookie: owner })).status, 200);

  const before = await classCount();
  const others: [string, string][] = [
    ['leadership of Bjørkelia at Fjellheim', leader],
    ['contact teacher', await cookieOf('contact-teacher')],
    ['teacher', await cookieOf('teacher')],
    ['SFO leader', await cookieOf('sfo-leader')],
    ['guardian', await cookieOf('guardian', 'idporten')],
    ['rektor via ID-porten', await cookieOf('leadership', 'idporten')],
  ];
  for (const [who, cookie] of others) {
    assert.equal((await client.get(`/office/schools/${FJ}/classes`, { cookie })).status, 404, who);
    assert.equal((await client.get(`/office/classes/${fjClass}`, { cookie })).status, 404, who);
    const posts = [
      [`/office/schools/${FJ}/classes`, { name: 'X', trinn: '1', school_year_id: String(yearId) }],
      [`/office/classes/${fjClass}/name`, { name: 'Y' }],
      [`/office/classes/${fjClass}/closure`, {}],
      [`/office/classes/${fjClass}/enrolments`, { person_id: '1', starts_on: TODAY }],
    ] as const;
    for (const [path, form] of posts)
      assert.equal((await client.post(path, form, { cookie })).status, 404, `${who} ${path}`);
    if (who !== 'leadership of Bjørkelia at Fjellheim') {
      assert.equal((await client.get('/office', { cookie })).status, 404, who);
      assert.equal((await client.get(`/office/schools/${BJ}/classes`, { cookie })).status, 404, who);
    }
  }
  assert.equal(await classCount(), before);
  const fjEnrolment = (
    await db.selectFrom('enrolment').select('id').where('class_id', '=', fjClass).executeTakeFirstOrThrow()
  ).id;
  assert.equal(
    (
      await client.post(
        `/office/enrolments/${fjEnrolment}/ending`,
        { ends_on: TODAY, reason: 'moved' },
        { cookie: leader },
      )
    ).status,
    404,
  );
  assert.equal(
    (await client.post(`/office/enrolments/${fjEnrolment}/move`, { class_id: '1', on: TODAY }, { cookie: leader }))
      .status,
    404,
  );
  assert.equal(
    (await db.selectFrom('enrolment').select('ends_on').where('id', '=', fjEnrolment).executeTakeFirstOrThrow())
      .ends_on,
    null,
  );
});

test('rename (audited, unique) and close: refused with a field error while pupils are enrolled, done when empty', async () => {
  const threeC = await classId(BJ, '3C');
  const renamed = await client.post(`/office/classes/${threeC}/name`, { name: '3D' }, { cookie: leader });
  assert.equal(renamed.status, 303);
  assert.equal(
    (await db.selectFrom('class').select('name').where('id', '=', threeC).executeTakeFirstOrThrow()).name,
    '3D',
  );
  assert.equal((await audits('class.rename')).length, 1);
  const clash = await client.post(`/office/classes/${threeC}/name`, { name: '3B' }, { cookie: leader });
  assert.equal(clash.status, 422);
  assert.equal((await html(clash)).document.querySelector('#rename-name')?.getAttribute('value'), '3B');

  const threeA = await classId(BJ, '3A');
  const refused = await client.post(`/office/classes/${threeA}/closure`, {}, { cookie: leader });
  assert.equal(refused.status, 422);
  assert.match((await html(refused)).document.querySelector('#close-error')?.textContent ?? '', /har elever/);
  assert.equal(
    (await db.selectFrom('class').select('closed_on').where('id', '=', threeA).executeTakeFirstOrThrow()).closed_on,
    null,
  );

  const closed = await client.post(`/office/classes/${threeC}/closure`, {}, { cookie: leader });
  assert.equal(closed.status, 303);
  assert.equal(
    (await db.selectFrom('class').select('closed_on').where('id', '=', threeC).executeTakeFirstOrThrow()).closed_on,
    TODAY,
  );
  assert.equal((await audits('class.close')).length, 1);
  const person = await newPerson('Lukket', '01011980123');
  const intoClosed = await client.post(
    `/office/classes/${threeC}/enrolments`,
    { person_id: String(person), starts_on: TODAY },
    { cookie: leader },
  );
  assert.equal(intoClosed.status, 422);
  assert.equal(
    await db.selectFrom('enrolment').select('id').where('pupil_id', '=', person).executeTakeFirst(),
    undefined,
  );
});
