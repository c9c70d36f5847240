import { percent, type SchoolLine, type SchoolSummary } from '../../domain/statistics/summary.ts';
import { fill, type Locale } from '../../i18n/index.ts';
import { schoolStatisticsText, type SchoolStatisticsMessages } from '../../i18n/school-statistics.ts';

export type Cell = string | number | null;

/** One table of the statistics page: shown as an HTML table and downloadable as CSV, from the same cells. */
export interface StatTable {
  key: string;
  title: string;
  columns: { label: string; percent?: boolean }[];
  /** The first cell of a row is its header. */
  rows: Cell[][];
  total?: Cell[];
}

export const monthName = (t: SchoolStatisticsMessages, month: string) =>
  `${t.months[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

/** The tables of one school, in the order the page shows them. */
export function schoolTables(locale: Locale, s: SchoolSummary): StatTable[] {
  const t = schoolStatisticsText[locale];
  const c = t.columns;
  const tables: StatTable[] = [
    {
      key: 'months',
      title: t.perMonth,
      columns: [{ label: c.month }, { label: c.days }, { label: c.hours }],
      rows: s.months.map((m) => [monthName(t, m.month), m.days, m.hours]),
      total: [t.total, s.total.days, s.total.hours],
    },
    {
      key: 'reported',
      title: t.reported,
      columns: [
        { label: c.month },
        { label: c.daysReported },
        { label: c.daysUnreported },
        { label: c.hoursReported },
        { label: c.hoursUnreported },
      ],
      rows: s.months.map((m) => [
        monthName(t, m.month),
        m.daysReported,
        m.days - m.daysReported,
        m.hoursReported,
        m.hours - m.hoursReported,
      ]),
      total: [
        t.total,
        s.total.daysReported,
        s.total.days - s.total.daysReported,
        s.total.hoursReported,
        s.total.hours - s.total.hoursReported,
      ],
    },
    {
      key: 'trinn',
      title: t.perTrinn,
      columns: [
        { label: c.trinn },
        { label: c.pupils },
        { label: c.days },
        { label: c.hours },
        { label: c.over10 },
        { label: c.over10Share, percent: true },
      ],
      rows: s.trinn.map((r) => [
        fill(t.trinnName, { trinn: r.trinn }),
        r.pupils,
        r.days,
        r.hours,
        r.over10,
        percent(r.over10, r.pupils),
      ]),
      total: [
        t.total,
        s.total.pupils,
        s.total.days,
        s.total.hours,
        s.total.over10,
        percent(s.total.over10, s.total.pupils),
      ],
    },
    {
      key: 'classes',
      title: t.perClass,
      columns: [
        { label: c.class },
        { label: c.pupils },
        { label: c.days },
        { label: c.hours },
        { label: c.over10 },
        { label: c.over10Share, percent: true },
      ],
      rows: s.classes.map((r) => [r.className, r.pupils, r.days, r.hours, r.over10, percent(r.over10, r.pupils)]),
    },
    {
      key: 'class-months',
      title: t.perClassMonth,
      columns: [
        { label: c.class },
        { label: c.month },
        { label: c.days },
        { label: c.hours },
        { label: c.daysReported },
        { label: c.hoursReported },
      ],
      rows: s.classMonths.map((r) => [
        r.className,
        monthName(t, r.month),
        r.days,
        r.hours,
        r.daysReported,
        r.hoursReported,
      ]),
    },
    {
      key: 'sfo',
      title: t.sfo,
      columns: [
        { label: c.month },
        { label: c.sfo },
        { label: c.enrolled },
        { label: c.capacity },
        { label: c.occupancy, percent: true },
      ],
      rows: s.sfo.flatMap((u) =>
        u.months.map((m) => [
          monthName(t, m.month),
          u.sfoName,
          m.enrolled,
          u.capacity,
          u.capacity === null ? null : percent(m.enrolled, u.capacity),
        ]),
      ),
    },
  ];
  return tables;
}

/** The owner's comparison: one line per school. */
export function ownerTables(locale: Locale, lines: SchoolLine[]): StatTable[] {
  const t = schoolStatisticsText[locale];
  const c = t.columns;
  return [
    {
      key: 'schools',
      title: t.schools,
      columns: [
        { label: c.school },
        { label: c.pupils },
        { label: c.days },
        { label: c.hours },
        { label: c.daysPerPupil },
        { label: c.over10 },
        { label: c.over10Share, percent: true },
        { label: c.reportedShare, percent: true },
        { label: c.enrolled },
        { label: c.capacity },
      ],
      rows: lines.map((l) => [
        l.schoolName,
        l.pupils,
        l.days,
        l.hours,
        l.pupils > 0 ? Math.round((l.days / l.pupils) * 10) / 10 : null,
        l.over10,
        percent(l.over10, l.pupils),
        percent(l.daysReported + l.hoursReported, l.days + l.hours),
        l.sfoEnrolled,
        l.sfoCapacity,
      ]),
    },
  ];
}
