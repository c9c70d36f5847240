/** The Folkeregisteret change reports (src/routes/freg-reports.tsx). */
export const fregReportPaths = {
  list: '/freg-imports',
  run: (runId: number) => `/freg-imports/${runId}`,
  runPage: (runId: number, page: number) =>
    page <= 1 ? `/freg-imports/${runId}` : `/freg-imports/${runId}?page=${page}`,
  csv: (runId: number) => `/freg-imports/${runId}/report.csv`,
} as const;
