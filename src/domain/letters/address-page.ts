import { readFile } from 'node:fs/promises';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import { fill } from '../../i18n/index.ts';
import { lettersText } from '../../i18n/letters.ts';
import { ROOT_URL } from '../../root.ts';
import { loadPdfLib, rgb } from '../documents/pdf-lib.ts';
import { cleanLine, wrapText } from '../documents/wrap.ts';

const MM = 72 / 25.4;
const A4: [number, number] = [595.28, 841.89];
const LEFT = 20 * MM;
const INK = rgb(0.1, 0.1, 0.12);
const GREY = rgb(0.35, 0.35, 0.4);

/** One envelope: the recipient (the Folkeregister address, never a protected one) and what goes in it. */
export interface Envelope {
  recipient: { name: string; addressLine: string; postalCode: string; postalPlace: string };
  letters: { title: string; pages: number }[];
}

export interface Sender {
  name: string;
  addressLines: string[];
  lang: 'nb' | 'nn';
}

export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

const FONT_URLS = [
  new URL('assets/fonts/DejaVuSans.ttf', ROOT_URL),
  new URL('assets/fonts/DejaVuSans-Bold.ttf', ROOT_URL),
];

/** DejaVu Sans (shipped in assets/fonts), subset: every Norwegian and Sámi letter in a name prints. */
export async function embedFonts(pdf: PDFDocument): Promise<Fonts> {
  pdf.registerFontkit((await loadPdfLib()).fontkit);
  const [regular, bold] = await Promise.all(FONT_URLS.map((url) => readFile(url)));
  return {
    regular: await pdf.embedFont(regular!, { subset: true, features: { liga: false } }),
    bold: await pdf.embedFont(bold!, { subset: true, features: { liga: false } }),
  };
}

/**
 * An address page for a window envelope (DIN 5008 form B, the usual C5/E65 envelope with the window on the left):
 * the return address on one small line 45 mm from the top, the recipient from 63 mm, 20 mm from the left edge,
 * fold marks at 105 and 210 mm. Below the window: what the envelope contains, and the batch position.
 */
export function drawAddressPage(
  pdf: PDFDocument,
  fonts: Fonts,
  sender: Sender,
  envelope: Envelope,
  position: { n: number; total: number; date: string },
): void {
  const t = lettersText[sender.lang].address;
  const page = pdf.addPage(A4);
  const top = (mm: number) => A4[1] - mm * MM;
  const text = (value: string, x: number, y: number, font: PDFFont, size: number, color = INK) =>
    page.drawText(cleanLine(value), { x, y, font, size, color });

  // Letterhead, top right.
  const head = [sender.name, ...sender.addressLines];
  head.forEach((line, i) => {
    const font = i === 0 ? fonts.bold : fonts.regular;
    const size = i === 0 ? 11 : 9;
    text(
      line,
      A4[0] - 20 * MM - font.widthOfTextAtSize(cleanLine(line), size),
      top(18) - i * 12,
      font,
      size,
      i === 0 ? INK : GREY,
    );
  });

  // The window: return address, then the recipient.
  text([sender.name, ...sender.addressLines].join(', '), LEFT, top(49), fonts.regular, 7, GREY);
  const recipient = [
    envelope.recipient.name,
    envelope.recipient.addressLine,
    `${envelope.recipient.postalCode} ${envelope.recipient.postalPlace}`,
  ];
  recipient.forEach((line, i) => text(line, LEFT, top(67) - i * 14, fonts.regular, 11));

  // Fold marks.
  for (const mm of [105, 210])
    page.drawLine({ start: { x: 4 * MM, y: top(mm) }, end: { x: 9 * MM, y: top(mm) }, thickness: 0.5, color: GREY });

  // Contents, below the window.
  let y = top(112);
  text(fill(t.heading, { school: sender.name }), LEFT, y, fonts.bold, 14);
  y -= 22;
  const pages = envelope.letters.reduce((sum, l) => sum + l.pages, 0);
  text(fill(t.contents, { count: envelope.letters.length, pages }), LEFT, y, fonts.regular, 10.5);
  for (const letter of envelope.letters) {
    for (const line of wrapText(`• ${letter.title}`, A4[0] - LEFT * 2, (s) =>
      fonts.regular.widthOfTextAtSize(s, 10.5),
    )) {
      y -= 15;
      text(line, LEFT + 8, y, fonts.regular, 10.5);
    }
  }
  text(
    fill(t.footer, { date: position.date, n: position.n, total: position.total }),
    LEFT,
    15 * MM,
    fonts.regular,
    8,
    GREY,
  );
}
