import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { syntheticIdentityNumber } from '../../src/domain/person/fodselsnummer.ts';
import { createTestApp, html, sessionCookie } from '../support/app.ts';
import { createDemoTestDb } from '../support/db.ts';
import { loginPersonId } from '../support/fixtures.ts';

// The kindergarten's office (issue 13, K1): the styrer and the owner manage departments, places and staff.
const TODAY = '2026-11-25';
const db = await createDemoTestDb(TODAY);
const client = createTestApp(db, {}, { clock: () => new Date(`${TODAY}T10:00:00Z`) });

const cookieOf = async (key: Parameters<typeof loginPersonId>[1], via: 'feide' | 'idporten' = 'feide') =>
  sessionCookie(db, await loginPersonId(db, key), via);
const hilde = await cookieOf('kindergarten-leader');
const kg = await db
  .selectFrom('kindergarten')
  .select('id')
  .where('name', '=', 'Bjørkelia barnehage')
  .executeTakeFirstOrThrow();
const OFFICE = `/kindergartens/${kg.id}/office`;
const department = async (name: string) =>
  (
    await db
      .selectFrom('kindergarten_department')
      .select('id')
      .where('kindergarten_id', '=', kg.id)
      .where('name', '=', name)
      .executeTakeFirstOrThrow()
  ).id;
const nora = await db
  .selectFrom('kindergarten_enrolment as e')
  .innerJoin('person as p', 'p.id', 'e.child_id')
  .select(['e.id as enrolmentId', 'p.id as childId'])
  .where('p.given_name', '=', 'Nora')
  .where('p.family_name', '=', 'Nordmann')
  .executeTakeFirstOrThrow();
const headers = (cookie: string) => ({ cookie });

test('Hilde (styrer) and Randi (owner) open the office with the three departments, the children and the staff', async () => {
  for (const key of ['kindergarten-leader', 'school-owner'] as const) {
    const response = await client.get(OFFICE, headers(await cookieOf(key)));
    assert.equal(response.status, 200, key);
    const { document } = await html(response);
    const headings = Array.from(document.querySelectorAll('h2')).map((h) => h.textContent ?? '');
    for (const name of ['Maurtua', 'Bjørnehiet', 'Revehiet'])
      assert.ok(
        headings.some((h) => h.startsWith(`${name} (`)),
        `${key}: ${name} in ${headings.join(' | ')}`,
      );
    const bjornehiet = document.querySelector(`#department-${await department('Bjørnehiet')}`)?.textContent ?? '';
    assert.match(bjornehiet, /Nora Nordmann/);
    assert.match(document.querySelector('#staff')?.textContent ?? '', /Sondre Lie.*Pedagogisk leder, Bjørnehiet/s);
  }
  const list = await client.get('/kindergartens', headers(hilde));
  assert.match((await html(list)).text, new RegExp(`href="${OFFICE}"`));
});

test('nobody else has the office: pedagogical leader, staff, rektor, SFO leader, teacher, Kari — 404', async () => {
  for (const [key, via] of [
    ['pedagogical-leader', 'feide'],
    ['kindergarten-staff', 'feide'],
    ['leadership', 'feide'],
    ['sfo-leader', 'feide'],
    ['teacher', 'feide'],
    ['guardian', 'idporten'],
    ['kindergarten-leader', 'idporten'],
  ] as const) {
    const cookie = await cookieOf(key, via);
    assert.equal((await client.get(OFFICE, headers(cookie))).status, 404, `${key} via ${via}: office`);
    assert.equal((await client.get('/kindergartens', headers(cookie))).status, 404, `${key} via ${via}: list`);
    const post = await client.post(
      `${OFFICE}/places/${nora.enrolmentId}/end`,
      { ends_on: '30.11.2026' },
      headers(cookie),
    );
    assert.equal(post.status, 404, `${key} via ${via}: end a place`);
  }
  const still = await db
    .selectFrom('kindergarten_enrolment')
    .select('ends_on')
    .where('id', '=', nora.enrolmentId)
    .executeTakeFirstOrThrow();
  assert.equal(still.ends_on, null, 'nothing changed');
});

test('admitting a child: errors come back with the values; a child from the register is admitted once', async () => {
  const number = syntheticIdentityNumber('2025-02-03', 60);
  await sql`insert into person (fodselsnummer, given_name, family_name) values (${number}, 'Alma', 'Strand')`.execute(
    db,
  );
  const maurtua = String(await department('Maurtua'));

  const missing = await client.post(
    `${OFFICE}/children`,
    { number: '', department_id: '', starts_on: '1.13.2026', percent: '5' },
    headers(hilde),
  );
  assert.equal(missing.status, 422);
  const { document } = await html(missing);
  const alert = document.querySelector('[role=alert]')?.textContent ?? '';
  for (const message of [
    'Skriv fødselsnummeret',
    'Velg en avdeling',
    'Skriv datoen som dd.mm.åååå',
    'Skriv en prosent mellom 10 og 100',
  ])
    assert.ok(alert.includes(message), `${message} in ${alert}`);
  assert.equal(
    document.querySelector<HTMLInputElement>('#admit-starts_on, #admit-startsOn')?.getAttribute('value'),
    '1.13.2026',
  );

  const unknown = await client.post(
    `${OFFICE}/children`,
    { number: syntheticIdentityNumber('2025-02-03', 61), department_id: maurtua, starts_on: '01.12.2026', percent: '' },
    headers(hilde),
  );
  assert.equal(unknown.status, 422);
  assert.match((await html(unknown)).text, /Ingen i Folkeregisteret har dette nummeret/);

  const ok = await client.post(
    `${OFFICE}/children`,
    { number, department_id: maurtua, starts_on: '01.12.2026', percent: '80' },
    headers(hilde),
  );
  assert.equal(ok.status, 303);
  assert.equal(ok.headers.get('location'), `${OFFICE}?notice=admitted`);
  const page = await html(await client.get(`${OFFICE}?notice=admitted`, headers(hilde)));
  assert.match(page.document.querySelector('[role=status]')?.textContent ?? '', /Barnet er tatt inn/);
  assert.match(
    page.document.querySelector(`#department-${maurtua}`)?.textContent ?? '',
    /Alma Strand.*80 % fra 01\.12\.2026/s,
  );

  const again = await client.post(
    `${OFFICE}/children`,
    { number, department_id: maurtua, starts_on: '01.01.2027', percent: '' },
    headers(hilde),
  );
  assert.equal(again.status, 422);
  assert.match((await html(again)).text, /Barnet har allerede barnehageplass på denne dagen/);
  const audit = await db.selectFrom('audit_log').select('action').where('action', '=', 'kindergarten.admit').execute();
  assert.equal(audit.length, 1);
});

test('moving Nora to Revehiet ends her place the day before; an htmx post swaps the office; another unit’s place is 404', async () => {
  const revehiet = String(await department('Revehiet'));
  const early = await client.post(
    `${OFFICE}/places/${nora.enrolmentId}/move`,
    { department_id: revehiet, on: '01.01.2020' },
    headers(hilde),
  );
  assert.equal(early.status, 422);
  assert.match((await html(early)).text, /Datoen må være etter at plassen startet/);

  const moved = await client.post(
    `${OFFICE}/places/${nora.enrolmentId}/move`,
    { department_id: revehiet, on: '01.12.2026' },
    { ...headers(hilde), 'hx-request': 'true' },
  );
  // htmx follows the redirect itself; the server answers 303 either way.
  assert.equal(moved.status, 303);
  const places = await db
    .selectFrom('kindergarten_enrolment')
    .select(['department_id', 'starts_on', 'ends_on'])
    .where('child_id', '=', nora.childId)
    .orderBy('starts_on')
    .execute();
  assert.deepEqual(
    places.map((p) => [String(p.department_id), p.starts_on, p.ends_on]),
    [
      [String(await department('Bjørnehiet')), places[0]!.starts_on, '2026-11-30'],
      [revehiet, '2026-12-01', null],
    ],
  );
  const fragment = await client.get(`${OFFICE}?notice=moved`, { ...headers(hilde), 'hx-request': 'true' });
  const text = await fragment.text();
  assert.ok(text.startsWith('<div id="kg-office"'), 'only the office, no layout');

  const other = await sql<{ id: number }>`insert into kindergarten (municipality_id, name)
    select municipality_id, 'Elvetun barnehage' from kindergarten where id = ${kg.id} returning id`.execute(db);
  const dept = await sql<{ id: number }>`insert into kindergarten_department (kindergarten_id, name)
    values (${other.rows[0]!.id}, 'Elva') returning id`.execute(db);
  const place = await sql<{ id: number }>`insert into kindergarten_enrolment (child_id, department_id, starts_on)
    select id, ${dept.rows[0]!.id}, '2026-08-01' from person where given_name = 'Alma' and family_name = 'Strand'
    limit 1 returning id`.execute(db);
  const foreign = await client.post(
    `${OFFICE}/places/${place.rows[0]!.id}/end`,
    { ends_on: '30.11.2026' },
    headers(hilde),
  );
  assert.equal(foreign.status, 404);
  assert.equal((await client.get(`/kindergartens/${other.rows[0]!.id}/office`, headers(hilde))).status, 404);
});

test('staff: a pedagogical leader needs a department; a Feide name gets a role and then works the board', async () => {
  const noDepartment = await client.post(
    `${OFFICE}/staff`,
    {
      feide_id: 'marius.fossum@demo-kommune.example',
      role: 'pedagogical_leader',
      department_id: '',
      starts_on: '01.12.2026',
    },
    headers(hilde),
  );
  assert.equal(noDepartment.status, 422);
  const { document } = await html(noDepartment);
  assert.match(
    document.querySelector('[role=alert]')?.textContent ?? '',
    /Velg avdelingen den pedagogiske lederen leder/,
  );
  assert.equal(document.querySelector('#staff-feideId')?.getAttribute('value'), 'marius.fossum@demo-kommune.example');

  const unknown = await client.post(
    `${OFFICE}/staff`,
    {
      feide_id: 'ingen.her@demo-kommune.example',
      role: 'kindergarten_staff',
      department_id: '',
      starts_on: '25.11.2026',
    },
    headers(hilde),
  );
  assert.match((await html(unknown)).text, /Ingen person har dette Feide-navnet/);

  const ok = await client.post(
    `${OFFICE}/staff`,
    {
      feide_id: 'feide:marius.fossum@demo-kommune.example',
      role: 'kindergarten_staff',
      department_id: '',
      starts_on: '25.11.2026',
    },
    headers(hilde),
  );
  assert.equal(ok.status, 303);
  const page = await html(await client.get(OFFICE, headers(hilde)));
  assert.match(page.document.querySelector('#staff')?.textContent ?? '', /Marius Fossum.*Ansatt, fra 25\.11\.2026/s);
  const membership = await db
    .selectFrom('staff_membership as m')
    .innerJoin('person as p', 'p.id', 'm.person_id')
    .select('m.id')
    .where('p.given_name', '=', 'Marius')
    .where('m.kindergarten_id', '=', kg.id)
    .executeTakeFirstOrThrow();
  const bad = await client.post(`${OFFICE}/staff/${membership.id}/end`, { ends_on: '01.01.2020' }, headers(hilde));
  assert.equal(bad.status, 422);
  assert.match((await html(bad)).text, /Siste dag kan ikke være før første dag/);
  const ended = await client.post(`${OFFICE}/staff/${membership.id}/end`, { ends_on: '31.12.2026' }, headers(hilde));
  assert.equal(ended.status, 303);
  const row = await db
    .selectFrom('staff_membership')
    .select('ends_on')
    .where('id', '=', membership.id)
    .executeTakeFirstOrThrow();
  assert.equal(row.ends_on, '2026-12-31');
});

test('a department is added once; its name must be unique', async () => {
  const added = await client.post(`${OFFICE}/departments`, { name: 'Ekornredet', age_group: 'small' }, headers(hilde));
  assert.equal(added.status, 303);
  const again = await client.post(`${OFFICE}/departments`, { name: 'ekornredet', age_group: '' }, headers(hilde));
  assert.equal(again.status, 422);
  const text = (await html(again)).text;
  assert.match(text, /Barnehagen har allerede en avdeling med dette navnet/);
  assert.match(text, /Velg en aldersgruppe/);
  const page = await html(await client.get(OFFICE, headers(hilde)));
  assert.ok(Array.from(page.document.querySelectorAll('h2')).some((h) => h.textContent === 'Ekornredet (0 barn)'));
});
