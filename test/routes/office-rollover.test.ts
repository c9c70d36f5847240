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
const cookieOf = async (key: Parameters<typeof loginPersonId>[1], via: 'feide' | 'idporten' = 'feide') =>
  sessionCookie(db, await loginPersonId(db, key), via);
const leader = await cookieOf('leadership');
const owner = await cookieOf('school-owner');
const count = async (table: 'enrolment' | 'class') =>
  Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const rollover = `/office/schools/${BJ}/rollover`;
const former = `/office/schools/${BJ}/former-pupils`;

/** The form as the proposal fills it: every field's current value. */
function formValues(document: Document): Record<string, string> {
  const values: Record<string, string> = {};
  for (const input of Array.from(document.querySelectorAll<HTMLInputElement>('form[method="post"] input[name]')))
    values[input.name] = input.value;
  for (const select of Array.from(document.querySelectorAll<HTMLSelectElement>('form[method="post"] select')))
    values[select.name] = select.querySelector<HTMLOptionElement>('option[selected]')?.value ?? '';
  return values;
}

// A 10. trinn pupil of Bjørkelia and a guardian of theirs with access.
const leaver = await db
  .selectFrom('enrolment as e')
  .innerJoin('class as c', 'c.id', 'e.class_id')
  .innerJoin('guardian_relation as g', 'g.pupil_id', 'e.pupil_id')
  .innerJoin('person as p', 'p.id', 'e.pupil_id')
  .select(['e.pupil_id', 'g.guardian_id', 'p.given_name', 'p.family_name'])
  .where('c.school_id', '=', BJ)
  .where('c.trinn', '=', 10)
  .where('e.ends_on', 'is', null)
  .where('g.blocked', '=', false)
  .where('g.contact_person_only', '=', false)
  .orderBy('e.pupil_id')
  .executeTakeFirstOrThrow();

test('who reaches the rollover and the former pupils: leadership of the school and the school owner; others 404', async () => {
  const start = await html(await client.get(`/office/schools/${BJ}/classes`, { cookie: leader }));
  assert.ok(start.document.querySelector(`a[href="${rollover}"]`), 'the class list links the rollover');
  assert.ok(start.document.querySelector(`a[href="${former}"]`), 'and the former pupils');
  for (const path of [rollover, former]) {
    assert.equal((await client.get(path, { cookie: leader })).status, 200, `leadership ${path}`);
    assert.equal((await client.get(path, { cookie: owner })).status, 200, `school owner ${path}`);
  }
  const others = [
    ['leadership of another school', await cookieOf('leadership'), `/office/schools/${FJ}/rollover`],
    ['contact teacher', await cookieOf('contact-teacher'), rollover],
    ['teacher', await cookieOf('teacher'), former],
    ['guardian', await cookieOf('guardian', 'idporten'), rollover],
    ['leadership via ID-porten', await cookieOf('leadership', 'idporten'), rollover],
  ] as const;
  for (const [who, cookie, path] of others) {
    assert.equal((await client.get(path, { cookie })).status, 404, `${who} GET ${path}`);
    assert.equal((await client.post(path, {}, { cookie })).status, 404, `${who} POST ${path}`);
  }
});

test('the proposal page, bad input (422, values kept), apply with adjustments, and a second apply (409, nothing)', async () => {
  const page = await html(await client.get(rollover, { cookie: leader }));
  assert.match(page.text, /2027–2028/);
  const values = formValues(page.document);
  const fiveA = page.document.querySelector<HTMLInputElement>('input[value="6A"]')!;
  assert.ok(fiveA, '5A is proposed as 6A');
  assert.match(page.document.querySelector('#rollover-leavers')!.textContent!, new RegExp(leaver.family_name));
  const pupilFields = Object.keys(values).filter((k) => k.startsWith('pupil_'));
  assert.ok(pupilFields.length > 100);

  const before = [await count('enrolment'), await count('class')];
  const bad = await client.post(
    rollover,
    { ...values, [fiveA.name]: 'Ugler', [pupilFields[0]!]: 'nowhere', [pupilFields[1]!]: 'out' },
    { cookie: leader },
  );
  assert.equal(bad.status, 422);
  const shown = await html(bad);
  assert.ok(shown.document.querySelector('[role="alert"]'), 'an error summary');
  assert.equal(shown.document.querySelector<HTMLInputElement>(`input[name="${fiveA.name}"]`)!.value, 'Ugler');
  assert.equal(
    shown.document.querySelector(`select[name="${pupilFields[1]}"] option[selected]`)?.getAttribute('value'),
    'out',
    'the other choices are kept',
  );
  assert.ok(shown.document.querySelector(`#${pupilFields[0]!.replace('_', '-')}-error`));
  assert.deepEqual([await count('enrolment'), await count('class')], before);

  const res = await client.post(
    rollover,
    { ...values, [fiveA.name]: 'Ugler', [pupilFields[1]!]: 'out' },
    { cookie: leader },
  );
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), `${rollover}?done=1`);
  const done = await html(await client.get(res.headers.get('location')!, { cookie: leader }));
  assert.match(done.document.querySelector('[role="status"]')?.textContent ?? '', /1 ikke flyttet/);
  const ugler = await db
    .selectFrom('class')
    .select(['trinn'])
    .where('school_id', '=', BJ)
    .where('name', '=', 'Ugler')
    .executeTakeFirstOrThrow();
  assert.equal(ugler.trinn, 6);
  assert.equal(await count('enrolment'), before[0]! + pupilFields.length - 1);

  const after = [await count('enrolment'), await count('class')];
  const again = await client.post(rollover, values, { cookie: owner });
  assert.equal(again.status, 409);
  assert.match(await again.text(), /allerede klasser i 2027–2028/);
  assert.deepEqual([await count('enrolment'), await count('class')], after);
});

test('a 10. trinn leaver: the guardian sees the child on the last day, not the day after; the office finds them as former', async () => {
  const guardian = await sessionCookie(db, leaver.guardian_id, 'idporten');
  const name = `${leaver.given_name} ${leaver.family_name}`;
  now = new Date('2027-06-18T10:00:00Z');
  assert.equal((await client.get(`/children/${leaver.pupil_id}`, { cookie: guardian })).status, 200, 'last day');
  assert.doesNotMatch(await (await client.get(former, { cookie: leader })).text(), new RegExp(name));

  now = new Date('2027-06-19T08:00:00Z');
  assert.equal((await client.get(`/children/${leaver.pupil_id}`, { cookie: guardian })).status, 404, 'day after');
  assert.doesNotMatch(await (await client.get('/home', { cookie: guardian })).text(), new RegExp(leaver.given_name));
  const list = await html(await client.get(former, { cookie: leader }));
  const row = Array.from(list.document.querySelectorAll('tbody tr')).find((r) => r.textContent!.includes(name));
  assert.ok(row, 'listed as a former pupil');
  assert.match(row.textContent!, /18\.06\.2027/);
  assert.match(row.textContent!, /Ferdig med 10\. trinn/);
  assert.ok(!list.document.querySelector('#office form[method="post"]'), 'read-only');
  assert.ok((await client.get(former, { cookie: owner })).ok);
  now = new Date(`${TODAY}T10:00:00Z`);
});

test('a fortrolig address is shown to a guardian who lives with the child, not to one who does not; strengt fortrolig to none', async () => {
  now = new Date(`${TODAY}T10:00:00Z`);
  const kari = await loginPersonId(db, 'guardian');
  const guardian = await sessionCookie(db, kari, 'idporten');
  const child = await db
    .selectFrom('guardian_relation as g')
    .innerJoin('enrolment as e', 'e.pupil_id', 'g.pupil_id')
    .select('g.pupil_id')
    .where('g.guardian_id', '=', kari)
    .where('e.school_id', '=', BJ)
    .executeTakeFirstOrThrow();
  await db
    .updateTable('person')
    .set({ address_line: 'Skjulestien 7', postal_code: '1234', postal_place: 'Lia' })
    .where('id', '=', child.pupil_id)
    .execute();
  const shows = async (protection: 'none' | 'fortrolig' | 'strengt_fortrolig', livesWith: boolean) => {
    await db.updateTable('person').set({ address_protection: protection }).where('id', '=', child.pupil_id).execute();
    await db
      .updateTable('guardian_relation')
      .set({ lives_with_child: livesWith })
      .where('pupil_id', '=', child.pupil_id)
      .where('guardian_id', '=', kari)
      .execute();
    const res = await client.get(`/children/${child.pupil_id}`, { cookie: guardian });
    assert.equal(res.status, 200);
    return /Skjulestien 7/.test(await res.text());
  };
  assert.equal(await shows('fortrolig', true), true, 'fortrolig, lives with the child');
  assert.equal(await shows('fortrolig', false), false, 'fortrolig, lives elsewhere');
  assert.equal(await shows('strengt_fortrolig', true), false, 'strengt fortrolig, lives with the child');
  assert.equal(await shows('none', false), true, 'unprotected: every guardian with access');
  // The contact teacher of another class and a teacher still do not see a fortrolig address on the pupil card.
  await shows('fortrolig', true);
  const card = await client.get(`/pupils/${child.pupil_id}`, { cookie: await cookieOf('teacher') });
  assert.doesNotMatch(await card.text(), /Skjulestien 7/);
});
