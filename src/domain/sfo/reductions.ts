import type { Db } from '../../db/database.ts';
import type { Actor } from '../access/actor.ts';
import { recordAudit } from '../audit.ts';
import { schoolYearOf } from '../calendar/school-days.ts';
import { NotFoundError } from '../errors.ts';
import { activeOn } from '../period.ts';
import { checkText } from '../text.ts';
import type { SfoInfo } from './units.ts';

export const REDUCTIONS_PER_PAGE = 50;
/** Free SFO for children with special needs is for 5.–7. trinn (DOMAIN-FACTS §4). */
export const FREE_SFO_TRINN = [5, 6, 7] as const;
export const FREE_REASON_MIN = 10;
export const FREE_REASON_MAX = 2000;

export interface CurrentReduction {
  id: number;
  pupilId: number;
  pupilName: string;
  className: string;
  kind: 'income_cap' | 'free';
  householdIncomeOre: number | null;
  schoolYearName: string;
  reason: string;
  createdAt: Date;
}

/** Children of the SFO now (an SFO place active today), as a subquery of pupil ids. */
const sfoPupils = (db: Db, sfoId: number, today: string) =>
  db.selectFrom('sfo_enrolment as e').select('e.pupil_id').where('e.sfo_id', '=', sfoId).where(activeOn('e', today));

/** The reductions in force for the SFO's children now, by name; one page (REDUCTIONS_PER_PAGE + 1 rows to know of more). */
export async function listCurrentReductions(
  db: Db,
  sfo: SfoInfo,
  today: string,
  page: number,
): Promise<{ items: CurrentReduction[]; hasMore: boolean }> {
  const rows = await db
    .selectFrom('sfo_payment_reduction as r')
    .innerJoin('person as p', 'p.id', 'r.pupil_id')
    .innerJoin('school_year as y', 'y.id', 'r.school_year_id')
    .select((eb) => [
      'r.id',
      'r.pupil_id',
      'p.given_name',
      'p.family_name',
      'r.kind',
      'r.household_income_ore',
      'y.name as year_name',
      'r.reason',
      'r.created_at',
      eb
        .selectFrom('enrolment as e')
        .innerJoin('class as c', 'c.id', 'e.class_id')
        .select('c.name')
        .whereRef('e.pupil_id', '=', 'r.pupil_id')
        .where(activeOn('e', today))
        .limit(1)
        .as('class_name'),
    ])
    .where('r.ended_at', 'is', null)
    .where('r.pupil_id', 'in', sfoPupils(db, sfo.sfoId, today))
    .where('y.ends_on', '>=', today)
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .orderBy('r.id')
    .limit(REDUCTIONS_PER_PAGE + 1)
    .offset((Math.max(1, page) - 1) * REDUCTIONS_PER_PAGE)
    .execute();
  return {
    hasMore: rows.length > REDUCTIONS_PER_PAGE,
    items: rows.slice(0, REDUCTIONS_PER_PAGE).map((r) => ({
      id: r.id,
      pupilId: r.pupil_id,
      pupilName: `${r.given_name} ${r.family_name}`,
      className: r.class_name ?? '',
      kind: r.kind,
      householdIncomeOre: r.household_income_ore === null ? null : Number(r.household_income_ore),
      schoolYearName: r.year_name,
      reason: r.reason,
      createdAt: r.created_at,
    })),
  };
}

/** The SFO's children in 5.–7. trinn now, who may get free SFO (bounded: 300). */
export async function freeSfoCandidates(
  db: Db,
  sfo: SfoInfo,
  today: string,
): Promise<{ pupilId: number; name: string; className: string }[]> {
  const rows = await db
    .selectFrom('enrolment as e')
    .innerJoin('class as c', 'c.id', 'e.class_id')
    .innerJoin('person as p', 'p.id', 'e.pupil_id')
    .select(['p.id', 'p.given_name', 'p.family_name', 'c.name as class_name'])
    .where(activeOn('e', today))
    .where('c.trinn', 'in', [...FREE_SFO_TRINN])
    .where('e.pupil_id', 'in', sfoPupils(db, sfo.sfoId, today))
    .orderBy('c.name')
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .limit(300)
    .execute();
  return rows.map((r) => ({ pupilId: r.id, name: `${r.given_name} ${r.family_name}`, className: r.class_name }));
}

export interface FreeSfoInput {
  pupilId: string;
  reason: string;
}
export interface FreeSfoErrors {
  pupil?: 'required' | 'not_eligible';
  reason?: 'required' | 'too_short' | 'too_long';
}

/**
 * Free SFO for a child in 5.–7. trinn with special needs (DOMAIN-FACTS §4): the SFO's leader (or the school's
 * leadership: capability 'run', checked by requireSfo) records the decision for the current school year; a reduction
 * in force for the same year is ended first. Audited.
 */
export async function recordFreeSfo(
  db: Db,
  actor: Actor,
  sfo: SfoInfo,
  input: FreeSfoInput,
  today: string,
  now = new Date(),
): Promise<{ ok: true; reductionId: number } | { ok: false; errors: FreeSfoErrors }> {
  const errors: FreeSfoErrors = {};
  const pupilId = /^\d{1,12}$/.test(input.pupilId.trim()) ? Number(input.pupilId.trim()) : 0;
  if (!input.pupilId.trim()) errors.pupil = 'required';
  else if (!(await freeSfoCandidates(db, sfo, today)).some((c) => c.pupilId === pupilId)) errors.pupil = 'not_eligible';
  const reason = checkText(input.reason, { min: FREE_REASON_MIN, max: FREE_REASON_MAX, required: true });
  if (reason.error) errors.reason = reason.error;
  const year = await schoolYearOf(db, sfo.municipalityId, today);
  if (!year && !errors.pupil) errors.pupil = 'not_eligible';
  if (Object.keys(errors).length || !year) return { ok: false, errors };
  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable('sfo_payment_reduction')
      .set({ ended_at: now })
      .where('pupil_id', '=', pupilId)
      .where('school_year_id', '=', year.id)
      .where('ended_at', 'is', null)
      .execute();
    const { id } = await trx
      .insertInto('sfo_payment_reduction')
      .values({
        pupil_id: pupilId,
        school_year_id: year.id,
        kind: 'free',
        household_income_ore: null,
        decided_by: actor.personId,
        reason: reason.text,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(
      trx,
      {
        actor,
        role: 'sfo_leader',
        action: 'sfo_reduction.record',
        subjectPersonId: pupilId,
        record: { type: 'sfo_payment_reduction', id },
        details: { kind: 'free', sfoId: sfo.sfoId, schoolYearId: year.id },
      },
      now,
    );
    return { ok: true as const, reductionId: id };
  });
}

/** Ends a reduction in force for a child of the SFO (free or income cap); another SFO's reduction → 404. Audited. */
export async function endReduction(
  db: Db,
  actor: Actor,
  sfo: SfoInfo,
  reductionId: number,
  today: string,
  now = new Date(),
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('sfo_payment_reduction as r')
      .select(['r.id', 'r.pupil_id', 'r.kind'])
      .where('r.id', '=', reductionId)
      .where('r.ended_at', 'is', null)
      .where('r.pupil_id', 'in', sfoPupils(trx, sfo.sfoId, today))
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw new NotFoundError();
    await trx.updateTable('sfo_payment_reduction').set({ ended_at: now }).where('id', '=', row.id).execute();
    await recordAudit(
      trx,
      {
        actor,
        role: 'sfo_leader',
        action: 'sfo_reduction.end',
        subjectPersonId: row.pupil_id,
        record: { type: 'sfo_payment_reduction', id: row.id },
        details: { kind: row.kind, sfoId: sfo.sfoId },
      },
      now,
    );
  });
}
