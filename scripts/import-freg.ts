/**
 * Imports a Folkeregisteret extract (D1, D2): one JSON document per person, as a JSON array or JSON Lines.
 *
 *   npm run import:freg -- uttrekk.jsonl
 *   npm run import:freg -- uttrekk.jsonl --kommunenummer=5699   # a bostedsadresse elsewhere counts as moved out
 *   npm run import:freg -- --http                                # the Folkeregisteret API (FREG_URL, MASKINPORTEN_*)
 *
 * Every document is checked first; one malformed document (reported by line) and nothing is applied. The run is one
 * transaction, audited, with its change report at /freg-imports. Uses DATABASE_URL when set, else PGlite in DATA_DIR.
 */
import { ConfigError, loadConfig } from '../src/config.ts';
import { DataDirLockedError } from '../src/db/data-dir-lock.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { openConfiguredDatabase } from '../src/db/open.ts';
import { importFreg } from '../src/domain/freg/import.ts';
import { registerNumbers } from '../src/domain/freg/numbers.ts';
import { fileSource, httpSource, type FregSource } from '../src/domain/freg/source.ts';
import { MaskinportenTokenProvider } from '../src/domain/letters/krr-http.ts';
import type { Db } from '../src/db/database.ts';

const USAGE = 'Usage: npm run import:freg -- <file.jsonl|file.json> | --http  [--kommunenummer=NNNN[,NNNN]]';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function parseArgs(argv: string[]): { file: string | null; municipalityNumbers: string[] } {
  let file: string | undefined;
  let http = false;
  let municipalityNumbers: string[] = [];
  for (const arg of argv) {
    if (arg === '--http') http = true;
    else if (arg.startsWith('--kommunenummer=')) municipalityNumbers = arg.slice(16).split(',').filter(Boolean);
    else if (!arg.startsWith('--') && !file) file = arg;
    else fail(`Unknown argument: ${arg}\n${USAGE}`);
  }
  if (!file === !http) fail(USAGE);
  return { file: file ?? null, municipalityNumbers };
}

/** One progress line, rewritten in place on a terminal. */
function progressLine(stage: string, done: number, total: number): void {
  const line = `  ${stage.padEnd(10)} ${done}/${total}`;
  if (process.stderr.isTTY) process.stderr.write(`\r${line}\u001b[K`);
  else if (done === total) process.stderr.write(`${line}\n`);
}

/** The API source: FREG_URL (and FREG_SCOPE) with the Maskinporten client from MASKINPORTEN_*. */
async function apiSource(db: Db, config: ReturnType<typeof loadConfig>): Promise<FregSource> {
  const baseUrl = process.env.FREG_URL;
  const maskinporten = config.letters.maskinporten;
  if (!baseUrl || !maskinporten)
    fail('--http needs FREG_URL, MASKINPORTEN_CLIENT_ID and MASKINPORTEN_PRIVATE_KEY_FILE.');
  return httpSource({
    baseUrl,
    tokens: new MaskinportenTokenProvider(maskinporten),
    scopes: process.env.FREG_SCOPE ? process.env.FREG_SCOPE.split(' ') : undefined,
    numbers: await registerNumbers(db, new Date().toISOString().slice(0, 10)),
    followRelations: true,
  });
}

async function main(): Promise<void> {
  const { file, municipalityNumbers } = parseArgs(process.argv.slice(2));
  let database;
  let config;
  try {
    config = loadConfig();
    database = openConfiguredDatabase(config);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DataDirLockedError) fail(error.message);
    throw error;
  }
  try {
    await migrateToLatest(database.db);
    const source = file ? fileSource(file) : await apiSource(database.db, config);
    console.log(`Importing ${source.name} into ${database.description}…`);
    const started = performance.now();
    const result = await importFreg(database.db, source, {
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
