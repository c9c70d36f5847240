/** The Folkeregisteret change reports (src/routes/freg-reports.tsx). */
export const fregReportPaths = {
  list: '/freg-imports',
  run: (runId: number) => `/freg-imports/${runId}`,
  csv: (runId: number) => `/freg-imports/${runId}/report.csv`,
} as const;
