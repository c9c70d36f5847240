import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from '../../src/config.ts';

test('defaults give a local demo on port 3000 with PGlite in ./data', () => {
  const config = loadConfig({});
  assert.equal(config.port, 3000);
  assert.equal(config.baseUrl, 'http://localhost:3000');
  assert.equal(config.databaseUrl, undefined);
  assert.equal(config.dataDir, './data');
  assert.equal(config.seedDemo, true);
});

test('a bad value stops start with a message naming the variable', () => {
  assert.throws(
    () => loadConfig({ PORT: 'eighty' }),
    (error: Error) => error instanceof ConfigError && /PORT/.test(error.message),
  );
  assert.throws(() => loadConfig({ DATABASE_URL: 'mysql://x' }), /DATABASE_URL: must start with postgres/);
  assert.throws(() => loadConfig({ BASE_URL: 'not a url' }), /BASE_URL/);
  assert.throws(() => loadConfig({ SEED_DEMO: 'yes' }), /SEED_DEMO: must be true or false/);
  assert.throws(() => loadConfig({ NODE_ENV: 'staging' }), /NODE_ENV/);
});

test('empty variables count as unset', () => {
  assert.equal(loadConfig({ DATABASE_URL: '' }).databaseUrl, undefined);
});

test('BASE_URL loses its trailing slash', () => {
  assert.equal(loadConfig({ BASE_URL: 'https://skolebro.demo.example/' }).baseUrl, 'https://skolebro.demo.example');
});
