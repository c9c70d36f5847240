/** The health check (src/routes/health.ts). */
export const healthPaths = {
  check: '/healthz',
} as const;
