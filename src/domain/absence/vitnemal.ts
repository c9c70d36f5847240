import type { Db } from '../../db/database.ts';
import type { Actor } from '../access/actor.ts';
import { canLeadSchool } from '../access/policy.ts';
import { recordAudit } from '../audit.ts';
import { schoolYearOf } from '../calendar/school-days.ts';
import { NotFoundError } from '../errors.ts';
import { activeOn } from '../period.ts';
import { loadAbsenceYears, MAX_DEDUCTIBLE_DAYS, type AbsenceTotals } from './year.ts';

/** Absence goes on the vitnemål from 8. trinn (DOMAIN-FACTS §4). */
export const VITNEMAL_TRINN = [8, 9, 10] as const;

/** Whether the class page links to the vitnemål view: the school's leadership, 8.–10. trinn. */
export function showsVitnemalAbsence(actor: Actor, unit: { school_id: number; trinn: number }): boolean {
  return canLeadSchool(actor, unit.school_id) && (VITNEMAL_TRINN as readonly number[]).includes(unit.trinn);
}

export interface VitnemalRow {
  pupilId: number;
  givenName: string;
  familyName: string;
  totals: AbsenceTotals;
  /** What goes on the vitnemål: days and hours, each less its deductible part; never converted into each other. */
  onVitnemal: { days: number; hours: number };
}

export interface VitnemalClass {
  classId: number;
  className: string;
  trinn: number;
  schoolName: string;
  schoolYear: { name: string; startsOn: string; endsOn: string };
  rows: VitnemalRow[];
  maxDeductibleDays: number;
}

/**
 * The vitnemål view of a class on 8.–10. trinn for the school's leadership: per pupil, days and hours absent this
 * school year, counted separately, with granted leave and documented health absence marked as deductible (at most
 * 10 days). Anyone else, or a class below 8. trinn, gets 404. A fixed number of queries whatever the class size.
 * The view is audited (one row: the class, not each pupil).
 */
export async function vitnemalAbsenceForClass(
  db: Db,
  actor: Actor,
  classId: number,
  today: string,
  now = new Date(),
): Promise<VitnemalClass> {
  const found = await db
    .selectFrom('class as c')
    .innerJoin('school as s', 's.id', 'c.school_id')
    .select(['c.id', 'c.name', 'c.trinn', 'c.school_id', 's.name as school_name', 's.municipality_id'])
    .where('c.id', '=', classId)
    .executeTakeFirst();
  if (!found || actor.via !== 'feide' || !showsVitnemalAbsence(actor, found)) {
    throw new NotFoundError();
  }
  const year = await schoolYearOf(db, found.municipality_id, today);
  if (!year) throw new NotFoundError();
  const pupils = await db
    .selectFrom('enrolment as e')
    .innerJoin('person as p', 'p.id', 'e.pupil_id')
    .select(['p.id', 'p.given_name', 'p.family_name'])
    .where('e.class_id', '=', classId)
    .where(activeOn('e', today))
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .orderBy('p.id')
    .limit(100)
    .execute();
  const years = await loadAbsenceYears(
    db,
    pupils.map((p) => ({ pupilId: p.id, municipalityId: found.municipality_id })),
    { from: year.startsOn, to: year.endsOn },
    today,
  );
  await recordAudit(
    db,
    { actor, role: 'leadership', action: 'vitnemal_absence.view', record: { type: 'class', id: classId } },
    now,
  );
  return {
    classId: found.id,
    className: found.name,
    trinn: found.trinn,
    schoolName: found.school_name,
    schoolYear: { name: year.name, startsOn: year.startsOn, endsOn: year.endsOn },
    maxDeductibleDays: MAX_DEDUCTIBLE_DAYS,
    rows: pupils.map((p) => {
      const totals = years.get(p.id)!.totals;
      return {
        pupilId: p.id,
        givenName: p.given_name,
        familyName: p.family_name,
        totals,
        onVitnemal: { days: totals.days - totals.deductibleDays, hours: totals.hours - totals.deductibleHours },
      };
    }),
  };
}
