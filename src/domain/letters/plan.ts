import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { activeOn } from '../period.ts';

export const PLAN_BATCH = 1000;

/**
 * Every decision letter — a `document` of kind 'vedtak' addressed to one guardian, from any area (leave today, SFO
 * later) — gets one letter_dispatch row, for the school the pupil attended when the letter was made. The unique
 * document_id makes this exactly once, also when several processes plan at the same moment. Returns the rows made.
 */
export async function planLetters(db: Db, now: Date, limit = PLAN_BATCH): Promise<number> {
  const day = sql<string>`(d.created_at at time zone 'Europe/Oslo')::date`;
  const schoolOfPupil = sql<number>`(select e.school_id from enrolment e where e.pupil_id = d.pupil_id
    order by ${activeOn('e', day)} desc, e.starts_on desc, e.id desc limit 1)`;
  const at = sql<Date>`${now}::timestamptz`;
  const result = await db
    .insertInto('letter_dispatch')
    .columns([
      'document_id',
      'guardian_id',
      'pupil_id',
      'school_id',
      'status',
      'next_attempt_at',
      'created_at',
      'updated_at',
    ])
    .expression((eb) =>
      eb
        .selectFrom('document as d')
        .select([
          'd.id',
          'd.guardian_id',
          'd.pupil_id',
          schoolOfPupil.as('school_id'),
          sql.lit('new').as('status'),
          at.as('next_attempt_at'),
          at.as('created_at'),
          at.as('updated_at'),
        ])
        .where('d.kind', '=', 'vedtak')
        .where('d.guardian_id', 'is not', null)
        .where((w) =>
          w.not(w.exists(w.selectFrom('letter_dispatch as l').select('l.id').whereRef('l.document_id', '=', 'd.id'))),
        )
        .where((w) => w.exists(w.selectFrom('enrolment as e').select('e.id').whereRef('e.pupil_id', '=', 'd.pupil_id')))
        .orderBy('d.id')
        .limit(limit),
    )
    .onConflict((oc) => oc.column('document_id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}
