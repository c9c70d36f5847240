import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

// A module that imports itself through others is hard to read and loads half-initialised: src/ has none
// (type-only imports included, since they tie the files together just as much for a reader).
const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const IMPORT = /^\s*(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]|^\s*import\s+['"](\.[^'"]+)['"]/gm;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

function graph(): Map<string, string[]> {
  const edges = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(IMPORT)].map((m) => path.resolve(path.dirname(file), m[1] ?? m[2]!));
    edges.set(file, targets);
  }
  return edges;
}

/** Every cycle found by a depth-first search, as file lists relative to src/. */
function findCycles(edges: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of edges.get(file) ?? []) {
      if (state.get(next) === 'open')
        cycles.push([...stack.slice(stack.indexOf(next)), next].map((f) => path.relative(SRC, f)));
      else if (!state.has(next) && edges.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of edges.keys()) if (!state.has(file)) visit(file);
  return cycles;
}

test('the import graph of src/ is read (the check below sees real files and edges)', () => {
  const edges = graph();
  assert.ok(edges.size > 100, `${edges.size} files`);
  assert.ok([...edges.values()].flat().length > 300);
});

test('the finder finds a cycle when there is one', () => {
  const edges = new Map([
    ['/a.ts', ['/b.ts']],
    ['/b.ts', ['/c.ts']],
    ['/c.ts', ['/a.ts']],
  ]);
  assert.equal(findCycles(edges).length, 1);
});

test('no module in src/ imports itself through others', () => {
  assert.deepEqual(findCycles(graph()), []);
});
