import type { Db } from '../../db/database.ts';
import type { AbsenceReason, AttendanceStatus } from '../../db/schema.ts';
import type { Actor } from '../access/actor.ts';
import { canRegisterAttendance, type RegisterUnit } from '../access/policy.ts';
import { addDays, isoWeekday } from '../calendar/dates.ts';
import { calendarDays, type DayInfo } from '../calendar/school-days.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import { activeOn } from '../period.ts';

/** A class or teaching group whose attendance the actor may register (S4). */
export interface RegisterUnitInfo extends RegisterUnit {
  name: string;
  schoolName: string;
  municipalityId: number;
}

export interface RegisterLesson {
  id: number;
  startsAt: string;
  endsAt: string;
  subject: string;
}

/** What home reported for the pupil that day; `covers` = it covers this register (the day, or this lesson). */
export interface HomeReport {
  reason: AbsenceReason;
  reportedBy: string;
  kind: 'days' | 'lessons';
  lessons: RegisterLesson[];
  covers: boolean;
}

export interface RegisterRow {
  pupilId: number;
  givenName: string;
  familyName: string;
  /** The saved registration; if none: absent when home reported it or leave is granted, else present. */
  status: AttendanceStatus;
  saved: boolean;
  home: HomeReport | null;
  leave: boolean;
}

/** Why a date cannot be registered; null = it can. */
export type DateProblem = 'future' | 'too_old' | 'not_school_day';

export interface Register {
  unit: RegisterUnitInfo;
  date: string;
  day: DayInfo;
  /** The nearest school days before and after (within a month), for the date chooser. */
  previous: string | null;
  next: string | null;
  lessons: RegisterLesson[];
  lesson: RegisterLesson | null;
  rows: RegisterRow[];
  problem: DateProblem | null;
}

/** How far back a register may still be changed. */
export const EDITABLE_DAYS = 30;
const MAX_MEMBERS = 200;

/**
 * The class or group, for someone allowed to register its attendance. Not allowed → 404 (the register does not
 * exist for them), except for the school owner, who sees the class lists but does not register: 403.
 */
export async function findRegisterUnit(
  db: Db,
  actor: Actor,
  kind: 'class' | 'group',
  id: number,
): Promise<RegisterUnitInfo> {
  const found =
    kind === 'class'
      ? await db
          .selectFrom('class as u')
          .innerJoin('school as s', 's.id', 'u.school_id')
          .select(['u.id', 'u.name', 'u.school_id', 's.name as school_name', 's.municipality_id'])
          .where('u.id', '=', id)
          .executeTakeFirst()
      : await db
          .selectFrom('teaching_group as u')
          .innerJoin('school as s', 's.id', 'u.school_id')
          .select(['u.id', 'u.name', 'u.school_id', 's.name as school_name', 's.municipality_id'])
          .where('u.id', '=', id)
          .executeTakeFirst();
  if (!found || actor.via !== 'feide') throw new NotFoundError();
  const unit: RegisterUnitInfo = {
    kind,
    id: found.id,
    schoolId: found.school_id,
    name: found.name,
    schoolName: found.school_name,
    municipalityId: found.municipality_id,
  };
  if (canRegisterAttendance(actor, unit)) return unit;
  if (actor.ownerSchoolIds.includes(unit.schoolId)) throw new ForbiddenError();
  throw new NotFoundError();
}

/** Whether a date can be registered: a school day (said first), not in the future, at most EDITABLE_DAYS back. */
export function dateProblem(date: string, day: DayInfo, today: string): DateProblem | null {
  if (day.kind !== 'school_day') return 'not_school_day';
  if (date > today) return 'future';
  return date < addDays(today, -EDITABLE_DAYS) ? 'too_old' : null;
}

/** The pupils of the unit on `date`: an active enrolment in the class, or in the group and at its school (bounded). */
export async function listMembers(db: Db, unit: RegisterUnit, date: string) {
  const query = db
    .selectFrom('person as p')
    .innerJoin('enrolment as e', 'e.pupil_id', 'p.id')
    .select(['p.id', 'p.given_name', 'p.family_name'])
    .distinct()
    .where(activeOn('e', date))
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .orderBy('p.id')
    .limit(MAX_MEMBERS);
  if (unit.kind === 'class') return query.where('e.class_id', '=', unit.id).execute();
  return query
    .innerJoin('teaching_group_member as m', 'm.pupil_id', 'p.id')
    .where('m.teaching_group_id', '=', unit.id)
    .where('e.school_id', '=', unit.schoolId)
    .execute();
}

/** The unit's own lessons on the weekday of `date`. */
export async function listUnitLessons(db: Db, unit: RegisterUnit, date: string): Promise<RegisterLesson[]> {
  const rows = await db
    .selectFrom('lesson')
    .select(['id', 'starts_at', 'ends_at', 'subject'])
    .where(unit.kind === 'class' ? 'class_id' : 'teaching_group_id', '=', unit.id)
    .where('weekday', '=', isoWeekday(date))
    .orderBy('starts_at')
    .limit(20)
    .execute();
  return rows.map((r) => ({ id: r.id, startsAt: r.starts_at, endsAt: r.ends_at, subject: r.subject }));
}

/** The register of a unit for a day (lessonId null) or one lesson, in a fixed number of queries whatever its size. */
export async function loadRegister(
  db: Db,
  unit: RegisterUnitInfo,
  date: string,
  lessonId: number | null,
  today: string,
): Promise<Register> {
  const [days, lessons, members] = await Promise.all([
    calendarDays(db, unit.municipalityId, addDays(date, -EDITABLE_DAYS), addDays(date, EDITABLE_DAYS)),
    listUnitLessons(db, unit, date),
    listMembers(db, unit, date),
  ]);
  const day = days.get(date) ?? { kind: 'no_school' as const };
  const lesson = lessonId === null ? null : lessons.find((l) => l.id === lessonId);
  if (lesson === undefined) throw new NotFoundError();
  const schoolDays = [...days].filter(([, info]) => info.kind === 'school_day').map(([d]) => d);
  const ids = members.map((m) => m.id);
  const [reports, leaves, saved] = ids.length
    ? await Promise.all([
        homeReports(db, ids, date),
        db
          .selectFrom('leave_application as l')
          .innerJoin('application as ap', 'ap.id', 'l.application_id')
          .select('ap.pupil_id')
          .where('ap.pupil_id', 'in', ids)
          .where('ap.status', 'in', ['granted', 'partly_granted'])
          .where('l.granted_from', '<=', date)
          .where('l.granted_to', '>=', date)
          .execute(),
        db
          .selectFrom('attendance')
          .select(['pupil_id', 'status'])
          .where('pupil_id', 'in', ids)
          .where('date', '=', date)
          .where((eb) => (lessonId === null ? eb('lesson_id', 'is', null) : eb('lesson_id', '=', lessonId)))
          .execute(),
      ])
    : [[], [], []];
  const onLeave = new Set(leaves.map((l) => l.pupil_id));
  const savedStatus = new Map(saved.map((s) => [s.pupil_id, s.status]));
  const rows = members.map((m): RegisterRow => {
    const own = reports
      .filter((r) => r.pupilId === m.id)
      .map((r) => ({
        ...r,
        covers: r.kind === 'days' || (lessonId !== null && r.lessons.some((l) => l.id === lessonId)),
      }));
    const home = own.find((r) => r.covers) ?? own[0] ?? null;
    const leave = onLeave.has(m.id);
    const status = savedStatus.get(m.id) ?? (home?.covers || leave ? 'absent' : 'present');
    return {
      pupilId: m.id,
      givenName: m.given_name,
      familyName: m.family_name,
      status,
      saved: savedStatus.has(m.id),
      home: home && {
        reason: home.reason,
        reportedBy: home.reportedBy,
        kind: home.kind,
        lessons: home.lessons,
        covers: home.covers,
      },
      leave,
    };
  });
  return {
    unit,
    date,
    day,
    lessons,
    lesson,
    rows,
    previous: schoolDays.filter((d) => d < date).at(-1) ?? null,
    next: schoolDays.find((d) => d > date) ?? null,
    problem: dateProblem(date, day, today),
  };
}

/** Not-withdrawn home reports covering `date`: days reports over it, lessons reports on it (with their lessons). */
async function homeReports(db: Db, pupilIds: number[], date: string) {
  const rows = await db
    .selectFrom('absence_report as r')
    .innerJoin('person as p', 'p.id', 'r.reported_by')
    .leftJoin('absence_report_lesson as rl', 'rl.absence_report_id', 'r.id')
    .leftJoin('lesson as l', 'l.id', 'rl.lesson_id')
    .select([
      'r.id',
      'r.pupil_id',
      'r.kind',
      'r.reason',
      'p.given_name',
      'p.family_name',
      'l.id as lesson_id',
      'l.starts_at',
      'l.ends_at',
      'l.subject',
    ])
    .where('r.pupil_id', 'in', pupilIds)
    .where('r.withdrawn_at', 'is', null)
    .where('r.from_date', '<=', date)
    .where('r.to_date', '>=', date)
    .orderBy('r.id')
    .orderBy('l.starts_at')
    .limit(MAX_MEMBERS * 10)
    .execute();
  const reports = new Map<number, Omit<HomeReport, 'covers'> & { pupilId: number }>();
  for (const r of rows) {
    const report = reports.get(r.id) ?? {
      pupilId: r.pupil_id,
      reason: r.reason,
      reportedBy: `${r.given_name} ${r.family_name}`,
      kind: r.kind,
      lessons: [],
    };
    if (r.lesson_id !== null)
      report.lessons.push({ id: r.lesson_id, startsAt: r.starts_at!, endsAt: r.ends_at!, subject: r.subject! });
    reports.set(r.id, report);
  }
  return [...reports.values()];
}
