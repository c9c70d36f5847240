import { parse } from 'csv-parse/sync';
import { cleanText } from '../text.ts';

/**
 * Reading a CSV file as a school office exports it (issue 11, item 3), shared by the staff and the timetable import:
 * UTF-8 or Windows-1252 (Excel's "CSV" in Norway), a BOM dropped, `;` or `,` (the header line decides), parsed by
 * csv-parse with the line of each record kept so every problem can be reported by line.
 */

/** Largest file taken (bytes) and most rows: a school's staff or timetable fits many times over. */
export const MAX_CSV_BYTES = 512 * 1024;
export const MAX_CSV_ROWS = 2000;

/** Windows-1252's 0x80–0x9F (€, „, …, –, —, ™, Š, Ž, the quotes…); `_` where the code page has no character. */
const CP1252_HIGH = '€_‚ƒ„…†‡ˆ‰Š‹Œ_Ž__‘’“”•–—˜™š›œ_žŸ';

/** The file's text: UTF-8 when it is valid UTF-8 (a BOM dropped), else Windows-1252 (Excel's "CSV" in Norway). */
export function decodeCsv(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Node 20's TextDecoder('windows-1252') decodes as Latin-1 (0x80–0x9F stay C1 controls): map those here.
    text = new TextDecoder('windows-1252')
      .decode(bytes)
      .replace(/[\u0080-\u009f]/g, (c) => (CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? '_').replace('_', c));
  }
  return cleanText(text.replace(/^\uFEFF/, ''));
}

/** `;` or `,`: whichever the header line has more of (outside quotes it is only names, so a plain count works). */
export function detectDelimiter(text: string): ';' | ',' {
  const header = text.split('\n', 1)[0] ?? '';
  const count = (ch: string) => header.split(ch).length - 1;
  return count(';') >= count(',') ? ';' : ',';
}

export type FileProblem = 'empty' | 'too_large' | 'too_many_rows' | 'malformed' | 'missing_columns';
export interface CsvFileProblem {
  code: FileProblem;
  line?: number;
  columns?: string[];
}

/** The records of the file (the header first) with the line each starts on, or what is wrong with the file. */
export function readCsvRecords(
  bytes: Uint8Array,
): { problem: CsvFileProblem } | { records: string[][]; lines: number[] } {
  if (bytes.byteLength > MAX_CSV_BYTES) return { problem: { code: 'too_large' } };
  const text = decodeCsv(bytes);
  if (text.trim() === '') return { problem: { code: 'empty' } };
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    // With `info`, each record comes as { record, info } (the typings do not follow the option).
    parsed = parse(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as typeof parsed;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return { problem: { code: 'malformed', line: typeof line === 'number' ? line : undefined } };
  }
  if (parsed.length - 1 > MAX_CSV_ROWS) return { problem: { code: 'too_many_rows' } };
  return { records: parsed.map((p) => p.record), lines: parsed.map((p) => p.info.lines) };
}

/**
 * The column index of each field from the header line (names in any case; each field has its accepted names, the
 * first is the one reported missing). Optional fields are -1 when absent; a missing required one is listed.
 */
export function csvColumns<C extends string>(
  header: string[],
  aliases: Record<C, readonly string[]>,
  optional: readonly C[] = [],
): Record<C, number> | string[] {
  const names = header.map((h) => h.toLowerCase().trim());
  const index = {} as Record<C, number>;
  const missing: string[] = [];
  for (const [column, names_] of Object.entries(aliases) as [C, readonly string[]][]) {
    const at = names.findIndex((n) => names_.includes(n));
    if (at < 0 && !optional.includes(column)) missing.push(names_[0]!);
    index[column] = at;
  }
  return missing.length ? missing : index;
}
