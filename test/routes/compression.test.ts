import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { PUBLIC_DIR } from '../../src/app.ts';
import { createTestApp, html, sessionCookie } from '../support/app.ts';
import { createDemoTestDb } from '../support/db.ts';
import { loginPersonId } from '../support/fixtures.ts';

// Issue 18, item 5: bytes on the wire. Text is compressed (brotli, else gzip) above a threshold; the CSS and htmx have
// fingerprinted URLs cached for a year and are sent precompressed; the guardian's first view stays under 20 KB.
const TODAY = '2026-11-25';
const NOW = new Date(`${TODAY}T08:00:00+01:00`);
const db = await createDemoTestDb(TODAY);
const client = createTestApp(db, {}, { clock: () => NOW });
const kariId = await loginPersonId(db, 'guardian');
await db.deleteFrom('general_consent').where('guardian_id', '=', kariId).execute();
await db.insertInto('general_consent').values({ guardian_id: kariId, state: 'given', decided_at: NOW }).execute();
const kari = { cookie: await sessionCookie(db, kariId, 'idporten') };

const BR = { 'accept-encoding': 'gzip, deflate, br, zstd' };
const GZIP = { 'accept-encoding': 'gzip, deflate' };
const bytes = async (response: Response) => Buffer.from(await response.arrayBuffer());
const budget = 20 * 1024;

/** The stylesheet and script the layout links on a page. */
async function assetUrls() {
  const { document } = await html(await client.get('/'));
  return {
    css: document.querySelector('link[rel="stylesheet"]')?.getAttribute('href') ?? '',
    js: document.querySelector('script[src]')?.getAttribute('src') ?? '',
  };
}

test('the front page comes back brotli- or gzip-compressed when asked, and decompresses to the same HTML', async () => {
  const plain = await client.get('/');
  assert.equal(plain.headers.get('content-encoding'), null);
  const text = await plain.text();
  assert.ok(text.length > 1024, 'the front page is above the threshold');
  assert.match(plain.headers.get('vary') ?? '', /Accept-Encoding/);

  const br = await client.get('/', BR);
  assert.equal(br.headers.get('content-encoding'), 'br');
  assert.match(br.headers.get('vary') ?? '', /HX-Request/);
  assert.match(br.headers.get('vary') ?? '', /Accept-Encoding/);
  const brBody = await bytes(br);
  assert.equal(Number(br.headers.get('content-length')), brBody.length);
  assert.equal(brotliDecompressSync(brBody).toString(), text);

  const gzip = await client.get('/', GZIP);
  assert.equal(gzip.headers.get('content-encoding'), 'gzip');
  assert.equal(gunzipSync(await bytes(gzip)).toString(), text);

  const refused = await client.get('/', { 'accept-encoding': 'br;q=0, gzip' });
  assert.equal(refused.headers.get('content-encoding'), 'gzip');
});

test('a logged-in guardian page is compressed and still never cached', async () => {
  const plain = await (await client.get('/home', kari)).text();
  const response = await client.get('/home', { ...kari, ...BR });
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-encoding'), 'br');
  assert.equal(response.headers.get('cache-control'), 'no-store');
  assert.equal(brotliDecompressSync(await bytes(response)).toString(), plain);
});

test('small responses, HEAD and PDFs are not compressed', async () => {
  const health = await client.get('/healthz', BR);
  assert.equal(health.status, 200);
  assert.equal(health.headers.get('content-encoding'), null);
  assert.deepEqual(await health.json(), { status: 'ok', database: 'ok' });

  const head = await client.app.request('http://localhost:3000/', { method: 'HEAD', headers: BR });
  assert.equal(head.headers.get('content-encoding'), null);

  const pdf = await client.get('/me/data.pdf', { ...kari, ...BR });
  assert.equal(pdf.status, 200);
  assert.equal(pdf.headers.get('content-type'), 'application/pdf');
  assert.equal(pdf.headers.get('content-encoding'), null);
  assert.equal((await bytes(pdf)).subarray(0, 5).toString(), '%PDF-');
});

test('the layout links the CSS and htmx by a hash of their content, cached for a year', async () => {
  const { css, js } = await assetUrls();
  assert.match(css, /^\/assets\/app\.[0-9a-f]{12}\.css$/);
  assert.match(js, /^\/assets\/htmx\.[0-9a-f]{12}\.js$/);
  for (const [url, file, type] of [
    [css, 'app.css', 'text/css; charset=utf-8'],
    [js, 'htmx.min.js', 'text/javascript; charset=utf-8'],
  ] as const) {
    const original = readFileSync(path.join(PUBLIC_DIR, file));
    const plain = await client.get(url);
    assert.equal(plain.status, 200, url);
    assert.equal(plain.headers.get('content-type'), type);
    assert.equal(plain.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.match(plain.headers.get('vary') ?? '', /Accept-Encoding/);
    assert.equal(plain.headers.get('content-encoding'), null);
    assert.ok((await bytes(plain)).equals(original));

    const br = await client.get(url, BR);
    assert.equal(br.headers.get('content-encoding'), 'br');
    assert.equal(br.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    const brBody = await bytes(br);
    assert.ok(brBody.equals(readFileSync(path.join(PUBLIC_DIR, `${file}.br`))), 'the precompressed file is sent');
    assert.ok(brotliDecompressSync(brBody).equals(original));

    const gzip = await client.get(url, GZIP);
    assert.equal(gzip.headers.get('content-encoding'), 'gzip');
    assert.ok((await bytes(gzip)).equals(readFileSync(path.join(PUBLIC_DIR, `${file}.gz`))));
  }
  // Same origin, so the Content-Security-Policy ('self') allows them.
  const csp = (await client.get('/')).headers.get('content-security-policy') ?? '';
  assert.match(csp, /script-src 'self'/);
  assert.match(csp, /style-src 'self'/);
});

test('an unknown or stale hash is a 404; other files in public/ are served as before', async () => {
  const stale = await client.get('/assets/app.000000000000.css');
  assert.equal(stale.status, 404);
  assert.equal(stale.headers.get('cache-control'), 'no-store');
  assert.equal((await client.get('/assets/htmx.0123456789ab.js', BR)).status, 404);
  const favicon = await client.get('/assets/favicon.svg');
  assert.equal(favicon.status, 200);
  assert.notEqual(favicon.headers.get('cache-control'), 'public, max-age=31536000, immutable');
});

test('the first guardian view (home HTML + CSS + JS, brotli as served) is at most 20 KB', async () => {
  const home = await client.get('/home', { ...kari, ...BR });
  assert.equal(home.headers.get('content-encoding'), 'br');
  const htmlBytes = (await bytes(home)).length;
  const { css, js } = await assetUrls();
  const cssBytes = (await bytes(await client.get(css, BR))).length;
  const jsBytes = (await bytes(await client.get(js, BR))).length;
  const total = htmlBytes + cssBytes + jsBytes;
  const raw = (await bytes(await client.get('/home', kari))).length + (await bytes(await client.get(css))).length;
  const uncompressed = raw + (await bytes(await client.get(js))).length;
  console.log(`first guardian view, brotli: HTML ${htmlBytes} + CSS ${cssBytes} + JS ${jsBytes} = ${total} bytes`);
  console.log(`(uncompressed: ${uncompressed} bytes)`);
  assert.ok(total <= budget, `${total} bytes > ${budget}`);
});
