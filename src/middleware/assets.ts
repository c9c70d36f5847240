import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env.ts';
import type { AssetUrls } from '../paths/assets.ts';
import { acceptedEncodings } from './compress.ts';

/** The built files in public/ served under a content hash (scripts/build-assets.ts writes them and their .br/.gz). */
const FINGERPRINTED = {
  css: { file: 'app.css', stem: 'app', ext: 'css', type: 'text/css; charset=utf-8' },
  htmx: { file: 'htmx.min.js', stem: 'htmx', ext: 'js', type: 'text/javascript; charset=utf-8' },
} as const;
type AssetKey = keyof typeof FINGERPRINTED;

/** Any URL shaped like a fingerprinted asset: one with a hash that is not the current one is a 404, never a guess. */
const FINGERPRINTED_URL = /^\/assets\/(app|htmx)\.([0-9a-f]{12})\.(css|js)$/;
export const IMMUTABLE = 'public, max-age=31536000, immutable';

interface Asset {
  url: string;
  type: string;
  body: Uint8Array;
  br?: Uint8Array;
  gzip?: Uint8Array;
  /** size and mtime of the file this was read from (development re-reads a changed file) */
  stamp: string;
}

function stampOf(file: string): string {
  const stats = statSync(file);
  return `${stats.size}:${stats.mtimeMs}`;
}

/** A precompressed twin, only if it decompresses to the file as it is now (Tailwind's watch mode leaves it stale). */
function twin(file: string, body: Uint8Array, decompress: (bytes: Uint8Array) => Uint8Array): Uint8Array | undefined {
  try {
    const bytes = readFileSync(file);
    return Buffer.from(decompress(bytes)).equals(body) ? new Uint8Array(bytes) : undefined;
  } catch {
    return undefined;
  }
}

function load(publicDir: string, key: AssetKey): Asset {
  const { file, stem, ext, type } = FINGERPRINTED[key];
  const full = path.join(publicDir, file);
  const stamp = stampOf(full);
  const body = new Uint8Array(readFileSync(full));
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return {
    url: `/assets/${stem}.${hash}.${ext}`,
    type,
    body,
    br: twin(`${full}.br`, body, brotliDecompressSync),
    gzip: twin(`${full}.gz`, body, gunzipSync),
    stamp,
  };
}

/**
 * The CSS and htmx under URLs that carry a hash of their content, read once when the app is created, so they can be
 * cached for a year (`immutable`): a new build is a new URL. With `watch` (development) a changed file is read again.
 * The precompressed .br/.gz from the build are sent when the browser accepts them; otherwise compress() may.
 */
export function fingerprintedAssets(publicDir: string, options: { watch?: boolean } = {}) {
  const keys = Object.keys(FINGERPRINTED) as AssetKey[];
  const assets = new Map<AssetKey, Asset>(keys.map((key) => [key, load(publicDir, key)]));
  const current = (key: AssetKey): Asset => {
    const asset = assets.get(key) as Asset;
    if (!options.watch || stampOf(path.join(publicDir, FINGERPRINTED[key].file)) === asset.stamp) return asset;
    const fresh = load(publicDir, key);
    assets.set(key, fresh);
    return fresh;
  };
  const urls = (): AssetUrls => ({ css: current('css').url, htmx: current('htmx').url });

  const serve = createMiddleware<AppEnv>(async (c, next) => {
    const match = FINGERPRINTED_URL.exec(c.req.path);
    if (!match || (c.req.method !== 'GET' && c.req.method !== 'HEAD')) return next();
    const asset = keys.map(current).find((a) => a.url === c.req.path);
    if (!asset) {
      c.header('Cache-Control', 'no-store'); // the file may yet arrive (another instance mid-deploy has the newer build)
      return c.notFound();
    }
    const accepted = acceptedEncodings(c.req.header('accept-encoding'));
    const [encoding, bytes] =
      accepted.has('br') && asset.br
        ? ['br', asset.br]
        : accepted.has('gzip') && asset.gzip
          ? ['gzip', asset.gzip]
          : [undefined, asset.body];
    const headers: Record<string, string> = {
      'Content-Type': asset.type,
      'Content-Length': String(bytes.byteLength),
      'Cache-Control': IMMUTABLE,
      Vary: 'Accept-Encoding',
    };
    if (encoding) headers['Content-Encoding'] = encoding;
    return c.body(new Uint8Array(bytes), 200, headers); // Hono drops the body of a HEAD
  });

  return { urls, serve };
}
