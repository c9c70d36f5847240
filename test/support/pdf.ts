import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * The text of a PDF as a reader's copy-paste (or a screen reader) gets it, page by page, one line per
 * text line. Pure JavaScript (Mozilla's PDF.js), so tests need no system tools.
 */
export async function pdfText(bytes: Uint8Array | ArrayBuffer | Buffer): Promise<string> {
  const data = new Uint8Array(bytes instanceof ArrayBuffer ? bytes : Uint8Array.from(bytes));
  const pdf = await getDocument({ data, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    let line = '';
    const lines: string[] = [];
    for (const item of content.items) {
      if (!('str' in item)) continue;
      line += item.str;
      if (item.hasEOL) {
        lines.push(line);
        line = '';
      }
    }
    if (line) lines.push(line);
    pages.push(lines.join('\n'));
  }
  await pdf.destroy();
  return pages.join('\n\f');
}

/** Page count, first page size (points) and document metadata. */
export async function pdfInfo(bytes: Uint8Array | ArrayBuffer | Buffer) {
  const data = new Uint8Array(bytes instanceof ArrayBuffer ? bytes : Uint8Array.from(bytes));
  const pdf = await getDocument({ data, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const [, , width, height] = (await pdf.getPage(1)).view;
  const info = (await pdf.getMetadata()).info as unknown as Record<string, unknown>;
  const result = {
    pages: pdf.numPages,
    width: width!,
    height: height!,
    title: String(info.Title ?? ''),
    author: String(info.Author ?? ''),
  };
  await pdf.destroy();
  return result;
}
