import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TEST_ORIGIN, createTestApp, html, sessionCookie } from '../support/app.ts';
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
const cookieOf = async (key: Parameters<typeof loginPersonId>[1], via: 'feide' | 'idporten' = 'feide') =>
  sessionCookie(db, await loginPersonId(db, key), via);
const leader = await cookieOf('leadership');
const owner = await cookieOf('school-owner');
const memberships = async () =>
  Number(
    (
      await db
        .selectFrom('staff_membership')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const audits = (action: string) =>
  db
    .selectFrom('audit_log')
    .select(['actor_role', 'record_id', 'subject_person_id'])
    .where('action', '=', action)
    .execute();

/** A multipart upload of one file, as a browser sends the import form. */
function upload(path: string, content: Uint8Array<ArrayBuffer> | string, cookie: string) {
  const form = new FormData();
  form.set('file', new File([content], 'ansatte.csv', { type: 'text/csv' }));
  return client.app.request(new URL(path, TEST_ORIGIN).toString(), {
    method: 'POST',
    body: form,
    headers: { origin: TEST_ORIGIN, 'sec-fetch-site': 'same-origin', cookie },
  });
}

test('leadership grants a new person contact teacher of a class: they sign in and see it at once, and not after the end', async () => {
  const threeA = await classId(BJ, '3A');
  const page = await html(await client.get(`/office/schools/${BJ}/staff`, { cookie: leader }));
  assert.ok(page.document.querySelector('#grants li'), 'the current grants are listed');
  assert.match(page.document.querySelector('#grants')?.textContent ?? '', /Kontaktlærer 3A/);
  const start = await html(await client.get('/office', { cookie: leader }));
  assert.ok(start.document.querySelector(`a[href="/office/schools/${BJ}/staff"]`), 'the office links the staff');

  const res = await client.post(
    `/office/schools/${BJ}/staff`,
    {
      feide_id: ' Nina.Ny@Kommune.no ',
      given_name: 'Nina',
      family_name: 'Ny',
      role: 'contact_teacher',
      target: `class-${threeA}`,
      starts_on: '25.11.2026',
    },
    { cookie: leader },
  );
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), `/office/schools/${BJ}/staff?notice=granted`);
  const nina = await db
    .selectFrom('person')
    .select(['id', 'given_name', 'family_name'])
    .where('feide_id', '=', 'feide:nina.ny@kommune.no')
    .executeTakeFirstOrThrow();
  assert.deepEqual([nina.given_name, nina.family_name], ['Nina', 'Ny']);
  assert.deepEqual(
    (await audits('staff.grant')).map((a) => [a.actor_role, a.subject_person_id]),
    [['leadership', nina.id]],
  );
  const listed = await html(await client.get(res.headers.get('location')!, { cookie: leader }));
  assert.match(listed.document.querySelector('[role="status"]')?.textContent ?? '', /Rollen er gitt/);
  assert.match(listed.document.querySelector('#grants')?.textContent ?? '', /Nina Ny\s+Kontaktlærer 3A/);

  const ninaCookie = await sessionCookie(db, nina.id, 'feide');
  const classPage = await client.get(`/classes/${threeA}`, { cookie: ninaCookie });
  assert.equal(classPage.status, 200, 'the new contact teacher sees the class at once');
  assert.match(await classPage.text(), /Sofie/);

  // The same grant again is a field error.
  const again = await client.post(
    `/office/schools/${BJ}/staff`,
    {
      feide_id: 'nina.ny@kommune.no',
      given_name: '',
      family_name: '',
      role: 'contact_teacher',
      target: `class-${threeA}`,
      starts_on: TODAY,
    },
    { cookie: leader },
  );
  assert.equal(again.status, 422);
  assert.match((await html(again)).document.querySelector('#grant-role-error')?.textContent ?? '', /allerede/);

  const membership = (
    await db.selectFrom('staff_membership').select('id').where('person_id', '=', nina.id).executeTakeFirstOrThrow()
  ).id;
  const badEnd = await client.post(
    `/office/staff-grants/${membership}/ending`,
    { ends_on: '24.11.2026' },
    { cookie: leader },
  );
  assert.equal(badEnd.status, 422);
  const badPage = await html(badEnd);
  assert.equal(badPage.document.querySelector(`#end-${membership}-endsOn`)?.getAttribute('value'), '24.11.2026');
  assert.match(badPage.document.querySelector(`#end-${membership}-endsOn-error`)?.textContent ?? '', /før rollen/);

  const ended = await client.post(
    `/office/staff-grants/${membership}/ending`,
    { ends_on: '25.11.2026' },
    { cookie: leader },
  );
  assert.equal(ended.status, 303);
  assert.equal((await audits('staff.end')).at(-1)?.subject_person_id, nina.id);
  assert.equal(
    (await client.get(`/classes/${threeA}`, { cookie: ninaCookie })).status,
    200,
    'the last day still counts',
  );
  now = new Date('2026-11-26T07:00:00Z');
  try {
    assert.equal((await client.get(`/classes/${threeA}`, { cookie: ninaCookie })).status, 404);
    const after = await html(await client.get(`/office/schools/${BJ}/staff`, { cookie: leader }));
    assert.doesNotMatch(after.document.querySelector('#grants')?.textContent ?? '', /Nina Ny/);
  } finally {
    now = new Date(`${TODAY}T10:00:00Z`);
  }
});

test('bad grant input: 422 with the values kept, a message per field and a summary; nothing saved', async () => {
  const before = await memberships();
  const res = await client.post(
    `/office/schools/${BJ}/staff`,
    { feide_id: 'ikke en feide', given_name: '', family_name: '', role: 'rektor', target: '', starts_on: '31.02.2026' },
    { cookie: leader },
  );
  assert.equal(res.status, 422);
  const { document } = await html(res);
  assert.equal(document.querySelector('#grant-feideId')?.getAttribute('value'), 'ikke en feide');
  assert.equal(document.querySelector('#grant-startsOn')?.getAttribute('value'), '31.02.2026');
  for (const f of ['feideId', 'role', 'startsOn']) assert.ok(document.querySelector(`#grant-${f}-error`), f);
  assert.equal(document.querySelectorAll('[role="alert"] li a').length, 3);

  const newPerson = await client.post(
    `/office/schools/${BJ}/staff`,
    {
      feide_id: 'ukjent@kommune.no',
      given_name: '',
      family_name: ' ',
      role: 'contact_teacher',
      target: '',
      starts_on: TODAY,
    },
    { cookie: leader },
  );
  assert.equal(newPerson.status, 422);
  const page = (await html(newPerson)).document;
  for (const f of ['givenName', 'familyName', 'target']) assert.ok(page.querySelector(`#grant-${f}-error`), f);
  // A class of another school is no target here.
  const foreign = await client.post(
    `/office/schools/${BJ}/staff`,
    {
      feide_id: 'ukjent@kommune.no',
      given_name: 'U',
      family_name: 'K',
      role: 'contact_teacher',
      target: `class-${await classId(FJ, '6A')}`,
      starts_on: TODAY,
    },
    { cookie: leader },
  );
  assert.equal(foreign.status, 422);
  // A pupil's Feide identity is never made staff.
  const pupilFeide = (
    await db
      .selectFrom('person')
      .select('person.feide_id')
      .where('person.id', '=', await loginPersonId(db, 'pupil'))
      .executeTakeFirstOrThrow()
  ).feide_id!;
  const pupil = await client.post(
    `/office/schools/${BJ}/staff`,
    {
      feide_id: pupilFeide.replace(/^feide:/, ''),
      given_name: '',
      family_name: '',
      role: 'leadership',
      target: '',
      starts_on: TODAY,
    },
    { cookie: leader },
  );
  assert.equal(pupil.status, 422);
  assert.match(
    (await html(pupil)).document.querySelector('#grant-feideId-error')?.textContent ?? '',
    /tilhører en elev/,
  );
  assert.equal(await memberships(), before);
  assert.equal(
    await db.selectFrom('person').select('id').where('feide_id', '=', 'feide:ukjent@kommune.no').executeTakeFirst(),
    undefined,
  );
});

test('the school owner runs the staff of every school it owns; leadership elsewhere, teachers and guardians get 404', async () => {
  const made = await client.post(
    `/office/schools/${FJ}/staff`,
    {
      feide_id: 'per.leder@fjell.no',
      given_name: 'Per',
      family_name: 'Leder',
      role: 'leadership',
      target: '',
      starts_on: TODAY,
    },
    { cookie: owner },
  );
  assert.equal(made.status, 303);
  assert.equal((await audits('staff.grant')).at(-1)?.actor_role, 'school_owner');
  const fjGrant = (
    await db
      .selectFrom('staff_membership as m')
      .innerJoin('person as p', 'p.id', 'm.person_id')
      .select('m.id')
      .where('p.feide_id', '=', 'feide:per.leder@fjell.no')
      .executeTakeFirstOrThrow()
  ).id;
  const before = await memberships();
  const others: [string, string][] = [
    ['leadership of Bjørkelia at Fjellheim', leader],
    ['contact teacher', await cookieOf('contact-teacher')],
    ['SFO leader', await cookieOf('sfo-leader')],
    ['guardian', await cookieOf('guardian', 'idporten')],
  ];
  for (const [who, cookie] of others) {
    assert.equal((await client.get(`/office/schools/${FJ}/staff`, { cookie })).status, 404, who);
    assert.equal((await client.get(`/office/schools/${FJ}/staff-import`, { cookie })).status, 404, who);
    const grant = {
      feide_id: 'x@y.no',
      given_name: 'X',
      family_name: 'Y',
      role: 'leadership',
      target: '',
      starts_on: TODAY,
    };
    assert.equal((await client.post(`/office/schools/${FJ}/staff`, grant, { cookie })).status, 404, who);
    assert.equal(
      (await client.post(`/office/staff-grants/${fjGrant}/ending`, { ends_on: TODAY }, { cookie })).status,
      404,
      who,
    );
    assert.equal((await upload(`/office/schools/${FJ}/staff-import/preview`, 'a;b\n', cookie)).status, 404, who);
    if (who !== 'leadership of Bjørkelia at Fjellheim')
      assert.equal((await client.get(`/office/schools/${BJ}/staff`, { cookie })).status, 404, who);
  }
  assert.equal(await memberships(), before);
});

const CSV_HEADER = 'feide_id;fornavn;etternavn;rolle;for;fra';

test("CSV import: the preview lists every row's problems by line and saves nothing", async () => {
  const before = await memberships();
  const csv = [
    CSV_HEADER,
    'ok.person@kommune.no;Ok;Person;kontaktlærer;3B;25.11.2026',
    'feil;;;rektor;;2026-13-01',
    '',
    'ny.person@kommune.no;;Person;kontaktlærer;9Z;25.11.2026',
  ].join('\n');
  const res = await upload(`/office/schools/${BJ}/staff-import/preview`, csv, leader);
  assert.equal(res.status, 422);
  const { document } = await html(res);
  const row = (line: number) => document.querySelector(`#preview tr[data-line="${line}"]`)?.textContent ?? '';
  assert.match(row(2), /Ny/);
  assert.match(row(3), /Feide-identiteten som navn@organisasjon\.no/);
  assert.match(row(3), /Velg en rolle/);
  assert.match(row(3), /gyldig dato/);
  assert.match(row(5), /Skriv fornavnet/);
  assert.match(row(5), /klasse, gruppe eller SFO/);
  assert.equal(document.querySelector('input[name="content"]'), null, 'a file with problems cannot be applied');
  assert.equal(await memberships(), before);

  const columns = await upload(`/office/schools/${BJ}/staff-import/preview`, 'navn,rolle\nA,B\n', leader);
  assert.equal(columns.status, 422);
  assert.match((await html(columns)).document.querySelector('#import-file-error')?.textContent ?? '', /feide_id/);
});

test('CSV import in Windows-1252 with commas: æøå read right; the apply is idempotent', async () => {
  const threeB = await classId(BJ, '3B');
  const csv = [
    'feide_id,given_name,family_name,role,target,starts_on',
    'bjorn.aase@kommune.no,Bjørn,Åsæther,kontaktlærer,3B,25.11.2026',
    'bjorn.aase@kommune.no,Bjørn,Åsæther,sfo-ansatt,Bjørkelia SFO,25.11.2026',
    'marit.lie@kommune.no,Marit,Lie,ledelse,,01.12.2026',
  ].join('\r\n');
  const bytes = Uint8Array.from([...csv].map((ch) => ({ ø: 0xf8, Å: 0xc5, æ: 0xe6 })[ch] ?? ch.charCodeAt(0)));
  assert.ok(bytes.every((b) => b < 256));
  const sfo = await db.selectFrom('sfo').select('name').where('school_id', '=', BJ).executeTakeFirstOrThrow();
  assert.equal(sfo.name, 'Bjørkelia SFO', 'the seed names the SFO so');

  const preview = await upload(`/office/schools/${BJ}/staff-import/preview`, bytes, leader);
  assert.equal(preview.status, 200);
  const page = await html(preview);
  assert.match(page.document.querySelector('#preview tr[data-line="2"]')?.textContent ?? '', /Bjørn Åsæther/);
  const content = page.document.querySelector('input[name="content"]')?.getAttribute('value') ?? '';
  assert.ok(content.length > 0);
  const before = await memberships();

  const apply = () => client.post(`/office/schools/${BJ}/staff-import/apply`, { content }, { cookie: leader });
  const first = await apply();
  assert.equal(first.status, 303);
  assert.equal(first.headers.get('location'), `/office/schools/${BJ}/staff?notice=imported`);
  assert.equal(await memberships(), before + 3);
  const bjorn = await db
    .selectFrom('person')
    .select(['id', 'given_name', 'family_name'])
    .where('feide_id', '=', 'feide:bjorn.aase@kommune.no')
    .executeTakeFirstOrThrow();
  assert.deepEqual([bjorn.given_name, bjorn.family_name], ['Bjørn', 'Åsæther']);
  const assignment = await db
    .selectFrom('staff_assignment as a')
    .innerJoin('staff_membership as m', 'm.id', 'a.staff_membership_id')
    .select('a.class_id')
    .where('m.person_id', '=', bjorn.id)
    .executeTakeFirstOrThrow();
  assert.equal(assignment.class_id, threeB);
  const audited = (await audits('staff.import')).length;

  const second = await apply();
  assert.equal(second.status, 303);
  assert.equal(await memberships(), before + 3, 'a second apply changes nothing');
  assert.equal((await audits('staff.import')).length, audited);
  const again = await html(await upload(`/office/schools/${BJ}/staff-import/preview`, bytes, leader));
  assert.equal(again.document.querySelectorAll('#preview tbody tr').length, 3);
  assert.match(again.document.querySelector('#preview')?.textContent ?? '', /0 nye roller, 3 finnes fra før/);
});
