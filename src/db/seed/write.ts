import type { Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import type { Plan } from './plan.ts';

const CHUNK = 1000;

type Trx = Transaction<Database>;

/**
 * Inserts rows in chunks of ≤ 1000 and returns the new ids in row order
 * (PostgreSQL returns the rows of a multi-row VALUES insert in the order given).
 */
async function insertReturningIds<R>(rows: R[], insert: (chunk: R[]) => Promise<{ id: number }[]>): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const returned = await insert(chunk);
    if (returned.length !== chunk.length) throw new Error(`Expected ${chunk.length} ids, got ${returned.length}`);
    for (const row of returned) ids.push(row.id);
  }
  return ids;
}

async function insertAll<R>(rows: R[], insert: (chunk: R[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

function lookup(ids: number[], name: string): (index: number) => number {
  return (index) => {
    const id = ids[index];
    if (id === undefined) throw new Error(`No ${name} at plan index ${index}`);
    return id;
  };
}

/** Writes the whole plan, parents before children; plan indexes become database ids. */
export async function writePlan(trx: Trx, plan: Plan): Promise<void> {
  const municipality = lookup(
    await insertReturningIds(plan.municipalities, (rows) =>
      trx.insertInto('municipality').values(rows).returning('id').execute(),
    ),
    'municipality',
  );
  const schoolYear = lookup(
    await insertReturningIds(plan.schoolYears, (rows) =>
      trx
        .insertInto('school_year')
        .values(rows.map(({ municipality: m, ...r }) => ({ ...r, municipality_id: municipality(m) })))
        .returning('id')
        .execute(),
    ),
    'school year',
  );
  const school = lookup(
    await insertReturningIds(plan.schools, (rows) =>
      trx
        .insertInto('school')
        .values(rows.map(({ municipality: m, ...r }) => ({ ...r, municipality_id: municipality(m) })))
        .returning('id')
        .execute(),
    ),
    'school',
  );
  const sfo = lookup(
    await insertReturningIds(plan.sfos, (rows) =>
      trx
        .insertInto('sfo')
        .values(rows.map(({ school: s, ...r }) => ({ ...r, school_id: school(s) })))
        .returning('id')
        .execute(),
    ),
    'sfo',
  );
  const inYear = <T extends { school: number; schoolYear: number }>({ school: s, schoolYear: y, ...r }: T) => ({
    ...r,
    school_id: school(s),
    school_year_id: schoolYear(y),
  });
  const klass = lookup(
    await insertReturningIds(plan.classes, (rows) =>
      trx.insertInto('class').values(rows.map(inYear)).returning('id').execute(),
    ),
    'class',
  );
  const teachingGroup = lookup(
    await insertReturningIds(plan.teachingGroups, (rows) =>
      trx.insertInto('teaching_group').values(rows.map(inYear)).returning('id').execute(),
    ),
    'teaching group',
  );
  const compositeGroup = lookup(
    await insertReturningIds(plan.compositeGroups, (rows) =>
      trx.insertInto('composite_group').values(rows.map(inYear)).returning('id').execute(),
    ),
    'composite group',
  );
  const person = lookup(
    await insertReturningIds(plan.persons, (rows) => trx.insertInto('person').values(rows).returning('id').execute()),
    'person',
  );

  await insertAll(plan.contactInfos, (rows) =>
    trx
      .insertInto('contact_info')
      .values(rows.map(({ person: p, ...r }) => ({ ...r, person_id: person(p) })))
      .execute(),
  );
  await insertAll(plan.enrolments, (rows) =>
    trx
      .insertInto('enrolment')
      .values(
        rows.map(({ pupil, school: s, class: c, ...r }) => ({
          ...r,
          pupil_id: person(pupil),
          school_id: school(s),
          class_id: klass(c),
        })),
      )
      .execute(),
  );
  await insertAll(plan.teachingGroupMembers, (rows) =>
    trx
      .insertInto('teaching_group_member')
      .values(rows.map((r) => ({ teaching_group_id: teachingGroup(r.group), pupil_id: person(r.pupil) })))
      .execute(),
  );
  await insertAll(plan.compositeGroupMembers, (rows) =>
    trx
      .insertInto('composite_group_member')
      .values(rows.map((r) => ({ composite_group_id: compositeGroup(r.group), pupil_id: person(r.pupil) })))
      .execute(),
  );
  await insertAll(plan.sfoEnrolments, (rows) =>
    trx
      .insertInto('sfo_enrolment')
      .values(rows.map(({ sfo: s, pupil, ...r }) => ({ ...r, sfo_id: sfo(s), pupil_id: person(pupil) })))
      .execute(),
  );
  await insertAll(plan.guardianRelations, (rows) =>
    trx
      .insertInto('guardian_relation')
      .values(
        rows.map(({ pupil, guardian, ...r }) => ({ ...r, pupil_id: person(pupil), guardian_id: person(guardian) })),
      )
      .execute(),
  );

  const membership = lookup(
    await insertReturningIds(plan.staffMemberships, (rows) =>
      trx
        .insertInto('staff_membership')
        .values(
          rows.map(({ person: p, municipality: m, school: s, sfo: f, ...r }) => ({
            ...r,
            person_id: person(p),
            municipality_id: municipality(m),
            school_id: s === null ? null : school(s),
            sfo_id: f === null ? null : sfo(f),
          })),
        )
        .returning('id')
        .execute(),
    ),
    'staff membership',
  );
  await insertAll(plan.staffAssignments, (rows) =>
    trx
      .insertInto('staff_assignment')
      .values(
        rows.map((r) => ({
          staff_membership_id: membership(r.membership),
          class_id: r.class === undefined ? null : klass(r.class),
          teaching_group_id: r.teachingGroup === undefined ? null : teachingGroup(r.teachingGroup),
          composite_group_id: r.compositeGroup === undefined ? null : compositeGroup(r.compositeGroup),
        })),
      )
      .execute(),
  );
}
