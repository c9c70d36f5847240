/** The health checks (src/routes/health.ts): `check` as before, `live` and `ready` for an orchestrator's probes. */
export const healthPaths = {
  check: '/healthz',
  live: '/healthz/live',
  ready: '/healthz/ready',
} as const;
