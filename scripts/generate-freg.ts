/**
 * Writes a Folkeregisteret extract (JSON Lines, one person document per line) from the seed: its pupils and their
 * register guardians, with the seed's synthetic identity numbers only (month + 80). Importing it over a database
 * seeded with the same size and day changes nothing.
 *
 *   npm run generate:freg -- --size=municipality --out=freg.jsonl [--today=2026-11-25]
 */
import { createWriteStream } from 'node:fs';
import { fregFactsFromPlan } from '../src/db/seed/freg.ts';
import { buildSeedPlan, type SeedSize } from '../src/db/seed/seed.ts';
import { todayIso } from '../src/db/seed/calendar.ts';
import { fregDocument } from '../src/domain/freg/build.ts';

let size: SeedSize = 'demo';
let out = 'freg.jsonl';
let today = todayIso();
for (const arg of process.argv.slice(2)) {
  const [name, value] = arg.split('=', 2);
  if (name === '--size' && (value === 'demo' || value === 'municipality')) size = value;
  else if (name === '--out' && value) out = value;
  else if (name === '--today' && value && /^\d{4}-\d{2}-\d{2}$/.test(value)) today = value;
  else {
    console.error(
      `Unknown argument: ${arg}\nUsage: npm run generate:freg -- [--size=demo|municipality] [--out=FILE] [--today=YYYY-MM-DD]`,
    );
    process.exit(1);
  }
}
const facts = fregFactsFromPlan(buildSeedPlan(size, today));
const stream = createWriteStream(out);
for (const f of facts) stream.write(`${JSON.stringify(fregDocument(f))}\n`);
await new Promise<void>((resolve, reject) => stream.end((e?: Error | null) => (e ? reject(e) : resolve())));
console.log(`Wrote ${facts.length} person documents (${size}, ${today}) to ${out}.`);
