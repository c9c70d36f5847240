import { paths } from '../urls.ts';

export type ReportKind = 'days' | 'lessons';

/** Absence URLs (G6, P1, S4). Dates in URLs are ISO (YYYY-MM-DD). */
export const absencePaths = {
  child: paths.childAbsence,
  childSaved: (pupilId: number, reportId: number) => `${paths.childAbsence(pupilId)}?saved=${reportId}`,
  childWithdrawn: (pupilId: number) => `${paths.childAbsence(pupilId)}?withdrawn=1`,
  newReportBase: (pupilId: number) => `/children/${pupilId}/absence/new`,
  newReport: (pupilId: number, kind: ReportKind, date?: string) => `/children/${pupilId}/absence/new?kind=${kind}${date ? `&date=${encodeURIComponent(date)}` : ''}`,
  reports: (pupilId: number) => `/children/${pupilId}/absences`,
  withdrawal: (pupilId: number, reportId: number) => `/children/${pupilId}/absences/${reportId}/withdrawal`,
  own: paths.ownAbsence,
  pupil: paths.pupilAbsence,
  pupilDocumented: (pupilId: number) => `${paths.pupilAbsence(pupilId)}?documented=1`,
  documentation: (pupilId: number, reportId: number) => `/pupils/${pupilId}/absence-reports/${reportId}/documentation`,
};
