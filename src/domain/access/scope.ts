import { sql, type Expression, type ExpressionBuilder, type SqlBool, type StringReference } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { NotFoundError } from '../errors.ts';
import { activeOn, notEndedBy } from '../period.ts';
import { grantIds, todayInOslo, type Actor } from './actor.ts';
import { canManageSchool, canViewPupil, type DeciderRule } from './policy.ts';
import { loadPupilFacts, STARTER_TRINN, type PupilFacts } from './pupil-facts.ts';

type PersonEb = ExpressionBuilder<Database & { p: Database['person'] }, 'p'>;

/**
 * An enrolment of the pupil `pupilId` (a column of the outer query: `'p.id'`, `'t.pupil_id'`) that is active on
 * `today`, narrowed by `extra` on `enrolment as e` when given (`e.class_id in …`). With `perRow`, the check runs for
 * each outer row (OFFSET 0 keeps PostgreSQL from turning it into a join): for an outer query read in index order that
 * stops at the end of a page.
 */
export function activeEnrolment<DB, TB extends keyof DB & string>(
  eb: ExpressionBuilder<DB, TB>,
  pupilId: StringReference<DB, TB>,
  today: string,
  extra: (e: ExpressionBuilder<DB & { e: Database['enrolment'] }, TB | 'e'>) => Expression<SqlBool> = () =>
    sql<SqlBool>`true`,
  options: { perRow?: boolean } = {},
): Expression<SqlBool> {
  const inner = eb as unknown as ExpressionBuilder<Database, never>; // the outer tables are reached only by `pupilId` and `extra`
  const enrolments = inner
    .selectFrom('enrolment as e')
    .select(sql`1`.as('one'))
    .where('e.pupil_id', '=', sql.ref<number>(pupilId))
    .where(activeOn('e', today))
    .where((e) => extra(e as unknown as Parameters<typeof extra>[0]));
  return inner.exists(options.perRow ? enrolments.modifyEnd(sql`offset 0`) : enrolments);
}

/**
 * The SQL twin of starterEnrolments (pupil-facts.ts): the pupil `pupilId` (a column of the outer query) has no active
 * enrolment and an enrolment in a 1. trinn class that starts after `today`, narrowed by `extra` on `enrolment as e`.
 */
export function starterCondition<DB, TB extends keyof DB & string>(
  eb: ExpressionBuilder<DB, TB>,
  pupilId: StringReference<DB, TB>,
  today: string,
  extra: (e: ExpressionBuilder<Database & { e: Database['enrolment'] }, 'e'>) => Expression<SqlBool> = () =>
    sql<SqlBool>`true`,
): Expression<SqlBool> {
  const inner = eb as unknown as ExpressionBuilder<Database, never>; // the outer tables are reached only by `pupilId` and `extra`
  return inner.and([
    inner.not(activeEnrolment(eb, pupilId, today)),
    inner.exists(
      inner
        .selectFrom('enrolment as e')
        .innerJoin('class as c', 'c.id', 'e.class_id')
        .select(sql`1`.as('one'))
        .where('e.pupil_id', '=', sql.ref<number>(pupilId))
        .where('c.trinn', '=', STARTER_TRINN)
        .where(notEndedBy('e', today))
        .where((w) => w.not(activeOn('e', today)))
        .where((e) => extra(e as unknown as Parameters<typeof extra>[0])),
    ),
  ]);
}

/**
 * The SQL twin of canViewPupil: a condition on `person as p` that is true for exactly the pupils the
 * actor may see. Lists use it so nobody ever pages through pupils they may not see.
 */
export function visiblePupilCondition(eb: PersonEb, actor: Actor, today: string): Expression<SqlBool> {
  const none = sql<SqlBool>`false`;

  if (actor.via === 'idporten') {
    // 'guardian' (an active enrolment) or 'starter_guardian' (a skolestarter): actor.guardianOf holds the relations.
    return actor.guardianOf.length
      ? eb.and([
          eb('p.id', 'in', actor.guardianOf),
          eb.or([activeEnrolment(eb, 'p.id', today), starterCondition(eb, 'p.id', today)]),
        ])
      : none;
  }
  const conditions: Expression<SqlBool>[] = [];
  if (actor.isPupil) conditions.push(eb.and([eb('p.id', '=', actor.personId), activeEnrolment(eb, 'p.id', today)]));

  const archiveSchools = [
    ...new Set([...actor.ownerSchoolIds, ...grantIds(actor, ['leadership'], (g) => [g.schoolId])]),
  ];
  if (archiveSchools.length) {
    conditions.push(
      eb.exists(
        eb
          .selectFrom('enrolment')
          .select(sql`1`.as('one'))
          .whereRef('enrolment.pupil_id', '=', 'p.id')
          .where('enrolment.school_id', 'in', archiveSchools),
      ),
    );
  }
  const contactClasses = grantIds(actor, ['contact_teacher'], (g) => g.classIds);
  const teacherClasses = grantIds(actor, ['teacher'], (g) => g.classIds);
  const classes = [...new Set([...contactClasses, ...teacherClasses])];
  if (classes.length) conditions.push(activeEnrolment(eb, 'p.id', today, (e) => e('e.class_id', 'in', classes)));

  const groups = grantIds(actor, ['teacher'], (g) => g.groupIds);
  if (groups.length) {
    conditions.push(
      eb.and([
        eb.exists(
          eb
            .selectFrom('teaching_group_member as m')
            .innerJoin('teaching_group as g', 'g.id', 'm.teaching_group_id')
            .select(sql`1`.as('one'))
            .whereRef('m.pupil_id', '=', 'p.id')
            .where('m.teaching_group_id', 'in', groups)
            // Only while the pupil is enrolled at the group's school (not via a membership left behind on leaving).
            .where((m) =>
              activeEnrolment(m, 'p.id', today, (e) => e('e.school_id', '=', sql.ref<number>('g.school_id'))),
            ),
        ),
      ]),
    );
  }
  const composites = grantIds(actor, ['teacher'], (g) => g.compositeGroupIds);
  if (composites.length) {
    conditions.push(
      eb.and([
        eb.exists(
          eb
            .selectFrom('composite_group_member as c')
            .innerJoin('composite_group as cg', 'cg.id', 'c.composite_group_id')
            .select(sql`1`.as('one'))
            .whereRef('c.pupil_id', '=', 'p.id')
            .where('c.composite_group_id', 'in', composites)
            // As for teaching groups: only while the pupil is enrolled at the composite group's school.
            .where((m) =>
              activeEnrolment(m, 'p.id', today, (e) => e('e.school_id', '=', sql.ref<number>('cg.school_id'))),
            ),
        ),
      ]),
    );
  }
  const sfos = grantIds(actor, ['sfo_leader', 'sfo_staff'], (g) => [g.sfoId]);
  if (sfos.length) {
    conditions.push(
      eb.and([
        eb.exists(
          eb
            .selectFrom('sfo_enrolment as s')
            .select(sql`1`.as('one'))
            .whereRef('s.pupil_id', '=', 'p.id')
            .where('s.sfo_id', 'in', sfos)
            .where(activeOn('s', today)),
        ),
        activeEnrolment(eb, 'p.id', today),
      ]),
    );
  }
  return conditions.length ? eb.or(conditions) : none;
}

type ApplicationEb = ExpressionBuilder<Database & { a: Database['application'] }, 'a'>;

/**
 * The SQL twin of canDecideApplication: a condition on `application as a` that is true for exactly the applications
 * the actor decides under this rule (the decision queue lists only those).
 */
export function decidableApplicationCondition(
  eb: ApplicationEb,
  actor: Actor,
  rule: DeciderRule,
  today: string,
): Expression<SqlBool> {
  const none = sql<SqlBool>`false`;
  if (actor.via !== 'feide') return none;
  const activeEnrolment = (atSchool: boolean) =>
    eb.exists(
      eb
        .selectFrom('enrolment as e')
        .select(sql`1`.as('one'))
        .whereRef('e.pupil_id', '=', 'a.pupil_id')
        .$if(atSchool, (q) => q.whereRef('e.school_id', '=', 'a.school_id'))
        .where(activeOn('e', today)),
    );
  if (rule === 'school_leadership') {
    const schools = grantIds(actor, ['leadership'], (g) => [g.schoolId]);
    return schools.length ? eb.and([eb('a.school_id', 'in', schools), activeEnrolment(true)]) : none;
  }
  const sfos = grantIds(actor, ['sfo_leader'], (g) => [g.sfoId]);
  const leads = grantIds(actor, ['leadership'], (g) => [g.schoolId]);
  if (sfos.length === 0 && leads.length === 0) return none;
  return eb.and([
    eb('a.sfo_id', 'is not', null),
    eb.or([
      ...(sfos.length ? [eb('a.sfo_id', 'in', sfos)] : []),
      ...(leads.length ? [eb('a.school_id', 'in', leads)] : []),
    ]),
    eb.or([
      activeEnrolment(true),
      starterCondition(eb, 'a.pupil_id', today, (e) => e('e.school_id', '=', sql.ref<number>('a.school_id'))),
    ]),
  ]);
}

/** A page of the pupils the actor may see, by name. Bounded: at most `limit` rows (default 50, max 200). */
export async function listVisiblePupils(
  db: Db,
  actor: Actor,
  options: { limit?: number; offset?: number; today?: string } = {},
) {
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
  const today = options.today ?? todayInOslo();
  return db
    .selectFrom('person as p')
    .select(['p.id', 'p.given_name', 'p.family_name'])
    .where((eb) => visiblePupilCondition(eb, actor, today))
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .orderBy('p.id')
    .limit(limit)
    .offset(Math.max(options.offset ?? 0, 0))
    .execute();
}

/** Loads a pupil through the actor's reach. Someone the actor may not see does not exist for them: 404. */
export async function requireVisiblePupil(
  db: Db,
  actor: Actor,
  pupilId: number,
  today = todayInOslo(),
): Promise<PupilFacts> {
  return requireVisibleFacts(actor, isRowId(pupilId) ? await loadPupilFacts(db, pupilId, today) : null);
}

/** An id a row could have (a positive safe integer): anything else finds nothing. */
export const isRowId = (id: number) => Number.isSafeInteger(id) && id > 0;

/** requireVisiblePupil's rule for facts loaded elsewhere (pupilFactsPart in a larger statement): not a pupil → 404. */
export function requireVisibleFacts(actor: Actor, facts: PupilFacts | null | undefined): PupilFacts {
  if (!facts || facts.enrolments.length === 0 || !canViewPupil(actor, facts)) throw new NotFoundError();
  return facts;
}

/** A school as the school office sees it. */
export interface ManagedSchool {
  id: number;
  name: string;
  municipalityId: number;
}

/** The schools whose office the actor runs (canManageSchool), by name; none → 404. */
export async function listManagedSchools(db: Db, actor: Actor): Promise<ManagedSchool[]> {
  const ids =
    actor.via === 'feide'
      ? [...new Set([...actor.ownerSchoolIds, ...grantIds(actor, ['leadership'], (g) => [g.schoolId])])]
      : [];
  if (ids.length === 0) throw new NotFoundError();
  const rows = await db
    .selectFrom('school')
    .select(['id', 'name', 'municipality_id'])
    .where('id', 'in', ids)
    .orderBy('name')
    .orderBy('id')
    .execute();
  return rows
    .filter((s) => canManageSchool(actor, s.id))
    .map((s) => ({ id: s.id, name: s.name, municipalityId: s.municipality_id }));
}

/** One school whose office the actor runs; any other (or none) → 404. */
export async function requireManagedSchool(db: Db, actor: Actor, schoolId: number): Promise<ManagedSchool> {
  const school =
    Number.isSafeInteger(schoolId) && schoolId > 0 && canManageSchool(actor, schoolId)
      ? await db
          .selectFrom('school')
          .select(['id', 'name', 'municipality_id'])
          .where('id', '=', schoolId)
          .executeTakeFirst()
      : undefined;
  if (!school) throw new NotFoundError();
  return { id: school.id, name: school.name, municipalityId: school.municipality_id };
}

/** A class as the school office sees it, with its school and school year. */
export interface ManagedClass {
  id: number;
  name: string;
  trinn: number;
  closedOn: string | null;
  school: ManagedSchool;
  schoolYear: { id: number; name: string; startsOn: string; endsOn: string };
}

/** One class of a school whose office the actor runs; any other → 404. */
export async function requireManagedClass(db: Db, actor: Actor, classId: number): Promise<ManagedClass> {
  const row =
    Number.isSafeInteger(classId) && classId > 0
      ? await db
          .selectFrom('class as c')
          .innerJoin('school as s', 's.id', 'c.school_id')
          .innerJoin('school_year as y', 'y.id', 'c.school_year_id')
          .select([
            'c.id',
            'c.name',
            'c.trinn',
            'c.closed_on',
            's.id as school_id',
            's.name as school_name',
            's.municipality_id',
            'y.id as year_id',
            'y.name as year_name',
            'y.starts_on',
            'y.ends_on',
          ])
          .where('c.id', '=', classId)
          .executeTakeFirst()
      : undefined;
  if (!row || !canManageSchool(actor, row.school_id)) throw new NotFoundError();
  return {
    id: row.id,
    name: row.name,
    trinn: row.trinn,
    closedOn: row.closed_on,
    school: { id: row.school_id, name: row.school_name, municipalityId: row.municipality_id },
    schoolYear: { id: row.year_id, name: row.year_name, startsOn: row.starts_on, endsOn: row.ends_on },
  };
}

/** A teaching group as the school office sees it, with its school and school year. */
export interface ManagedGroup {
  id: number;
  name: string;
  subject: string;
  closedOn: string | null;
  school: ManagedSchool;
  schoolYear: { id: number; name: string; startsOn: string; endsOn: string };
}

/** One teaching group of a school whose office the actor runs; any other → 404. */
export async function requireManagedGroup(db: Db, actor: Actor, groupId: number): Promise<ManagedGroup> {
  const row =
    Number.isSafeInteger(groupId) && groupId > 0
      ? await db
          .selectFrom('teaching_group as g')
          .innerJoin('school as s', 's.id', 'g.school_id')
          .innerJoin('school_year as y', 'y.id', 'g.school_year_id')
          .select([
            'g.id',
            'g.name',
            'g.subject',
            'g.closed_on',
            's.id as school_id',
            's.name as school_name',
            's.municipality_id',
            'y.id as year_id',
            'y.name as year_name',
            'y.starts_on',
            'y.ends_on',
          ])
          .where('g.id', '=', groupId)
          .executeTakeFirst()
      : undefined;
  if (!row || !canManageSchool(actor, row.school_id)) throw new NotFoundError();
  return {
    id: row.id,
    name: row.name,
    subject: row.subject,
    closedOn: row.closed_on,
    school: { id: row.school_id, name: row.school_name, municipalityId: row.municipality_id },
    schoolYear: { id: row.year_id, name: row.year_name, startsOn: row.starts_on, endsOn: row.ends_on },
  };
}

/** An enrolment at a school whose office the actor runs (its class, as requireManagedClass); any other → 404. */
export async function requireManagedEnrolment(db: Db, actor: Actor, enrolmentId: number) {
  const row =
    Number.isSafeInteger(enrolmentId) && enrolmentId > 0
      ? await db
          .selectFrom('enrolment')
          .select(['id', 'pupil_id', 'school_id', 'class_id', 'starts_on', 'ends_on', 'end_reason'])
          .where('id', '=', enrolmentId)
          .executeTakeFirst()
      : undefined;
  if (!row || !canManageSchool(actor, row.school_id)) throw new NotFoundError();
  return { enrolment: row, cls: await requireManagedClass(db, actor, row.class_id) };
}

/** A staff grant (not a school owner's) at a school whose office the actor runs; any other → 404. */
export async function requireManagedGrant(db: Db, actor: Actor, membershipId: number) {
  const row =
    Number.isSafeInteger(membershipId) && membershipId > 0
      ? await db
          .selectFrom('staff_membership')
          .select(['id', 'person_id', 'school_id', 'role', 'starts_on', 'ends_on'])
          .where('id', '=', membershipId)
          .executeTakeFirst()
      : undefined;
  if (!row || row.school_id === null || !canManageSchool(actor, row.school_id)) throw new NotFoundError();
  return {
    grant: {
      id: row.id,
      personId: row.person_id,
      schoolId: row.school_id,
      role: row.role,
      startsOn: row.starts_on,
      endsOn: row.ends_on,
    },
    school: await requireManagedSchool(db, actor, row.school_id),
  };
}

/** A pupil as the school office sees them: at a school whose office the actor runs. */
export interface ManagedPupil {
  id: number;
  givenName: string;
  familyName: string;
  school: ManagedSchool;
  classId: number;
  className: string;
}

/**
 * A pupil enrolled today (or admitted from a later date) at a school whose office the actor runs: leadership of that
 * school, or its school owner. Anyone else, and a pupil who has left, → 404.
 */
export async function requireManagedPupil(
  db: Db,
  actor: Actor,
  pupilId: number,
  today = todayInOslo(),
): Promise<ManagedPupil> {
  const rows =
    actor.via === 'feide' && isRowId(pupilId)
      ? await db
          .selectFrom('enrolment as e')
          .innerJoin('person as p', 'p.id', 'e.pupil_id')
          .innerJoin('class as c', 'c.id', 'e.class_id')
          .innerJoin('school as s', 's.id', 'e.school_id')
          .select([
            'p.id',
            'p.given_name',
            'p.family_name',
            's.id as school_id',
            's.name as school_name',
            's.municipality_id',
            'c.id as class_id',
            'c.name as class_name',
          ])
          .where('e.pupil_id', '=', pupilId)
          .where(notEndedBy('e', today))
          .orderBy('e.starts_on')
          .limit(5)
          .execute()
      : [];
  const row = rows.find((r) => canManageSchool(actor, r.school_id));
  if (!row) throw new NotFoundError();
  return {
    id: row.id,
    givenName: row.given_name,
    familyName: row.family_name,
    school: { id: row.school_id, name: row.school_name, municipalityId: row.municipality_id },
    classId: row.class_id,
    className: row.class_name,
  };
}

/** A school owner's skolerute as the actor reaches it. */
export interface SkoleruteOwner {
  id: number;
  name: string;
  /** The school owner edits; leadership of the owner's schools reads. */
  canEdit: boolean;
}

/** The school owners whose skolerute the actor may see: their own (to edit) and their schools' owner (to read). */
export async function listSkoleruteOwners(db: Db, actor: Actor): Promise<SkoleruteOwner[]> {
  if (actor.via !== 'feide') return [];
  const owned = grantIds(actor, ['school_owner'], (g) => [g.municipalityId]);
  const led = grantIds(actor, ['leadership'], (g) => [g.municipalityId]);
  const ids = [...new Set([...owned, ...led])];
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('municipality')
    .select(['id', 'name'])
    .where('id', 'in', ids)
    .orderBy('name')
    .orderBy('id')
    .execute();
  return rows.map((m) => ({ id: m.id, name: m.name, canEdit: owned.includes(m.id) }));
}

/**
 * One school owner's skolerute: the school owner may edit it, leadership of its schools may read it (they plan the
 * school's year by it and answer parents about it). Anyone else → 404. `edit` asks for the school owner: leadership
 * gets 404 too, as the change does not exist for them.
 */
export async function requireSkolerute(
  db: Db,
  actor: Actor,
  municipalityId: number,
  edit = false,
): Promise<SkoleruteOwner> {
  const owner = Number.isSafeInteger(municipalityId)
    ? (await listSkoleruteOwners(db, actor)).find((m) => m.id === municipalityId)
    : undefined;
  if (!owner || (edit && !owner.canEdit)) throw new NotFoundError();
  return owner;
}

/** A lesson of a class or teaching group of a school whose office the actor runs (with that class or group); else 404. */
export async function requireManagedLesson(db: Db, actor: Actor, lessonId: number) {
  const row =
    Number.isSafeInteger(lessonId) && lessonId > 0
      ? await db
          .selectFrom('lesson')
          .select([
            'id',
            'class_id',
            'teaching_group_id',
            'weekday',
            'starts_at',
            'ends_at',
            'subject',
            'teacher_id',
            'room',
          ])
          .where('id', '=', lessonId)
          .executeTakeFirst()
      : undefined;
  if (!row) throw new NotFoundError();
  const owner =
    row.class_id !== null
      ? { kind: 'class' as const, cls: await requireManagedClass(db, actor, row.class_id) }
      : { kind: 'group' as const, group: await requireManagedGroup(db, actor, row.teaching_group_id ?? 0) };
  return { lesson: row, owner };
}
