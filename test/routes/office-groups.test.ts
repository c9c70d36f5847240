import assert from 'node:assert/strict';
import { countStatements } from '../../src/db/counting.ts';
import { test } from 'node:test';
import { createTestApp, html, sessionCookie } from '../support/app.ts';
import { createDemoTestDb } from '../support/db.ts';
import { loginPersonId } from '../support/fixtures.ts';

const TODAY = '2026-11-25';
const db = await createDemoTestDb(TODAY);
const counter = countStatements(db);
const counted = counter.db;
const now = new Date(`${TODAY}T10:00:00Z`);
const client = createTestApp(counted, {}, { clock: () => now });

const schoolId = async (name: string) =>
  (await db.selectFrom('school').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
const BJ = await schoolId('Bjørkelia skole');
const FJ = await schoolId('Fjellheim skule');
const unitId = async (table: 'class' | 'teaching_group', school: number, name: string) =>
  (
    await db
      .selectFrom(table)
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
    .where('y.starts_on', '<=', TODAY)
    .where('y.ends_on', '>=', TODAY)
    .executeTakeFirstOrThrow()
).id;
const cookieOf = async (key: Parameters<typeof loginPersonId>[1], via: 'feide' | 'idporten' = 'feide') =>
  sessionCookie(db, await loginPersonId(db, key), via);
const leader = await cookieOf('leadership');
const owner = await cookieOf('school-owner');
const count = async (table: 'teaching_group' | 'teaching_group_member') =>
  Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const audits = (action: string) =>
  db
    .selectFrom('audit_log')
    .select(['actor_role', 'record_id', 'subject_person_id', 'details'])
    .where('action', '=', action)
    .orderBy('id')
    .execute();
const membersOf = async (groupId: number) =>
  (
    await db
      .selectFrom('teaching_group_member')
      .select('pupil_id')
      .where('teaching_group_id', '=', groupId)
      .orderBy('pupil_id')
      .execute()
  ).map((m) => m.pupil_id);
const pupilNamed = async (given: string, family: string) =>
  (
    await db
      .selectFrom('person')
      .select('id')
      .where('given_name', '=', given)
      .where('family_name', '=', family)
      .executeTakeFirstOrThrow()
  ).id;
/** The pupils with an enrolment in the class today. */
const pupilsOfClass = async (classId: number) =>
  (
    await db
      .selectFrom('enrolment')
      .select('pupil_id')
      .where('class_id', '=', classId)
      .where('starts_on', '<=', TODAY)
      .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', TODAY)]))
      .orderBy('pupil_id')
      .execute()
  ).map((e) => e.pupil_id);

/** The rows of a table as `cell|cell|…`, each cell's text trimmed. */
const rowsOf = (document: Awaited<ReturnType<typeof html>>['document']) =>
  Array.from(document.querySelectorAll('tbody tr')).map((r) =>
    Array.from(r.querySelectorAll('td'))
      .map((td) => (td.textContent ?? '').replace(/\s+/g, ' ').trim())
      .join('|'),
  );

test('leadership creates a teaching group, reached from the office start and the classes page; listed and audited', async () => {
  const start = await html(await client.get('/office', { cookie: leader }));
  assert.ok(start.document.querySelector(`a[href="/office/schools/${BJ}/teaching-groups"]`), 'the start links it');
  assert.equal(start.document.querySelector(`a[href="/office/schools/${FJ}/teaching-groups"]`), null);
  const classes = await html(await client.get(`/office/schools/${BJ}/classes`, { cookie: leader }));
  assert.ok(classes.document.querySelector(`a[href="/office/schools/${BJ}/teaching-groups?year=${yearId}"]`));

  const list = await html(await client.get(`/office/schools/${BJ}/teaching-groups`, { cookie: leader }));
  const row = rowsOf(list.document).find((r) => r.startsWith('5A Matematikk|'));
  assert.ok(row, 'the seeded groups are listed');
  const seededMembers = (await membersOf(await unitId('teaching_group', BJ, '5A Matematikk'))).length;
  assert.match(row, new RegExp(`^5A Matematikk\\|Matematikk\\|${seededMembers}\\|.*Marius Fossum.*\\|Åpen$`));

  const res = await client.post(
    `/office/schools/${BJ}/teaching-groups`,
    { name: ' 9 Spansk ', subject: 'Fremmedspråk', school_year_id: String(yearId) },
    { cookie: leader },
  );
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), `/office/schools/${BJ}/teaching-groups?year=${yearId}&created=1`);
  const listed = await html(await client.get(res.headers.get('location')!, { cookie: leader }));
  assert.match(listed.document.querySelector('[role="status"]')?.textContent ?? '', /opprettet/);
  const made = rowsOf(listed.document).find((r) => r.startsWith('9 Spansk|'));
  assert.equal(made, '9 Spansk|Fremmedspråk|0|Ingen|Åpen');
  const group = await db
    .selectFrom('teaching_group')
    .select(['id', 'subject', 'school_year_id', 'closed_on'])
    .where('name', '=', '9 Spansk')
    .executeTakeFirstOrThrow();
  assert.deepEqual(
    { ...group, id: undefined },
    { id: undefined, subject: 'Fremmedspråk', school_year_id: yearId, closed_on: null },
  );
  assert.deepEqual(
    (await audits('teaching_group.create')).map((a) => [a.actor_role, a.record_id]),
    [['leadership', String(group.id)]],
  );
});

test('bad group input: 422, the typed values kept, a message per field and a summary; nothing saved', async () => {
  const before = await count('teaching_group');
  const res = await client.post(
    `/office/schools/${BJ}/teaching-groups`,
    { name: '', subject: 'x'.repeat(61), school_year_id: 'x' },
    { cookie: leader },
  );
  assert.equal(res.status, 422);
  const { document } = await html(res);
  assert.equal(document.querySelector('#group-subject')?.getAttribute('value'), 'x'.repeat(61));
  assert.equal(document.querySelectorAll('[role="alert"] li a').length, 3);
  assert.match(document.querySelector('#group-name-error')?.textContent ?? '', /Skriv et navn/);
  assert.match(document.querySelector('#group-subject-error')?.textContent ?? '', /høyst 60/);
  assert.ok(document.querySelector('#group-schoolYearId-error'));

  const taken = await client.post(
    `/office/schools/${BJ}/teaching-groups`,
    { name: '5a matematikk', subject: 'Matematikk', school_year_id: String(yearId) },
    { cookie: leader },
  );
  assert.equal(taken.status, 422);
  const page = await html(taken);
  assert.equal(page.document.querySelector('#group-name')?.getAttribute('value'), '5a matematikk');
  assert.match(page.document.querySelector('#group-name-error')?.textContent ?? '', /allerede en gruppe/);
  // The same name at another school is fine (unique per school and year), but that is the owner's office.
  assert.equal(await count('teaching_group'), before);
  assert.deepEqual(await audits('teaching_group.create').then((a) => a.length), 1);
});

test('who reaches it: the school owner for every school it owns; leadership of another school, staff, guardians and pupils get 404', async () => {
  const fjGroup = (
    await db.selectFrom('teaching_group').select('id').where('school_id', '=', FJ).executeTakeFirstOrThrow()
  ).id;
  const ownerStart = await html(await client.get('/office', { cookie: owner }));
  assert.ok(ownerStart.document.querySelector(`a[href="/office/schools/${FJ}/teaching-groups"]`));
  assert.equal((await client.get(`/office/schools/${FJ}/teaching-groups`, { cookie: owner })).status, 200);
  assert.equal((await client.get(`/office/teaching-groups/${fjGroup}`, { cookie: owner })).status, 200);
  const made = await client.post(
    `/office/schools/${FJ}/teaching-groups`,
    { name: 'Eigarens gruppe', subject: 'Norsk', school_year_id: String(yearId) },
    { cookie: owner },
  );
  assert.equal(made.status, 303);
  assert.equal((await audits('teaching_group.create')).at(-1)?.actor_role, 'school_owner');

  const groupsBefore = await count('teaching_group');
  const membersBefore = await count('teaching_group_member');
  const pupil = String((await membersOf(fjGroup))[0]);
  const others: [string, string][] = [
    ['leadership of Bjørkelia at Fjellheim', leader],
    ['contact teacher', await cookieOf('contact-teacher')],
    ['teacher', await cookieOf('teacher')],
    ['SFO leader', await cookieOf('sfo-leader')],
    ['guardian', await cookieOf('guardian', 'idporten')],
    ['pupil', await sessionCookie(db, await loginPersonId(db, 'pupil'), 'feide')],
    ['rektor via ID-porten', await cookieOf('leadership', 'idporten')],
  ];
  for (const [who, cookie] of others) {
    assert.equal((await client.get(`/office/schools/${FJ}/teaching-groups`, { cookie })).status, 404, who);
    assert.equal((await client.get(`/office/teaching-groups/${fjGroup}`, { cookie })).status, 404, who);
    const posts = [
      [`/office/schools/${FJ}/teaching-groups`, { name: 'X', subject: 'Y', school_year_id: String(yearId) }],
      [`/office/teaching-groups/${fjGroup}/details`, { name: 'Y', subject: 'Z' }],
      [`/office/teaching-groups/${fjGroup}/closure`, {}],
      [`/office/teaching-groups/${fjGroup}/members`, { person_id: pupil }],
      [`/office/teaching-groups/${fjGroup}/class-members`, { class_id: String(await unitId('class', FJ, '6A')) }],
      [`/office/teaching-groups/${fjGroup}/member-removal`, { pupil_id: pupil }],
    ] as const;
    for (const [path, form] of posts)
      assert.equal((await client.post(path, form, { cookie })).status, 404, `${who} ${path}`);
    if (who !== 'leadership of Bjørkelia at Fjellheim')
      assert.equal((await client.get(`/office/schools/${BJ}/teaching-groups`, { cookie })).status, 404, who);
  }
  assert.equal(await count('teaching_group'), groupsBefore);
  assert.equal(await count('teaching_group_member'), membersBefore);
  for (const bad of ['0', 'abc', '99999999999999999999'])
    assert.equal((await client.get(`/office/teaching-groups/${bad}`, { cookie: leader })).status, 404, bad);
});

test('rename and change subject: audited with before and after; a name taken or an empty subject is a field error', async () => {
  const group = await unitId('teaching_group', BJ, '9 Spansk');
  const res = await client.post(
    `/office/teaching-groups/${group}/details`,
    { name: '9 Spansk A', subject: 'Spansk' },
    { cookie: leader },
  );
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), `/office/teaching-groups/${group}?notice=updated`);
  assert.deepEqual(
    await db.selectFrom('teaching_group').select(['name', 'subject']).where('id', '=', group).executeTakeFirst(),
    { name: '9 Spansk A', subject: 'Spansk' },
  );
  const audit = await audits('teaching_group.update');
  assert.equal(audit.length, 1);
  const details = audit[0]!.details;
  assert.deepEqual(typeof details === 'string' ? JSON.parse(details) : details, {
    from: { name: '9 Spansk', subject: 'Fremmedspråk' },
    to: { name: '9 Spansk A', subject: 'Spansk' },
  });

  const clash = await client.post(
    `/office/teaching-groups/${group}/details`,
    { name: '5A Norsk', subject: '' },
    { cookie: leader },
  );
  assert.equal(clash.status, 422);
  const page = await html(clash);
  assert.equal(page.document.querySelector('#edit-name')?.getAttribute('value'), '5A Norsk');
  assert.match(page.document.querySelector('#edit-name-error')?.textContent ?? '', /allerede en gruppe/);
  assert.ok(page.document.querySelector('#edit-subject-error'));
  assert.equal(page.document.querySelectorAll('[role="alert"] li a').length, 2);
  assert.equal(
    (await db.selectFrom('teaching_group').select('name').where('id', '=', group).executeTakeFirstOrThrow()).name,
    '9 Spansk A',
  );
  assert.equal((await audits('teaching_group.update')).length, 1);
});

test('members: find a pupil of the school, add them, add a whole class; a pupil of another school is refused; remove; all audited', async () => {
  const group = await unitId('teaching_group', BJ, '9 Spansk A');
  const sofie = await pupilNamed('Sofie', 'Nordmann'); // Bjørkelia 3A
  const jonas = await pupilNamed('Jonas', 'Nordmann'); // Fjellheim 6A

  const search = await html(await client.get(`/office/teaching-groups/${group}?q=nordmann`, { cookie: leader }));
  const rows = Array.from(search.document.querySelectorAll('#add tbody tr')).map((r) => r.textContent ?? '');
  assert.ok(
    rows.some((r) => /Sofie Nordmann\s*3A/.test(r)),
    rows.join(' | '),
  );
  assert.ok(!rows.some((r) => r.includes('Jonas')), 'a pupil of another school is not offered');
  assert.doesNotMatch(search.text, /\d{11}/, 'no identity numbers on the page');

  const added = await client.post(
    `/office/teaching-groups/${group}/members`,
    { person_id: String(sofie), q: 'nordmann' },
    { cookie: leader },
  );
  assert.equal(added.status, 303);
  assert.equal(added.headers.get('location'), `/office/teaching-groups/${group}?notice=added`);
  assert.deepEqual(await membersOf(group), [sofie]);
  assert.deepEqual(
    (await audits('teaching_group.member_add')).map((a) => [a.actor_role, a.record_id, a.subject_person_id]),
    [['leadership', String(group), sofie]],
  );

  const before = await count('teaching_group_member');
  const refused = await client.post(
    `/office/teaching-groups/${group}/members`,
    { person_id: String(jonas), q: 'nordmann' },
    { cookie: leader },
  );
  assert.equal(refused.status, 422);
  const refusedPage = await html(refused);
  assert.match(
    refusedPage.document.querySelector('#add-personId-error')?.textContent ?? '',
    /går ikke på denne skolen/,
  );
  assert.equal(refusedPage.document.querySelector('#add-search')?.getAttribute('value'), 'nordmann', 'search kept');
  assert.equal(refusedPage.document.querySelectorAll('[role="alert"] li a').length, 1);
  const again = await client.post(
    `/office/teaching-groups/${group}/members`,
    { person_id: String(sofie) },
    {
      cookie: leader,
    },
  );
  assert.equal(again.status, 422);
  assert.match((await html(again)).document.querySelector('#add-personId-error')?.textContent ?? '', /allerede/);
  const empty = await client.post(`/office/teaching-groups/${group}/members`, { person_id: '' }, { cookie: leader });
  assert.equal(empty.status, 422);
  assert.equal(await count('teaching_group_member'), before, 'nothing saved');
  assert.equal((await audits('teaching_group.member_add')).length, 1);

  // A whole class: every pupil of 5A who is not in the group yet; a class of another school is a field error.
  const fiveA = await unitId('class', BJ, '5A');
  const otherClass = await client.post(
    `/office/teaching-groups/${group}/class-members`,
    { class_id: String(await unitId('class', FJ, '6A')) },
    { cookie: leader },
  );
  assert.equal(otherClass.status, 422);
  assert.ok((await html(otherClass)).document.querySelector('#add-class-classId-error'));
  assert.equal(await count('teaching_group_member'), before);
  const whole = await client.post(
    `/office/teaching-groups/${group}/class-members`,
    { class_id: String(fiveA) },
    { cookie: leader },
  );
  assert.equal(whole.status, 303);
  const fiveAPupils = await pupilsOfClass(fiveA);
  assert.ok(fiveAPupils.length > 5);
  assert.deepEqual(
    await membersOf(group),
    [sofie, ...fiveAPupils].sort((a, b) => a - b),
  );
  assert.equal((await audits('teaching_group.member_add')).length, 1 + fiveAPupils.length, 'one row per pupil');
  const twice = await client.post(
    `/office/teaching-groups/${group}/class-members`,
    { class_id: String(fiveA) },
    { cookie: leader },
  );
  assert.equal(twice.status, 422);
  assert.match(
    (await html(twice)).document.querySelector('#add-class-classId-error')?.textContent ?? '',
    /allerede i gruppen/,
  );
  assert.equal(twice.status, 422);
  assert.equal((await audits('teaching_group.member_add')).length, 1 + fiveAPupils.length);

  const page = await html(await client.get(`/office/teaching-groups/${group}`, { cookie: leader }));
  assert.match(page.document.querySelector('#members h2')?.textContent ?? '', new RegExp(`${1 + fiveAPupils.length}`));
  assert.match(page.document.querySelector('#members')?.textContent ?? '', /Sofie Nordmann\s*3A/);

  const removed = await client.post(
    `/office/teaching-groups/${group}/member-removal`,
    { pupil_id: String(sofie) },
    { cookie: leader },
  );
  assert.equal(removed.status, 303);
  assert.equal(removed.headers.get('location'), `/office/teaching-groups/${group}?notice=removed`);
  assert.ok(!(await membersOf(group)).includes(sofie));
  assert.deepEqual(
    (await audits('teaching_group.member_remove')).map((a) => a.subject_person_id),
    [sofie],
  );
  const notMember = await client.post(
    `/office/teaching-groups/${group}/member-removal`,
    { pupil_id: String(sofie) },
    { cookie: leader },
  );
  assert.equal(notMember.status, 422);
  assert.equal((await audits('teaching_group.member_remove')).length, 1);
});

test('a teacher granted the group sees its pupils at once, and no longer a pupil taken out of it', async () => {
  const group = await unitId('teaching_group', BJ, '9 Spansk A');
  const staff = await html(await client.get(`/office/schools/${BJ}/staff`, { cookie: leader }));
  assert.ok(staff.document.querySelector(`#grant-target option[value="group-${group}"]`), 'an open group is offered');
  const granted = await client.post(
    `/office/schools/${BJ}/staff`,
    {
      feide_id: 'pia.spansk@kommune.no',
      given_name: 'Pia',
      family_name: 'Spansk',
      role: 'teacher',
      target: `group-${group}`,
      starts_on: '25.11.2026',
    },
    { cookie: leader },
  );
  assert.equal(granted.status, 303);
  const pia = (
    await db
      .selectFrom('person')
      .select('id')
      .where('feide_id', '=', 'feide:pia.spansk@kommune.no')
      .executeTakeFirstOrThrow()
  ).id;
  const piaCookie = await sessionCookie(db, pia, 'feide');
  const [first, second] = await membersOf(group);
  const name = async (id: number) =>
    db.selectFrom('person').select(['given_name']).where('id', '=', id).executeTakeFirstOrThrow();
  const groupPage = await client.get(`/groups/${group}`, { cookie: piaCookie });
  assert.equal(groupPage.status, 200);
  const text = await groupPage.text();
  assert.ok(text.includes((await name(first!)).given_name));
  assert.equal((await client.get(`/pupils/${first}`, { cookie: piaCookie })).status, 200);
  const list = await html(await client.get(`/office/schools/${BJ}/teaching-groups`, { cookie: leader }));
  assert.match(list.text, /Pia Spansk/, 'the list shows the group teacher');

  const removed = await client.post(
    `/office/teaching-groups/${group}/member-removal`,
    { pupil_id: String(first) },
    { cookie: leader },
  );
  assert.equal(removed.status, 303);
  assert.equal((await client.get(`/pupils/${first}`, { cookie: piaCookie })).status, 404, 'reach ends at once');
  assert.equal((await client.get(`/pupils/${second}`, { cookie: piaCookie })).status, 200);
  // A pupil of the school outside the group: not hers.
  assert.equal(
    (await client.get(`/pupils/${await pupilNamed('Sofie', 'Nordmann')}`, { cookie: piaCookie })).status,
    404,
  );
});

test('close: refused with a field error while the group has members; once empty it closes, is not offered for members or grants', async () => {
  const group = await unitId('teaching_group', BJ, '9 Spansk A');
  const members = await membersOf(group);
  assert.ok(members.length > 0);
  const refused = await client.post(`/office/teaching-groups/${group}/closure`, {}, { cookie: leader });
  assert.equal(refused.status, 422);
  assert.match((await html(refused)).document.querySelector('#close-error')?.textContent ?? '', /har elever/);
  assert.equal(
    (await db.selectFrom('teaching_group').select('closed_on').where('id', '=', group).executeTakeFirstOrThrow())
      .closed_on,
    null,
  );
  assert.equal((await audits('teaching_group.close')).length, 0);

  for (const pupil of members)
    assert.equal(
      (
        await client.post(
          `/office/teaching-groups/${group}/member-removal`,
          { pupil_id: String(pupil) },
          { cookie: leader },
        )
      ).status,
      303,
    );
  const closed = await client.post(`/office/teaching-groups/${group}/closure`, {}, { cookie: leader });
  assert.equal(closed.status, 303);
  assert.equal(
    (await db.selectFrom('teaching_group').select('closed_on').where('id', '=', group).executeTakeFirstOrThrow())
      .closed_on,
    TODAY,
  );
  assert.deepEqual(
    (await audits('teaching_group.close')).map((a) => [a.actor_role, a.record_id]),
    [['leadership', String(group)]],
  );
  const page = await html(await client.get(`/office/teaching-groups/${group}?q=nordmann`, { cookie: leader }));
  assert.match(page.text, /ble lukket 25\.11\.2026/);
  assert.equal(page.document.querySelector('#add'), null, 'no add form on a closed group');
  assert.equal(page.document.querySelector('#add-class'), null);

  const sofie = await pupilNamed('Sofie', 'Nordmann');
  const intoClosed = await client.post(
    `/office/teaching-groups/${group}/members`,
    { person_id: String(sofie) },
    { cookie: leader },
  );
  assert.equal(intoClosed.status, 422);
  const classIntoClosed = await client.post(
    `/office/teaching-groups/${group}/class-members`,
    { class_id: String(await unitId('class', BJ, '3A')) },
    { cookie: leader },
  );
  assert.equal(classIntoClosed.status, 422);
  assert.deepEqual(await membersOf(group), []);

  const staff = await html(await client.get(`/office/schools/${BJ}/staff`, { cookie: leader }));
  assert.equal(staff.document.querySelector(`#grant-target option[value="group-${group}"]`), null, 'not offered');
  const grant = await client.post(
    `/office/schools/${BJ}/staff`,
    {
      feide_id: 'pia.spansk@kommune.no',
      given_name: '',
      family_name: '',
      role: 'teacher',
      target: `group-${group}`,
      starts_on: '26.11.2026',
    },
    { cookie: leader },
  );
  assert.equal(grant.status, 422);
  assert.ok((await html(grant)).document.querySelector('#grant-target-error'));
  const again = await client.post(`/office/teaching-groups/${group}/closure`, {}, { cookie: leader });
  assert.equal(again.status, 422);
});

test('the group page is bounded: a page of 50 members, the same number of queries for 2 members as for 120', async () => {
  const make = async (name: string) =>
    (
      await db
        .insertInto('teaching_group')
        .values({ school_id: BJ, school_year_id: yearId, name, subject: 'Kroppsøving' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const small = await make('Liten gruppe');
  const large = await make('Stor gruppe');
  const pupils = (
    await db
      .selectFrom('enrolment')
      .select('pupil_id')
      .distinct()
      .where('school_id', '=', BJ)
      .where('starts_on', '<=', TODAY)
      .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', TODAY)]))
      .orderBy('pupil_id')
      .limit(120)
      .execute()
  ).map((e) => e.pupil_id);
  assert.equal(pupils.length, 120);
  await db
    .insertInto('teaching_group_member')
    .values(pupils.slice(0, 2).map((pupil_id) => ({ teaching_group_id: small, pupil_id })))
    .execute();
  await db
    .insertInto('teaching_group_member')
    .values(pupils.map((pupil_id) => ({ teaching_group_id: large, pupil_id })))
    .execute();

  const queriesFor = async (path: string) => {
    counter.reset();
    const res = await client.get(path, { cookie: leader });
    assert.equal(res.status, 200, path);
    const page = await html(res);
    return { queries: counter.count, page };
  };
  const a = await queriesFor(`/office/teaching-groups/${small}`);
  const b = await queriesFor(`/office/teaching-groups/${large}`);
  assert.equal(a.page.document.querySelectorAll('#members tbody tr').length, 2);
  assert.equal(b.page.document.querySelectorAll('#members tbody tr').length, 50);
  assert.equal(b.queries, a.queries, 'queries do not grow with members');
  assert.match(b.page.document.querySelector('#members h2')?.textContent ?? '', /\(120\)/);
  assert.ok(b.page.document.querySelector(`a[rel="next"][href="/office/teaching-groups/${large}?page=2"]`));
  const last = await queriesFor(`/office/teaching-groups/${large}?page=3`);
  assert.equal(last.page.document.querySelectorAll('#members tbody tr').length, 20);
  assert.equal(last.page.document.querySelector('a[rel="next"]'), null);
  const list = await queriesFor(`/office/schools/${BJ}/teaching-groups`);
  const listAgain = await queriesFor(`/office/schools/${BJ}/teaching-groups?year=${yearId}`);
  assert.equal(listAgain.queries, list.queries);
  assert.ok(list.queries < 15, `${list.queries} queries for the list`);
});

test('hostile input on every group form and query: never a 5xx, nothing saved from a refused form', async () => {
  const group = await unitId('teaching_group', BJ, '5A Norsk');
  const hostile = ['a\u0000b', 'x'.repeat(100_000), '\u0007\u202e\uD800', '-1', '99999999999999999999', '1e308', ''];
  const forms: [string, string[]][] = [
    [`/office/schools/${BJ}/teaching-groups`, ['name', 'subject', 'school_year_id']],
    [`/office/teaching-groups/${group}/details`, ['name', 'subject']],
    [`/office/teaching-groups/${group}/members`, ['person_id', 'q']],
    [`/office/teaching-groups/${group}/class-members`, ['class_id']],
    [`/office/teaching-groups/${group}/member-removal`, ['pupil_id']],
  ];
  const groups = await count('teaching_group');
  const members = await count('teaching_group_member');
  for (const [path, fields] of forms)
    for (const value of hostile) {
      const form = Object.fromEntries(fields.map((f) => [f, value]));
      const res = await client.post(path, form, { cookie: leader });
      // A name such as «-1» is a valid name: only the details form may take one.
      const refused = res.status === 422 || (path.endsWith('/details') && res.status === 303);
      assert.ok(refused, `${path} ${JSON.stringify(value).slice(0, 20)}: ${res.status}`);
      await res.arrayBuffer();
    }
  for (const name of ['q', 'page', 'year', 'notice'])
    for (const value of hostile) {
      const path = name === 'year' ? `/office/schools/${BJ}/teaching-groups` : `/office/teaching-groups/${group}`;
      const res = await client.get(`${path}?${new URLSearchParams({ [name]: value })}`, { cookie: leader });
      assert.equal(res.status, 200, `${path}?${name}=${JSON.stringify(value).slice(0, 20)}`);
      await res.arrayBuffer();
    }
  assert.equal(await count('teaching_group'), groups);
  assert.equal(await count('teaching_group_member'), members);
});
