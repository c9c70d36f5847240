// npm start: the compiled app, dist/server.js, in this process. When an input of the build changed since the last build
// (or there was none), builds first (scripts/build.ts). Plain JavaScript: no TypeScript compiler on the way to a page.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { isBuildCurrent } from './build-inputs.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
if (!isBuildCurrent(root)) {
  const tsx = createRequire(import.meta.url).resolve('tsx/cli');
  execFileSync(process.execPath, [tsx, 'scripts/build.ts', '--no-demo-template'], { cwd: root, stdio: 'inherit' });
}
process.setSourceMapsEnabled(true); // stack traces name src/… lines
await import('../dist/server.js');
