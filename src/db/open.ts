import path from 'node:path';
import type { Config } from '../config.ts';
import { openDatabase, type Db } from './database.ts';
import { lockDataDir } from './data-dir-lock.ts';

export interface OpenedDatabase {
  db: Db;
  description: string;
  close(): Promise<void>;
}

/** The app's database from configuration: PostgreSQL when DATABASE_URL is set, else locked PGlite in DATA_DIR. */
export function openConfiguredDatabase(config: Config): OpenedDatabase {
  if (config.databaseUrl) {
    const db = openDatabase({ kind: 'postgres', url: config.databaseUrl, poolSize: config.poolSize });
    const url = new URL(config.databaseUrl);
    return { db, description: `PostgreSQL ${url.host}${url.pathname}`, close: () => db.destroy() };
  }
  const release = lockDataDir(config.dataDir); // throws before anything in the directory is touched
  const db = openDatabase({ kind: 'pglite', dataDir: path.resolve(config.dataDir) });
  return {
    db,
    description: `embedded PostgreSQL (PGlite) in ${path.resolve(config.dataDir)}`,
    async close() {
      try {
        await db.destroy();
      } finally {
        release();
      }
    },
  };
}
