import { randomBytes } from 'node:crypto';
import { after } from 'node:test';
import pg from 'pg';
import { openDatabase, type Db } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';

/**
 * An isolated, migrated database for one test file: PGlite in memory by default,
 * a fresh database on the PostgreSQL server when TEST_DATABASE_URL is set.
 * It is closed (and on PostgreSQL dropped) when the test file ends.
 */
export async function createTestDb(): Promise<Db> {
  return (await createSharedTestDb()).db;
}

/**
 * The same, for tests that need several connections (pools, processes) to one database: on PostgreSQL its URL and
 * `open()` for another pool (all closed before the drop); on PGlite no URL, and `open()` gives the one database.
 */
export async function createSharedTestDb(): Promise<{ db: Db; url: string | undefined; open(): Db }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const db = openDatabase({ kind: 'pglite', dataDir: undefined });
    await migrateToLatest(db);
    after(() => db.destroy());
    return { db, url: undefined, open: () => db };
  }
  const name = `skolebro_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const opened: Db[] = [];
  const open = () => {
    const db = openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 5 });
    opened.push(db);
    return db;
  };
  const db = open();
  await migrateToLatest(db);
  after(async () => {
    await Promise.all(opened.map((d) => d.destroy()));
    await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
  });
  return { db, url: url.toString(), open };
}

async function adminQuery(serverUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
