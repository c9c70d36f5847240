import { Hono } from 'hono';
import { sql } from 'kysely';
import type { AppEnv } from '../app-env.ts';
import type { Db } from '../db/database.ts';
import { pendingMigrations } from '../db/migrate.ts';
import { healthPaths } from '../paths/health.ts';

/** How long the readiness check waits for the database before it calls it unreachable. */
const READY_TIMEOUT_MS = 3000;

type Readiness = { ready: true } | { ready: false; reason: string; pending?: string[] };

async function readiness(db: Db): Promise<Readiness> {
  try {
    await sql`select 1`.execute(db);
  } catch {
    return { ready: false, reason: 'database unreachable' };
  }
  const pending = await pendingMigrations(db);
  return pending.length === 0 ? { ready: true } : { ready: false, reason: 'migrations pending', pending };
}

async function withTimeout(check: Promise<Readiness>, ms: number): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Readiness>((resolve) => {
    timer = setTimeout(() => resolve({ ready: false, reason: 'database timeout' }), ms);
  });
  try {
    return await Promise.race([check, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Health checks, public and never cached (issue 17, item 8):
 * - GET /healthz/live: 200 while the process serves requests (no database access) — restart it when this fails.
 * - GET /healthz/ready: 200 when the database answers and every migration has run; else 503 with the reason — send
 *   it no traffic until it passes.
 * - GET /healthz: 200 when the database answers, 503 otherwise (as before; kept for existing monitors).
 */
export const health = new Hono<AppEnv>()
  .get(healthPaths.check, async (c) => {
    c.header('Cache-Control', 'no-store');
    try {
      await sql`select 1`.execute(c.get('deps').db);
      return c.json({ status: 'ok', database: 'ok' });
    } catch {
      return c.json({ status: 'error', database: 'unreachable' }, 503);
    }
  })
  .get(healthPaths.live, (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ status: 'ok' });
  })
  .get(healthPaths.ready, async (c) => {
    c.header('Cache-Control', 'no-store');
    const unreachable: Readiness = { ready: false, reason: 'database unreachable' };
    const result = await withTimeout(
      readiness(c.get('deps').db).catch(() => unreachable),
      READY_TIMEOUT_MS,
    );
    if (result.ready) return c.json({ status: 'ok', database: 'ok', migrations: 'current' });
    return c.json({ status: 'unavailable', reason: result.reason, pending: result.pending }, 503);
  });
