/** Absence URLs (G6, P1, S4; src/routes/absence.tsx). Dates in URLs are ISO (YYYY-MM-DD). */
export const absencePaths = {
  child: (pupilId: number) => `/children/${pupilId}/absence`,
  childSaved: (pupilId: number, reportId: number) => `/children/${pupilId}/absence?saved=${reportId}`,
  childWithdrawn: (pupilId: number) => `/children/${pupilId}/absence?withdrawn=1`,
  newReportBase: (pupilId: number) => `/children/${pupilId}/absence/new`,
  newReport: (pupilId: number, kind: 'days' | 'lessons', date?: string) =>
    `/children/${pupilId}/absence/new?kind=${kind}${date ? `&date=${encodeURIComponent(date)}` : ''}`,
  reports: (pupilId: number) => `/children/${pupilId}/absences`,
  withdrawal: (pupilId: number, reportId: number) => `/children/${pupilId}/absences/${reportId}/withdrawal`,
  own: '/absence',
  pupil: (pupilId: number) => `/pupils/${pupilId}/absence`,
  pupilDocumented: (pupilId: number) => `/pupils/${pupilId}/absence?documented=1`,
  documentation: (pupilId: number, reportId: number) => `/pupils/${pupilId}/absence-reports/${reportId}/documentation`,
} as const;
