import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after } from 'node:test';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect } from 'kysely';
import pg from 'pg';
import { newPglite, openDatabase, type Db } from '../../src/db/database.ts';
import { migrateToLatest, MIGRATIONS_DIR } from '../../src/db/migrate.ts';
import type { Database } from '../../src/db/schema.ts';

/**
 * An isolated, migrated database for one test file: PGlite in memory by default,
 * a fresh database on the PostgreSQL server when TEST_DATABASE_URL is set.
 * It is closed (and on PostgreSQL dropped) when the test file ends.
 */
export async function createTestDb(): Promise<Db> {
  return (await createSharedTestDb()).db;
}

/**
 * The same with the demo seeded for `today` (`seedDatabase(db, { size: 'demo', today })`), copied from a seeded
 * template that the whole run shares: seeding costs every file 1–2 s, copying the seeded database much less.
 */
export async function createDemoTestDb(today: string): Promise<Db> {
  return (await createSharedTestDb({ demo: today })).db;
}

/**
 * The same, for tests that need several connections (pools, processes) to one database: on PostgreSQL its URL and
 * `open()` for another pool (all closed before the drop); on PGlite no URL, and `open()` gives the one database.
 */
export async function createSharedTestDb(
  options: { demo?: string } = {},
): Promise<{ db: Db; url: string | undefined; open(): Db }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const template = options.demo ? await pgliteDemoTemplate(options.demo) : await pgliteTemplate();
    const db = openDatabase({ kind: 'pglite', dataDir: undefined, loadDataDir: template });
    await migrateToLatest(db); // a no-op: the template is migrated
    after(() => db.destroy());
    return { db, url: undefined, open: () => db };
  }
  const name = `skolebro_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const template = options.demo
    ? await postgresDemoTemplate(serverUrl, options.demo)
    : await postgresTemplate(serverUrl);
  await adminQuery(serverUrl, `create database ${name} template ${template}`);
  const url = databaseUrl(serverUrl, name);
  const opened: Db[] = [];
  const open = () => {
    const db = openDatabase({ kind: 'postgres', url, poolSize: 5 });
    opened.push(db);
    return db;
  };
  const db = open();
  await migrateToLatest(db);
  after(async () => {
    await Promise.all(opened.map((d) => d.destroy()));
    await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
  });
  return { db, url, open };
}

/*
 * One migrated template per set of migrations, shared by every test file of a run (and the runs after it): migrating
 * an empty database costs each file seconds, copying a migrated one a fraction of that. The key is a hash of the
 * migration files (and the PGlite version), so a changed or added migration makes a new template.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

async function templateKey(): Promise<string> {
  const hash = createHash('sha256');
  hash.update(await readFile(path.join(ROOT, 'node_modules/@electric-sql/pglite/package.json')));
  for (const name of (await readdir(MIGRATIONS_DIR)).sort()) {
    hash.update(name);
    hash.update(await readFile(path.join(MIGRATIONS_DIR, name)));
  }
  return hash.digest('hex').slice(0, 16);
}

/** The PGlite template: a migrated data directory as a tarball in node_modules/.cache (built once, atomically). */
async function pgliteTemplate(): Promise<Blob> {
  const dir = path.join(ROOT, 'node_modules/.cache/skolebro-test');
  const file = path.join(dir, `pglite-${await templateKey()}.tar`);
  const cached = await readFile(file).catch(() => undefined);
  if (cached) return new Blob([cached]);
  const pglite = new PGlite();
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  await migrateToLatest(db);
  const tarball = Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer());
  await db.destroy();
  await mkdir(dir, { recursive: true });
  const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(partial, tarball);
  await rename(partial, file); // a concurrent builder's rename is as good as ours
  return new Blob([tarball]);
}

/** The PostgreSQL template: a migrated database `skolebro_tpl_<key>`, built under an advisory lock by the first file. */
async function postgresTemplate(serverUrl: string): Promise<string> {
  return postgresTemplateOnce(serverUrl, `skolebro_tpl_${await templateKey()}`, undefined, migrateToLatest);
}

/**
 * A template database `name`, made once: the first file to ask (under an advisory lock) creates it from `from` (or
 * empty), runs `fill` on it and renames it into place; the others find it.
 */
async function postgresTemplateOnce(
  serverUrl: string,
  name: string,
  from: string | undefined,
  fill: (db: Db) => Promise<unknown>,
): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock(7236101)');
    const exists = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!exists.rowCount) {
      const building = `${name}_${process.pid}`;
      await client.query(`drop database if exists ${building}`);
      await client.query(`create database ${building}${from ? ` template ${from}` : ''}`);
      const db = openDatabase({ kind: 'postgres', url: databaseUrl(serverUrl, building), poolSize: 1 });
      try {
        await fill(db);
      } finally {
        await db.destroy();
      }
      await client.query(`alter database ${building} rename to ${name}`);
    }
  } finally {
    await client.query('select pg_advisory_unlock(7236101)').catch(() => undefined);
    await client.end();
  }
  return name;
}

/*
 * Seeded templates: the migrated template with the demo seeded for one `today`. The seed runs the app's own domain
 * code, so the key also covers every source file under src/, and the calendar day (the seed stamps rows with the
 * time it ran).
 */
async function demoTemplateKey(today: string): Promise<string> {
  const hash = createHash('sha256');
  hash.update(await templateKey());
  hash.update(today);
  hash.update(new Date().toISOString().slice(0, 10));
  const src = path.join(ROOT, 'src');
  for (const name of (await readdir(src, { recursive: true })).sort()) {
    if (!name.endsWith('.ts') && !name.endsWith('.tsx')) continue;
    hash.update(name);
    hash.update(await readFile(path.join(src, name)));
  }
  return hash.digest('hex').slice(0, 16);
}

async function seedDemo(db: Db, today: string): Promise<void> {
  const { seedDatabase } = await import('../../src/db/seed/seed.ts');
  await seedDatabase(db, { size: 'demo', today });
}

/** The seeded PGlite template, a tarball beside the migrated one. */
async function pgliteDemoTemplate(today: string): Promise<Blob> {
  const dir = path.join(ROOT, 'node_modules/.cache/skolebro-test');
  const file = path.join(dir, `pglite-demo-${await demoTemplateKey(today)}.tar`);
  const cached = await readFile(file).catch(() => undefined);
  if (cached) return new Blob([cached]);
  const pglite = await newPglite({ loadDataDir: await pgliteTemplate() }); // the app's type parsers, as in openDatabase
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  await seedDemo(db, today);
  const tarball = Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer());
  await db.destroy();
  const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(partial, tarball);
  await rename(partial, file);
  return new Blob([tarball]);
}

/** The seeded PostgreSQL template, copied from the migrated one. */
async function postgresDemoTemplate(serverUrl: string, today: string): Promise<string> {
  const migrated = await postgresTemplate(serverUrl);
  return postgresTemplateOnce(serverUrl, `skolebro_tpl_demo_${await demoTemplateKey(today)}`, migrated, (db) =>
    seedDemo(db, today),
  );
}

function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
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
