import { Hono } from 'hono';
import { sql } from 'kysely';
import type { AppEnv } from '../app-env.ts';
import { paths } from '../views/urls.ts';

/** GET /healthz: 200 when the database answers, 503 otherwise. */
export const health = new Hono<AppEnv>().get(paths.health, async (c) => {
  try {
    await sql`select 1`.execute(c.get('deps').db);
    return c.json({ status: 'ok', database: 'ok' });
  } catch {
    return c.json({ status: 'error', database: 'unreachable' }, 503);
  }
});
