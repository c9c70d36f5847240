// Builds public/: Tailwind CSS from src/styles/app.css and the htmx 4 script from node_modules, each with a brotli
// (.br) and gzip (.gz) twin at the highest quality, which the app sends as they are (src/middleware/assets.ts).
// Part of scripts/build.ts (`npm run build`, at install and by `npm start` when a source changed); runs alone too.
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const require = createRequire(import.meta.url);

export function buildAssets(root: string): void {
  const tailwind = path.join(root, 'node_modules', '.bin', 'tailwindcss');
  execFileSync(tailwind, ['-i', 'src/styles/app.css', '-o', 'public/app.css', '--minify'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const htmx = path.join(path.dirname(require.resolve('htmx.org/package.json')), 'dist', 'htmx.min.js');
  copyFileSync(htmx, path.join(root, 'public', 'htmx.min.js'));
  for (const name of ['app.css', 'htmx.min.js']) {
    const file = path.join(root, 'public', name);
    const body = readFileSync(file);
    writeFileSync(
      `${file}.br`,
      brotliCompressSync(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        },
      }),
    );
    writeFileSync(`${file}.gz`, gzipSync(body, { level: constants.Z_BEST_COMPRESSION }));
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  buildAssets(fileURLToPath(new URL('..', import.meta.url)));
  console.log(
    `Built public/app.css and public/htmx.min.js (with .br and .gz) in ${Math.round(performance.now() - started)} ms`,
  );
}
