// What `npm start` runs is built from these inputs (scripts/build.ts): the compiled app in dist/ and the CSS and htmx
// in public/. Plain JavaScript, so that `npm start` (scripts/start.mjs) checks it without loading a TypeScript
// compiler: a hash of every input, compared with the one the last build wrote.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const INPUT_DIRS = ['src', 'migrations'];
const INPUT_FILES = [
  'package-lock.json',
  'tsconfig.json',
  'scripts/build.ts',
  'scripts/build-assets.ts',
  'scripts/build-inputs.mjs',
];
/** The build writes this last: dist/ and public/ are complete when it holds the current hash. */
export const BUILD_STAMP = 'dist/.build-stamp';
/** The build's outputs; a missing one means a rebuild whatever the stamp says. */
const OUTPUTS = ['dist/server.js', 'public/app.css', 'public/htmx.min.js'];

function listFiles(root, dir) {
  const out = [];
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(root, relative));
    else if (entry.isFile()) out.push(relative);
  }
  return out;
}

/** A hash of the build's inputs under `root`: every file's path and content. */
export function inputsHash(root) {
  const hash = createHash('sha256');
  const files = [...INPUT_DIRS.flatMap((dir) => listFiles(root, dir)), ...INPUT_FILES].sort();
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(path.join(root, file)));
  }
  return hash.digest('hex');
}

/** True when dist/ and public/ were built from the inputs as they are now. */
export function isBuildCurrent(root, hash = inputsHash(root)) {
  if (!OUTPUTS.every((output) => existsSync(path.join(root, output)))) return false;
  try {
    return readFileSync(path.join(root, BUILD_STAMP), 'utf8').trim() === hash;
  } catch {
    return false;
  }
}
