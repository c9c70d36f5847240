import { sql, type Expression, type ExpressionBuilder, type SqlBool, type StringReference } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { NotFoundError } from '../errors.ts';
import { activeOn } from '../period.ts';
import { grantIds, todayInOslo, type Actor } from './actor.ts';
import { canViewPupil, type DeciderRule } from './policy.ts';
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
