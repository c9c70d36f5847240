import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestApp, html } from '../support/app.ts';
import { createTestDb } from '../support/db.ts';

const db = await createTestDb();
const client = createTestApp(db);

test('the front page is a full, landmarked document in bokmål by default', async () => {
  const response = await client.get('/');
  assert.equal(response.status, 200);
  const { document } = await html(response);
  assert.equal(document.documentElement.getAttribute('lang'), 'nb');
  assert.equal(document.querySelector('a.skip-link')?.getAttribute('href'), '#main');
  for (const selector of ['header', 'nav', 'main#main', 'footer'])
    assert.ok(document.querySelector(selector), selector);
  assert.match(document.querySelector('h1')?.textContent ?? '', /Velkommen til Skolebro/);
  assert.match(document.querySelector('script[src]')?.getAttribute('src') ?? '', /^\/assets\/htmx\.[0-9a-f]{12}\.js$/);
});

test('choosing nynorsk sets a cookie and redirects back; the next page is in nynorsk', async () => {
  const response = await client.post('/language', { lang: 'nn', return_to: '/privacy' });
  assert.equal(response.status, 303);
  assert.equal(response.headers.get('location'), '/privacy');
  const cookie = response.headers.get('set-cookie') ?? '';
  assert.match(cookie, /skolebro_lang=nn/);
  assert.match(cookie, /HttpOnly/i);
  const page = await html(await client.get('/', { cookie: 'skolebro_lang=nn' }));
  assert.equal(page.document.documentElement.getAttribute('lang'), 'nn');
  assert.match(page.text, /Velkomen til Skolebro/);
  const english = await html(await client.get('/', { cookie: 'skolebro_lang=en' }));
  assert.equal(english.document.documentElement.getAttribute('lang'), 'en');
  assert.match(english.text, /Welcome to Skolebro/);
});

test('the language switch never redirects off-site', async () => {
  for (const target of ['https://evil.example/', '//evil.example/', '/\\evil.example']) {
    const response = await client.post('/language', { lang: 'en', return_to: target });
    assert.equal(response.headers.get('location'), '/', target);
  }
});

test('an unknown language cookie falls back to bokmål', async () => {
  const { document } = await html(await client.get('/', { cookie: 'skolebro_lang=xx' }));
  assert.equal(document.documentElement.getAttribute('lang'), 'nb');
});

test('a cross-site or origin-less post is refused as CSRF', async () => {
  const crossSite = await client.post(
    '/language',
    { lang: 'en' },
    { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
  );
  assert.equal(crossSite.status, 403);
  assert.match(await crossSite.text(), /annet nettsted/);
  const noOrigin = await client.app.request('http://localhost:3000/language', {
    method: 'POST',
    body: new URLSearchParams({ lang: 'en' }),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  assert.equal(noOrigin.status, 403);
  assert.equal(noOrigin.headers.get('set-cookie'), null);
});

test('every response carries a CSP without inline script, and no framing', async () => {
  const response = await client.get('/');
  const csp = response.headers.get('content-security-policy') ?? '';
  assert.match(csp, /script-src 'self'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
});

test('an htmx request gets only the fragment; the same URL without htmx gets the page', async () => {
  const partial = await client.get('/privacy', { 'hx-request': 'true', 'hx-request-type': 'partial' });
  assert.equal(partial.headers.get('vary'), 'HX-Request, Accept-Encoding');
  const text = await partial.text();
  assert.doesNotMatch(text, /<html/);
  assert.match(text, /<h1[^>]*>Personvern<\/h1>/);
  const full = await client.get('/privacy', { 'hx-request': 'true', 'hx-request-type': 'full' });
  assert.match(await full.text(), /<html/);
});

test('an unknown page is a 404 page inside the layout', async () => {
  const response = await client.get('/finnes-ikke');
  assert.equal(response.status, 404);
  const { document } = await html(response);
  assert.match(document.querySelector('h1')?.textContent ?? '', /Fant ikke siden/);
  assert.ok(document.querySelector('footer'));
});

test('the accessibility statement is linked from every page', async () => {
  const { document } = await html(await client.get('/finnes-ikke'));
  const link = document.querySelector('footer a[href="/accessibility"]');
  assert.ok(link);
  const statement = await client.get('/accessibility');
  assert.equal(statement.status, 200);
  assert.match(await statement.text(), /WCAG 2.1/);
});

test('static assets are served', async () => {
  const css = await client.get('/assets/favicon.svg');
  assert.equal(css.status, 200);
});

test('healthz answers ok when the database does', async () => {
  const response = await client.get('/healthz');
  assert.equal(response.status, 200);
  assert.deepEqual(await response.json(), { status: 'ok', database: 'ok' });
});
