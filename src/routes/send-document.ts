import type { Context } from 'hono';

/** A file to download: its name and bytes, a PDF unless it says otherwise. */
export interface DownloadFile {
  filename: string;
  content: Uint8Array;
  contentType?: string;
}

/**
 * The response for every document and PDF download: the bytes with their length, never cached, never sniffed, saved
 * under the file's own name — or shown in the browser (`inline`, the development mailbox).
 */
export function sendDocument(c: Context, doc: DownloadFile, options: { inline?: boolean } = {}) {
  return c.body(new Uint8Array(doc.content), 200, {
    'Content-Type': doc.contentType ?? 'application/pdf',
    'Content-Length': String(doc.content.byteLength),
    'Content-Disposition': options.inline ? 'inline' : attachmentDisposition(doc.filename),
    'Cache-Control': 'private, no-store',
    'X-Content-Type-Options': 'nosniff',
  });
}

/** An ASCII fallback name and the real one in UTF-8 (RFC 6266 / RFC 8187). */
export function attachmentDisposition(filename: string): string {
  const ascii = filename
    .replace(/[æÆøØåÅ]/g, (ch) => ({ æ: 'ae', Æ: 'AE', ø: 'o', Ø: 'O', å: 'a', Å: 'A' })[ch] ?? '_')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._ -]+/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*!]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
