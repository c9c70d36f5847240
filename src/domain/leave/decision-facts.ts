import type { Db } from '../../db/database.ts';
import type { ApplicationStatus, LeaveReason } from '../../db/schema.ts';
import { loadAbsenceYears, type AbsenceTotals, type AbsenceYear } from '../absence/year.ts';
import type { ApplicationCase } from '../applications/definition.ts';
import { schoolYearOf } from '../calendar/school-days.ts';
import type { LeaveDetails } from './details.ts';

type LeaveCase = ApplicationCase<LeaveDetails>;
type SchoolYear = { name: string; startsOn: string; endsOn: string };

/** What the leadership sees beside a leave application on its page. */
export interface LeavePageFacts {
  schoolYear: SchoolYear | null;
  /** The pupil's absence this school year so far (null when no school year is set up). */
  absence: AbsenceYear | null;
  /** The pupil's other leave applications this school year (bounded). */
  others: {
    id: number;
    status: ApplicationStatus;
    from: string;
    to: string;
    schoolDays: number;
    reason: LeaveReason;
  }[];
}

/** The school year of each municipality, and every listed pupil's absence in it (one loadAbsenceYears call per municipality). */
async function absenceOf(db: Db, cases: LeaveCase[], today: string) {
  const result = new Map<number, { year: AbsenceYear; schoolYear: SchoolYear }>();
  const byMunicipality = new Map<number, LeaveCase[]>();
  for (const c of cases) byMunicipality.set(c.municipalityId, [...(byMunicipality.get(c.municipalityId) ?? []), c]);
  for (const [municipalityId, list] of byMunicipality) {
    const schoolYear = await schoolYearOf(db, municipalityId, today);
    if (!schoolYear) continue;
    const years = await loadAbsenceYears(
      db,
      list.map((c) => ({ pupilId: c.pupilId, municipalityId })),
      { from: schoolYear.startsOn, to: schoolYear.endsOn },
      today,
    );
    for (const [pupilId, year] of years) result.set(pupilId, { year, schoolYear });
  }
  return result;
}

/** Beside each leave application in the queue: the pupil's absence this school year so far. */
export async function loadLeaveQueueFacts(
  db: Db,
  cases: LeaveCase[],
  today: string,
): Promise<Map<number, AbsenceTotals | null>> {
  const absence = await absenceOf(db, cases, today);
  return new Map(cases.map((c) => [c.id, absence.get(c.pupilId)?.year.totals ?? null]));
}

/** On the application's page: the pupil's absence this school year and their other leave applications in it. */
export async function loadLeavePageFacts(db: Db, app: LeaveCase, today: string): Promise<LeavePageFacts> {
  const found = (await absenceOf(db, [app], today)).get(app.pupilId);
  const schoolYear = found?.schoolYear ?? (await schoolYearOf(db, app.municipalityId, today));
  const others = await db
    .selectFrom('application as a')
    .innerJoin('leave_application as l', 'l.application_id', 'a.id')
    .select(['a.id', 'a.status', 'l.from_date', 'l.to_date', 'l.school_days', 'l.reason'])
    .where('a.pupil_id', '=', app.pupilId)
    .where('a.id', '<>', app.id)
    .$if(schoolYear !== null, (q) =>
      q.where('l.to_date', '>=', schoolYear!.startsOn).where('l.from_date', '<=', schoolYear!.endsOn),
    )
    .orderBy('l.from_date', 'desc')
    .limit(20)
    .execute();
  return {
    schoolYear,
    absence: found?.year ?? null,
    others: others.map((o) => ({
      id: o.id,
      status: o.status,
      from: o.from_date,
      to: o.to_date,
      schoolDays: o.school_days,
      reason: o.reason,
    })),
  };
}
