import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { AgeGroup, StaffRole } from '../../db/schema.ts';
import { parseDate } from '../../i18n/index.ts';
import { grantIds, type Actor } from '../access/actor.ts';
import { loadCareUnits, type CareUnitInfo } from '../access/care-scope.ts';
import { canManageKindergarten } from '../access/policy.ts';
import { recordAudit } from '../audit.ts';
import { NotFoundError } from '../errors.ts';
import { dayBefore } from '../office/enrolments.ts';
import { notEndedBy } from '../period.ts';
import { parseIdentityNumber } from '../person/fodselsnummer.ts';
import type { Invalid, Ok } from '../result.ts';
import { cleanText } from '../text.ts';

/**
 * The kindergarten's office (issue 13, K1): its departments, the children's places in them (admit from a day, move to
 * another department from a day, end on a last day — the period rule: a move ends one row the day before and starts
 * the next) and its staff (styrer, pedagogical leaders, staff). The styrer and the owner (canManageKindergarten).
 */
export interface ManagedKindergarten extends CareUnitInfo {
  departments: { id: number; name: string; ageGroup: AgeGroup }[];
  /** The actor's capacity, for the audit: the styrer before the owner. */
  role: 'kindergarten_leader' | 'school_owner';
}

export const KINDERGARTEN_ROLES = ['kindergarten_leader', 'pedagogical_leader', 'kindergarten_staff'] as const;
export type KindergartenRole = (typeof KINDERGARTEN_ROLES)[number];

export async function requireManagedKindergarten(db: Db, actor: Actor, id: number): Promise<ManagedKindergarten> {
  const unit = (await loadCareUnits(db, [{ kind: 'kindergarten', id }])).get(`kindergarten:${id}`);
  if (!unit || !canManageKindergarten(actor, unit)) throw new NotFoundError();
  const departments = await db
    .selectFrom('kindergarten_department')
    .select(['id', 'name', 'age_group'])
    .where('kindergarten_id', '=', id)
    .orderBy('name')
    .execute();
  return {
    ...unit,
    departments: departments.map((d) => ({ id: d.id, name: d.name, ageGroup: d.age_group })),
    role: grantIds(actor, ['kindergarten_leader'], (g) => [g.kindergartenId]).includes(id)
      ? 'kindergarten_leader'
      : 'school_owner',
  };
}

/** The kindergartens whose office the actor runs (the styrer's, the owner's); bounded. */
export async function listManagedKindergartens(db: Db, actor: Actor): Promise<{ id: number; name: string }[]> {
  if (actor.via !== 'feide') return [];
  const rows = await db
    .selectFrom('kindergarten as k')
    .select(['k.id', 'k.name', 'k.municipality_id'])
    .where((eb) =>
      eb.or([
        eb(
          'k.id',
          'in',
          eb
            .selectFrom('staff_membership as m')
            .select('m.kindergarten_id')
            .where('m.person_id', '=', actor.personId)
            .where('m.role', '=', 'kindergarten_leader')
            .where('m.kindergarten_id', 'is not', null)
            .$narrowType<{ kindergarten_id: number }>(),
        ),
        eb(
          'k.municipality_id',
          'in',
          actor.staff
            .filter((g) => g.role === 'school_owner')
            .map((g) => g.municipalityId)
            .concat([0]),
        ),
      ]),
    )
    .orderBy('k.name')
    .limit(200)
    .execute();
  // The membership subquery ignores the period; the policy decides (an ended styrer is not one).
  return rows
    .filter((r) =>
      canManageKindergarten(actor, {
        kind: 'kindergarten',
        id: r.id,
        schoolId: null,
        municipalityId: r.municipality_id,
      }),
    )
    .map((r) => ({ id: r.id, name: r.name }));
}

export interface KindergartenPlace {
  enrolmentId: number;
  childId: number;
  givenName: string;
  familyName: string;
  birthDate: string | null;
  departmentId: number;
  percent: number;
  startsOn: string;
  endsOn: string | null;
}

/** The places that have not ended (current and later), by department and name; at most 600. */
export async function listPlaces(db: Db, kg: ManagedKindergarten, today: string): Promise<KindergartenPlace[]> {
  const rows = await db
    .selectFrom('kindergarten_enrolment as e')
    .innerJoin('kindergarten_department as d', 'd.id', 'e.department_id')
    .innerJoin('person as p', 'p.id', 'e.child_id')
    .select([
      'e.id',
      'e.child_id',
      'p.given_name',
      'p.family_name',
      'p.fodselsnummer',
      'e.department_id',
      'e.percent',
      'e.starts_on',
      'e.ends_on',
    ])
    .where('d.kindergarten_id', '=', kg.id)
    .where(notEndedBy('e', today))
    .orderBy('d.name')
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .orderBy('e.starts_on')
    .limit(600)
    .execute();
  return rows.map((r) => ({
    enrolmentId: r.id,
    childId: r.child_id,
    givenName: r.given_name,
    familyName: r.family_name,
    birthDate: parseIdentityNumber(r.fodselsnummer ?? '')?.birthDate ?? null,
    departmentId: r.department_id,
    percent: r.percent,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
  }));
}

export interface KindergartenStaffRow {
  membershipId: number;
  name: string;
  role: KindergartenRole;
  departmentId: number | null;
  title: string | null;
  startsOn: string;
  endsOn: string | null;
}

/** The staff memberships that have not ended, by role and name; at most 300. */
export async function listStaff(db: Db, kg: ManagedKindergarten, today: string): Promise<KindergartenStaffRow[]> {
  const rows = await db
    .selectFrom('staff_membership as m')
    .innerJoin('person as p', 'p.id', 'm.person_id')
    .select([
      'm.id',
      'p.given_name',
      'p.family_name',
      'm.role',
      'm.department_id',
      'm.title',
      'm.starts_on',
      'm.ends_on',
    ])
    .where('m.kindergarten_id', '=', kg.id)
    .where(notEndedBy('m', today))
    .orderBy(sql`array_position(array['kindergarten_leader','pedagogical_leader','kindergarten_staff'], m.role)`)
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .limit(300)
    .execute();
  return rows.map((r) => ({
    membershipId: r.id,
    name: `${r.given_name} ${r.family_name}`,
    role: r.role as KindergartenRole,
    departmentId: r.department_id,
    title: r.title,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
  }));
}

export type AdmitChildErrors = {
  number?: 'required' | 'invalid' | 'not_found' | 'already_placed';
  departmentId?: 'required';
  startsOn?: 'date';
  percent?: 'range';
};

export interface AdmitChildInput {
  number: string;
  departmentId: string;
  startsOn: string;
  percent: string;
}

const departmentOf = (kg: ManagedKindergarten, value: string) =>
  kg.departments.find((d) => String(d.id) === value.trim()) ?? null;

function parsePercent(value: string): number | null {
  const text = value.trim().replace(/\s*%$/, '');
  if (text === '') return 100;
  if (!/^\d{1,3}$/.test(text)) return null;
  const n = Number(text);
  return n >= 10 && n <= 100 ? n : null;
}

/**
 * Admits a child from the register (a person with that fødselsnummer or d-nummer, from the Folkeregisteret import) to a
 * department from a day. A child has one kindergarten place at a time: a place not ended by that day refuses it.
 */
export async function admitChild(
  db: Db,
  actor: Actor,
  kg: ManagedKindergarten,
  input: AdmitChildInput,
  now = new Date(),
): Promise<Ok<{ enrolmentId: number }> | Invalid<AdmitChildErrors>> {
  const errors: AdmitChildErrors = {};
  const number = input.number.replace(/\s/g, '');
  if (number === '') errors.number = 'required';
  else if (!parseIdentityNumber(number)) errors.number = 'invalid';
  const department = departmentOf(kg, input.departmentId);
  if (!department) errors.departmentId = 'required';
  const startsOn = parseDate(input.startsOn);
  if (!startsOn) errors.startsOn = 'date';
  const percent = parsePercent(input.percent);
  if (percent === null) errors.percent = 'range';
  if (Object.keys(errors).length || !department || !startsOn || percent === null) return { ok: false, errors };
  return db.transaction().execute(async (trx) => {
    const person = await trx
      .selectFrom('person')
      .select('id')
      .where('fodselsnummer', '=', number)
      .forUpdate()
      .executeTakeFirst();
    if (!person) return { ok: false, errors: { number: 'not_found' } } as const;
    const placed = await trx
      .selectFrom('kindergarten_enrolment as e')
      .select('e.id')
      .where('e.child_id', '=', person.id)
      .where(notEndedBy('e', startsOn))
      .executeTakeFirst();
    if (placed) return { ok: false, errors: { number: 'already_placed' } } as const;
    const row = await trx
      .insertInto('kindergarten_enrolment')
      .values({ child_id: person.id, department_id: department.id, percent, starts_on: startsOn })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(
      trx,
      {
        actor,
        role: kg.role,
        action: 'kindergarten.admit',
        subjectPersonId: person.id,
        record: { type: 'kindergarten_enrolment', id: row.id },
        details: { kindergartenId: kg.id, departmentId: department.id, startsOn, percent },
      },
      now,
    );
    return { ok: true, enrolmentId: row.id } as const;
  });
}

/** A place of this kindergarten, else 404 (another kindergarten's place does not exist here). */
async function placeOf(db: Db, kg: ManagedKindergarten, enrolmentId: number) {
  const row = await db
    .selectFrom('kindergarten_enrolment as e')
    .innerJoin('kindergarten_department as d', 'd.id', 'e.department_id')
    .select(['e.id', 'e.child_id', 'e.department_id', 'e.percent', 'e.starts_on', 'e.ends_on'])
    .where('e.id', '=', enrolmentId)
    .where('d.kindergarten_id', '=', kg.id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new NotFoundError();
  return row;
}

export type MoveChildErrors = { departmentId?: 'required' | 'same'; on?: 'date' | 'not_after_start' | 'ended' };

/** Moves a child to another department from a day: the place ends the day before, a new one starts that day. */
export async function moveChild(
  db: Db,
  actor: Actor,
  kg: ManagedKindergarten,
  enrolmentId: number,
  input: { departmentId: string; on: string },
  now = new Date(),
): Promise<Ok | Invalid<MoveChildErrors>> {
  return db.transaction().execute(async (trx) => {
    const place = await placeOf(trx, kg, enrolmentId);
    const errors: MoveChildErrors = {};
    const department = departmentOf(kg, input.departmentId);
    if (!department) errors.departmentId = 'required';
    else if (department.id === place.department_id) errors.departmentId = 'same';
    const on = parseDate(input.on);
    if (!on) errors.on = 'date';
    else if (on <= place.starts_on) errors.on = 'not_after_start';
    else if (place.ends_on !== null && on > place.ends_on) errors.on = 'ended';
    if (Object.keys(errors).length || !department || !on) return { ok: false, errors } as const;
    await trx
      .updateTable('kindergarten_enrolment')
      .set({ ends_on: dayBefore(on) })
      .where('id', '=', place.id)
      .execute();
    const row = await trx
      .insertInto('kindergarten_enrolment')
      .values({
        child_id: place.child_id,
        department_id: department.id,
        percent: place.percent,
        starts_on: on,
        ends_on: place.ends_on,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(
      trx,
      {
        actor,
        role: kg.role,
        action: 'kindergarten.move',
        subjectPersonId: place.child_id,
        record: { type: 'kindergarten_enrolment', id: row.id },
        details: { from: place.department_id, to: department.id, on },
      },
      now,
    );
    return { ok: true } as const;
  });
}

export type EndPlaceErrors = { endsOn?: 'date' | 'before_start' };

/** Ends a place on its last day (the child has left, or moves to another kindergarten). */
export async function endPlace(
  db: Db,
  actor: Actor,
  kg: ManagedKindergarten,
  enrolmentId: number,
  input: { endsOn: string },
  now = new Date(),
): Promise<Ok | Invalid<EndPlaceErrors>> {
  return db.transaction().execute(async (trx) => {
    const place = await placeOf(trx, kg, enrolmentId);
    const endsOn = parseDate(input.endsOn);
    if (!endsOn) return { ok: false, errors: { endsOn: 'date' } } as const;
    if (endsOn < place.starts_on) return { ok: false, errors: { endsOn: 'before_start' } } as const;
    await trx.updateTable('kindergarten_enrolment').set({ ends_on: endsOn }).where('id', '=', place.id).execute();
    await recordAudit(
      trx,
      {
        actor,
        role: kg.role,
        action: 'kindergarten.end',
        subjectPersonId: place.child_id,
        record: { type: 'kindergarten_enrolment', id: place.id },
        details: { endsOn },
      },
      now,
    );
    return { ok: true } as const;
  });
}

export type AddDepartmentErrors = { name?: 'required' | 'too_long' | 'taken'; ageGroup?: 'required' };

/** A new department (avdeling). */
export async function addDepartment(
  db: Db,
  actor: Actor,
  kg: ManagedKindergarten,
  input: { name: string; ageGroup: string },
  now = new Date(),
): Promise<Ok | Invalid<AddDepartmentErrors>> {
  const name = cleanText(input.name).trim().replace(/\s+/g, ' ');
  const errors: AddDepartmentErrors = {};
  if (!name) errors.name = 'required';
  else if (name.length > 60) errors.name = 'too_long';
  else if (kg.departments.some((d) => d.name.toLowerCase() === name.toLowerCase())) errors.name = 'taken';
  const ageGroup = (['small', 'big', 'mixed'] as const).find((a) => a === input.ageGroup);
  if (!ageGroup) errors.ageGroup = 'required';
  if (Object.keys(errors).length || !ageGroup) return { ok: false, errors };
  const inserted = await db
    .insertInto('kindergarten_department')
    .values({ kindergarten_id: kg.id, name, age_group: ageGroup })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return { ok: false, errors: { name: 'taken' } };
  await recordAudit(
    db,
    {
      actor,
      role: kg.role,
      action: 'kindergarten.department_add',
      record: { type: 'kindergarten_department', id: inserted.id },
      details: { kindergartenId: kg.id, name },
    },
    now,
  );
  return { ok: true };
}

export type AddStaffErrors = {
  feideId?: 'required' | 'not_found';
  role?: 'required';
  departmentId?: 'required';
  startsOn?: 'date';
};

export interface AddStaffInput {
  feideId: string;
  role: string;
  departmentId: string;
  startsOn: string;
}

/**
 * Gives a person (known by their Feide name) a role at the kindergarten from a day: styrer, pedagogical leader of a
 * department (required), or staff (a department optional).
 */
export async function addStaff(
  db: Db,
  actor: Actor,
  kg: ManagedKindergarten,
  input: AddStaffInput,
  now = new Date(),
): Promise<Ok | Invalid<AddStaffErrors>> {
  const errors: AddStaffErrors = {};
  const feide = cleanText(input.feideId)
    .trim()
    .toLowerCase()
    .replace(/^feide:/, '');
  if (!feide) errors.feideId = 'required';
  const role = KINDERGARTEN_ROLES.find((r) => r === input.role);
  if (!role) errors.role = 'required';
  const department = input.departmentId.trim() ? departmentOf(kg, input.departmentId) : null;
  if (role === 'pedagogical_leader' && !department) errors.departmentId = 'required';
  if (input.departmentId.trim() && !department) errors.departmentId = 'required';
  const startsOn = parseDate(input.startsOn);
  if (!startsOn) errors.startsOn = 'date';
  if (Object.keys(errors).length || !role || !startsOn) return { ok: false, errors };
  const person = await db.selectFrom('person').select('id').where('feide_id', '=', `feide:${feide}`).executeTakeFirst();
  if (!person) return { ok: false, errors: { feideId: 'not_found' } };
  const row = await db
    .insertInto('staff_membership')
    .values({
      person_id: person.id,
      municipality_id: kg.municipalityId,
      school_id: null,
      sfo_id: null,
      kindergarten_id: kg.id,
      department_id: role === 'kindergarten_leader' ? null : (department?.id ?? null),
      role: role satisfies StaffRole,
      starts_on: startsOn,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(
    db,
    {
      actor,
      role: kg.role,
      action: 'kindergarten.staff_add',
      subjectPersonId: person.id,
      record: { type: 'staff_membership', id: row.id },
      details: { kindergartenId: kg.id, role, departmentId: department?.id ?? null, startsOn },
    },
    now,
  );
  return { ok: true };
}

/** Ends a staff membership of this kindergarten on its last day (404 for another unit's membership). */
export async function endStaff(
  db: Db,
  actor: Actor,
  kg: ManagedKindergarten,
  membershipId: number,
  input: { endsOn: string },
  now = new Date(),
): Promise<Ok | Invalid<{ endsOn?: 'date' | 'before_start' }>> {
  const membership = await db
    .selectFrom('staff_membership')
    .select(['id', 'person_id', 'starts_on'])
    .where('id', '=', membershipId)
    .where('kindergarten_id', '=', kg.id)
    .executeTakeFirst();
  if (!membership) throw new NotFoundError();
  const endsOn = parseDate(input.endsOn);
  if (!endsOn) return { ok: false, errors: { endsOn: 'date' } };
  if (endsOn < membership.starts_on) return { ok: false, errors: { endsOn: 'before_start' } };
  await db.updateTable('staff_membership').set({ ends_on: endsOn }).where('id', '=', membership.id).execute();
  await recordAudit(
    db,
    {
      actor,
      role: kg.role,
      action: 'kindergarten.staff_end',
      subjectPersonId: membership.person_id,
      record: { type: 'staff_membership', id: membership.id },
      details: { endsOn },
    },
    now,
  );
  return { ok: true };
}
