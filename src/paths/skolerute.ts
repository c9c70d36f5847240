/** The skolerute (src/routes/skolerute.tsx): the school owner edits it, leadership of its schools reads it. */
export const skolerutePaths = {
  start: '/skolerute',
  page: (municipalityId: number, schoolYearId?: number, notice?: 'added' | 'renamed' | 'removed') => {
    const query = [schoolYearId ? `year=${schoolYearId}` : '', notice ? `notice=${notice}` : ''].filter(Boolean);
    return `/municipalities/${municipalityId}/skolerute${query.length ? `?${query.join('&')}` : ''}`;
  },
  days: (municipalityId: number) => `/municipalities/${municipalityId}/skolerute/days`,
  rename: (municipalityId: number) => `/municipalities/${municipalityId}/skolerute/rename`,
  dayRemoval: (municipalityId: number) => `/municipalities/${municipalityId}/skolerute/day-removal`,
  rangeRemoval: (municipalityId: number) => `/municipalities/${municipalityId}/skolerute/range-removal`,
} as const;
