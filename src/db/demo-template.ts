import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { todayInOslo } from '../domain/access/actor.ts';
import { ROOT_URL } from '../root.ts';
import { Kysely, PGliteDialect } from 'kysely';
import { newPglite, type Db } from './database.ts';
import { migrateToLatest } from './migrate.ts';
import { seedDemoActivity } from './seed/activity.ts';
import { todayIso } from './seed/calendar.ts';
import { seedDemoFregImports } from './seed/freg-demo.ts';
import { seedDatabase, type SeedSummary } from './seed/seed.ts';

/*
 * A fresh PGlite data directory starts as a copy of a migrated and seeded one (issue 18, item 6): initdb, the
 * migrations and the demo seed take 10–20 s, unpacking the copy a few seconds. `npm run build` (so `npm install`) makes
 * it, for one build (the hash in dist/.build-stamp: the same sources, migrations and packages) and one day (the demo
 * data is relative to today). A new day, a changed source or an app from source (tsx) seeds as before.
 */
const TEMPLATE_DIR = fileURLToPath(new URL('node_modules/.cache/skolebro/', ROOT_URL));
const BUILD_STAMP = fileURLToPath(new URL('dist/.build-stamp', ROOT_URL));

/** The demo data as `npm start` seeds an empty database. */
export async function seedDemo(db: Db): Promise<SeedSummary> {
  const summary = await seedDatabase(db, { size: 'demo' });
  await seedDemoActivity(db);
  await seedDemoFregImports(db);
  return summary;
}

export function demoTemplateFile(buildHash: string, now = new Date()): string {
  return path.join(TEMPLATE_DIR, `demo-${buildHash.slice(0, 16)}-${todayIso()}-${todayInOslo(now)}.tar`);
}

/** Migrates and seeds an in-memory PGlite and writes its data directory as today's template for `buildHash`. */
export async function writeDemoTemplate(buildHash: string): Promise<string> {
  const pglite = await newPglite({});
  const db: Db = new Kysely({ dialect: new PGliteDialect({ pglite }) });
  try {
    await migrateToLatest(db);
    await seedDemo(db);
    await pglite.exec('checkpoint');
    const tarball = Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer());
    const file = demoTemplateFile(buildHash);
    mkdirSync(TEMPLATE_DIR, { recursive: true });
    for (const old of readdirSync(TEMPLATE_DIR)) if (old.startsWith('demo-')) rmSync(path.join(TEMPLATE_DIR, old));
    writeFileSync(`${file}.partial`, tarball);
    renameSync(`${file}.partial`, file);
    return file;
  } finally {
    await db.destroy();
  }
}

/** Today's template of the running build for a data directory that holds no database yet; else undefined. */
export function demoTemplateFor(dataDir: string): Blob | undefined {
  if (existsSync(path.join(dataDir, 'PG_VERSION'))) return undefined;
  try {
    const file = demoTemplateFile(readFileSync(BUILD_STAMP, 'utf8').trim());
    return new Blob([readFileSync(file)]);
  } catch {
    return undefined;
  }
}
