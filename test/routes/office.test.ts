import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestApp, html, sessionCookie } from '../support/app.ts';
import { createDemoTestDb } from '../support/db.ts';
import { loginPersonId } from '../support/fixtures.ts';

const TODAY = '2026-11-25';
const db = await createDemoTestDb(TODAY);
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
  family = 'Nykommer',
) {
  return (
    await db
      .insertInto('person')
      .values({
        given_name: given,
        family_name: family,
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
  const person = await newPerson('Lukket', '01011980123', 'none', 'Stengt');
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

const pupilNamed = async (given: string, family: string) =>
  await db
    .selectFrom('person')
    .select(['id', 'fodselsnummer'])
    .where('given_name', '=', given)
    .where('family_name', '=', family)
    .executeTakeFirstOrThrow();
const openEnrolment = (pupilId: number) =>
  db
    .selectFrom('enrolment')
    .select(['id', 'class_id', 'starts_on', 'ends_on', 'end_reason'])
    .where('pupil_id', '=', pupilId)
    .orderBy('starts_on')
    .execute();

test('admit: find a person by name or number (a protected address never shown), admit from a date; audited', async () => {
  const threeB = await classId(BJ, '3B');
  const open = await newPerson('Aksel', '02021980111');
  const hidden = await newPerson('Birk', '02021980222', 'fortrolig');
  const secret = await newPerson('Cato', '02021980333', 'strengt_fortrolig');
  const search = await html(await client.get(`/office/classes/${threeB}?q=nykommer`, { cookie: leader }));
  const rows = Array.from(search.document.querySelectorAll('#admit tbody tr')).map((r) => r.textContent ?? '');
  assert.equal(rows.length, 3, rows.join(' | '));
  assert.match(rows.find((r) => r.includes('Aksel'))!, /Hemmeligveien 5, 9999 Skjult/);
  for (const name of ['Birk', 'Cato']) {
    const row = rows.find((r) => r.includes(name))!;
    assert.doesNotMatch(row, /Hemmeligveien|Skjult|9999/, name);
    assert.match(row, /Ikke vist/);
  }
  assert.doesNotMatch(search.text, /02021980333/, 'the full number is masked');
  const byNumber = await html(await client.get(`/office/classes/${threeB}?q=02021980222`, { cookie: leader }));
  assert.equal(byNumber.document.querySelectorAll('#admit tbody tr').length, 1);
  assert.doesNotMatch(byNumber.text, /Hemmeligveien/);

  const res = await client.post(
    `/office/classes/${threeB}/enrolments`,
    { person_id: String(open), starts_on: '26.11.2026', q: 'nykommer' },
    { cookie: leader },
  );
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), `/office/classes/${threeB}?notice=admitted`);
  assert.deepEqual(
    (await openEnrolment(open)).map((e) => [e.class_id, e.starts_on, e.ends_on]),
    [[threeB, '2026-11-26', null]],
  );
  const page = await html(await client.get(res.headers.get('location')!, { cookie: leader }));
  assert.match(page.document.querySelector('#pupils')?.textContent ?? '', /Aksel Nykommer\s+fra 26\.11\.2026/);
  assert.deepEqual(
    (await audits('enrolment.admit')).map((a) => [a.actor_role, a.subject_person_id]),
    [['leadership', open]],
  );
  void hidden;
  void secret;
});

test('bad admissions: 422 with the values and the search kept, a message per field; nothing half-saved', async () => {
  const threeB = await classId(BJ, '3B');
  const short = await html(await client.get(`/office/classes/${threeB}?q=a`, { cookie: leader }));
  assert.match(short.document.querySelector('#admit-search-error')?.textContent ?? '', /minst to tegn/);
  const nul = await client.get(`/office/classes/${threeB}?q=${encodeURIComponent('nyk\u0000ommer')}`, {
    cookie: leader,
  });
  assert.equal(nul.status, 200, 'a NUL in the query is dropped, never a database error');
  assert.equal((await html(nul)).document.querySelectorAll('#admit tbody tr').length, 3);
  const before = await enrolmentCount();
  const res = await client.post(
    `/office/classes/${threeB}/enrolments`,
    { person_id: '', starts_on: '31.02.2026', q: 'nykommer' },
    { cookie: leader },
  );
  assert.equal(res.status, 422);
  const { document } = await html(res);
  assert.equal(document.querySelector('#admit-startsOn')?.getAttribute('value'), '31.02.2026');
  assert.equal(document.querySelector('#admit-search')?.getAttribute('value'), 'nykommer');
  assert.equal(document.querySelectorAll('#admit tbody tr').length, 3, 'the search results are shown again');
  assert.equal(document.querySelectorAll('[role="alert"] li a').length, 2);
  assert.ok(document.querySelector('#admit-personId-error'));
  assert.ok(document.querySelector('#admit-startsOn-error'));
  const outside = await client.post(
    `/office/classes/${threeB}/enrolments`,
    { person_id: String((await pupilNamed('Birk', 'Nykommer')).id), starts_on: '01.08.2030' },
    { cookie: leader },
  );
  assert.equal(outside.status, 422);
  assert.match((await html(outside)).document.querySelector('#admit-startsOn-error')?.textContent ?? '', /skoleåret/);
  assert.equal(await enrolmentCount(), before);
});

test('two open enrolments for one pupil: the office refuses with a field error, and the database refuses too', async () => {
  const sofie = await pupilNamed('Sofie', 'Nordmann');
  const threeB = await classId(BJ, '3B');
  const before = await enrolmentCount();
  const res = await client.post(
    `/office/classes/${threeB}/enrolments`,
    { person_id: String(sofie.id), starts_on: TODAY, q: sofie.fodselsnummer! },
    { cookie: leader },
  );
  assert.equal(res.status, 422);
  assert.match(
    (await html(res)).document.querySelector('#admit-personId-error')?.textContent ?? '',
    /allerede meldt inn/,
  );
  // Also when admitted from a later date while the current enrolment is open, and at another school.
  const owned = await client.post(
    `/office/classes/${await classId(FJ, '6A')}/enrolments`,
    { person_id: String(sofie.id), starts_on: '01.03.2027' },
    { cookie: owner },
  );
  assert.equal(owned.status, 422);
  assert.equal(await enrolmentCount(), before);
  const sofieClass = (await openEnrolment(sofie.id))[0]!;
  await assert.rejects(
    db
      .insertInto('enrolment')
      .values({ pupil_id: sofie.id, school_id: BJ, class_id: threeB, starts_on: '2027-01-01' })
      .execute(),
    /enrolment_one_open_per_pupil|duplicate key/,
  );
  assert.equal(sofieClass.ends_on, null);
});

test('move to another class from a date: the old enrolment ends the day before, the new one starts that day; audited', async () => {
  const aksel = (await pupilNamed('Aksel', 'Nykommer')).id;
  const threeA = await classId(BJ, '3A');
  const current = (await openEnrolment(aksel))[0]!;
  const bad = await client.post(
    `/office/enrolments/${current.id}/move`,
    { class_id: '', on: '1.12' },
    { cookie: leader },
  );
  assert.equal(bad.status, 422);
  const page = await html(bad);
  assert.equal(page.document.querySelector(`#move-${current.id}-on`)?.getAttribute('value'), '1.12');
  assert.ok(page.document.querySelector(`#move-${current.id}-classId-error`));
  assert.ok(page.document.querySelector(`#move-${current.id}-on-error`));
  assert.equal((await openEnrolment(aksel)).length, 1, 'nothing half-saved');

  const res = await client.post(
    `/office/enrolments/${current.id}/move`,
    { class_id: String(threeA), on: '01.12.2026' },
    { cookie: leader },
  );
  assert.equal(res.status, 303);
  assert.deepEqual(
    (await openEnrolment(aksel)).map((e) => [e.class_id, e.starts_on, e.ends_on, e.end_reason]),
    [
      [current.class_id, '2026-11-26', '2026-11-30', 'class_change'],
      [threeA, '2026-12-01', null, null],
    ],
  );
  assert.equal((await audits('enrolment.move')).length, 1);
});

test('a pupil who leaves disappears from the guardian, the class lists and the teachers the day after the last day', async () => {
  const sofie = (await pupilNamed('Sofie', 'Nordmann')).id;
  const threeA = await classId(BJ, '3A');
  const enrolment = (await openEnrolment(sofie))[0]!;
  const guardian = await cookieOf('guardian', 'idporten');
  const contactTeacherId = (
    await db
      .selectFrom('staff_assignment as a')
      .innerJoin('staff_membership as m', 'm.id', 'a.staff_membership_id')
      .select('m.person_id')
      .where('a.class_id', '=', threeA)
      .where('m.role', '=', 'contact_teacher')
      .executeTakeFirstOrThrow()
  ).person_id;
  const contactTeacher = await sessionCookie(db, contactTeacherId, 'feide');
  const listed = async (cookie: string) =>
    (await client.get(`/classes/${threeA}`, { cookie })).text().then((t) => t.includes('Sofie'));
  assert.equal((await client.get(`/children/${sofie}`, { cookie: guardian })).status, 200);
  assert.equal(await listed(contactTeacher), true);

  const wrong = await client.post(
    `/office/enrolments/${enrolment.id}/ending`,
    { ends_on: TODAY, reason: 'finished' },
    { cookie: leader },
  );
  assert.equal(wrong.status, 422, 'finished is for 10. trinn only');
  assert.match(
    (await html(wrong)).document.querySelector(`#end-${enrolment.id}-reason-error`)?.textContent ?? '',
    /10\. trinn/,
  );
  assert.equal((await openEnrolment(sofie))[0]!.ends_on, null);

  const res = await client.post(
    `/office/enrolments/${enrolment.id}/ending`,
    { ends_on: TODAY, reason: 'moved' },
    { cookie: leader },
  );
  assert.equal(res.status, 303);
  assert.deepEqual(
    (await openEnrolment(sofie)).map((e) => [e.ends_on, e.end_reason]),
    [[TODAY, 'moved']],
  );
  assert.equal((await audits('enrolment.end')).at(-1)?.subject_person_id, sofie);
  // The last day is still a school day for her.
  assert.equal((await client.get(`/children/${sofie}`, { cookie: guardian })).status, 200);

  now = new Date('2026-11-26T07:00:00Z');
  try {
    assert.equal((await client.get(`/children/${sofie}`, { cookie: guardian })).status, 404);
    assert.doesNotMatch(await (await client.get('/home', { cookie: guardian })).text(), /Sofie/);
    assert.equal(await listed(contactTeacher), false);
    assert.equal(await listed(leader), false);
    assert.equal((await client.get(`/pupils/${sofie}`, { cookie: contactTeacher })).status, 404);
    const office = await html(await client.get(`/office/classes/${threeA}`, { cookie: leader }));
    assert.doesNotMatch(office.document.querySelector('#pupils')?.textContent ?? '', /Sofie/);
    // Leadership keeps the archive (D8).
    assert.equal((await client.get(`/pupils/${sofie}`, { cookie: leader })).status, 200);
  } finally {
    now = new Date(`${TODAY}T10:00:00Z`);
  }
});
