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

test('TRUST_PROXY: false by default (X-Forwarded-For ignored); true; or the number of proxies in front, 0–10', () => {
  assert.equal(loadConfig({}).trustProxy, false);
  assert.equal(loadConfig({ TRUST_PROXY: 'false' }).trustProxy, false);
  assert.equal(loadConfig({ TRUST_PROXY: 'true' }).trustProxy, true);
  assert.equal(loadConfig({ TRUST_PROXY: '0' }).trustProxy, 0);
  assert.equal(loadConfig({ TRUST_PROXY: '2' }).trustProxy, 2);
  assert.equal(loadConfig({ TRUST_PROXY: '10' }).trustProxy, 10);
  for (const bad of ['11', 'yes', '-1', '1.5', 'loopback'])
    assert.throws(() => loadConfig({ TRUST_PROXY: bad }), /TRUST_PROXY: must be true, false or the number/, bad);
});
