/** Measures a string's width in points (a pdf-lib font at a size, or a fake in tests). */
export type Measure = (text: string) => number;

/** Makes text safe to draw: tabs and other control characters become spaces, runs collapse. */
export function cleanLine(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/**
 * Breaks text into lines no wider than `width`: paragraphs at newlines, lines at spaces, and a word
 * wider than the line at characters (a long URL or reference must not run off the page).
 */
export function wrapText(text: string, width: number, measure: Measure): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    const words = cleanLine(paragraph).split(' ').filter(Boolean);
    if (words.length === 0) {
      lines.push('');
      continue;
    }
    let line = '';
    for (const word of words) {
      const candidate = line ? `${line} ${word}` : word;
      if (measure(candidate) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = '';
      let rest = word;
      while (measure(rest) > width) {
        const cut = fitChars(rest, width, measure);
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

/** How many leading characters (whole code points, at least one) fit in `width`. */
function fitChars(word: string, width: number, measure: Measure): number {
  const chars = Array.from(word);
  let fit = 1;
  while (fit < chars.length && measure(chars.slice(0, fit + 1).join('')) <= width) fit++;
  return chars.slice(0, fit).join('').length;
}
