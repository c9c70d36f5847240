/**
 * Imports a Folkeregisteret extract (D1, D2): one JSON document per person, as a JSON array or JSON Lines.
 *
 *   npm run import:freg -- uttrekk.jsonl
 *   npm run import:freg -- uttrekk.jsonl --kommunenummer=5699   # a bostedsadresse elsewhere counts as moved out
 *
 * Every document is checked first; one malformed document (reported by line) and nothing is applied. The run is one
 * transaction, audited, with its change report at /freg-imports. Uses DATABASE_URL when set, else PGlite in DATA_DIR.
 */
import { ConfigError, loadConfig } from '../src/config.ts';
import { DataDirLockedError } from '../src/db/data-dir-lock.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { openConfiguredDatabase } from '../src/db/open.ts';
import { importFreg } from '../src/domain/freg/import.ts';
import { fileSource } from '../src/domain/freg/source.ts';

const USAGE = 'Usage: npm run import:freg -- <file.jsonl|file.json> [--kommunenummer=NNNN[,NNNN]]';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function parseArgs(argv: string[]): { file: string; municipalityNumbers: string[] } {
  let file: string | undefined;
  let municipalityNumbers: string[] = [];
  for (const arg of argv) {
    if (arg.startsWith('--kommunenummer=')) municipalityNumbers = arg.slice(16).split(',').filter(Boolean);
    else if (!arg.startsWith('--') && !file) file = arg;
    else fail(`Unknown argument: ${arg}\n${USAGE}`);
  }
  if (!file) fail(USAGE);
  return { file, municipalityNumbers };
}

/** One progress line, rewritten in place on a terminal. */
function progressLine(stage: string, done: number, total: number): void {
  const line = `  ${stage.padEnd(10)} ${done}/${total}`;
  if (process.stderr.isTTY) process.stderr.write(`\r${line}\u001b[K`);
  else if (done === total) process.stderr.write(`${line}\n`);
}

async function main(): Promise<void> {
  const { file, municipalityNumbers } = parseArgs(process.argv.slice(2));
  let database;
  try {
    database = openConfiguredDatabase(loadConfig());
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DataDirLockedError) fail(error.message);
    throw error;
  }
  try {
    await migrateToLatest(database.db);
    console.log(`Importing ${file} into ${database.description}…`);
    const started = performance.now();
    const result = await importFreg(database.db, fileSource(file), {
      now: new Date(),
      municipalityNumbers,
      onProgress: progressLine,
    });
    if (process.stderr.isTTY) process.stderr.write('\n');
    if (!result.ok) {
      console.error(`${result.problems.length} malformed document(s); nothing was applied:`);
      for (const p of result.problems.slice(0, 50)) console.error(`  line ${p.line}: ${p.message}`);
      if (result.problems.length > 50) console.error(`  … and ${result.problems.length - 50} more`);
      process.exitCode = 1;
      return;
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `Run ${result.runId}: ${result.documents} persons read, ${result.personsCreated} created, ${result.personsUpdated} updated, ` +
        `${result.relationsChanged} guardian relations changed, ${result.changes} report lines` +
        (result.unknownGuardians ? `, ${result.unknownGuardians} guardians not in the file nor in Skolebro` : '') +
        ` (${seconds} s).`,
    );
  } finally {
    await database.close();
  }
}

await main();
