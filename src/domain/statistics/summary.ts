import type { AbsenceStatistics, ClassMonth, ClassPupils, SfoMonth } from './school.ts';

/** Absence summed over some rows: days and hours apart, each with its home-reported part. */
export interface AbsenceSum {
  days: number;
  daysReported: number;
  hours: number;
  hoursReported: number;
}

export interface PupilShare {
  pupils: number;
  over10: number;
}

const zero = (): AbsenceSum => ({ days: 0, daysReported: 0, hours: 0, hoursReported: 0 });

function addTo(into: AbsenceSum, row: AbsenceSum) {
  into.days += row.days;
  into.daysReported += row.daysReported;
  into.hours += row.hours;
  into.hoursReported += row.hoursReported;
}

function sumBy<K>(rows: ClassMonth[], key: (r: ClassMonth) => K): Map<K, AbsenceSum> {
  const map = new Map<K, AbsenceSum>();
  for (const r of rows) {
    const k = key(r);
    if (!map.has(k)) map.set(k, zero());
    addTo(map.get(k)!, r);
  }
  return map;
}

function shareBy<K>(rows: ClassPupils[], key: (r: ClassPupils) => K): Map<K, PupilShare> {
  const map = new Map<K, PupilShare>();
  for (const r of rows) {
    const k = key(r);
    const share = map.get(k) ?? { pupils: 0, over10: 0 };
    share.pupils += r.pupils;
    share.over10 += r.over10;
    map.set(k, share);
  }
  return map;
}

export interface SchoolSummary {
  /** Every month of the period, with zeros where nothing was absent. */
  months: ({ month: string } & AbsenceSum)[];
  trinn: ({ trinn: number } & AbsenceSum & PupilShare)[];
  classes: ({ classId: number; className: string; trinn: number } & AbsenceSum & PupilShare)[];
  /** Class × month, only the pairs with absence (the CSV's detail). */
  classMonths: ClassMonth[];
  total: AbsenceSum & PupilShare;
  sfo: { sfoId: number; sfoName: string; capacity: number | null; months: { month: string; enrolled: number }[] }[];
}

/** One school's tables from the statistics' rows (`months`: the period's months, in order). */
export function summariseSchool(stats: AbsenceStatistics, schoolId: number, months: string[]): SchoolSummary {
  const rows = stats.classMonths.filter((r) => r.schoolId === schoolId);
  const pupils = stats.classPupils.filter((r) => r.schoolId === schoolId);
  const perMonth = sumBy(rows, (r) => r.month);
  const perClass = sumBy(rows, (r) => r.classId);
  const perTrinn = sumBy(rows, (r) => r.trinn);
  const sharePerClass = shareBy(pupils, (r) => r.classId);
  const sharePerTrinn = shareBy(pupils, (r) => r.trinn);
  const classes = new Map<number, { className: string; trinn: number }>();
  for (const r of [...pupils, ...rows]) classes.set(r.classId, { className: r.className, trinn: r.trinn });
  const total = { ...zero(), pupils: 0, over10: 0 };
  for (const r of rows) addTo(total, r);
  for (const r of pupils) {
    total.pupils += r.pupils;
    total.over10 += r.over10;
  }
  const trinns = [...new Set([...classes.values()].map((c) => c.trinn))].sort((a, b) => a - b);
  return {
    months: months.map((month) => ({ month, ...(perMonth.get(month) ?? zero()) })),
    trinn: trinns.map((trinn) => ({
      trinn,
      ...(perTrinn.get(trinn) ?? zero()),
      ...(sharePerTrinn.get(trinn) ?? { pupils: 0, over10: 0 }),
    })),
    classes: [...classes]
      .sort(([, a], [, b]) => a.trinn - b.trinn || a.className.localeCompare(b.className, 'nb'))
      .map(([classId, c]) => ({
        classId,
        ...c,
        ...(perClass.get(classId) ?? zero()),
        ...(sharePerClass.get(classId) ?? { pupils: 0, over10: 0 }),
      })),
    classMonths: rows,
    total,
    sfo: sfoOf(stats.sfo.filter((s) => s.schoolId === schoolId)),
  };
}

function sfoOf(rows: SfoMonth[]): SchoolSummary['sfo'] {
  const units = new Map<number, SchoolSummary['sfo'][number]>();
  for (const r of rows) {
    if (!units.has(r.sfoId))
      units.set(r.sfoId, { sfoId: r.sfoId, sfoName: r.sfoName, capacity: r.capacity, months: [] });
    units.get(r.sfoId)!.months.push({ month: r.month, enrolled: r.enrolled });
  }
  return [...units.values()];
}

/** One line per school of the owner's comparison. */
export interface SchoolLine extends AbsenceSum, PupilShare {
  schoolId: number;
  schoolName: string;
  /** SFO places on the period's last counted day, and the capacity (null when an SFO has none set). */
  sfoEnrolled: number;
  sfoCapacity: number | null;
}

export function compareSchools(stats: AbsenceStatistics, schools: { id: number; name: string }[]): SchoolLine[] {
  const sums = sumBy(stats.classMonths, (r) => r.schoolId);
  const shares = shareBy(stats.classPupils, (r) => r.schoolId);
  const lastMonth = stats.sfo.reduce((m, s) => (s.month > m ? s.month : m), '');
  return schools.map((s) => {
    const sfo = stats.sfo.filter((r) => r.schoolId === s.id && r.month === lastMonth);
    return {
      schoolId: s.id,
      schoolName: s.name,
      ...(sums.get(s.id) ?? zero()),
      ...(shares.get(s.id) ?? { pupils: 0, over10: 0 }),
      sfoEnrolled: sfo.reduce((n, r) => n + r.enrolled, 0),
      sfoCapacity:
        sfo.length && sfo.every((r) => r.capacity !== null) ? sfo.reduce((n, r) => n + r.capacity!, 0) : null,
    };
  });
}

/** A share in per cent with one decimal, or null without a whole. */
export const percent = (part: number, whole: number): number | null =>
  whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
