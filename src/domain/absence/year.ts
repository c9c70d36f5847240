import type { Db } from '../../db/database.ts';
import type { AbsenceReason, AttendanceStatus } from '../../db/schema.ts';
import { datesBetween } from '../calendar/dates.ts';
import { calendarDaysPart } from '../calendar/school-days.ts';
import { asDate, done, loadPart, mapPart, part, together, type Part } from '../../db/together.ts';

/** Reasons that count as health (deductible on the vitnemål when documented). */
export const HEALTH_REASONS: readonly AbsenceReason[] = ['sjuk', 'lege', 'sjukehus'];
/** Up to this many documented days a school year are left off the vitnemål (DOMAIN-FACTS §4). */
export const MAX_DEDUCTIBLE_DAYS = 10;

export interface LessonRef {
  id: number;
  subject: string;
  startsAt: string;
  endsAt: string;
}

/** One line of a pupil's absence for the school year, as home, school or a leave decision gave it. */
export type AbsenceEntry =
  | {
      source: 'home';
      reportId: number;
      kind: 'days' | 'lessons';
      from: string;
      to: string;
      schoolDays: number;
      lessons: LessonRef[];
      reason: AbsenceReason;
      note: string | null;
      documented: boolean;
      reportedBy: string;
      reportedById: number;
      createdAt: Date;
    }
  | { source: 'school'; date: string; lesson: LessonRef | null; status: Exclude<AttendanceStatus, 'present'> }
  | { source: 'leave'; applicationId: number; from: string; to: string; schoolDays: number };

export interface AbsenceTotals {
  /** Whole days absent (school days up to and including today). */
  days: number;
  /** Single lessons (hours) absent on days not counted as whole days. Never converted to days. */
  hours: number;
  /** Times registered late. */
  late: number;
  /** Of `days`: granted leave and documented health absence, at most MAX_DEDUCTIBLE_DAYS. */
  deductibleDays: number;
  /** Of `hours`: documented health absence. */
  deductibleHours: number;
  /** Of `days`: granted leave. */
  leaveDays: number;
}

export interface AbsenceYear {
  entries: AbsenceEntry[];
  totals: AbsenceTotals;
}

export interface YearPupil {
  pupilId: number;
  municipalityId: number;
}

const ROW_LIMIT = 50_000;

/**
 * Every pupil's absence from `from` to `to` (a school year) in a fixed number of queries, whatever the number
 * of pupils: reports from home with their lessons, the school's registrations, granted leave and the skolerute.
 * Counting rule, per school day up to `today`:
 * - a whole day counts when the school registered the day absent, or home reported the day and the school did
 *   not register the pupil present (or late) that day, or leave was granted for it;
 * - otherwise each lesson counts as an hour when the school registered it absent, or home reported it and the
 *   school did not register the pupil present (or late) in it. The school's registration wins over a report.
 */
export const loadAbsenceYears = (db: Db, pupils: YearPupil[], range: { from: string; to: string }, today: string) =>
  loadPart(db, absenceYearsPart(db, pupils, range, today));

/** loadAbsenceYears as a part of a larger statement (db/together.ts). */
export function absenceYearsPart(
  db: Db,
  pupils: YearPupil[],
  range: { from: string; to: string },
  today: string,
): Part<Map<number, AbsenceYear>> {
  if (pupils.length === 0) return done(new Map());
  const ids = [...new Set(pupils.map((p) => p.pupilId))];
  const municipalities = [...new Set(pupils.map((p) => p.municipalityId))];
  const rows = part(
    {
      reports: db
        .selectFrom('absence_report as r')
        .innerJoin('person as p', 'p.id', 'r.reported_by')
        .select([
          'r.id',
          'r.pupil_id',
          'r.kind',
          'r.from_date',
          'r.to_date',
          'r.reason',
          'r.note',
          'r.documented',
          'r.created_at',
          'r.reported_by',
          'p.given_name',
          'p.family_name',
        ])
        .where('r.pupil_id', 'in', ids)
        .where('r.withdrawn_at', 'is', null)
        .where('r.to_date', '>=', range.from)
        .where('r.from_date', '<=', range.to)
        .orderBy('r.from_date')
        .orderBy('r.id')
        .limit(ROW_LIMIT),
      reportLessons: db
        .selectFrom('absence_report_lesson as rl')
        .innerJoin('absence_report as r', 'r.id', 'rl.absence_report_id')
        .innerJoin('lesson as l', 'l.id', 'rl.lesson_id')
        .select(['rl.absence_report_id', 'l.id', 'l.subject', 'l.starts_at', 'l.ends_at'])
        .where('r.pupil_id', 'in', ids)
        .where('r.withdrawn_at', 'is', null)
        .where('r.to_date', '>=', range.from)
        .where('r.from_date', '<=', range.to)
        .orderBy('l.starts_at')
        .limit(ROW_LIMIT),
      attendance: db
        .selectFrom('attendance as a')
        .leftJoin('lesson as l', 'l.id', 'a.lesson_id')
        .select(['a.pupil_id', 'a.date', 'a.lesson_id', 'a.status', 'l.subject', 'l.starts_at', 'l.ends_at'])
        .where('a.pupil_id', 'in', ids)
        .where('a.date', '>=', range.from)
        .where('a.date', '<=', range.to)
        .orderBy('a.date')
        .orderBy('l.starts_at')
        .limit(ROW_LIMIT),
      leaves: db
        .selectFrom('leave_application as l')
        .innerJoin('application as ap', 'ap.id', 'l.application_id')
        .select(['ap.id', 'ap.pupil_id', 'l.granted_from', 'l.granted_to'])
        .where('ap.pupil_id', 'in', ids)
        .where('ap.status', 'in', ['granted', 'partly_granted'])
        .where('l.granted_to', '>=', range.from)
        .where('l.granted_from', '<=', range.to)
        .orderBy('l.granted_from')
        .limit(ROW_LIMIT),
    },
    (r) => r,
  );
  const calendars = together(
    Object.fromEntries(municipalities.map((m) => [String(m), calendarDaysPart(db, m, range.from, range.to)])),
  );
  return mapPart(
    together({ rows, calendars }),
    ({ rows: { reports, reportLessons, attendance, leaves }, calendars: byOwner }) => {
      const result = new Map<number, AbsenceYear>();
      const calendars = new Map(Object.entries(byOwner).map(([m, days]) => [Number(m), days]));

      const lessonsOf = new Map<number, LessonRef[]>();
      for (const l of reportLessons) {
        const list = lessonsOf.get(l.absence_report_id) ?? [];
        list.push({ id: l.id, subject: l.subject, startsAt: l.starts_at, endsAt: l.ends_at });
        lessonsOf.set(l.absence_report_id, list);
      }

      const reportsBy = groupBy(reports, (r) => r.pupil_id);
      const attendanceBy = groupBy(attendance, (a) => a.pupil_id);
      const leavesBy = groupBy(leaves, (l) => l.pupil_id);
      for (const pupil of pupils) {
        const calendar = calendars.get(pupil.municipalityId)!;
        const isSchoolDay = (date: string) => calendar.get(date)?.kind === 'school_day';
        const schoolDaysIn = (from: string, to: string) =>
          datesBetween(from < range.from ? range.from : from, to > range.to ? range.to : to).filter(isSchoolDay);
        const entries: AbsenceEntry[] = [];

        const homeDays = new Map<string, { documentedHealth: boolean }>();
        const homeLessons = new Map<string, { documentedHealth: boolean }>(); // `${date}/${lessonId}`
        for (const r of reportsBy.get(pupil.pupilId) ?? []) {
          const lessons = lessonsOf.get(r.id) ?? [];
          const days = r.kind === 'days' ? schoolDaysIn(r.from_date, r.to_date) : [];
          const documentedHealth = r.documented && HEALTH_REASONS.includes(r.reason);
          for (const date of days)
            homeDays.set(date, {
              documentedHealth: documentedHealth || (homeDays.get(date)?.documentedHealth ?? false),
            });
          if (r.kind === 'lessons')
            for (const l of lessons) homeLessons.set(`${r.from_date}/${l.id}`, { documentedHealth });
          entries.push({
            source: 'home',
            reportId: r.id,
            kind: r.kind,
            from: r.from_date,
            to: r.to_date,
            schoolDays: days.length,
            lessons,
            reason: r.reason,
            note: r.note,
            documented: r.documented,
            reportedBy: `${r.given_name} ${r.family_name}`,
            reportedById: r.reported_by,
            createdAt: asDate(r.created_at),
          });
        }

        const schoolDay = new Map<string, AttendanceStatus>();
        const schoolLesson = new Map<string, AttendanceStatus>();
        const schoolAbsentLessons = new Map<string, Set<number>>();
        let late = 0;
        for (const a of attendanceBy.get(pupil.pupilId) ?? []) {
          if (a.lesson_id === null) schoolDay.set(a.date, a.status);
          else schoolLesson.set(`${a.date}/${a.lesson_id}`, a.status);
          if (a.status === 'late' && a.date <= today) late++;
          if (a.status === 'absent' && a.lesson_id !== null) {
            const set = schoolAbsentLessons.get(a.date) ?? new Set<number>();
            set.add(a.lesson_id);
            schoolAbsentLessons.set(a.date, set);
          }
          if (a.status !== 'present') {
            entries.push({
              source: 'school',
              date: a.date,
              status: a.status,
              lesson:
                a.lesson_id === null
                  ? null
                  : { id: a.lesson_id, subject: a.subject ?? '', startsAt: a.starts_at ?? '', endsAt: a.ends_at ?? '' },
            });
          }
        }

        const leaveDays = new Set<string>();
        for (const l of leavesBy.get(pupil.pupilId) ?? []) {
          const days = schoolDaysIn(l.granted_from!, l.granted_to!);
          for (const date of days) leaveDays.add(date);
          entries.push({
            source: 'leave',
            applicationId: l.id,
            from: l.granted_from!,
            to: l.granted_to!,
            schoolDays: days.length,
          });
        }

        const totals: AbsenceTotals = { days: 0, hours: 0, late, deductibleDays: 0, deductibleHours: 0, leaveDays: 0 };
        const candidateDates = new Set<string>([
          ...homeDays.keys(),
          ...schoolDay.keys(),
          ...leaveDays,
          ...schoolAbsentLessons.keys(),
          ...[...homeLessons.keys()].map((k) => k.split('/')[0]!),
        ]);
        for (const date of [...candidateDates].sort()) {
          if (date > today || date < range.from || date > range.to || !isSchoolDay(date)) continue;
          const registered = schoolDay.get(date);
          const home = homeDays.get(date);
          const onLeave = leaveDays.has(date);
          if (registered === 'absent' || (home && registered === undefined) || onLeave) {
            totals.days++;
            if (onLeave) totals.leaveDays++;
            if (onLeave || home?.documentedHealth) totals.deductibleDays++;
            continue;
          }
          const absentLessons = new Map<number, boolean>(); // lesson → documented health
          for (const id of schoolAbsentLessons.get(date) ?? [])
            absentLessons.set(id, homeLessons.get(`${date}/${id}`)?.documentedHealth ?? false);
          for (const [key, info] of homeLessons) {
            const [d, id] = key.split('/');
            if (d !== date) continue;
            const status = schoolLesson.get(key);
            if (status === undefined || status === 'absent') absentLessons.set(Number(id), info.documentedHealth);
          }
          totals.hours += absentLessons.size;
          totals.deductibleHours += [...absentLessons.values()].filter(Boolean).length;
        }
        totals.deductibleDays = Math.min(totals.deductibleDays, MAX_DEDUCTIBLE_DAYS);
        entries.sort((a, b) => entryDate(b).localeCompare(entryDate(a)));
        result.set(pupil.pupilId, { entries, totals });
      }
      return result;
    },
  );
}

/** The date an entry is listed under (its first day). */
export function entryDate(entry: AbsenceEntry): string {
  return entry.source === 'school' ? entry.date : entry.from;
}

function groupBy<T>(rows: T[], key: (row: T) => number): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const row of rows) {
    const list = map.get(key(row));
    if (list) list.push(row);
    else map.set(key(row), [row]);
  }
  return map;
}
