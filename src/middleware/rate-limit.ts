import { createMiddleware } from 'hono/factory';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../app-env.ts';
import { clientAddress } from './client-address.ts';

/**
 * A fixed-window limit per client address (behind a reverse proxy set TRUST_PROXY, or everyone shares the proxy's
 * address), kept in this process's memory (each app process counts for itself). Over the limit → 429, before the
 * route runs.
 */
export function rateLimit(options: { limit: number; windowMs: number }) {
  const windows = new Map<string, { start: number; count: number }>();
  return createMiddleware<AppEnv>(async (c, next) => {
    const now = Date.now();
    const key = clientAddress(c);
    let window = windows.get(key);
    if (!window || now - window.start >= options.windowMs) {
      window = { start: now, count: 0 };
      windows.set(key, window);
      if (windows.size > MAX_TRACKED) forgetOldWindows(windows, now, options.windowMs);
    }
    window.count += 1;
    if (window.count > options.limit) {
      c.header('Retry-After', String(Math.ceil((window.start + options.windowMs - now) / 1000)));
      throw new HTTPException(429);
    }
    await next();
  });
}

const MAX_TRACKED = 10_000;

/** Ended windows go first; under a flood of (invented) addresses the oldest too, so memory stays bounded. */
function forgetOldWindows(windows: Map<string, { start: number }>, now: number, windowMs: number) {
  for (const [key, window] of windows) if (now - window.start >= windowMs) windows.delete(key);
  for (const key of windows.keys()) {
    if (windows.size <= MAX_TRACKED) break;
    windows.delete(key);
  }
}
