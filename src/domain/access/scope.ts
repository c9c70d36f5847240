import { sql, type Expression, type ExpressionBuilder, type SqlBool, type StringReference } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { NotFoundError } from '../errors.ts';
import { activeOn } from '../period.ts';
import { grantIds, todayInOslo, type Actor } from './actor.ts';
import { canManageSchool, canViewPupil, type DeciderRule } from './policy.ts';
import { loadPupilFacts, type PupilFacts } from './pupil-facts.ts';

type PersonEb = ExpressionBuilder<Database & { p: Database['person'] }, 'p'>;

/**
 * An enrolment of the pupil `pupilId` (a column of the outer query: `'p.id'`, `'t.pupil_id'`) that is active on
 * `today`, narrowed by `extra` on `enrolment as e` when given (`e.class_id in …`).
 */
export function activeEnrolment<DB, TB extends keyof DB & string>(
  eb: ExpressionBuilder<DB, TB>,
  pupilId: StringReference<DB, TB>,
  today: string,
  extra: (e: ExpressionBuilder<DB & { e: Database['enrolment'] }, TB | 'e'>) => Expression<SqlBool> = () =>
    sql<SqlBool>`true`,
): Expression<SqlBool> {
  const inner = eb as unknown as ExpressionBuilder<Database, never>; // the outer tables are reached only by `pupilId` and `extra`
  return inner.exists(
    inner
      .selectFrom('enrolment as e')
      .select(sql`1`.as('one'))
      .where('e.pupil_id', '=', sql.ref<number>(pupilId))
      .where(activeOn('e', today))
      .where((e) => extra(e as unknown as Parameters<typeof extra>[0])),
  );
}

/**
 * The SQL twin of canViewPupil: a condition on `person as p` that is true for exactly the pupils the
 * actor may see. Lists use it so nobody ever pages through pupils they may not see.
 */
export function visiblePupilCondition(eb: PersonEb, actor: Actor, today: string): Expression<SqlBool> {
  const none = sql<SqlBool>`false`;

  if (actor.via === 'idporten') {
    return actor.guardianOf.length
      ? eb.and([eb('p.id', 'in', actor.guardianOf), activeEnrolment(eb, 'p.id', today)])
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
            .select(sql`1`.as('one'))
            .whereRef('m.pupil_id', '=', 'p.id')
            .where('m.teaching_group_id', 'in', groups),
        ),
        activeEnrolment(eb, 'p.id', today),
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
            .select(sql`1`.as('one'))
            .whereRef('c.pupil_id', '=', 'p.id')
            .where('c.composite_group_id', 'in', composites),
        ),
        activeEnrolment(eb, 'p.id', today),
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
  if (sfos.length === 0) return none;
  return eb.and([
    eb('a.sfo_id', 'in', sfos),
    eb.exists(
      eb
        .selectFrom('sfo_enrolment as s')
        .select(sql`1`.as('one'))
        .whereRef('s.pupil_id', '=', 'a.pupil_id')
        .whereRef('s.sfo_id', '=', 'a.sfo_id')
        .where(activeOn('s', today)),
    ),
    activeEnrolment(false),
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
  const facts = Number.isSafeInteger(pupilId) && pupilId > 0 ? await loadPupilFacts(db, pupilId, today) : null;
  if (!facts || !canViewPupil(actor, facts)) throw new NotFoundError();
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
