import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { brotliCompressSync } from 'node:zlib';
import { Hono } from 'hono';
import { fingerprintedAssets } from '../../src/middleware/assets.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'skolebro-assets-'));
after(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(path.join(dir, 'app.css'), 'body{color:red}');
writeFileSync(path.join(dir, 'htmx.min.js'), 'var htmx=1;');
writeFileSync(path.join(dir, 'app.css.br'), brotliCompressSync('body{color:blue}')); // stale: another build's CSS

const serve = (assets: ReturnType<typeof fingerprintedAssets>) =>
  new Hono().use('/assets/*', assets.serve).get('/assets/*', (c) => c.text('fell through', 418));

test('a precompressed twin that does not match the file is not sent', async () => {
  const assets = fingerprintedAssets(dir);
  const response = await serve(assets).request(assets.urls().css, { headers: { 'accept-encoding': 'br' } });
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-encoding'), null);
  assert.equal(await response.text(), 'body{color:red}');
});

test('without watch the URLs are fixed at creation; with watch (development) a rebuilt file gets a new URL', async () => {
  const fixed = fingerprintedAssets(dir);
  const watched = fingerprintedAssets(dir, { watch: true });
  const before = fixed.urls().css;
  assert.equal(watched.urls().css, before);
  writeFileSync(path.join(dir, 'app.css'), 'body{color:green}');
  utimesSync(path.join(dir, 'app.css'), new Date(), new Date(Date.now() + 5000));
  assert.equal(fixed.urls().css, before);
  const changed = watched.urls().css;
  assert.notEqual(changed, before);
  assert.equal((await serve(watched).request(before)).status, 404);
  assert.equal(await (await serve(watched).request(changed)).text(), 'body{color:green}');
  assert.equal((await serve(watched).request('/assets/other.css')).status, 418, 'other files fall through');
});
