/** A statistics page's filter: the school (none: the owner's comparison) and the months (`yyyy-mm`). */
export interface StatisticsQuery {
  school?: number | null;
  from?: string;
  to?: string;
}

const query = (q: StatisticsQuery, extra: string[] = []) => {
  const parts = [
    q.school ? `school=${q.school}` : '',
    q.from ? `from=${encodeURIComponent(q.from)}` : '',
    q.to ? `to=${encodeURIComponent(q.to)}` : '',
    ...extra,
  ].filter(Boolean);
  return parts.length ? `?${parts.join('&')}` : '';
};

/** S12: the statistics of leadership and the school owner (src/routes/school-statistics.tsx). */
export const schoolStatisticsPaths = {
  page: '/statistics',
  view: (q: StatisticsQuery = {}) => `/statistics${query(q)}`,
  /** One table of the page as CSV: the same URL with `format=csv&table=`. */
  csv: (table: string, q: StatisticsQuery = {}) =>
    `/statistics${query(q, ['format=csv', `table=${encodeURIComponent(table)}`])}`,
} as const;
