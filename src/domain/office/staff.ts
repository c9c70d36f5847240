import type { Db } from '../../db/database.ts';
import type { StaffRole } from '../../db/schema.ts';
import { parseDate } from '../../i18n/index.ts';
import type { Actor } from '../access/actor.ts';
import { officeRoleOf } from '../access/policy.ts';
import type { ManagedSchool } from '../access/scope.ts';
import { recordAudit } from '../audit.ts';
import { notEndedBy } from '../period.ts';
import type { Invalid, Ok } from '../result.ts';
import { checkText, type TextError } from '../text.ts';

/**
 * The school office's staff: who holds which role at the school (staff_membership, and for a contact teacher or a
 * teacher the class or teaching group in staff_assignment), adding a person by Feide identity, granting a role from a
 * day and ending a grant on a day (the period rule). The actor is loaded fresh each request, so a grant takes effect
 * at once. Every change is audited.
 */

export const GRANT_ROLES = [
  'leadership',
  'contact_teacher',
  'teacher',
  'sfo_leader',
  'sfo_staff',
] as const satisfies StaffRole[];
export type GrantRole = (typeof GRANT_ROLES)[number];
export type TargetKind = 'class' | 'group' | 'sfo';

/** What a role is granted for: leadership the school itself, the others one class, group or SFO of it. */
export const TARGET_OF: Record<GrantRole, TargetKind | null> = {
  leadership: null,
  contact_teacher: 'class',
  teacher: 'group',
  sfo_leader: 'sfo',
  sfo_staff: 'sfo',
};

export interface StaffGrantRow {
  membershipId: number;
  personId: number;
  givenName: string;
  familyName: string;
  /** As the office types it: without the `feide:` of userid_sec. */
  feideId: string | null;
  role: GrantRole;
  /** The class, teaching group or SFO the grant is for (none for leadership). */
  target: string | null;
  startsOn: string;
  endsOn: string | null;
}

/** The school's staff grants that have not ended by `today` (current and from a later day), by name and role. */
export async function listStaffGrants(db: Db, school: ManagedSchool, today: string): Promise<StaffGrantRow[]> {
  const rows = await db
    .selectFrom('staff_membership as m')
    .innerJoin('person as p', 'p.id', 'm.person_id')
    .leftJoin('staff_assignment as a', 'a.staff_membership_id', 'm.id')
    .leftJoin('class as c', 'c.id', 'a.class_id')
    .leftJoin('teaching_group as g', 'g.id', 'a.teaching_group_id')
    .leftJoin('composite_group as k', 'k.id', 'a.composite_group_id')
    .leftJoin('sfo as s', 's.id', 'm.sfo_id')
    .select([
      'm.id',
      'm.person_id',
      'p.given_name',
      'p.family_name',
      'p.feide_id',
      'm.role',
      'm.starts_on',
      'm.ends_on',
      'c.name as class_name',
      'g.name as group_name',
      'k.name as composite_name',
      's.name as sfo_name',
    ])
    .where('m.school_id', '=', school.id)
    .where('m.role', 'in', GRANT_ROLES)
    .where(notEndedBy('m', today))
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .orderBy('m.id')
    .execute();
  return rows.map((r) => ({
    membershipId: r.id,
    personId: r.person_id,
    givenName: r.given_name,
    familyName: r.family_name,
    feideId: r.feide_id?.replace(/^feide:/, '') ?? null,
    role: r.role as GrantRole,
    target: r.class_name ?? r.group_name ?? r.composite_name ?? r.sfo_name ?? null,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
  }));
}

export interface GrantTarget {
  kind: TargetKind;
  id: number;
  name: string;
  /** The class's or group's school year (none for an SFO). */
  year: { startsOn: string; endsOn: string } | null;
}

/** What roles can be granted for: the school's open classes and open teaching groups of years not over, its SFOs. */
export async function listGrantTargets(db: Db, school: ManagedSchool, today: string): Promise<GrantTarget[]> {
  const classes = await db
    .selectFrom('class as u')
    .innerJoin('school_year as y', 'y.id', 'u.school_year_id')
    .select(['u.id', 'u.name', 'y.starts_on', 'y.ends_on'])
    .where('u.school_id', '=', school.id)
    .where('u.closed_on', 'is', null)
    .where('y.ends_on', '>=', today)
    .orderBy('y.starts_on')
    .orderBy('u.name')
    .execute();
  const groups = await db
    .selectFrom('teaching_group as u')
    .innerJoin('school_year as y', 'y.id', 'u.school_year_id')
    .select(['u.id', 'u.name', 'y.starts_on', 'y.ends_on'])
    .where('u.school_id', '=', school.id)
    .where('u.closed_on', 'is', null)
    .where('y.ends_on', '>=', today)
    .orderBy('y.starts_on')
    .orderBy('u.name')
    .execute();
  const year = (r: { starts_on: string; ends_on: string }) => ({ startsOn: r.starts_on, endsOn: r.ends_on });
  const sfos = await db
    .selectFrom('sfo')
    .select(['id', 'name'])
    .where('school_id', '=', school.id)
    .orderBy('name')
    .execute();
  return [
    ...classes.map((r) => ({ kind: 'class' as const, id: r.id, name: r.name, year: year(r) })),
    ...groups.map((r) => ({ kind: 'group' as const, id: r.id, name: r.name, year: year(r) })),
    ...sfos.map((r) => ({ kind: 'sfo' as const, id: r.id, name: r.name, year: null })),
  ];
}

/** The value a target has in a form's select: `class-12`, `group-3`, `sfo-2`. */
export const targetValue = (target: Pick<GrantTarget, 'kind' | 'id'>) => `${target.kind}-${target.id}`;

export interface GrantInput {
  feideId: string;
  givenName: string;
  familyName: string;
  role: string;
  /** A targetValue, or '' for leadership. */
  target: string;
  startsOn: string;
}

export interface GrantErrors {
  feideId?: TextError | 'format' | 'pupil';
  givenName?: TextError;
  familyName?: TextError;
  role?: 'required' | 'duplicate';
  target?: 'required' | 'outside_year';
  startsOn?: 'date';
}

/** A checked grant, ready to store: `existing` when the person already holds it from that day (nothing to do). */
export interface GrantPlan {
  feideId: string;
  personId: number | null;
  givenName: string;
  familyName: string;
  role: GrantRole;
  target: GrantTarget | null;
  startsOn: string;
  existing: boolean;
}

const FEIDE_ID = /^[a-z0-9._-]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/;
const NAME = { max: 100, required: true } as const;

/**
 * Checks a grant against the school (its targets given) without storing anything: the Feide identity (an existing
 * person is reused; a new one needs given and family name), the role and what it is for, the first day. A grant the
 * person already holds that has not ended by that day is `existing`.
 */
export async function planGrant(
  db: Db,
  targets: GrantTarget[],
  input: GrantInput,
): Promise<Ok<{ plan: GrantPlan }> | Invalid<GrantErrors>> {
  const errors: GrantErrors = {};
  const feide = checkText(input.feideId, { max: 200, required: true });
  const typed = feide.text.toLowerCase().replace(/^feide:/, '');
  if (feide.error) errors.feideId = feide.error;
  else if (!FEIDE_ID.test(typed)) errors.feideId = 'format';
  // Stored as Feide's userid_sec gives it (src/domain/identity/login.ts), so the person can sign in.
  const feideId = `feide:${typed}`;
  const person = errors.feideId
    ? undefined
    : await db
        .selectFrom('person')
        .select(['id', 'given_name', 'family_name'])
        .where('feide_id', '=', feideId)
        .executeTakeFirst();
  // A pupil is never made staff (a pupil's Feide login would then reach other children's records).
  if (person && (await isPupil(db, person.id, parseDate(input.startsOn) ?? '1900-01-01'))) errors.feideId = 'pupil';
  const given = checkText(input.givenName, NAME);
  const family = checkText(input.familyName, NAME);
  if (!person && !errors.feideId) {
    if (given.error) errors.givenName = given.error;
    if (family.error) errors.familyName = family.error;
  }
  const role = GRANT_ROLES.find((r) => r === input.role.trim());
  if (!role) errors.role = 'required';
  const startsOn = parseDate(input.startsOn);
  if (!startsOn) errors.startsOn = 'date';
  const kind = role ? TARGET_OF[role] : null;
  const target = kind ? targets.find((t) => t.kind === kind && targetValue(t) === input.target.trim()) : null;
  if (kind && !target) errors.target = 'required';
  else if (target?.year && startsOn && (startsOn < target.year.startsOn || startsOn > target.year.endsOn))
    errors.target = 'outside_year';
  if (Object.keys(errors).length || !role || !startsOn || target === undefined) return { ok: false, errors };
  const existing = person ? await findOpenGrant(db, person.id, role, target, startsOn) : undefined;
  return {
    ok: true,
    plan: {
      feideId,
      personId: person?.id ?? null,
      givenName: person?.given_name ?? given.text,
      familyName: person?.family_name ?? family.text,
      role,
      target,
      startsOn,
      existing: existing !== undefined,
    },
  };
}

/** Whether the person has an enrolment that has not ended by `day` (a pupil now or later). */
async function isPupil(db: Db, personId: number, day: string): Promise<boolean> {
  const row = await db
    .selectFrom('enrolment as e')
    .select('e.id')
    .where('e.pupil_id', '=', personId)
    .where(notEndedBy('e', day))
    .executeTakeFirst();
  return row !== undefined;
}

/** The person's grant of this role for this target (at the school of the target) that has not ended by `day`. */
async function findOpenGrant(db: Db, personId: number, role: GrantRole, target: GrantTarget | null, day: string) {
  return db
    .selectFrom('staff_membership as m')
    .leftJoin('staff_assignment as a', 'a.staff_membership_id', 'm.id')
    .select('m.id')
    .where('m.person_id', '=', personId)
    .where('m.role', '=', role)
    .where(notEndedBy('m', day))
    .$if(target?.kind === 'class', (q) => q.where('a.class_id', '=', target!.id))
    .$if(target?.kind === 'group', (q) => q.where('a.teaching_group_id', '=', target!.id))
    .$if(target?.kind === 'sfo', (q) => q.where('m.sfo_id', '=', target!.id))
    .executeTakeFirst();
}

/**
 * Stores a planned grant in the caller's transaction: the person (made when new, looked up again by Feide identity so
 * two rows of one import for one new person make one person), the membership and its assignment; audited. A grant the
 * person already holds is left alone: false.
 */
export async function storeGrant(
  trx: Db,
  actor: Actor,
  school: ManagedSchool,
  plan: GrantPlan,
  now: Date,
): Promise<boolean> {
  // The person row is made if new (a concurrent import of the same person does nothing here) and locked, so two
  // grants of one person run one after the other and the check for a grant already held stays true.
  const isNew = await trx
    .insertInto('person')
    .values({ feide_id: plan.feideId, given_name: plan.givenName, family_name: plan.familyName })
    .onConflict((oc) => oc.column('feide_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  const personId = (
    await trx
      .selectFrom('person')
      .select('id')
      .where('feide_id', '=', plan.feideId)
      .forUpdate()
      .executeTakeFirstOrThrow()
  ).id;
  if (!isNew && (await findOpenGrant(trx, personId, plan.role, plan.target, plan.startsOn))) return false;
  const membership = await trx
    .insertInto('staff_membership')
    .values({
      person_id: personId,
      municipality_id: school.municipalityId,
      school_id: school.id,
      sfo_id: plan.target?.kind === 'sfo' ? plan.target.id : null,
      role: plan.role,
      starts_on: plan.startsOn,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (plan.target?.kind === 'class' || plan.target?.kind === 'group') {
    await trx
      .insertInto('staff_assignment')
      .values({
        staff_membership_id: membership.id,
        class_id: plan.target.kind === 'class' ? plan.target.id : null,
        teaching_group_id: plan.target.kind === 'group' ? plan.target.id : null,
      })
      .execute();
  }
  await recordAudit(
    trx,
    {
      actor,
      role: officeRoleOf(actor, school.id),
      action: 'staff.grant',
      subjectPersonId: personId,
      record: { type: 'staff_membership', id: membership.id },
      details: {
        schoolId: school.id,
        role: plan.role,
        target: plan.target ? targetValue(plan.target) : null,
        startsOn: plan.startsOn,
        newPerson: isNew !== undefined,
      },
    },
    now,
  );
  return true;
}

/** Grants a role from a day (the office's form): a grant the person already holds is a field error. */
export async function grantRole(
  db: Db,
  actor: Actor,
  school: ManagedSchool,
  input: GrantInput,
  today: string,
  now = new Date(),
): Promise<Ok<{ personId: number }> | Invalid<GrantErrors>> {
  const planned = await planGrant(db, await listGrantTargets(db, school, today), input);
  if (!planned.ok) return planned;
  if (planned.plan.existing) return { ok: false, errors: { role: 'duplicate' } };
  const stored = await db.transaction().execute((trx) => storeGrant(trx, actor, school, planned.plan, now));
  if (!stored) return { ok: false, errors: { role: 'duplicate' } };
  const person = await db
    .selectFrom('person')
    .select('id')
    .where('feide_id', '=', planned.plan.feideId)
    .executeTakeFirstOrThrow();
  return { ok: true, personId: person.id };
}

/** A staff grant at a school whose office the actor runs (src/domain/access/scope.ts requireManagedGrant). */
export interface ManagedGrant {
  id: number;
  personId: number;
  schoolId: number;
  role: StaffRole;
  startsOn: string;
  endsOn: string | null;
}

export type EndGrantErrors = { endsOn?: 'date' | 'before_start' };

/** Ends a grant on its last day (from the day after it gives nothing); audited with the end it had before. */
export async function endGrant(
  db: Db,
  actor: Actor,
  grant: ManagedGrant,
  input: { endsOn: string },
  now = new Date(),
): Promise<Ok | Invalid<EndGrantErrors>> {
  const endsOn = parseDate(input.endsOn);
  if (!endsOn) return { ok: false, errors: { endsOn: 'date' } };
  if (endsOn < grant.startsOn) return { ok: false, errors: { endsOn: 'before_start' } };
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('staff_membership').set({ ends_on: endsOn }).where('id', '=', grant.id).execute();
    await recordAudit(
      trx,
      {
        actor,
        role: officeRoleOf(actor, grant.schoolId),
        action: 'staff.end',
        subjectPersonId: grant.personId,
        record: { type: 'staff_membership', id: grant.id },
        details: { role: grant.role, endsOn, before: grant.endsOn },
      },
      now,
    );
  });
  return { ok: true };
}
