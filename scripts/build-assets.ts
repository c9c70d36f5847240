// Builds public/: Tailwind CSS from src/styles/app.css and the htmx 4 script from node_modules.
import { execFileSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

const started = performance.now();
const tailwind = path.join(root, 'node_modules', '.bin', 'tailwindcss');
execFileSync(tailwind, ['-i', 'src/styles/app.css', '-o', 'public/app.css', '--minify'], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'pipe'],
});
const htmx = path.join(path.dirname(require.resolve('htmx.org/package.json')), 'dist', 'htmx.min.js');
copyFileSync(htmx, path.join(root, 'public', 'htmx.min.js'));
console.log(`Built public/app.css and public/htmx.min.js in ${Math.round(performance.now() - started)} ms`);
