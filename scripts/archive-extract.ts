// npm run archive:extract -- --out <dir> [--school-owner <id>] [--period <from>..<to>] [--validate]
// D7 (issue 16, item 2): writes a Noark 5 v5.0 arkivuttrekk per school owner (a directory and a .tar beside it) from
// the configured database (DATABASE_URL, or PGlite in DATA_DIR). --validate checks every XML against the XSDs.
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../src/config.ts';
import { DataDirLockedError } from '../src/db/data-dir-lock.ts';
import { openConfiguredDatabase } from '../src/db/open.ts';
import { writeArchiveExtracts } from '../src/domain/archive/extract.ts';
import { parsePeriod } from '../src/domain/archive/period.ts';
import { validateExtract } from '../src/domain/archive/validate.ts';

const usage =
  'Usage: npm run archive:extract -- --out <dir> [--school-owner <id>] [--period <yyyy-mm-dd>..<yyyy-mm-dd>] [--validate]';
try {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      'school-owner': { type: 'string' },
      period: { type: 'string' },
      validate: { type: 'boolean', default: false },
    },
  });
  if (!values.out) throw new ConfigError(`--out is required. ${usage}`);
  const owner = values['school-owner'];
  if (owner !== undefined && !/^\d+$/.test(owner)) throw new ConfigError(`--school-owner takes a number. ${usage}`);
  const period = values.period === undefined ? undefined : parsePeriod(values.period);
  if (period === null) throw new ConfigError(`--period takes two dates, e.g. 2025-08-01..2026-07-31. ${usage}`);
  const database = openConfiguredDatabase(loadConfig());
  try {
    const results = await writeArchiveExtracts(database.db, {
      out: values.out,
      municipalityId: owner === undefined ? undefined : Number(owner),
      period,
    });
    if (results.length === 0) console.log('Nothing archived in that selection: no extract written.');
    let invalid = false;
    for (const r of results) {
      console.log(`${r.name}: ${r.folders} folder(s), ${r.registrations} journal post(s) → ${r.tar}`);
      if (values.validate) {
        const errors = await validateExtract(r.directory);
        for (const [file, messages] of Object.entries(errors)) {
          invalid = true;
          console.error(`  ${file} is not valid:\n    ${messages.slice(0, 20).join('\n    ')}`);
        }
        if (Object.keys(errors).length === 0) console.log('  every XML file is valid against the Noark 5 schemas');
      }
    }
    if (invalid) process.exitCode = 1;
  } finally {
    await database.close();
  }
} catch (error) {
  console.error(error instanceof ConfigError || error instanceof DataDirLockedError ? error.message : error);
  process.exit(1);
}
