import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Hono } from 'hono';
import { sendDocument } from '../../src/routes/send-document.ts';

const bytes = Buffer.from('%PDF-1.7 test');
const app = new Hono()
  .get('/attachment', (c) => sendDocument(c, { filename: 'Vedtak – Sofie.pdf', content: bytes }))
  .get('/typed', (c) =>
    sendDocument(c, { filename: 'a.pdf', content: new Uint8Array(bytes), contentType: 'application/x-test' }),
  )
  .get('/inline', (c) => sendDocument(c, { filename: 'brev.pdf', content: bytes }, { inline: true }));

test('a download: its bytes and length, a PDF by default, saved under an ASCII and a UTF-8 name, never cached or sniffed', async () => {
  const res = await app.request('/attachment');
  assert.equal(res.status, 200);
  const names = ['content-type', 'content-length', 'content-disposition', 'cache-control', 'x-content-type-options'];
  assert.deepEqual(Object.fromEntries(names.map((name) => [name, res.headers.get(name)])), {
    'content-type': 'application/pdf',
    'content-length': String(bytes.byteLength),
    'content-disposition': `attachment; filename="Vedtak _ Sofie.pdf"; filename*=UTF-8''Vedtak%20%E2%80%93%20Sofie.pdf`,
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
  });
  assert.deepEqual(Buffer.from(await res.arrayBuffer()), bytes);
  assert.equal((await app.request('/typed')).headers.get('content-type'), 'application/x-test');
});

test('inline: shown in the browser, the other headers the same', async () => {
  const res = await app.request('/inline');
  assert.equal(res.headers.get('content-disposition'), 'inline');
  assert.equal(res.headers.get('cache-control'), 'private, no-store');
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(res.headers.get('content-length'), String(bytes.byteLength));
});
