// npm run build (and at install, and by `npm start` when an input changed since): public/ (scripts/build-assets.ts) and
// the compiled app: src/server.ts bundled by esbuild into dist/server.js (packages stay in node_modules) and each
// migration into dist/migrations/*.js; dist/.build-stamp, the hash of the inputs (scripts/build-inputs.mjs), last.
//
//   npm run build                      # always
//   tsx scripts/build.ts --if-changed  # only when an input changed (postinstall)
//   --no-demo-template                 # without today's migrated and seeded PGlite copy (src/db/demo-template.ts),
//                                      # which is not made with DATABASE_URL or SEED_DEMO=false set either
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { buildAssets } from './build-assets.ts';
import { BUILD_STAMP, inputsHash, isBuildCurrent } from './build-inputs.mjs';

/** Builds public/ and dist/ under `root` unless they were built from the inputs as they are (or `force`). */
export async function buildApp(
  root: string,
  { force = false, demoTemplate = false } = {},
): Promise<{ built: boolean; ms: number }> {
  const started = performance.now();
  const hash = inputsHash(root);
  if (!force && isBuildCurrent(root, hash)) return { built: false, ms: performance.now() - started };
  rmSync(path.join(root, BUILD_STAMP), { force: true }); // a build that stops half-way is not current
  buildAssets(root);
  await compileApp(root);
  writeFileSync(path.join(root, BUILD_STAMP), `${hash}\n`);
  if (demoTemplate) {
    // Only for the embedded database with demo data, which a fresh `npm start` uses (src/db/demo-template.ts).
    const { writeDemoTemplate } = await import('../src/db/demo-template.ts');
    await writeDemoTemplate(hash);
  }
  return { built: true, ms: performance.now() - started };
}

/** dist/server.js and dist/migrations/*.js. JSX as tsconfig.json says (@kitajs/html); no type checking (tsc does that). */
export async function compileApp(root: string): Promise<void> {
  const common = {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  } as const;
  rmSync(path.join(root, 'dist'), { recursive: true, force: true });
  await build({ ...common, entryPoints: ['src/server.ts'], outfile: 'dist/server.js', sourcemap: 'linked' });
  const migrations = readdirSync(path.join(root, 'migrations')).filter((name) => name.endsWith('.ts'));
  await build({ ...common, entryPoints: migrations.map((name) => `migrations/${name}`), outdir: 'dist/migrations' });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { built, ms } = await buildApp(fileURLToPath(new URL('..', import.meta.url)), {
    force: !process.argv.includes('--if-changed'),
    demoTemplate:
      !process.argv.includes('--no-demo-template') && !process.env.DATABASE_URL && process.env.SEED_DEMO !== 'false',
  });
  console.log(
    built
      ? `Built public/ (CSS, htmx, .br/.gz) and dist/ (the compiled app) in ${Math.round(ms)} ms`
      : 'public/ and dist/ are up to date',
  );
}
