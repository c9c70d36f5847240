import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { buildIndex, INDEX_FILE } from '../../scripts/requirements-index.ts';

test('docs/REQUIREMENTS-INDEX.md is up to date with the IDs the code cites (npm run docs:requirements)', () => {
  const index = buildIndex();
  assert.match(index, /\| G7 \| Leave application \(permisjon\) \| .*`src\/domain\//);
  assert.equal(readFileSync(INDEX_FILE, 'utf8'), index);
});
