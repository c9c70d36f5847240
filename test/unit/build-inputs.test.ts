import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { BUILD_STAMP, inputsHash, isBuildCurrent } from '../../scripts/build-inputs.mjs';

// `npm start` rebuilds dist/ and public/ exactly when an input changed since the last build (scripts/start.mjs).
const root = mkdtempSync(path.join(tmpdir(), 'skolebro-build-'));
after(() => rmSync(root, { recursive: true, force: true }));
const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
};
for (const file of ['package-lock.json', 'tsconfig.json', 'scripts/build.ts', 'scripts/build-assets.ts'])
  write(file, '{}');
write('scripts/build-inputs.mjs', '');
write('src/server.ts', 'console.log(1);');
write('src/views/page.tsx', 'export const x = 1;');
write('migrations/0001_core.ts', 'export async function up() {}');
const built = () => {
  for (const output of ['dist/server.js', 'public/app.css', 'public/htmx.min.js']) write(output, '');
  write(BUILD_STAMP, `${inputsHash(root)}\n`);
};

test('a build is current until a source changes', () => {
  assert.equal(isBuildCurrent(root), false, 'never built');
  built();
  assert.equal(isBuildCurrent(root), true);
  write('src/views/page.tsx', 'export const x = 2;');
  assert.equal(isBuildCurrent(root), false, 'a changed view');
  built();
  write('migrations/0002_more.ts', 'export async function up() {}');
  assert.equal(isBuildCurrent(root), false, 'a new migration');
  built();
  write('package-lock.json', '{"changed":true}');
  assert.equal(isBuildCurrent(root), false, 'other packages');
});

test('a missing output is a rebuild whatever the stamp says', () => {
  built();
  rmSync(path.join(root, 'public/app.css'));
  assert.equal(isBuildCurrent(root), false);
});
