import type { Db } from '../../db/database.ts';
import { parseDate } from '../../i18n/index.ts';
import { GRANTED_STATUSES, PENDING_STATUSES } from '../applications/status.ts';
import { addDays } from '../calendar/dates.ts';
import { countSchoolDays, schoolYearOf } from '../calendar/school-days.ts';

/** The child as leave sees it: whose skolerute and limit apply. */
export interface LeaveChild {
  pupilId: number;
  municipalityId: number;
}

export interface SchoolYear {
  id: number;
  name: string;
  startsOn: string;
  endsOn: string;
}

/** An application's days against the municipality's limit (DOMAIN-FACTS §4: the kommune decides by local forskrift). */
export interface LeaveLimit {
  /** School days from–to by the skolerute. */
  schoolDays: number;
  /** Granted days of this pupil's decided applications in the same school year. */
  alreadyGranted: number;
  /** School days of applications still waiting (on the other guardian or the school), shown separately. */
  pending: number;
  limit: number;
  over: boolean;
  schoolYear: SchoolYear | null;
}

/** The municipality's limit (leave_limit_days, default 10, set by the school owner). */
export async function leaveLimitDays(db: Db, municipalityId: number): Promise<number> {
  const row = await db
    .selectFrom('municipality')
    .select('leave_limit_days')
    .where('id', '=', municipalityId)
    .executeTakeFirstOrThrow();
  return row.leave_limit_days;
}

/** Granted and pending leave days of one pupil in one school year (by the first day of each application). */
export async function leaveDaysInYear(
  db: Db,
  pupilId: number,
  year: SchoolYear,
): Promise<{ granted: number; pending: number }> {
  const rows = await db
    .selectFrom('leave_application as l')
    .innerJoin('application as a', 'a.id', 'l.application_id')
    .select((eb) => [
      'a.status',
      eb.fn.sum<number>('l.granted_days').as('granted'),
      eb.fn.sum<number>('l.school_days').as('days'),
    ])
    .where('a.pupil_id', '=', pupilId)
    .where('l.from_date', '>=', year.startsOn)
    .where('l.from_date', '<=', year.endsOn)
    .where('a.status', 'in', [...GRANTED_STATUSES, ...PENDING_STATUSES])
    .groupBy('a.status')
    .execute();
  const sum = (statuses: readonly string[], pick: (r: (typeof rows)[number]) => unknown) =>
    rows.filter((r) => statuses.includes(r.status)).reduce((total, r) => total + Number(pick(r) ?? 0), 0);
  return { granted: sum(GRANTED_STATUSES, (r) => r.granted), pending: sum(PENDING_STATUSES, (r) => r.days) };
}

/**
 * G7: the school days an application for from–to would take, and whether it together with leave already
 * granted this school year goes over the limit. Over the limit is a warning, not a refusal: the school decides.
 */
export async function leaveLimitFor(
  db: Db,
  child: LeaveChild,
  from: string,
  to: string,
  today: string,
): Promise<LeaveLimit> {
  const schoolYear = await schoolYearOf(db, child.municipalityId, from < today ? today : from);
  const [schoolDays, limit, totals] = await Promise.all([
    countSchoolDays(db, child.municipalityId, from, to),
    leaveLimitDays(db, child.municipalityId),
    schoolYear ? leaveDaysInYear(db, child.pupilId, schoolYear) : { granted: 0, pending: 0 },
  ]);
  return {
    schoolDays,
    alreadyGranted: totals.granted,
    pending: totals.pending,
    limit,
    over: schoolDays + totals.granted > limit,
    schoolYear,
  };
}

/** The live count while the guardian types the dates (null until both are real dates in order, at most a year apart). */
export async function previewLeaveLimit(
  db: Db,
  child: LeaveChild,
  fromText: string,
  toText: string,
  today: string,
): Promise<LeaveLimit | null> {
  const from = parseDate(fromText);
  const to = parseDate(toText);
  if (!from || !to || to < from || to > addDays(from, 366)) return null;
  return leaveLimitFor(db, child, from, to, today);
}
