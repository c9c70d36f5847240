import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brotliDecompressSync } from 'node:zlib';
import { Hono } from 'hono';
import { acceptedEncodings, compress } from '../../src/middleware/compress.ts';

const big = 'Skolebro '.repeat(400);
const app = new Hono()
  .use(compress)
  .get('/text', (c) => c.text(big))
  .get('/small', (c) => c.text('hei'))
  .get('/events', (c) => c.body(big, 200, { 'Content-Type': 'text/event-stream' }))
  .get('/encoded', (c) => c.body(big, 200, { 'Content-Type': 'text/plain', 'Content-Encoding': 'identity' }))
  .get('/no-transform', (c) => c.body(big, 200, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-transform' }))
  .get('/binary', (c) => c.body(new Uint8Array(4096), 200, { 'Content-Type': 'image/png' }))
  .get('/empty', (c) => c.body(null, 204))
  .get('/etag', (c) => c.body(big, 200, { 'Content-Type': 'text/plain', ETag: '"v1"', Vary: 'HX-Request' }));
const get = (path: string, encoding = 'gzip, br') => app.request(path, { headers: { 'accept-encoding': encoding } });

test('Accept-Encoding: names with a q of 0 are refused; * allows brotli and gzip', () => {
  assert.deepEqual([...acceptedEncodings('gzip, deflate, br')].sort(), ['br', 'deflate', 'gzip']);
  assert.deepEqual([...acceptedEncodings('br;q=0, gzip;q=0.5')], ['gzip']);
  assert.ok(acceptedEncodings('*').has('br'));
  assert.equal(acceptedEncodings(undefined).size, 0);
});

test('text above the threshold is brotli-compressed, with Vary and the right length', async () => {
  const response = await get('/text');
  assert.equal(response.headers.get('content-encoding'), 'br');
  assert.equal(response.headers.get('vary'), 'Accept-Encoding');
  const body = Buffer.from(await response.arrayBuffer());
  assert.equal(Number(response.headers.get('content-length')), body.length);
  assert.equal(brotliDecompressSync(body).toString(), big);
  assert.equal((await get('/text', 'gzip')).headers.get('content-encoding'), 'gzip');
  assert.equal((await get('/text', 'identity')).headers.get('content-encoding'), null);
});

test('small, binary, body-less, event-stream, already-encoded and no-transform responses are left alone', async () => {
  for (const path of ['/small', '/events', '/no-transform', '/binary', '/empty']) {
    const response = await get(path);
    assert.equal(response.headers.get('content-encoding'), null, path);
  }
  assert.equal((await get('/encoded')).headers.get('content-encoding'), 'identity');
  assert.equal(await (await get('/small')).text(), 'hei');
});

test('an existing Vary is kept and a strong ETag becomes weak', async () => {
  const response = await get('/etag');
  assert.equal(response.headers.get('vary'), 'HX-Request, Accept-Encoding');
  assert.equal(response.headers.get('etag'), 'W/"v1"');
});
