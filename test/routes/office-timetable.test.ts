import assert from 'node:assert/strict';
import { countStatements } from '../../src/db/counting.ts';
import { test } from 'node:test';
import { TEST_ORIGIN, createTestApp, html, sessionCookie } from '../support/app.ts';
import { createDemoTestDb } from '../support/db.ts';
import { loginPersonId } from '../support/fixtures.ts';

const TODAY = '2026-11-25';
const WEEK = '2026-W48'; // 23–27 November 2026: school days
const db = await createDemoTestDb(TODAY);
const counter = countStatements(db);
const counted = counter.db;
const client = createTestApp(counted, {}, { clock: () => new Date(`${TODAY}T10:00:00Z`) });

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
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
  ).id;
const A3 = await classId(BJ, '3A');
const B3 = await classId(BJ, '3B');
const A5 = await classId(BJ, '5A');
const cookieOf = async (key: Parameters<typeof loginPersonId>[1], via: 'feide' | 'idporten' = 'feide') =>
  sessionCookie(db, await loginPersonId(db, key), via);
const leader = await cookieOf('leadership');
const owner = await cookieOf('school-owner');
const teacherId = await loginPersonId(db, 'teacher');
const teacher = await sessionCookie(db, teacherId, 'feide');
const contactTeacherId = await loginPersonId(db, 'contact-teacher');
const guardian = await cookieOf('guardian', 'idporten');
const fjLeaderId = (
  await db
    .selectFrom('staff_membership')
    .select('person_id')
    .where('school_id', '=', FJ)
    .where('role', '=', 'leadership')
    .executeTakeFirstOrThrow()
).person_id;
const fjLeader = await sessionCookie(db, fjLeaderId, 'feide');
const sofie = (
  await db
    .selectFrom('person as p')
    .innerJoin('enrolment as e', 'e.pupil_id', 'p.id')
    .select('p.id')
    .where('p.given_name', '=', 'Sofie')
    .where('e.class_id', '=', A3)
    .executeTakeFirstOrThrow()
).id;

const lessonCount = async () =>
  Number(
    (
      await db
        .selectFrom('lesson')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const audits = (action: string) =>
  db.selectFrom('audit_log').select(['actor_role', 'record_id', 'details']).where('action', '=', action).execute();
const lessonsOf = (column: 'class_id' | 'teaching_group_id', id: number) =>
  db.selectFrom('lesson').selectAll().where(column, '=', id).orderBy('weekday').orderBy('starts_at').execute();

const GOOD = {
  weekday: '3',
  starts_at: '14:00',
  ends_at: '14:45',
  subject: 'Sjakk',
  teacher_id: String(teacherId),
  room: 'Bibliotek',
};

function upload(path: string, content: Uint8Array<ArrayBuffer> | string, cookie: string, year: string) {
  const form = new FormData();
  form.set('school_year_id', year);
  form.set('file', new File([content], 'timeplan.csv', { type: 'text/csv' }));
  return client.app.request(new URL(path, TEST_ORIGIN).toString(), {
    method: 'POST',
    body: form,
    headers: { origin: TEST_ORIGIN, 'sec-fetch-site': 'same-origin', cookie },
  });
}

test('leadership and the school owner reach the timetable; a teacher, a guardian and another school’s leadership get 404', async () => {
  for (const cookie of [leader, owner]) {
    assert.equal((await client.get(`/office/classes/${A3}/timetable`, { cookie })).status, 200);
    assert.equal((await client.get(`/office/schools/${BJ}/timetable`, { cookie })).status, 200);
    assert.equal((await client.get(`/office/schools/${BJ}/timetable-import`, { cookie })).status, 200);
  }
  const group = (
    await db.selectFrom('teaching_group').select('id').where('school_id', '=', BJ).executeTakeFirstOrThrow()
  ).id;
  assert.equal((await client.get(`/office/teaching-groups/${group}/timetable`, { cookie: leader })).status, 200);
  const lesson = (await lessonsOf('class_id', A3))[0]!;
  const before = await lessonCount();
  for (const cookie of [teacher, guardian, fjLeader]) {
    assert.equal((await client.get(`/office/classes/${A3}/timetable`, { cookie })).status, 404);
    assert.equal((await client.get(`/office/teaching-groups/${group}/timetable`, { cookie })).status, 404);
    assert.equal((await client.get(`/office/schools/${BJ}/timetable`, { cookie })).status, 404);
    assert.equal((await client.post(`/office/classes/${A3}/timetable/lessons`, GOOD, { cookie })).status, 404);
    assert.equal((await client.post(`/office/lessons/${lesson.id}/deletion`, {}, { cookie })).status, 404);
    assert.equal((await client.post(`/office/lessons/${lesson.id}`, GOOD, { cookie })).status, 404);
  }
  assert.equal(await lessonCount(), before, 'nothing was saved');
  assert.equal((await client.get('/office/lessons/0', { cookie: leader })).status, 404);
  // Reachable from the office: the class page, the classes list.
  const classPage = await html(await client.get(`/office/classes/${A3}`, { cookie: leader }));
  assert.ok(classPage.document.querySelector(`a[href="/office/classes/${A3}/timetable"]`));
  const list = await html(await client.get(`/office/schools/${BJ}/classes`, { cookie: leader }));
  assert.ok(list.document.querySelector(`a[href="/office/classes/${A3}/timetable"]`));
  assert.ok(list.document.querySelector(`a[href^="/office/schools/${BJ}/timetable"]`));
});

test('a lesson added by the office shows in the guardian’s and the teacher’s week; changed and deleted, all audited', async () => {
  const page = await html(await client.get(`/office/classes/${A3}/timetable`, { cookie: leader }));
  const form = page.document.querySelector(`form[action="/office/classes/${A3}/timetable/lessons"]`);
  assert.ok(form, 'the add form');
  for (const name of ['weekday', 'starts_at', 'ends_at', 'subject', 'teacher_id', 'room'])
    assert.ok(form.querySelector(`[name="${name}"]`), name);
  assert.ok(form.querySelector(`#add-teacherId option[value="${teacherId}"]`), 'the teacher is offered');

  const res = await client.post(`/office/classes/${A3}/timetable/lessons`, GOOD, { cookie: leader });
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), `/office/classes/${A3}/timetable?notice=added`);
  const added = (await lessonsOf('class_id', A3)).find((l) => l.subject === 'Sjakk');
  assert.ok(added);
  assert.deepEqual(
    [added.weekday, added.starts_at, added.ends_at, added.teacher_id, added.room],
    [3, '14:00', '14:45', teacherId, 'Bibliotek'],
  );
  assert.deepEqual(
    (await audits('lesson.create')).map((a) => [a.actor_role, a.record_id]),
    [['leadership', String(added.id)]],
  );
  const shown = await html(await client.get(res.headers.get('location')!, { cookie: leader }));
  assert.match(shown.document.querySelector('[role="status"]')?.textContent ?? '', /Timen er lagt til/);
  assert.match(shown.document.querySelector('#week')?.textContent ?? '', /14:00–14:45\s+Sjakk/);

  const guardianWeek = await client.get(`/children/${sofie}/timetable?week=${WEEK}`, { cookie: guardian });
  assert.equal(guardianWeek.status, 200);
  assert.match(await guardianWeek.text(), /Sjakk/);
  const teacherWeek = await client.get(`/timetable?week=${WEEK}`, { cookie: teacher });
  assert.match(await teacherWeek.text(), /Sjakk/);

  const edit = await client.post(
    `/office/lessons/${added.id}`,
    { ...GOOD, subject: 'Sjakk og strategi', starts_at: '14.15', ends_at: '15:00' },
    { cookie: owner },
  );
  assert.equal(edit.status, 303);
  const changed = await db.selectFrom('lesson').selectAll().where('id', '=', added.id).executeTakeFirstOrThrow();
  assert.deepEqual([changed.subject, changed.starts_at, changed.ends_at], ['Sjakk og strategi', '14:15', '15:00']);
  assert.deepEqual(
    (await audits('lesson.update')).map((a) => a.actor_role),
    ['school_owner'],
  );
  assert.match(await (await client.get(`/timetable?week=${WEEK}`, { cookie: teacher })).text(), /Sjakk og strategi/);

  const del = await client.post(`/office/lessons/${added.id}/deletion`, {}, { cookie: leader });
  assert.equal(del.status, 303);
  assert.equal(await db.selectFrom('lesson').select('id').where('id', '=', added.id).executeTakeFirst(), undefined);
  assert.equal((await audits('lesson.delete')).length, 1);
  assert.doesNotMatch(
    await (await client.get(`/children/${sofie}/timetable?week=${WEEK}`, { cookie: guardian })).text(),
    /Sjakk/,
  );
});

test('each bad field is a 422 with the values kept, a message per field, and nothing saved', async () => {
  const guardianId = await loginPersonId(db, 'guardian');
  const seeded = (await lessonsOf('class_id', A3)).find((l) => l.weekday === 2)!;
  const cases: [Record<string, string>, string, RegExp][] = [
    [{ starts_at: 'kl 8' }, 'add-startsAt', /tt:mm/],
    [{ ends_at: '25:00' }, 'add-endsAt', /tt:mm/],
    [{ starts_at: '14:00', ends_at: '13:30' }, 'add-endsAt', /slutte etter/],
    [{ starts_at: '06:00', ends_at: '06:45' }, 'add-startsAt', /mellom 07:00 og 18:00/],
    [{ starts_at: '17:30', ends_at: '18:30' }, 'add-endsAt', /senest 18:00/],
    [{ weekday: '6' }, 'add-weekday', /mandag til fredag/],
    [{ subject: ' ' }, 'add-subject', /Skriv faget/],
    [{ room: 'x'.repeat(41) }, 'add-room', /for langt/],
    [{ teacher_id: String(guardianId) }, 'add-teacherId', /skolens ansatte/],
    [{ teacher_id: 'abc' }, 'add-teacherId', /skolens ansatte/],
    // The class already has a lesson then: named.
    [
      { weekday: '2', starts_at: seeded.starts_at, ends_at: seeded.ends_at },
      'add-startsAt',
      new RegExp(`3A ${seeded.subject} tirsdag ${seeded.starts_at}–${seeded.ends_at}`),
    ],
  ];
  const before = await lessonCount();
  for (const [change, field, message] of cases) {
    const body = { ...GOOD, ...change };
    const res = await client.post(`/office/classes/${A3}/timetable/lessons`, body, { cookie: leader });
    assert.equal(res.status, 422, JSON.stringify(change));
    const { document } = await html(res);
    assert.match(document.querySelector(`#${field}-error`)?.textContent ?? '', message, JSON.stringify(change));
    assert.ok(document.querySelector(`[role="alert"] a[href="#${field}"]`), 'the summary links the field');
    const form = document.querySelector(`form[action="/office/classes/${A3}/timetable/lessons"]`)!;
    assert.equal(form.querySelector('[name="subject"]')?.getAttribute('value'), body.subject, 'values kept');
    assert.equal(form.querySelector('[name="starts_at"]')?.getAttribute('value'), body.starts_at);
  }
  assert.equal(await lessonCount(), before, 'nothing saved');
  assert.equal((await audits('lesson.create')).length, 1, 'only the earlier test’s lesson');
});

test('a teacher double-booked at an overlapping time is refused, naming the clashing lesson; editing too', async () => {
  // Marius teaches 5A's class lessons; he cannot also teach 3A at the same time.
  const his = (await lessonsOf('class_id', A5)).find((l) => l.teacher_id === contactTeacherId && l.weekday === 1)!;
  const [h, m] = his.starts_at.split(':').map(Number) as [number, number];
  const later = `${String(h).padStart(2, '0')}:${String(m + 10).padStart(2, '0')}`;
  const before = await lessonCount();
  const res = await client.post(
    `/office/classes/${A3}/timetable/lessons`,
    { ...GOOD, weekday: '1', starts_at: '14:00', ends_at: '14:45', teacher_id: String(contactTeacherId) },
    { cookie: leader },
  );
  assert.equal(res.status, 303, 'no clash after school');
  const mine = (await lessonsOf('class_id', A3)).find((l) => l.starts_at === '14:00' && l.weekday === 1)!;
  const clash = await client.post(
    `/office/lessons/${mine.id}`,
    { ...GOOD, weekday: '1', starts_at: later, ends_at: '14:45', teacher_id: String(contactTeacherId) },
    { cookie: leader },
  );
  assert.equal(clash.status, 422);
  const { document } = await html(clash);
  const error = document.querySelector(`#lesson-${mine.id}-teacherId-error`)?.textContent ?? '';
  assert.match(error, new RegExp(`Læreren har en annen time da: 5A ${his.subject} mandag ${his.starts_at}`));
  assert.ok(document.querySelector(`details[open] #lesson-${mine.id}-teacherId`), 'the edited lesson is open');
  const kept = await db.selectFrom('lesson').selectAll().where('id', '=', mine.id).executeTakeFirstOrThrow();
  assert.equal(kept.starts_at, '14:00', 'nothing saved');
  assert.equal(await lessonCount(), before + 1);
  await client.post(`/office/lessons/${mine.id}/deletion`, {}, { cookie: leader });
});

test('copy a week pattern: refused when the target has lessons, replaced on request, a teacher clash names the lesson', async () => {
  const source = await lessonsOf('class_id', A3);
  const target = await lessonsOf('class_id', B3);
  assert.ok(source.length > 0 && target.length > 0);
  const refuse = await client.post(
    `/office/classes/${A3}/timetable/copy`,
    { target: `class-${B3}`, mode: 'refuse', teachers: 'keep' },
    { cookie: leader },
  );
  assert.equal(refuse.status, 422);
  assert.match((await html(refuse)).document.querySelector('#copy-target-error')?.textContent ?? '', /timer fra før/);
  assert.deepEqual(await lessonsOf('class_id', B3), target, 'nothing changed');

  // The same teachers at the same times in the same school year: the first clash is named, nothing copied.
  const clash = await client.post(
    `/office/classes/${A3}/timetable/copy`,
    { target: `class-${B3}`, mode: 'replace', teachers: 'keep' },
    { cookie: leader },
  );
  assert.equal(clash.status, 422);
  assert.match(
    (await html(clash)).document.querySelector('#copy-teachers-error')?.textContent ?? '',
    /annen time samtidig: 3A /,
  );
  assert.deepEqual(await lessonsOf('class_id', B3), target, 'rolled back');

  const replace = await client.post(
    `/office/classes/${A3}/timetable/copy`,
    { target: `class-${B3}`, mode: 'replace' },
    { cookie: leader },
  );
  assert.equal(replace.status, 303);
  assert.equal(replace.headers.get('location'), `/office/classes/${B3}/timetable?notice=copied`);
  const copied = await lessonsOf('class_id', B3);
  const shape = (l: (typeof source)[number]) => [l.weekday, l.starts_at, l.ends_at, l.subject, l.room];
  assert.deepEqual(copied.map(shape), source.map(shape));
  assert.ok(
    copied.every((l) => l.teacher_id === null),
    'copied without the teachers',
  );
  assert.deepEqual(
    (await audits('timetable.copy')).map((a) => [a.actor_role, a.record_id]),
    [['leadership', String(B3)]],
  );

  // Into a new, empty class of the same school: "refuse" copies, with the teachers (no clash in a new year's class).
  const bad = await client.post(
    `/office/classes/${A3}/timetable/copy`,
    { target: `class-${await classId(FJ, '6A')}`, mode: 'refuse' },
    { cookie: leader },
  );
  assert.equal(bad.status, 422, 'a class of another school is no target');
  assert.ok((await html(bad)).document.querySelector('#copy-target-error'));
});

test('CSV import: the preview lists every row’s problems by line and saves nothing; apply; a second apply changes nothing; Windows-1252', async () => {
  const year = String(
    (await db.selectFrom('class').select('school_year_id').where('id', '=', A5).executeTakeFirstOrThrow())
      .school_year_id,
  );
  const feide = 'ingvild.rasten@demo-kommune.example';
  const before = await lessonCount();
  const bad = [
    'klasse/gruppe;ukedag;start;slutt;fag;lærer;rom',
    `5A;fredag;14:00;14:45;Sjakk;${feide};Bibliotek`,
    '9Z;mandag;14:00;14:45;Sjakk;;',
    '5A;lørdag;14:00;14:45;Sjakk;;',
    '5A;torsdag;15:00;14:00;Sjakk;;',
    `5A;fredag;14:00;14:30;Sjakk;nobody@example.org;`,
    `5B;fredag;14:10;14:40;Sjakk;${feide};`,
  ].join('\n');
  const preview = await upload(`/office/schools/${BJ}/timetable-import/preview`, bad, leader, year);
  assert.equal(preview.status, 422);
  const { document } = await html(preview);
  const problems = (line: number) => document.querySelector(`tr[data-line="${line}"]`)?.textContent ?? '';
  assert.match(problems(3), /ingen åpen klasse eller gruppe/);
  assert.match(problems(4), /mandag til fredag/);
  assert.match(problems(5), /slutte etter/);
  assert.match(problems(6), /Samme klasse eller gruppe, ukedag og start som linje 2/);
  assert.match(problems(6), /Ingen ansatt ved skolen har denne Feide-identiteten/);
  assert.match(problems(7), /Læreren har en annen time da: 5A Sjakk fredag 14:00–14:45 \(linje 2\)/);
  assert.equal(document.querySelector('form[action$="/timetable-import/apply"]'), null, 'no apply with problems');
  assert.equal(await lessonCount(), before, 'the preview saves nothing');

  // Windows-1252 (ø, å), `,` as separator, a weekday as a digit, an existing lesson updated (its identity: 5A,
  // Tuesday, its start).
  const tuesday = (await lessonsOf('class_id', A5)).find((l) => l.weekday === 2)!;
  const good = [
    'Klasse,Ukedag,Start,Slutt,Fag,Lærer,Rom',
    `5A,fredag,14:00,14:45,Kroppsøving,${feide},Gymsal`,
    `5B,5,14:00,14:45,Kunst og håndverk,,Sløydsal`,
    `5A,2,${tuesday.starts_at},${tuesday.ends_at},Programmering,,Datarom`,
  ].join('\r\n');
  const latin1 = Uint8Array.from([...good].map((ch) => ch.charCodeAt(0)));
  const ok = await upload(`/office/schools/${BJ}/timetable-import/preview`, latin1, leader, year);
  assert.equal(ok.status, 200);
  const okPage = await html(ok);
  assert.match(okPage.document.querySelector('#preview')?.textContent ?? '', /2 nye timer, 1 endres, 0 uendret/);
  assert.equal(okPage.document.querySelector('tr[data-line="4"]')?.getAttribute('data-status'), 'changed');
  const content = okPage.document.querySelector('input[name="content"]')?.getAttribute('value') ?? '';
  assert.ok(content, 'the apply form carries the file');
  assert.equal(await lessonCount(), before);

  const apply = await client.post(
    `/office/schools/${BJ}/timetable-import/apply`,
    { school_year_id: year, content },
    { cookie: leader },
  );
  assert.equal(apply.status, 303);
  assert.equal(await lessonCount(), before + 2);
  const gym = (await lessonsOf('class_id', A5)).find((l) => l.weekday === 5 && l.starts_at === '14:00')!;
  assert.deepEqual([gym.subject, gym.room, gym.teacher_id], ['Kroppsøving', 'Gymsal', teacherId]);
  assert.equal(
    (await lessonsOf('class_id', await classId(BJ, '5B'))).find((l) => l.weekday === 5 && l.starts_at === '14:00')
      ?.subject,
    'Kunst og håndverk',
  );
  const updated = await db.selectFrom('lesson').selectAll().where('id', '=', tuesday.id).executeTakeFirstOrThrow();
  assert.deepEqual([updated.subject, updated.room, updated.teacher_id], ['Programmering', 'Datarom', null]);
  const importAudits = (await audits('timetable.import')).length;
  assert.equal(importAudits, 1);
  const creates = (await audits('lesson.create')).length;
  const updates = (await audits('lesson.update')).length;

  // The same file again: nothing changes (no lesson, no audit row), and the preview says so.
  const again = await client.post(
    `/office/schools/${BJ}/timetable-import/apply`,
    { school_year_id: year, content },
    { cookie: leader },
  );
  assert.equal(again.status, 303);
  assert.equal(await lessonCount(), before + 2);
  assert.equal((await audits('timetable.import')).length, importAudits);
  assert.equal((await audits('lesson.create')).length, creates);
  assert.equal((await audits('lesson.update')).length, updates);
  const second = await html(await upload(`/office/schools/${BJ}/timetable-import/preview`, latin1, leader, year));
  assert.match(second.document.querySelector('#preview')?.textContent ?? '', /0 nye timer, 0 endres, 3 uendret/);

  // A file problem (no file; missing columns) is a message, not a 5xx.
  const none = await upload(`/office/schools/${BJ}/timetable-import/preview`, '', leader, year);
  assert.equal(none.status, 422);
  const missing = await upload(`/office/schools/${BJ}/timetable-import/preview`, 'klasse;fag\n5A;Sjakk', leader, year);
  assert.equal(missing.status, 422);
  assert.match(await missing.text(), /mangler kolonnene: ukedag, start, slutt/);
  // Another school's leadership cannot preview or apply here.
  assert.equal((await upload(`/office/schools/${BJ}/timetable-import/preview`, bad, fjLeader, year)).status, 404);
  assert.equal(
    (
      await client.post(
        `/office/schools/${BJ}/timetable-import/apply`,
        { school_year_id: year, content },
        { cookie: fjLeader },
      )
    ).status,
    404,
  );
});

test('the timetable page runs the same, bounded number of queries with few and with many lessons', async () => {
  const group = (
    await db
      .insertInto('teaching_group')
      .values({
        school_id: BJ,
        school_year_id: (
          await db.selectFrom('class').select('school_year_id').where('id', '=', A3).executeTakeFirstOrThrow()
        ).school_year_id,
        name: 'Spesialgruppe',
        subject: 'Sjakk',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const measure = async () => {
    counter.reset();
    const res = await client.get(`/office/teaching-groups/${group}/timetable`, { cookie: leader });
    assert.equal(res.status, 200);
    await res.text();
    return counter.count;
  };
  const few = await measure();
  const rows = [];
  for (let weekday = 1; weekday <= 5; weekday++)
    for (let hour = 7; hour < 17; hour++)
      rows.push({
        teaching_group_id: group,
        weekday,
        starts_at: `${String(hour).padStart(2, '0')}:00`,
        ends_at: `${String(hour).padStart(2, '0')}:45`,
        subject: 'Sjakk',
      });
  await db.insertInto('lesson').values(rows).execute();
  const many = await measure();
  assert.equal(many, few, 'the same queries for 0 and 50 lessons');
  const page = await html(await client.get(`/office/teaching-groups/${group}/timetable`, { cookie: leader }));
  assert.equal(page.document.querySelectorAll('#week li[data-lesson]').length, 50);
});

test('a lesson with registered attendance is not deleted, nor replaced by a copy: a message, nothing changed', async () => {
  const lesson = (await lessonsOf('class_id', A3))[0]!;
  await db
    .insertInto('attendance')
    .values({
      pupil_id: sofie,
      school_id: BJ,
      date: TODAY,
      lesson_id: lesson.id,
      status: 'present',
      registered_by: contactTeacherId,
    })
    .execute();
  const res = await client.post(`/office/lessons/${lesson.id}/deletion`, {}, { cookie: leader });
  assert.equal(res.status, 422);
  assert.match(
    (await html(res)).document.querySelector('[role="alert"]')?.textContent ?? '',
    /registrert fravær eller oppmøte/,
  );
  assert.ok(await db.selectFrom('lesson').select('id').where('id', '=', lesson.id).executeTakeFirst());
  const copy = await client.post(
    `/office/classes/${B3}/timetable/copy`,
    { target: `class-${A3}`, mode: 'replace' },
    { cookie: leader },
  );
  assert.equal(copy.status, 422);
  assert.match(
    (await html(copy)).document.querySelector('#copy-target-error')?.textContent ?? '',
    /kan ikke erstattes/,
  );
  assert.ok(await db.selectFrom('lesson').select('id').where('id', '=', lesson.id).executeTakeFirst());
});

test('a closed teaching group takes no lessons: no add form, a POST is refused, it is no copy target', async () => {
  const yearId = (await db.selectFrom('class').select('school_year_id').where('id', '=', A3).executeTakeFirstOrThrow())
    .school_year_id;
  const group = (
    await db
      .insertInto('teaching_group')
      .values({ school_id: BJ, school_year_id: yearId, name: 'Nedlagt gruppe', subject: 'Tysk', closed_on: TODAY })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const page = await html(await client.get(`/office/teaching-groups/${group}/timetable`, { cookie: leader }));
  assert.equal(page.document.querySelector('#add form'), null, 'no add form for a closed group');
  const before = (await db.selectFrom('lesson').select('id').where('teaching_group_id', '=', group).execute()).length;
  const res = await client.post(`/office/teaching-groups/${group}/timetable/lessons`, GOOD, { cookie: leader });
  assert.equal(res.status, 422);
  assert.equal(
    (await db.selectFrom('lesson').select('id').where('teaching_group_id', '=', group).execute()).length,
    before,
  );
  const source = await html(await client.get(`/office/classes/${A3}/timetable`, { cookie: leader }));
  assert.equal(source.document.querySelector(`#copy option[value="group-${group}"]`), null, 'not a copy target');
  assert.ok(source.document.querySelector('#copy option[value^="group-"]'), 'open groups are offered');
});

test("last year's lessons are not this week's: a copy kept in last year's class, a lingering group membership", async () => {
  const municipalityId = (
    await db.selectFrom('school').select('municipality_id').where('id', '=', BJ).executeTakeFirstOrThrow()
  ).municipality_id;
  const lastYear =
    (
      await db
        .selectFrom('school_year')
        .select('id')
        .where('municipality_id', '=', municipalityId)
        .where('ends_on', '<', '2026-08-01')
        .executeTakeFirst()
    )?.id ??
    (
      await db
        .insertInto('school_year')
        .values({ municipality_id: municipalityId, name: '2025–2026', starts_on: '2025-08-18', ends_on: '2026-06-19' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const oldClass = (
    await db
      .insertInto('class')
      .values({ school_id: BJ, school_year_id: lastYear, name: 'Gammel 2A', trinn: 2 })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const oldGroup = (
    await db
      .insertInto('teaching_group')
      .values({ school_id: BJ, school_year_id: lastYear, name: 'Gammel gruppe', subject: 'Fortid' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  await db.insertInto('teaching_group_member').values({ teaching_group_id: oldGroup, pupil_id: sofie }).execute();
  await db
    .insertInto('lesson')
    .values([
      {
        class_id: oldClass,
        weekday: 1,
        starts_at: '07:00',
        ends_at: '07:30',
        subject: 'Fjorårsfag',
        teacher_id: teacherId,
      },
      { teaching_group_id: oldGroup, weekday: 2, starts_at: '07:00', ends_at: '07:30', subject: 'Fjorårsgruppe' },
    ])
    .execute();
  const teacherWeek = await (await client.get(`/timetable?week=${WEEK}`, { cookie: teacher })).text();
  assert.doesNotMatch(teacherWeek, /Fjorårsfag/, "the teacher's week has no lesson of last year's class");
  const childWeek = await (await client.get(`/children/${sofie}/timetable?week=${WEEK}`, { cookie: guardian })).text();
  assert.doesNotMatch(childWeek, /Fjorårsgruppe/, "the child's week has no lesson of last year's group");
  const lastYearWeek = await (await client.get('/timetable?week=2026-W02', { cookie: teacher })).text();
  assert.match(lastYearWeek, /Fjorårsfag/, 'in a week of that year the lesson is there');
});
