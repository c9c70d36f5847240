import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { grantIds, type Actor } from '../access/actor.ts';
import { activeEnrolment, visiblePupilCondition } from '../access/scope.ts';
import { activeOn } from '../period.ts';
import { inArrayOf } from '../sql.ts';

type ThreadDb = Database & { t: Database['message_thread']; p: Database['person'] };
/** An expression builder over `message_thread as t` joined with `person as p` (the pupil). */
export type ThreadEb = ExpressionBuilder<ThreadDb, 't' | 'p'>;

/** One way a staff member reaches threads, as a condition over `message_thread as t` joined with `person as p`. */
export type ThreadReach = (eb: ThreadEb) => Expression<SqlBool>;

/**
 * The SQL twin of canViewThread and canViewKindergartenThread for staff (policy.ts), one condition per reach: the
 * leader's schools, the contact teacher's classes, the SFO's places, the kindergarten's and the department's children,
 * the threads the actor started or wrote in. A thread is visible when any reach
 * admits it. Each reach is written so that an index drives it on its own (the school's threads, the class's enrolments,
 * the SFO's enrolments, the actor's threads and messages): the inbox and the unread count run one query per reach and
 * merge them (lists.ts), so they cost what the actor can see, not what the municipality has (issue 18, item 3).
 */
export function staffThreadReaches(actor: Actor, today: string): ThreadReach[] {
  if (actor.via === 'idporten') return [];
  const reaches: ThreadReach[] = [];
  const leaders = grantIds(actor, ['leadership'], (g) => [g.schoolId]);
  if (leaders.length)
    reaches.push((eb) =>
      eb.and([
        eb('t.school_id', 'in', leaders),
        // checked per thread, so the school's threads are read newest first from message_thread_school_idx and the
        // reading stops at the end of the page
        activeEnrolment(eb, 't.pupil_id', today, (x) => x(x.ref('e.school_id'), '=', x.ref('t.school_id')), {
          perRow: true,
        }),
      ]),
    );
  const classes = grantIds(actor, ['contact_teacher'], (g) => g.classIds);
  if (classes.length)
    reaches.push((eb) =>
      activeEnrolment(eb, 't.pupil_id', today, (x) =>
        x.and([x('e.class_id', 'in', classes), x(x.ref('e.school_id'), '=', x.ref('t.school_id'))]),
      ),
    );
  const sfos = grantIds(actor, ['sfo_leader', 'sfo_staff'], (g) => [g.sfoId]);
  if (sfos.length)
    reaches.push((eb) =>
      eb.and([
        eb('t.kind', '=', 'sfo'),
        eb('t.sfo_id', 'in', sfos),
        eb.exists(
          eb
            .selectFrom('sfo_enrolment as s')
            .select(sql`1`.as('one'))
            .whereRef('s.pupil_id', '=', 't.pupil_id')
            .whereRef('s.sfo_id', '=', 't.sfo_id')
            .where(activeOn('s', today)),
        ),
        activeEnrolment(eb, 't.pupil_id', today),
      ]),
    );
  reaches.push(...kindergartenThreadReaches(actor, today));
  reaches.push((eb) =>
    eb.and([
      eb('t.school_id', 'is not', null), // a kindergarten thread is never reached by taking part (policy.ts)
      // started by the actor or with a message by them (message_thread_started_by_idx, message_author_idx), as an
      // array computed once, so the threads are fetched by id rather than the actor's reach searched for them
      inArrayOf(
        't.id',
        eb
          .selectFrom('message_thread as own')
          .select('own.id')
          .where('own.started_by', '=', actor.personId)
          .union(eb.selectFrom('message as m').select('m.thread_id as id').where('m.author_id', '=', actor.personId)),
      ),
      activeEnrolment(eb, 't.pupil_id', today),
      visiblePupilCondition(eb as unknown as Parameters<typeof visiblePupilCondition>[0], actor, today),
    ]),
  );
  return reaches;
}

/**
 * The SQL twin of canViewKindergartenThread for staff: the styrer's kindergartens (the threads of their departments
 * while the child has a place in the kindergarten today) and the departments of the pedagogical leader and staff
 * (while the child has a place in that department today). Both are read newest first from
 * message_thread_department_idx (migration 0026); the place is checked per thread.
 */
function kindergartenThreadReaches(actor: Actor, today: string): ThreadReach[] {
  if (actor.via !== 'feide') return [];
  const reaches: ThreadReach[] = [];
  const kindergartens = grantIds(actor, ['kindergarten_leader'], (g) => [g.kindergartenId]);
  if (kindergartens.length)
    reaches.push((eb) =>
      eb.and([
        eb(
          't.kindergarten_department_id',
          'in',
          eb
            .selectFrom('kindergarten_department as kd')
            .select('kd.id')
            .where('kd.kindergarten_id', 'in', kindergartens),
        ),
        eb.exists(
          eb
            .selectFrom('kindergarten_enrolment as ke')
            .innerJoin('kindergarten_department as d', 'd.id', 'ke.department_id')
            .innerJoin('kindergarten_department as td', 'td.kindergarten_id', 'd.kindergarten_id')
            .select(sql`1`.as('one'))
            .whereRef('ke.child_id', '=', 't.pupil_id')
            .whereRef('td.id', '=', 't.kindergarten_department_id')
            .where(activeOn('ke', today)),
        ),
      ]),
    );
  const departments = grantIds(actor, ['pedagogical_leader', 'kindergarten_staff'], (g) => [g.departmentId]);
  if (departments.length)
    reaches.push((eb) =>
      eb.and([
        eb('t.kindergarten_department_id', 'in', departments),
        eb.exists(
          eb
            .selectFrom('kindergarten_enrolment as ke')
            .select(sql`1`.as('one'))
            .whereRef('ke.child_id', '=', 't.pupil_id')
            .whereRef('ke.department_id', '=', 't.kindergarten_department_id')
            .where(activeOn('ke', today)),
        ),
      ]),
    );
  return reaches;
}

/** The SQL twin of canViewThread for staff as one condition (any reach): for one pupil's book, where the pupil narrows. */
export function staffThreadCondition(eb: ThreadEb, actor: Actor, today: string): Expression<SqlBool> {
  const reaches = staffThreadReaches(actor, today);
  return reaches.length ? eb.or(reaches.map((reach) => reach(eb))) : sql<SqlBool>`false`;
}
