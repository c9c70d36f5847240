import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env.ts';

/** One JSON line per request: method, path (no query string: it may carry tokens), status, duration. */
export function requestLog(write: (line: Record<string, unknown>) => void) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const started = performance.now();
    await next();
    write({
      time: new Date().toISOString(),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      htmx: c.req.header('hx-request') === 'true' || undefined,
    });
  });
}
