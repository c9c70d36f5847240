import { readFile } from 'node:fs/promises';
import { makePdfA } from './pdfa.ts';
import type { PDFFont, PDFPage } from 'pdf-lib';
import type { Letter } from './api.ts';
import { loadPdfLib, rgb } from './pdf-lib.ts';
import { ROOT_URL } from '../../root.ts';
import { cleanLine, wrapText } from './wrap.ts';

export type { Letter, LetterSection } from './api.ts';

/** DejaVu Sans ships in the repository (assets/fonts, with its licence); never read from the system. */
const FONT_URLS = {
  regular: new URL('assets/fonts/DejaVuSans.ttf', ROOT_URL),
  bold: new URL('assets/fonts/DejaVuSans-Bold.ttf', ROOT_URL),
};
let fontBytes: Promise<{ regular: Uint8Array; bold: Uint8Array }> | undefined;
function loadFonts() {
  fontBytes ??= Promise.all([readFile(FONT_URLS.regular), readFile(FONT_URLS.bold)]).then(([regular, bold]) => ({
    regular,
    bold,
  }));
  return fontBytes;
}

/** fontkit parses a 750 kB font in ~50 ms: parse each font once and share it (pdf-lib subsets per document). */
type Fontkit = Awaited<ReturnType<typeof loadPdfLib>>['fontkit'];
const parsed = new WeakMap<Uint8Array, ReturnType<Fontkit['create']>>();
const cachingFontkit = (fontkit: Fontkit): Fontkit => ({
  ...fontkit,
  create(data: Uint8Array, postscriptName?: string) {
    let font = parsed.get(data);
    if (!font) parsed.set(data, (font = fontkit.create(data, postscriptName)));
    return font;
  },
});

const PAGE: [number, number] = [595.28, 841.89]; // A4 in points
const MARGIN = { left: 62, right: 62, top: 56, bottom: 48 };
const WIDTH = PAGE[0] - MARGIN.left - MARGIN.right;
const BODY = 10.5;
const LEADING = 14.5;
const INK = rgb(0.1, 0.1, 0.12);
const GREY = rgb(0.35, 0.35, 0.4);

const WORDS = {
  nb: { page: 'Side {n} av {total}', date: 'Dato', tag: 'nb-NO' },
  nn: { page: 'Side {n} av {total}', date: 'Dato', tag: 'nn-NO' },
  en: { page: 'Page {n} of {total}', date: 'Date', tag: 'en-GB' },
} as const;

interface Style {
  font: PDFFont;
  size: number;
  color?: ReturnType<typeof rgb>;
}

/**
 * Renders a letter as an A4 PDF: sender, recipient and date, title, intro, sections (headings with
 * label/value rows or paragraphs), footer and "Side n av m" on every page. Text wraps and flows onto
 * new pages. DejaVu Sans is embedded (subset), so every Norwegian and Sámi letter prints.
 * `now` sets the PDF's creation date (pass a fixed one for byte-identical output).
 */
export async function renderLetterPdf(letter: Letter, options: { now?: Date } = {}): Promise<Uint8Array> {
  const words = WORDS[letter.lang ?? 'nb'];
  const { pdfLib, fontkit } = await loadPdfLib();
  const pdf = await pdfLib.PDFDocument.create({ updateMetadata: false });
  pdf.registerFontkit(cachingFontkit(fontkit));
  const bytes = await loadFonts();
  const regular = await pdf.embedFont(bytes.regular, { subset: true, features: { liga: false } });
  const bold = await pdf.embedFont(bytes.bold, { subset: true, features: { liga: false } });

  const now = options.now ?? new Date();
  pdf.setTitle(cleanLine(letter.title), { showInWindowTitleBar: true });
  pdf.setAuthor(cleanLine(letter.sender[0] ?? ''));
  pdf.setLanguage(words.tag);
  pdf.setCreator('Skolebro');
  pdf.setProducer('Skolebro (pdf-lib)');
  pdf.setCreationDate(now);
  pdf.setModificationDate(now);

  const small: Style = { font: regular, size: 8.5, color: GREY };
  const footerLines = letter.footer ? wrapText(letter.footer, WIDTH - 90, measureWith(small)) : [];
  const bottom = MARGIN.bottom + 16 + footerLines.length * 11;

  let page!: PDFPage;
  let y = 0;
  const newPage = () => {
    page = pdf.addPage(PAGE);
    y = PAGE[1] - MARGIN.top;
  };
  const ensure = (height: number) => {
    if (y - height < bottom) newPage();
  };
  const line = (text: string, style: Style, x = MARGIN.left, leading = LEADING) => {
    ensure(leading);
    y -= leading;
    if (text) page.drawText(text, { x, y, font: style.font, size: style.size, color: style.color ?? INK });
  };
  const block = (text: string, style: Style, leading = LEADING, width = WIDTH) => {
    for (const l of wrapText(text, width, measureWith(style))) line(l, style, MARGIN.left, leading);
  };
  newPage();

  // Sender (first line bold), then recipient with the date on the right.
  letter.sender.forEach((s, i) =>
    line(cleanLine(s), i === 0 ? { font: bold, size: 9.5 } : { ...small, size: 9.5 }, MARGIN.left, 12.5),
  );
  y -= 28;
  const dateText = `${words.date}: ${letter.date}`;
  page.drawText(dateText, {
    x: PAGE[0] - MARGIN.right - regular.widthOfTextAtSize(dateText, BODY),
    y: y - LEADING,
    font: regular,
    size: BODY,
    color: INK,
  });
  for (const r of letter.recipient) block(r, { font: regular, size: BODY }, LEADING, WIDTH - 140);
  y -= 34;

  block(letter.title, { font: bold, size: 15 }, 19);
  y -= 8;
  if (letter.intro) {
    block(letter.intro, { font: regular, size: BODY });
    y -= 8;
  }

  const labelWidth = Math.round(WIDTH * 0.36);
  for (const section of letter.sections) {
    y -= 8;
    ensure(17 + LEADING * 2); // keep a heading with its first row
    block(section.heading, { font: bold, size: 12 }, 17);
    y -= 3;
    for (const row of section.rows) {
      if (!row.label) {
        block(row.value, { font: regular, size: BODY });
        y -= 5;
        continue;
      }
      const labelStyle: Style = { font: bold, size: BODY - 0.5, color: GREY };
      const labels = wrapText(row.label, labelWidth - 12, measureWith(labelStyle));
      const values = wrapText(row.value, WIDTH - labelWidth, measureWith({ font: regular, size: BODY }));
      ensure(LEADING * Math.min(2, Math.max(labels.length, values.length)));
      for (let i = 0; i < Math.max(labels.length, values.length); i++) {
        ensure(LEADING);
        y -= LEADING;
        const label = labels[i];
        const value = values[i];
        if (label) page.drawText(label, { x: MARGIN.left, y, font: bold, size: BODY - 0.5, color: GREY });
        if (value) page.drawText(value, { x: MARGIN.left + labelWidth, y, font: regular, size: BODY, color: INK });
      }
      y -= 4;
    }
  }

  const pages = pdf.getPages();
  pages.forEach((p, index) => {
    const number = words.page.replace('{n}', String(index + 1)).replace('{total}', String(pages.length));
    const numberWidth = regular.widthOfTextAtSize(number, 8.5);
    p.drawText(number, {
      x: PAGE[0] - MARGIN.right - numberWidth,
      y: MARGIN.bottom,
      font: regular,
      size: 8.5,
      color: GREY,
    });
    footerLines.forEach((text, i) => {
      const lineY = MARGIN.bottom + (footerLines.length - 1 - i) * 11;
      if (text) p.drawText(text, { x: MARGIN.left, y: lineY, font: small.font, size: small.size, color: small.color });
    });
  });

  await makePdfA(pdf, {
    title: cleanLine(letter.title),
    author: cleanLine(letter.sender[0] ?? ''),
    language: words.tag,
    creator: 'Skolebro',
    producer: 'Skolebro (pdf-lib)',
    date: now,
  });
  return pdf.save();
}

function measureWith(style: Style) {
  return (text: string) => style.font.widthOfTextAtSize(text, style.size);
}
