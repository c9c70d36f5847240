import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { grantIds, type Actor } from '../access/actor.ts';
import { activeEnrolment, visiblePupilCondition } from '../access/scope.ts';
import { activeOn } from '../period.ts';

type ThreadDb = Database & { t: Database['message_thread']; p: Database['person'] };
/** An expression builder over `message_thread as t` joined with `person as p` (the pupil). */
export type ThreadEb = ExpressionBuilder<ThreadDb, 't' | 'p'>;

/**
 * The SQL twin of canViewThread for staff (policy.ts): true for exactly the threads the actor may see.
 * Lists (the inbox, a pupil's book) use it, so nobody pages through threads they may not open.
 */
export function staffThreadCondition(eb: ThreadEb, actor: Actor, today: string): Expression<SqlBool> {
  if (actor.via === 'idporten') return sql<SqlBool>`false`;
  const conditions: Expression<SqlBool>[] = [];
  const leaders = grantIds(actor, ['leadership'], (g) => [g.schoolId]);
  if (leaders.length)
    conditions.push(
      eb.and([
        eb('t.school_id', 'in', leaders),
        activeEnrolment(eb, 't.pupil_id', today, (x) => x(x.ref('e.school_id'), '=', x.ref('t.school_id'))),
      ]),
    );
  const classes = grantIds(actor, ['contact_teacher'], (g) => g.classIds);
  if (classes.length)
    conditions.push(
      activeEnrolment(eb, 't.pupil_id', today, (x) =>
        x.and([x('e.class_id', 'in', classes), x(x.ref('e.school_id'), '=', x.ref('t.school_id'))]),
      ),
    );
  const sfos = grantIds(actor, ['sfo_leader', 'sfo_staff'], (g) => [g.sfoId]);
  if (sfos.length) {
    conditions.push(
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
  }
  conditions.push(
    eb.and([
      eb.or([
        eb('t.started_by', '=', actor.personId),
        eb.exists(
          eb
            .selectFrom('message as m')
            .select(sql`1`.as('one'))
            .whereRef('m.thread_id', '=', 't.id')
            .where('m.author_id', '=', actor.personId),
        ),
      ]),
      activeEnrolment(eb, 't.pupil_id', today),
      visiblePupilCondition(eb as unknown as Parameters<typeof visiblePupilCondition>[0], actor, today),
    ]),
  );
  return eb.or(conditions);
}
