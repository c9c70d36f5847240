/**
 * npm run bench:freg: times a municipality-size Folkeregisteret import on PostgreSQL (targets: under 30 s for the
 * import, under 10 s for a re-import without changes). Builds the extract from the municipality seed in memory
 * (synthetic numbers only), imports it into a fresh database on the server, then imports it again, then once more
 * with 5 % of the persons changed. The bench database is dropped afterwards.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:freg
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { fregFactsFromPlan } from '../src/db/seed/freg.ts';
import { buildSeedPlan } from '../src/db/seed/seed.ts';
import { fregDocument } from '../src/domain/freg/build.ts';
import { importFreg } from '../src/domain/freg/import.ts';
import { parseFregText } from '../src/domain/freg/source.ts';

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl?.startsWith('postgres')) {
  console.error('bench:freg runs on PostgreSQL: set DATABASE_URL (a database on the server it may create another in).');
  process.exit(1);
}
const admin = async (text: string) => {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
};

const facts = fregFactsFromPlan(buildSeedPlan('municipality', '2026-11-25'));
const text = facts.map((f) => JSON.stringify(fregDocument(f))).join('\n');
const changed = facts
  .map((f, i) => (i % 20 === 0 ? { ...f, family: `${f.family}-Endret` } : f))
  .map((f) => JSON.stringify(fregDocument(f)))
  .join('\n');
console.log(`Extract: ${facts.length} person documents, ${(text.length / 1e6).toFixed(1)} MB of JSON Lines.`);

const name = `skolebro_bench_freg_${process.pid}_${randomBytes(3).toString('hex')}`;
await admin(`create database ${name}`);
const url = new URL(serverUrl);
url.pathname = `/${name}`;
const db = openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 2 });
try {
  await migrateToLatest(db);
  const time = async (label: string, body: string, target: number) => {
    const started = performance.now();
    const result = await importFreg(db, { name: 'bench', read: async () => parseFregText(body) }, { now: new Date() });
    const seconds = (performance.now() - started) / 1000;
    if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 3)));
    console.log(
      `${label.padEnd(28)} ${seconds.toFixed(1).padStart(5)} s  (target < ${target} s: ${seconds < target ? 'ok' : 'MISSED'})  ` +
        `created ${result.personsCreated}, updated ${result.personsUpdated}, relations ${result.relationsChanged}, rows ${result.rowsChanged}`,
    );
  };
  await time('first import', text, 30);
  await time('re-import, no change', text, 10);
  await time('re-import, 5 % renamed', changed, 30);
} finally {
  await db.destroy();
  await admin(`drop database if exists ${name} with (force)`);
}
