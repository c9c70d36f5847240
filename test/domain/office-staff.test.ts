import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadActor } from '../../src/domain/access/actor.ts';
import { requireManagedGrant, requireManagedSchool } from '../../src/domain/access/scope.ts';
import { NotFoundError } from '../../src/domain/errors.ts';
import { applyStaffCsv, decodeCsv, detectDelimiter, previewStaffCsv } from '../../src/domain/office/staff-csv.ts';
import { endGrant, grantRole } from '../../src/domain/office/staff.ts';
import { createDemoTestDb } from '../support/db.ts';
import { loginPersonId } from '../support/fixtures.ts';

const TODAY = '2026-11-25';
const db = await createDemoTestDb(TODAY);
const actorOf = async (key: Parameters<typeof loginPersonId>[1], via: 'feide' | 'idporten' = 'feide') =>
  (await loadActor(db, await loginPersonId(db, key), via, TODAY))!;
const leader = await actorOf('leadership');
const schoolId = async (name: string) =>
  (await db.selectFrom('school').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
const BJ = await schoolId('Bjørkelia skole');
const FJ = await schoolId('Fjellheim skule');
const school = await requireManagedSchool(db, leader, BJ);
const encode = (text: string) => new TextEncoder().encode(text);
const grantsOf = (feideId: string) =>
  db
    .selectFrom('staff_membership as m')
    .innerJoin('person as p', 'p.id', 'm.person_id')
    .select(['m.id', 'm.role', 'm.starts_on', 'm.ends_on', 'p.id as person_id'])
    .where('p.feide_id', '=', feideId)
    .orderBy('m.id')
    .execute();

test('who reaches a staff grant: leadership of its school and the school owner; everyone else 404', async () => {
  const bjGrant = (
    await db
      .selectFrom('staff_membership')
      .select('id')
      .where('school_id', '=', BJ)
      .where('role', '=', 'teacher')
      .executeTakeFirstOrThrow()
  ).id;
  const ownerGrant = (
    await db.selectFrom('staff_membership').select('id').where('role', '=', 'school_owner').executeTakeFirstOrThrow()
  ).id;
  assert.equal((await requireManagedGrant(db, leader, bjGrant)).school.id, BJ);
  assert.equal((await requireManagedGrant(db, await actorOf('school-owner'), bjGrant)).grant.id, bjGrant);
  await assert.rejects(requireManagedGrant(db, leader, ownerGrant), NotFoundError, "an owner's grant is no school's");
  await assert.rejects(requireManagedSchool(db, leader, FJ), NotFoundError, 'leadership of another school');
  for (const [who, actor] of [
    ['contact teacher', await actorOf('contact-teacher')],
    ['SFO leader', await actorOf('sfo-leader')],
    ['guardian', await actorOf('guardian', 'idporten')],
    ['rektor via ID-porten', await actorOf('leadership', 'idporten')],
  ] as const) {
    await assert.rejects(requireManagedGrant(db, actor, bjGrant), NotFoundError, who);
    await assert.rejects(requireManagedSchool(db, actor, BJ), NotFoundError, who);
  }
});

test('an existing person is reused by Feide identity (typed with or without feide:); the names typed are ignored', async () => {
  const marius = await loginPersonId(db, 'contact-teacher');
  const result = await grantRole(
    db,
    leader,
    school,
    {
      feideId: 'Marius.Fossum@demo-kommune.example',
      givenName: 'Feil',
      familyName: 'Navn',
      role: 'leadership',
      target: '',
      startsOn: '2026-12-01',
    },
    TODAY,
  );
  assert.deepEqual(result, { ok: true, personId: marius });
  const person = await db
    .selectFrom('person')
    .select(['given_name'])
    .where('id', '=', marius)
    .executeTakeFirstOrThrow();
  assert.equal(person.given_name, 'Marius');
  const grant = (await grantsOf('feide:marius.fossum@demo-kommune.example')).find((g) => g.role === 'leadership')!;
  assert.equal(grant.starts_on, '2026-12-01');
  // The grant starts later: today's actor does not lead the school yet.
  assert.equal(
    (await loadActor(db, marius, 'feide', TODAY))!.staff.some((g) => g.role === 'leadership'),
    false,
  );
  assert.equal(
    (await loadActor(db, marius, 'feide', '2026-12-01'))!.staff.some((g) => g.role === 'leadership'),
    true,
  );
  const managed = await requireManagedGrant(db, leader, grant.id);
  assert.deepEqual(await endGrant(db, leader, managed.grant, { endsOn: '30.11.2026' }), {
    ok: false,
    errors: { endsOn: 'before_start' },
  });
  assert.deepEqual(await endGrant(db, leader, managed.grant, { endsOn: 'i morgen' }), {
    ok: false,
    errors: { endsOn: 'date' },
  });
});

test('CSV: UTF-8 or Windows-1252 (æøå), a BOM dropped, ; or , detected, quoted fields kept whole', () => {
  assert.equal(decodeCsv(encode('\uFEFFa;b\nÆøå;x')), 'a;b\nÆøå;x');
  assert.equal(decodeCsv(Uint8Array.from([0xc6, 0xf8, 0xe5, 0x3b, 0x80, 0x96])), 'Æøå;€–');
  assert.equal(detectDelimiter('feide_id,given_name,family_name\n"a;b",c,d'), ',');
  assert.equal(detectDelimiter('feide_id;fornavn;etternavn\na,b;c;d'), ';');
});

test('CSV preview: every row checked by line; a broken file is reported by line; nothing saved', async () => {
  const before = await db.selectFrom('staff_membership').select('id').execute();
  const preview = await previewStaffCsv(
    db,
    school,
    encode(
      [
        'feide_id;given_name;family_name;role;target;starts_on',
        'a.b@kommune.no;"Anne; Marie";B;teacher;;25.11.2026',
        'a.b@kommune.no;"Anne; Marie";B;sfo-ansatt;Bjørkelia SFO;25.11.2026',
        'a.b@kommune.no;"Anne; Marie";B;sfo-ansatt;Bjørkelia SFO;25.11.2026',
      ].join('\n'),
    ),
    TODAY,
  );
  assert.equal(preview.problem, undefined);
  assert.deepEqual(
    preview.rows.map((r) => [r.line, r.status, Object.keys(r.errors)]),
    [
      [2, 'invalid', ['target']],
      [3, 'new', []],
      [4, 'unchanged', []],
    ],
  );
  assert.equal(preview.rows[1]!.input.givenName, 'Anne; Marie');
  const broken = await previewStaffCsv(db, school, encode('feide_id;a\n"x;y\nz;w'), TODAY);
  assert.equal(broken.problem?.code, 'malformed');
  assert.equal(typeof broken.problem?.line, 'number');
  assert.deepEqual(await previewStaffCsv(db, school, encode(''), TODAY), { problem: { code: 'empty' }, rows: [] });
  assert.equal((await db.selectFrom('staff_membership').select('id').execute()).length, before.length);
});

test('CSV apply: all or nothing; two rows for one new person make one person; a second apply changes nothing', async () => {
  const bad = encode(
    [
      'feide_id,given_name,family_name,role,target,starts_on',
      'kari.ny@kommune.no,Kari,Ny,ledelse,,25.11.2026',
      'kari.ny@kommune.no,Kari,Ny,kontaktlærer,Finnes ikke,25.11.2026',
    ].join('\n'),
  );
  const refused = await applyStaffCsv(db, leader, school, bad, TODAY);
  assert.equal(refused.ok, false);
  assert.deepEqual(await grantsOf('feide:kari.ny@kommune.no'), [], 'nothing of a file with problems is saved');

  const good = encode(
    [
      'feide_id,given_name,family_name,role,target,starts_on',
      'kari.ny@kommune.no,Kari,Ny,ledelse,,25.11.2026',
      'kari.ny@kommune.no,Kari,Ny,sfo-leder,Bjørkelia SFO,25.11.2026',
    ].join('\n'),
  );
  assert.deepEqual(await applyStaffCsv(db, leader, school, good, TODAY), { ok: true, added: 2, unchanged: 0 });
  const grants = await grantsOf('feide:kari.ny@kommune.no');
  assert.deepEqual(
    grants.map((g) => g.role),
    ['leadership', 'sfo_leader'],
  );
  assert.equal(new Set(grants.map((g) => g.person_id)).size, 1, 'one person');
  assert.deepEqual(await applyStaffCsv(db, leader, school, good, TODAY), { ok: true, added: 0, unchanged: 2 });
  assert.equal((await grantsOf('feide:kari.ny@kommune.no')).length, 2);
  // The new leader leads the school at once.
  const kari = (await loadActor(db, grants[0]!.person_id, 'feide', TODAY))!;
  assert.equal((await requireManagedSchool(db, kari, BJ)).id, BJ);
});
