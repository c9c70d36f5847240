/**
 * Seeds an empty database with the fictional demo data.
 *
 *   npm run seed                        # demo size (~440 pupils)
 *   npm run seed -- --size=municipality # ~40 schools, ~20 000 pupils
 *   npm run seed -- --today=2026-11-25  # pick the school year (default: today)
 *   npm run seed -- --size=municipality --activity=year
 *                                       # plus a school year so far: registers, absence, messages, outbox, …
 *                                       # (on a database seeded without activity, adds only the year)
 *
 * Uses DATABASE_URL (PostgreSQL) when set, else PGlite in DATA_DIR (default ./data).
 */
import { sql } from 'kysely';
import { ConfigError, loadConfig } from '../src/config.ts';
import { DataDirLockedError } from '../src/db/data-dir-lock.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { openConfiguredDatabase } from '../src/db/open.ts';
import { todayIso } from '../src/db/seed/calendar.ts';
import { isDatabaseEmpty, seedDatabase, type SeedSize } from '../src/db/seed/seed.ts';
import { seedYear, YearAlreadySeededError } from '../src/db/seed/year.ts';

type Activity = 'none' | 'year';

function parseArgs(argv: string[]): { size: SeedSize; today: string | undefined; activity: Activity } {
  let size: SeedSize = 'demo';
  let today: string | undefined;
  let activity: Activity = 'none';
  for (const arg of argv) {
    const [name, value] = arg.split('=', 2);
    if (name === '--size' && (value === 'demo' || value === 'municipality')) size = value;
    else if (name === '--today' && value && /^\d{4}-\d{2}-\d{2}$/.test(value)) today = value;
    else if (name === '--activity' && (value === 'none' || value === 'year')) activity = value;
    else
      fail(
        `Unknown or invalid argument: ${arg}\nUsage: npm run seed -- [--size=demo|municipality] [--today=YYYY-MM-DD] [--activity=none|year]`,
      );
  }
  return { size, today, activity };
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function main(): Promise<void> {
  const { size, today, activity } = parseArgs(process.argv.slice(2));
  let database;
  try {
    database = openConfiguredDatabase(loadConfig());
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DataDirLockedError) fail(error.message);
    throw error;
  }
  const { db, description } = database;
  try {
    await migrateToLatest(db);
    const empty = await isDatabaseEmpty(db);
    if (!empty && activity === 'none') {
      console.error(
        `The database (${description}) already has data; the seed only fills an empty database. Nothing was changed.`,
      );
      process.exitCode = 1;
      return;
    }
    const started = performance.now();
    if (empty) {
      console.log(`Seeding ${description} with the ${size} data set…`);
      const summary = await seedDatabase(db, { size, today });
      for (const [name, count] of Object.entries(summary)) console.log(`  ${name.padEnd(25)} ${count}`);
    } else console.log(`${description} already has its people and schools; adding only the year's activity.`);
    if (activity === 'year') {
      const yearStarted = performance.now();
      console.log('Adding a school year so far…');
      try {
        const summary = await seedYear(db, {
          today: today ?? todayIso(),
          onStep: (statement, ms) => {
            if (process.env.SEED_VERBOSE)
              console.log(
                `    ${(ms / 1000).toFixed(1).padStart(6)} s  ${statement.replace(/\s+/g, ' ').slice(0, 90)}`,
              );
          },
        });
        for (const [name, count] of Object.entries(summary)) console.log(`  ${name.padEnd(25)} ${count}`);
      } catch (error) {
        if (!(error instanceof YearAlreadySeededError)) throw error;
        console.error(`${error.message} Nothing was changed.`);
        process.exitCode = 1;
        return;
      }
      console.log(`  (the year in ${((performance.now() - yearStarted) / 1000).toFixed(1)} s)`);
    }
    await sql`analyze`.execute(db); // fresh planner statistics after a bulk load
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`Done in ${seconds} s.`);
  } finally {
    await database.close();
  }
}

await main();
