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
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const db = openDatabase({ kind: 'pglite', dataDir: undefined });
    await migrateToLatest(db);
    after(() => db.destroy());
    return db;
  }
  const name = `skolebro_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 5 });
  await migrateToLatest(db);
  after(async () => {
    await db.destroy();
    await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
  });
  return db;
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
