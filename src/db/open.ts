import path from 'node:path';
import type { Config } from '../config.ts';
import { COMPILED } from '../root.ts';
import { openDatabase, type Db } from './database.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { demoTemplateFor } from './demo-template.ts';

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
  const dataDir = path.resolve(config.dataDir);
  // A new data directory of the compiled app starts from the build's migrated and seeded copy when there is one.
  const loadDataDir = config.seedDemo && COMPILED ? demoTemplateFor(dataDir) : undefined;
  const db = openDatabase({ kind: 'pglite', dataDir, loadDataDir });
  return {
    db,
    description: `embedded PostgreSQL (PGlite) in ${dataDir}${loadDataDir ? ', new, from the demo template' : ''}`,
    async close() {
      try {
        await db.destroy();
      } finally {
        release();
      }
    },
  };
}
