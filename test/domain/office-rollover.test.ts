import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadActor } from '../../src/domain/access/actor.ts';
import {
  applyRollover,
  nextClassName,
  proposalInput,
  rolloverProposal,
  schoolYearDates,
} from '../../src/domain/office/rollover.ts';
import { createDemoTestDb } from '../support/db.ts';
import { loginPersonId } from '../support/fixtures.ts';

const TODAY = '2026-11-25';
const db = await createDemoTestDb(TODAY);
const actor = (await loadActor(db, await loginPersonId(db, 'leadership'), 'feide', TODAY))!;
const owner = (await loadActor(db, await loginPersonId(db, 'school-owner'), 'feide', TODAY))!;
const schoolOf = async (name: string) => {
  const s = await db
    .selectFrom('school')
    .select(['id', 'name', 'municipality_id'])
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return { id: s.id, name: s.name, municipalityId: s.municipality_id };
};
const BJ = await schoolOf('Bjørkelia skole');
const FJ = await schoolOf('Fjellheim skule');
const count = async (table: 'enrolment' | 'class' | 'school_year') =>
  Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

test('class names go one trinn up when they start with the trinn; the usual skolerute frame', () => {
  assert.equal(nextClassName('5A', 5), '6A');
  assert.equal(nextClassName('9B', 9), '10B');
  assert.equal(nextClassName('1', 1), '2');
  assert.equal(nextClassName('10A', 1), '10A', 'not the trinn: the same name');
  assert.equal(nextClassName('Solsikke', 3), 'Solsikke');
  assert.deepEqual(schoolYearDates(2027), { name: '2027–2028', startsOn: '2027-08-16', endsOn: '2028-06-16' });
});

test('the proposal: every open class one trinn up, pupils with their class, 10. trinn leaves; the next year is new', async () => {
  const proposal = (await rolloverProposal(db, BJ, TODAY))!;
  assert.equal(proposal.from.name, '2026–2027');
  assert.deepEqual(proposal.to, { id: null, ...schoolYearDates(2027) });
  assert.equal(proposal.done, false);
  const classes = await db
    .selectFrom('class')
    .select(['id', 'name', 'trinn'])
    .where('school_id', '=', BJ.id)
    .where('school_year_id', '=', proposal.from.id)
    .execute();
  const below10 = classes.filter((c) => c.trinn < 10);
  assert.ok(
    classes.some((c) => c.trinn === 10),
    'the seed has a 10. trinn at Bjørkelia',
  );
  assert.deepEqual(
    proposal.classes.map((c) => [c.fromName, c.name, c.trinn]).sort(),
    below10.map((c) => [c.name, nextClassName(c.name, c.trinn), c.trinn + 1]).sort(),
  );
  assert.ok(proposal.classes.some((c) => c.fromName === '5A' && c.name === '6A'));
  const tenth = new Set(classes.filter((c) => c.trinn === 10).map((c) => c.id));
  assert.ok(proposal.leavers.length > 0 && proposal.leavers.every((p) => tenth.has(p.fromClassId)));
  assert.ok(proposal.pupils.length > 100 && proposal.pupils.every((p) => !tenth.has(p.fromClassId)));
});

test('bad adjustments: a field error each, nothing saved', async () => {
  const proposal = (await rolloverProposal(db, BJ, TODAY))!;
  const input = proposalInput(proposal);
  const [a, b] = proposal.classes;
  input.names[a!.fromClassId] = ' ';
  input.names[b!.fromClassId] = 'x'.repeat(21);
  input.placements[proposal.pupils[0]!.enrolmentId] = '999999';
  const before = [await count('enrolment'), await count('class'), await count('school_year')];
  const result = await applyRollover(db, actor, BJ, input, TODAY);
  assert.deepEqual(result, {
    ok: false,
    errors: {
      names: { [a!.fromClassId]: 'required', [b!.fromClassId]: 'too_long' },
      placements: { [proposal.pupils[0]!.enrolmentId]: 'choice' },
    },
  });
  assert.deepEqual([await count('enrolment'), await count('class'), await count('school_year')], before);
});

test('apply with adjustments: renamed class, a pupil moved to another class, one left out, 10. trinn finished; once only', async () => {
  const proposal = (await rolloverProposal(db, BJ, TODAY))!;
  const input = proposalInput(proposal);
  const fiveA = proposal.classes.find((c) => c.fromName === '5A')!;
  const other = proposal.classes.find((c) => c.fromClassId !== fiveA.fromClassId)!;
  input.names[fiveA.fromClassId] = 'Ørnene';
  const [moved, leftOut] = proposal.pupils.filter((p) => p.fromClassId === fiveA.fromClassId);
  input.placements[moved!.enrolmentId] = String(other.fromClassId);
  input.placements[leftOut!.enrolmentId] = 'out';
  const enrolmentsBefore = await count('enrolment');

  const result = await applyRollover(db, actor, BJ, input, TODAY);
  assert.ok(result.ok);
  assert.equal(result.moved, proposal.pupils.length - 1);
  assert.equal(result.finished, proposal.leavers.length);
  assert.equal(result.leftOut, 1);
  assert.equal(await count('enrolment'), enrolmentsBefore + proposal.pupils.length - 1);

  const year = await db
    .selectFrom('school_year')
    .selectAll()
    .where('id', '=', result.toYearId)
    .executeTakeFirstOrThrow();
  assert.deepEqual([year.name, year.starts_on, year.ends_on], ['2027–2028', '2027-08-16', '2028-06-16']);
  const newClasses = await db
    .selectFrom('class')
    .select(['id', 'name', 'trinn'])
    .where('school_id', '=', BJ.id)
    .where('school_year_id', '=', year.id)
    .execute();
  assert.equal(newClasses.length, proposal.classes.length);
  assert.ok(newClasses.some((c) => c.name === 'Ørnene' && c.trinn === 6));
  assert.ok(!newClasses.some((c) => c.name === '6A'));

  const enrolmentsOf = (pupilId: number) =>
    db
      .selectFrom('enrolment as e')
      .innerJoin('class as c', 'c.id', 'e.class_id')
      .select(['e.starts_on', 'e.ends_on', 'e.end_reason', 'c.name', 'c.school_year_id'])
      .where('e.pupil_id', '=', pupilId)
      .orderBy('e.starts_on')
      .execute();
  const otherName = input.names[other.fromClassId];
  assert.deepEqual(
    (await enrolmentsOf(moved!.pupilId)).slice(-2).map((e) => [e.name, e.starts_on, e.ends_on, e.end_reason]),
    [
      ['5A', (await enrolmentsOf(moved!.pupilId)).at(-2)!.starts_on, proposal.from.endsOn, 'class_change'],
      [otherName, '2027-08-16', null, null],
    ],
  );
  const kept = (await enrolmentsOf(leftOut!.pupilId)).at(-1)!;
  assert.deepEqual([kept.name, kept.ends_on, kept.end_reason], ['5A', null, null], 'left out: untouched');
  for (const leaver of proposal.leavers) {
    const last = (await enrolmentsOf(leaver.pupilId)).at(-1)!;
    assert.deepEqual([last.ends_on, last.end_reason], [proposal.from.endsOn, 'finished']);
  }
  const audit = await db
    .selectFrom('audit_log')
    .select(['actor_role', 'record_type', 'record_id'])
    .where('action', '=', 'school_year.rollover')
    .execute();
  assert.deepEqual(audit, [{ actor_role: 'leadership', record_type: 'school', record_id: String(BJ.id) }]);

  // A second apply changes nothing: the next year has classes at the school.
  const counts = [await count('enrolment'), await count('class'), await count('school_year')];
  assert.equal((await rolloverProposal(db, BJ, TODAY))!.done, true);
  assert.deepEqual(await applyRollover(db, actor, BJ, proposalInput(proposal), TODAY), { ok: false, reason: 'done' });
  assert.deepEqual([await count('enrolment'), await count('class'), await count('school_year')], counts);
});

test("another school of the owner rolls over into the year the first one made (the owner's office, no second year)", async () => {
  const years = await count('school_year');
  const proposal = (await rolloverProposal(db, FJ, TODAY))!;
  assert.notEqual(proposal.to.id, null);
  const result = await applyRollover(db, owner, FJ, proposalInput(proposal), TODAY);
  assert.ok(result.ok);
  assert.equal(await count('school_year'), years);
  const role = await db
    .selectFrom('audit_log')
    .select('actor_role')
    .where('action', '=', 'school_year.rollover')
    .where('record_id', '=', String(FJ.id))
    .executeTakeFirstOrThrow();
  assert.equal(role.actor_role, 'school_owner');
  // Never two open enrolments for one pupil (the partial unique index would have refused the insert).
  const open = await db
    .selectFrom('enrolment')
    .select('pupil_id')
    .where('ends_on', 'is', null)
    .groupBy('pupil_id')
    .having((eb) => eb.fn.countAll(), '>', 1)
    .execute();
  assert.deepEqual(open, []);
});

test('when the owner has several later years, the rollover goes into the one right after', async () => {
  const NL = await schoolOf('Nordlys montessoriskole');
  const add = async (startYear: number) => {
    const { name, startsOn, endsOn } = schoolYearDates(startYear);
    return (
      await db
        .insertInto('school_year')
        .values({ municipality_id: NL.municipalityId, name, starts_on: startsOn, ends_on: endsOn })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  };
  await add(2028);
  const next = await add(2027);
  const proposal = (await rolloverProposal(db, NL, TODAY))!;
  assert.equal(proposal.to.id, next);
  assert.equal(proposal.to.name, '2027–2028');
});

test("skolestartere: next year's 1. trinn class with a child admitted to it is no rollover done; the rollover leaves them be", async () => {
  const NL = await schoolOf('Nordlys montessoriskole');
  const leader = await db
    .selectFrom('staff_membership')
    .select('person_id')
    .where('school_id', '=', NL.id)
    .where('role', '=', 'leadership')
    .executeTakeFirstOrThrow();
  const nlActor = (await loadActor(db, leader.person_id, 'feide', TODAY))!;
  const before = (await rolloverProposal(db, NL, TODAY))!;
  assert.notEqual(before.to.id, null, 'the next year exists (the test above made it)');
  // The office makes next year's 1A before the summer and admits a skolestarter from the first school day.
  const firstClass = await db
    .insertInto('class')
    .values({ school_id: NL.id, school_year_id: before.to.id!, name: '1A', trinn: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const starter = await db
    .insertInto('person')
    .values({ given_name: 'Tiril', family_name: 'Skolestarter' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('enrolment')
    .values({ pupil_id: starter.id, school_id: NL.id, class_id: firstClass.id, starts_on: before.to.startsOn })
    .execute();

  const proposal = (await rolloverProposal(db, NL, TODAY))!;
  assert.equal(proposal.done, false, 'a 1. trinn class alone in the next year: the rollover is still to do');
  assert.ok(!proposal.pupils.some((p) => p.pupilId === starter.id), 'the skolestarter is not rolled over');
  const result = await applyRollover(db, nlActor, NL, proposalInput(proposal), TODAY);
  assert.ok(result.ok, JSON.stringify(result));
  assert.ok(result.moved > 0);
  const enrolments = await db
    .selectFrom('enrolment')
    .select(['class_id', 'starts_on', 'ends_on'])
    .where('pupil_id', '=', starter.id)
    .execute();
  assert.deepEqual(enrolments, [{ class_id: firstClass.id, starts_on: before.to.startsOn, ends_on: null }]);
  const names = (
    await db
      .selectFrom('class')
      .select('name')
      .where('school_id', '=', NL.id)
      .where('school_year_id', '=', before.to.id!)
      .execute()
  ).map((c) => c.name);
  assert.ok(names.includes('1A') && names.includes('2A'), names.join(','));
  assert.equal((await rolloverProposal(db, NL, TODAY))!.done, true, 'now it is done');
});
