/**
 * CSV (RFC 4180) for a download: every value quoted, quotes doubled, CRLF line ends, a byte order mark so a
 * spreadsheet reads UTF-8. A text that a spreadsheet would take for a formula (starting with = + - @, or a tab or
 * carriage return) gets a leading apostrophe; numbers are written as numbers.
 */
export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

function cell(value: string | number | null): string {
  if (value === null) return '""';
  if (typeof value === 'number') return `"${Number.isFinite(value) ? String(value) : ''}"`;
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${guarded.replace(/"/g, '""')}"`;
}
