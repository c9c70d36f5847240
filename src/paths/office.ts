/** The school office (src/routes/office.tsx): classes per school year and enrolment, for leadership and the school owner. */
export const officePaths = {
  start: '/office',
  classes: (schoolId: number, schoolYearId?: number) =>
    `/office/schools/${schoolId}/classes${schoolYearId ? `?year=${schoolYearId}` : ''}`,
  classList: (schoolId: number) => `/office/schools/${schoolId}/classes`,
  classCreated: (schoolId: number, schoolYearId: number) =>
    `/office/schools/${schoolId}/classes?year=${schoolYearId}&created=1`,
  class: (classId: number, notice?: 'renamed' | 'closed' | 'admitted' | 'moved' | 'ended') =>
    `/office/classes/${classId}${notice ? `?notice=${notice}` : ''}`,
  classSearch: (classId: number, query: string) => `/office/classes/${classId}?q=${encodeURIComponent(query)}`,
  className: (classId: number) => `/office/classes/${classId}/name`,
  classClosure: (classId: number) => `/office/classes/${classId}/closure`,
  enrolments: (classId: number) => `/office/classes/${classId}/enrolments`,
  move: (enrolmentId: number) => `/office/enrolments/${enrolmentId}/move`,
  ending: (enrolmentId: number) => `/office/enrolments/${enrolmentId}/ending`,
} as const;
