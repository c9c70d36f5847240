import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env.ts';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Text worth compressing; images, PDFs and other binaries are compressed already or gain nothing. */
const COMPRESSIBLE = new Set([
  'text/html',
  'text/css',
  'text/javascript',
  'application/javascript',
  'application/json',
  'image/svg+xml',
  'text/plain',
  'text/csv',
  'application/xml',
]);

/** Below this a compressed body saves less than the bytes and CPU it costs. */
export const COMPRESS_THRESHOLD = 1024;

/** The encodings an Accept-Encoding header allows (a q of 0 refuses one). */
export function acceptedEncodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) accepted.add(name);
  }
  if (accepted.has('*')) for (const name of ['br', 'gzip']) accepted.add(name);
  return accepted;
}

const isCompressible = (contentType: string | null) =>
  !!contentType && COMPRESSIBLE.has((contentType.split(';')[0] ?? '').trim().toLowerCase());

/**
 * Compresses text responses: brotli if the browser accepts it (quality 4: most of the gain at a fraction of the CPU of
 * 11, which the build uses for the static files), else gzip, else nothing. Never a HEAD, a body-less status, a range,
 * an encoded or `no-transform` response, an event stream, or anything under COMPRESS_THRESHOLD bytes.
 */
export const compress = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  const res = c.res;
  // Never `res.body` before we know we compress: @hono/node-server answers a plain string body without building a
  // Response object, and reading `.body` makes it build one (half the front page's throughput, measured by the bench).
  if (c.req.method === 'HEAD' || res.status === 204 || res.status === 206 || res.status === 304) return;
  if (!isCompressible(res.headers.get('content-type'))) return;
  const vary = res.headers.get('vary') ?? '';
  if (!/\baccept-encoding\b/i.test(vary))
    res.headers.set('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
  if (res.headers.has('content-encoding') || /\bno-transform\b/i.test(res.headers.get('cache-control') ?? '')) return;
  const accepted = acceptedEncodings(c.req.header('accept-encoding'));
  const encoding = accepted.has('br') ? 'br' : accepted.has('gzip') ? 'gzip' : undefined;
  const length = Number(res.headers.get('content-length') ?? Number.NaN);
  if (!encoding || length < COMPRESS_THRESHOLD || !res.body) return;

  const body = new Uint8Array(await res.arrayBuffer());
  if (body.byteLength < COMPRESS_THRESHOLD) {
    c.res = new Response(body, res);
    return;
  }
  const compressed =
    encoding === 'br'
      ? await brotli(body, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength },
        })
      : await gzipAsync(body, { level: 6 });
  // Hono's c.res setter copies the old response's headers onto the new one: set ours afterwards.
  c.res = new Response(new Uint8Array(compressed), res);
  c.res.headers.set('Content-Encoding', encoding);
  c.res.headers.set('Content-Length', String(compressed.byteLength));
  const etag = c.res.headers.get('etag');
  if (etag && !etag.startsWith('W/')) c.res.headers.set('ETag', `W/${etag}`);
});
