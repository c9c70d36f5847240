import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { FileMigrationProvider, Migrator } from 'kysely/migration';
import { COMPILED, ROOT_URL } from '../root.ts';
import type { Db } from './database.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('migrations', ROOT_URL));
/** The compiled app runs the migrations' JavaScript build (scripts/build.ts): plain Node cannot import .ts. */
const RUN_DIR = COMPILED ? fileURLToPath(new URL('dist/migrations', ROOT_URL)) : MIGRATIONS_DIR;

const migratorFor = (db: Db) =>
  new Migrator({
    db,
    provider: new FileMigrationProvider({ fs, path, migrationFolder: RUN_DIR }),
    migrationTableName: 'schema_migration',
    migrationLockTableName: 'schema_migration_lock',
  });

/** Runs every pending migration in one transaction, forward only. Throws when one fails. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  if (await isUpToDate(db)) return [];
  const migrator = migratorFor(db);
  const { error, results = [] } = await migrator.migrateToLatest();
  const failed = results.find((r) => r.status === 'Error');
  if (error || failed) {
    const reason = error instanceof Error ? error.message : String(error ?? 'unknown error');
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${reason}`, { cause: error });
  }
  return results.map((r) => r.migrationName);
}

/**
 * Every migration file has run: one query instead of the migrator's lock table, lock and an import of every migration
 * (a restart saves a second or more on PGlite). Anything else (a new file, no table yet) goes to the migrator.
 */
async function isUpToDate(db: Db): Promise<boolean> {
  const files = (await fs.readdir(RUN_DIR))
    .filter((name) => /\.(ts|js)$/.test(name) && !name.endsWith('.d.ts'))
    .map((name) => name.replace(/\.(ts|js)$/, ''));
  try {
    const { rows } = await sql<{ name: string }>`select name from schema_migration`.execute(db);
    const done = new Set(rows.map((row) => row.name));
    return files.every((name) => done.has(name));
  } catch {
    return false; // no schema_migration table yet: a new database
  }
}

/** The migrations in migrations/ that the database has not run yet (all of them on an empty database). */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const migrations = await migratorFor(db).getMigrations();
  return migrations.filter((m) => m.executedAt === undefined).map((m) => m.name);
}
