import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseIdentityNumber } from '../../src/domain/person/fodselsnummer.ts';
import { schoolYearFor } from '../../src/db/seed/calendar.ts';
import { slug } from '../../src/db/seed/names.ts';
import {
  DEMO_LOGINS,
  isDatabaseEmpty,
  seedDatabase,
  type DemoLogin,
  type SeedSummary,
} from '../../src/db/seed/seed.ts';
import type { Db } from '../../src/db/database.ts';
import { createTestDb } from '../support/db.ts';

const TODAY = '2026-11-25';
const db = await createTestDb();
const other = await createTestDb();
const emptyBefore = await isDatabaseEmpty(db);
const summary: SeedSummary = await seedDatabase(db, { size: 'demo', today: TODAY });

const login = (key: DemoLogin['key']): DemoLogin => {
  const found = DEMO_LOGINS.find((l) => l.key === key);
  assert.ok(found, `DEMO_LOGINS has ${key}`);
  return found;
};

async function personOf(l: DemoLogin) {
  const query = db.selectFrom('person').selectAll();
  const person = l.fodselsnummer
    ? await query.where('fodselsnummer', '=', l.fodselsnummer).executeTakeFirst()
    : await query.where('feide_id', '=', l.feideId!).executeTakeFirst();
  assert.ok(person, `${l.key}: ${l.name} exists`);
  assert.equal(`${person.given_name} ${person.family_name}`, l.name);
  if (l.feideId) assert.equal(person.feide_id, l.feideId);
  if (l.fodselsnummer) assert.equal(person.fodselsnummer, l.fodselsnummer);
  return person;
}

/** The children of a guardian with their relation, enrolment, class, school and owner. */
function childrenOf(guardianId: number) {
  return db
    .selectFrom('guardian_relation as gr')
    .innerJoin('enrolment as e', 'e.pupil_id', 'gr.pupil_id')
    .innerJoin('class as c', 'c.id', 'e.class_id')
    .innerJoin('school as s', 's.id', 'e.school_id')
    .innerJoin('municipality as m', 'm.id', 's.municipality_id')
    .where('gr.guardian_id', '=', guardianId)
    .select([
      'gr.pupil_id',
      'gr.relation',
      'gr.blocked',
      'gr.parental_responsibility',
      'e.ends_on',
      'c.name as class_name',
      's.name as school',
      'm.name as owner',
    ])
    .orderBy('gr.pupil_id')
    .execute();
}

function membershipsOf(personId: number) {
  return db
    .selectFrom('staff_membership as sm')
    .leftJoin('school as s', 's.id', 'sm.school_id')
    .leftJoin('sfo', 'sfo.id', 'sm.sfo_id')
    .innerJoin('municipality as m', 'm.id', 'sm.municipality_id')
    .where('sm.person_id', '=', personId)
    .select(['sm.id', 'sm.role', 'sm.title', 's.name as school', 'sfo.name as sfo', 'm.name as owner'])
    .orderBy('sm.id')
    .execute();
}

function assignmentsOf(membershipId: number) {
  return db
    .selectFrom('staff_assignment as a')
    .leftJoin('class as c', 'c.id', 'a.class_id')
    .leftJoin('teaching_group as g', 'g.id', 'a.teaching_group_id')
    .leftJoin('composite_group as cg', 'cg.id', 'a.composite_group_id')
    .where('a.staff_membership_id', '=', membershipId)
    .select(['c.name as class_name', 'g.name as group_name', 'cg.name as composite_name'])
    .execute();
}

/** Pupils of Demo kommune, with address protection. */
const demoPupils = db
  .selectFrom('person as p')
  .innerJoin('enrolment as e', 'e.pupil_id', 'p.id')
  .innerJoin('school as s', 's.id', 'e.school_id')
  .innerJoin('municipality as m', 'm.id', 's.municipality_id')
  .where('m.name', '=', 'Demo kommune');

describe('demo seed', () => {
  it('fills an empty database and only then', async () => {
    assert.equal(emptyBefore, true);
    assert.equal(await isDatabaseEmpty(db), false);
  });

  it('has the expected size', async () => {
    assert.equal(summary.municipalities, 2);
    assert.equal(summary.schools, 3);
    assert.equal(summary.classes, 20 + 10 + 7);
    assert.ok(summary.pupils >= 400 && summary.pupils <= 470, `pupils ${summary.pupils}`);
    assert.ok(summary.guardians >= 500 && summary.guardians <= 800, `guardians ${summary.guardians}`);
    assert.ok(summary.staff >= 45 && summary.staff <= 70, `staff ${summary.staff}`);
    const perSchool = await db
      .selectFrom('enrolment as e')
      .innerJoin('school as s', 's.id', 'e.school_id')
      .groupBy('s.name')
      .select(['s.name', (eb) => eb.fn.countAll<number>().as('n')])
      .execute();
    const count = (name: string) => perSchool.find((r) => r.name === name)?.n ?? 0;
    assert.ok(count('Bjørkelia skole') >= 220 && count('Bjørkelia skole') <= 260);
    assert.ok(count('Fjellheim skule') >= 150 && count('Fjellheim skule') <= 170);
    assert.equal(count('Nordlys montessoriskole'), 35);
  });

  it('uses the school year that today falls in', async () => {
    const years = await db.selectFrom('school_year').selectAll().execute();
    assert.equal(years.length, 2);
    for (const y of years)
      assert.deepEqual([y.name, y.starts_on, y.ends_on], ['2026–2027', '2026-08-17', '2027-06-18']);
  });

  it('is deterministic: a second database gets the same people in the same order', async () => {
    await seedDatabase(other, { size: 'demo', today: TODAY });
    const people = (d: Db) =>
      d
        .selectFrom('person')
        .select(['id', 'fodselsnummer', 'feide_id', 'given_name', 'family_name'])
        .orderBy('id')
        .execute();
    const [a, b] = [await people(db), await people(other)];
    assert.ok(a.length > 900);
    assert.deepEqual(b, a);
  });

  it('gives everyone a valid synthetic fødselsnummer matching the trinn', async () => {
    const people = await db.selectFrom('person').select(['fodselsnummer']).execute();
    for (const { fodselsnummer } of people) {
      const parsed = parseIdentityNumber(fodselsnummer ?? '');
      assert.ok(parsed?.synthetic, `${fodselsnummer} is a valid synthetic number`);
    }
    const pupils = await db
      .selectFrom('person as p')
      .innerJoin('enrolment as e', 'e.pupil_id', 'p.id')
      .innerJoin('class as c', 'c.id', 'e.class_id')
      .select(['p.fodselsnummer', 'c.trinn'])
      .execute();
    for (const p of pupils)
      assert.equal(parseIdentityNumber(p.fodselsnummer!)!.birthDate.slice(0, 4), String(2026 - 5 - p.trinn));
  });

  it('has every DEMO_LOGINS identity', async () => {
    assert.deepEqual(
      new Set(DEMO_LOGINS.map((l) => l.key)),
      new Set([
        'guardian',
        'guardian-private',
        'guardian-blocked',
        'guardian-left',
        'contact-teacher',
        'teacher',
        'leadership',
        'school-owner',
        'sfo-leader',
        'sfo-staff',
        'kindergarten-leader',
        'pedagogical-leader',
        'kindergarten-staff',
        'pupil',
      ]),
    );
    for (const l of DEMO_LOGINS) await personOf(l);
  });

  it('Kari Nordmann is mor of a child at Bjørkelia and one at Fjellheim', async () => {
    const kari = await personOf(login('guardian'));
    assert.equal(kari.feide_id, null);
    const children = await childrenOf(kari.id);
    assert.deepEqual(
      children.map((c) => [c.relation, c.school, c.blocked, c.parental_responsibility, c.ends_on]),
      [
        ['mor', 'Bjørkelia skole', false, true, null],
        ['mor', 'Fjellheim skule', false, true, null],
      ],
    );
    const named = await db
      .selectFrom('person')
      .where('given_name', '=', 'Kari')
      .where('family_name', '=', 'Nordmann')
      .select('id')
      .execute();
    assert.equal(named.length, 1);
  });

  it('Ola Nordmann is far of children under two school owners', async () => {
    const ola = await personOf(login('guardian-private'));
    const children = await childrenOf(ola.id);
    assert.deepEqual(children.map((c) => [c.relation, c.school, c.owner]).sort(), [
      ['far', 'Bjørkelia skole', 'Demo kommune'],
      ['far', 'Nordlys montessoriskole', 'Stiftelsen Nordlys'],
    ]);
  });

  it('the blocked guardian has only blocked relations', async () => {
    const children = await childrenOf((await personOf(login('guardian-blocked'))).id);
    assert.equal(children.length, 1);
    assert.ok(children.every((c) => c.blocked));
  });

  it('exactly one pupil has left, and the guardian-left login is only their guardian', async () => {
    const left = await db
      .selectFrom('enrolment as e')
      .innerJoin('school as s', 's.id', 'e.school_id')
      .where('e.ends_on', 'is not', null)
      .select(['e.pupil_id', 'e.ends_on', 's.name'])
      .execute();
    assert.deepEqual(
      left.map((e) => [e.name, e.ends_on]),
      [['Bjørkelia skole', '2026-10-30']],
    );
    const children = await childrenOf((await personOf(login('guardian-left'))).id);
    assert.deepEqual(
      children.map((c) => c.pupil_id),
      [left[0]!.pupil_id],
    );
    const groups = await db
      .selectFrom('teaching_group_member')
      .where('pupil_id', '=', left[0]!.pupil_id)
      .select('pupil_id')
      .execute();
    assert.equal(groups.length, 0);
  });

  it('the pupil login is in Bjørkelia 7A', async () => {
    const pupil = await personOf(login('pupil'));
    const enrolment = await db
      .selectFrom('enrolment as e')
      .innerJoin('class as c', 'c.id', 'e.class_id')
      .innerJoin('school as s', 's.id', 'e.school_id')
      .where('e.pupil_id', '=', pupil.id)
      .select(['c.name', 's.name as school', 'e.ends_on'])
      .execute();
    assert.deepEqual(enrolment, [{ name: '7A', school: 'Bjørkelia skole', ends_on: null }]);
  });

  it('Bjørkelia barnehage has three departments, its staff logins, and Kari Nordmann’s Nora in Bjørnehiet', async () => {
    const departments = await db
      .selectFrom('kindergarten_department as d')
      .innerJoin('kindergarten as k', 'k.id', 'd.kindergarten_id')
      .leftJoin('kindergarten_enrolment as e', 'e.department_id', 'd.id')
      .where('k.name', '=', 'Bjørkelia barnehage')
      .groupBy('d.name')
      .select(['d.name', (eb) => eb.fn.count<number>('e.id').as('children')])
      .orderBy('d.name')
      .execute();
    assert.deepEqual(
      departments.map((d) => d.name),
      ['Bjørnehiet', 'Maurtua', 'Revehiet'],
    );
    for (const d of departments) assert.ok(Number(d.children) >= 8, `${d.name} has children`);
    const staff = await db
      .selectFrom('staff_membership as m')
      .innerJoin('person as p', 'p.id', 'm.person_id')
      .leftJoin('kindergarten_department as d', 'd.id', 'm.department_id')
      .where('p.id', 'in', [
        (await personOf(login('kindergarten-leader'))).id,
        (await personOf(login('pedagogical-leader'))).id,
        (await personOf(login('kindergarten-staff'))).id,
      ])
      .select(['p.given_name', 'm.role', 'd.name as department'])
      .orderBy('p.given_name')
      .execute();
    assert.deepEqual(staff, [
      { given_name: 'Amina', role: 'kindergarten_staff', department: 'Bjørnehiet' },
      { given_name: 'Hilde', role: 'kindergarten_leader', department: null },
      { given_name: 'Sondre', role: 'pedagogical_leader', department: 'Bjørnehiet' },
    ]);
    const kari = await personOf(login('guardian'));
    const nora = await db
      .selectFrom('guardian_relation as g')
      .innerJoin('person as c', 'c.id', 'g.pupil_id')
      .innerJoin('kindergarten_enrolment as e', 'e.child_id', 'c.id')
      .innerJoin('kindergarten_department as d', 'd.id', 'e.department_id')
      .where('g.guardian_id', '=', kari.id)
      .select(['c.given_name', 'd.name as department', 'c.address_line'])
      .execute();
    assert.deepEqual(
      nora.map((n) => [n.given_name, n.department]),
      [['Nora', 'Bjørnehiet']],
    );
    // Siblings live with their brothers and sisters: the same address as Sofie.
    assert.equal(nora[0]!.address_line, kari.address_line);
    // Every kindergarten child has a regular week (stay plan).
    const withoutPlan = await db
      .selectFrom('kindergarten_enrolment as e')
      .where((eb) =>
        eb.not(
          eb.exists(eb.selectFrom('care_week_day as w').select('w.child_id').whereRef('w.child_id', '=', 'e.child_id')),
        ),
      )
      .select('e.child_id')
      .execute();
    assert.deepEqual(withoutPlan, []);
  });

  it('the staff logins have their roles', async () => {
    const roles = async (key: DemoLogin['key']) => membershipsOf((await personOf(login(key))).id);

    const contact = await roles('contact-teacher');
    assert.deepEqual(
      contact.map((m) => [m.role, m.school]),
      [
        ['contact_teacher', 'Bjørkelia skole'],
        ['teacher', 'Bjørkelia skole'],
      ],
    );
    assert.deepEqual(
      (await assignmentsOf(contact[0]!.id)).map((a) => a.class_name),
      ['5A'],
    );
    assert.deepEqual((await assignmentsOf(contact[1]!.id)).map((a) => a.group_name).sort(), [
      '5A Matematikk',
      '5A Norsk',
    ]);

    const teacher = await roles('teacher');
    assert.deepEqual(
      teacher.map((m) => [m.role, m.school]),
      [['teacher', 'Bjørkelia skole']],
    );
    assert.ok((await assignmentsOf(teacher[0]!.id)).length >= 3);

    assert.deepEqual(
      (await roles('leadership')).map((m) => [m.role, m.title, m.school]),
      [['leadership', 'Rektor', 'Bjørkelia skole']],
    );
    assert.deepEqual(
      (await roles('school-owner')).map((m) => [m.role, m.title, m.school, m.owner]),
      [['school_owner', 'Kommunalsjef oppvekst', null, 'Demo kommune']],
    );
    assert.deepEqual(
      (await roles('sfo-leader')).map((m) => [m.role, m.sfo]),
      [['sfo_leader', 'Bjørkelia SFO']],
    );
    assert.deepEqual(
      (await roles('sfo-staff')).map((m) => [m.role, m.sfo]),
      [['sfo_staff', 'Bjørkelia SFO']],
    );
  });

  it('has exactly 5 blocked guardian relations in Demo kommune', async () => {
    const blocked = await db
      .selectFrom('guardian_relation as gr')
      .innerJoin('enrolment as e', 'e.pupil_id', 'gr.pupil_id')
      .innerJoin('school as s', 's.id', 'e.school_id')
      .innerJoin('municipality as m', 'm.id', 's.municipality_id')
      .where('gr.blocked', '=', true)
      .where('m.name', '=', 'Demo kommune')
      .select('gr.id')
      .execute();
    assert.equal(blocked.length, 5);
  });

  it('protects the addresses of 3 + 2 pupils and of the guardians living with them', async () => {
    const protectedPupils = await demoPupils
      .where('p.address_protection', '!=', 'none')
      .select(['p.id', 'p.address_protection', 'p.address_line'])
      .execute();
    const kinds = protectedPupils.map((p) => p.address_protection).sort();
    assert.deepEqual(kinds, ['fortrolig', 'fortrolig', 'fortrolig', 'strengt_fortrolig', 'strengt_fortrolig']);
    let blockedOtherParent = 0;
    for (const pupil of protectedPupils) {
      const guardians = await db
        .selectFrom('guardian_relation as gr')
        .innerJoin('person as g', 'g.id', 'gr.guardian_id')
        .where('gr.pupil_id', '=', pupil.id)
        .select(['g.address_line', 'g.address_protection', 'gr.blocked'])
        .execute();
      for (const g of guardians) {
        const livesWithChild = g.address_line === pupil.address_line;
        assert.equal(g.address_protection, livesWithChild ? pupil.address_protection : 'none');
        if (g.blocked) assert.ok(!livesWithChild);
      }
      if (pupil.address_protection === 'strengt_fortrolig' && guardians.some((g) => g.blocked)) blockedOtherParent++;
    }
    assert.equal(blockedOtherParent, 1);
  });

  it('gives guardians KRR-style contact info and no Feide id', async () => {
    const guardians = await db
      .selectFrom('person as p')
      .innerJoin('contact_info as ci', 'ci.person_id', 'p.id')
      .where('p.id', 'in', (eb) => eb.selectFrom('guardian_relation').select('guardian_id'))
      .select(['p.feide_id', 'ci.email', 'ci.mobile', 'ci.sms_enabled', 'ci.verified_at'])
      .execute();
    assert.equal(guardians.length, summary.guardians);
    for (const g of guardians) {
      assert.equal(g.feide_id, null);
      assert.match(g.email ?? '', /^[a-z0-9.-]+@epost\.example$/);
      assert.match(g.mobile ?? '', /^\+47[49][0-9]{7}$/);
    }
    assert.ok(guardians.some((g) => !g.sms_enabled));
    assert.ok(guardians.filter((g) => g.verified_at).length > guardians.length * 0.8);
  });

  it('has contact-only stefar/annet relations without parental responsibility', async () => {
    const rows = await db
      .selectFrom('guardian_relation')
      .where('contact_person_only', '=', true)
      .select(['relation', 'parental_responsibility'])
      .execute();
    assert.ok(rows.length >= 3);
    for (const r of rows) {
      assert.ok(r.relation === 'stefar' || r.relation === 'annet');
      assert.equal(r.parental_responsibility, false);
    }
  });

  it('puts every current pupil in their class groups and every class has one contact teacher', async () => {
    const classes = await db
      .selectFrom('class as c')
      .select((eb) => [
        'c.name',
        eb
          .selectFrom('enrolment as e')
          .whereRef('e.class_id', '=', 'c.id')
          .where('e.ends_on', 'is', null)
          .select((x) => x.fn.countAll<number>().as('n'))
          .as('pupils'),
        eb
          .selectFrom('staff_assignment as a')
          .innerJoin('staff_membership as sm', 'sm.id', 'a.staff_membership_id')
          .whereRef('a.class_id', '=', 'c.id')
          .where('sm.role', '=', 'contact_teacher')
          .select((x) => x.fn.countAll<number>().as('n'))
          .as('contact_teachers'),
      ])
      .execute();
    const groups = await db
      .selectFrom('teaching_group as g')
      .where('g.subject', 'in', ['Matematikk', 'Norsk'])
      .select((eb) => [
        'g.name',
        eb
          .selectFrom('teaching_group_member as m')
          .whereRef('m.teaching_group_id', '=', 'g.id')
          .select((x) => x.fn.countAll<number>().as('n'))
          .as('members'),
      ])
      .execute();
    assert.equal(groups.length, classes.length * 2);
    for (const c of classes) assert.equal(c.contact_teachers, 1, `${c.name} contact teacher`);
    const electives = await db
      .selectFrom('teaching_group')
      .where('name', 'like', 'Val%')
      .select('name')
      .orderBy('name')
      .execute();
    assert.deepEqual(
      electives.map((e) => e.name),
      ['Valfag friluftsliv', 'Valgfag programmering'],
    );
    const choirs = await db
      .selectFrom('composite_group as g')
      .innerJoin('composite_group_member as m', 'm.composite_group_id', 'g.id')
      .innerJoin('school as s', 's.id', 'g.school_id')
      .groupBy(['g.name', 's.name'])
      .select(['g.name', 's.name as school', (eb) => eb.fn.countAll<number>().as('n')])
      .execute();
    for (const school of ['Bjørkelia skole', 'Fjellheim skule']) {
      const choir = choirs.find((c) => c.school === school);
      assert.ok(choir && choir.n >= 20 && choir.n <= 30, `${school} choir`);
    }
  });

  it('groups siblings at the same school on different trinn', async () => {
    const rows = await db
      .selectFrom('guardian_relation as gr')
      .innerJoin('enrolment as e', 'e.pupil_id', 'gr.pupil_id')
      .innerJoin('class as c', 'c.id', 'e.class_id')
      .where('gr.relation', '=', 'mor')
      .select(['gr.guardian_id', 'c.trinn', 'e.school_id'])
      .execute();
    const byMother = new Map<number, typeof rows>();
    for (const r of rows) byMother.set(r.guardian_id, [...(byMother.get(r.guardian_id) ?? []), r]);
    const families = [...byMother.values()].filter((children) => children.length > 1);
    assert.ok(families.length >= 30, `${families.length} families with siblings`);
    for (const children of families) assert.equal(new Set(children.map((c) => c.trinn)).size, children.length);
  });

  it('uses ASCII Feide ids and SFO for about 60% of trinn 1–4', async () => {
    const feide = await db.selectFrom('person').where('feide_id', 'is not', null).select('feide_id').execute();
    for (const { feide_id } of feide) assert.match(feide_id!, /^feide:[a-z0-9.-]+@(demo-kommune|nordlys)\.example$/);
    const sfo = await db
      .selectFrom('sfo_enrolment')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const small = await demoPupils
      .innerJoin('class as c', 'c.id', 'e.class_id')
      .where('c.trinn', '<=', 4)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.ok(sfo.n > small.n * 0.45 && sfo.n < small.n * 0.75, `${sfo.n} of ${small.n}`);
  });
});

describe('seed helpers', () => {
  it('picks the school year from today', () => {
    assert.deepEqual(schoolYearFor('2026-11-25'), {
      startYear: 2026,
      name: '2026–2027',
      startsOn: '2026-08-17',
      endsOn: '2027-06-18',
    });
    assert.equal(schoolYearFor('2027-07-31').name, '2026–2027');
    assert.equal(schoolYearFor('2027-08-01').startsOn, '2027-08-16');
  });

  it('slugs Norwegian letters to ASCII', () => {
    assert.equal(slug('Bjørn Ærlig-Åsen'), 'bjorn-aerlig-asen');
    assert.equal(slug('Sæther'), 'saether');
  });
});

describe('municipality seed', { skip: process.env.SEED_BIG_TEST !== '1' && 'set SEED_BIG_TEST=1 to run' }, () => {
  it('builds ~40 schools with ~20 000 pupils', async () => {
    const big = await createTestDb();
    const started = performance.now();
    const result = await seedDatabase(big, { size: 'municipality', today: TODAY });
    const seconds = (performance.now() - started) / 1000;
    console.log(`municipality seed: ${seconds.toFixed(1)} s`, result);
    assert.ok(result.schools >= 38 && result.schools <= 45);
    assert.ok(result.pupils >= 18_000 && result.pupils <= 22_000);
    const blocked = await big
      .selectFrom('guardian_relation')
      .where('blocked', '=', true)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.ok(blocked.n > 5);
    for (const l of DEMO_LOGINS) {
      const found = await big
        .selectFrom('person')
        .select(['given_name', 'family_name'])
        .where(l.fodselsnummer ? 'fodselsnummer' : 'feide_id', '=', (l.fodselsnummer ?? l.feideId)!)
        .executeTakeFirst();
      assert.equal(found && `${found.given_name} ${found.family_name}`, l.name);
    }
  });
});
