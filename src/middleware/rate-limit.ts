import { getConnInfo } from '@hono/node-server/conninfo';
import { createMiddleware } from 'hono/factory';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../app-env.ts';

/**
 * A fixed-window limit per client address, kept in this process's memory (each app process counts
 * for itself; behind a load balancer, also limit at the proxy). Over the limit → 429.
 */
export function rateLimit(options: { limit: number; windowMs: number }) {
  const windows = new Map<string, { start: number; count: number }>();
  return createMiddleware<AppEnv>(async (c, next) => {
    const now = Date.now();
    let key = 'unknown';
    try {
      key = getConnInfo(c).remote.address ?? 'unknown';
    } catch {
      // app.request() in tests has no socket
    }
    let window = windows.get(key);
    if (!window || now - window.start >= options.windowMs) {
      window = { start: now, count: 0 };
      windows.set(key, window);
      if (windows.size > 10_000) for (const [k, w] of windows) if (now - w.start >= options.windowMs) windows.delete(k);
    }
    window.count += 1;
    if (window.count > options.limit) {
      c.header('Retry-After', String(Math.ceil((window.start + options.windowMs - now) / 1000)));
      throw new HTTPException(429);
    }
    await next();
  });
}
