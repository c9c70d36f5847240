import { Hono } from 'hono';
import { sql } from 'kysely';
import type { AppEnv } from '../app-env.ts';
import { healthPaths } from '../paths/health.ts';

/** GET /healthz: 200 when the database answers, 503 otherwise. */
export const health = new Hono<AppEnv>().get(healthPaths.check, async (c) => {
  try {
    await sql`select 1`.execute(c.get('deps').db);
    return c.json({ status: 'ok', database: 'ok' });
  } catch {
    return c.json({ status: 'error', database: 'unreachable' }, 503);
  }
});
