// CSV as Excel in China opens it: UTF-8 with a byte-order mark (without one Excel reads GBK and
// garbles Chinese), CRLF line ends, RFC 4180 quoting.

export const UTF8_BOM = '\uFEFF';

/**
 * One cell. A text beginning with = + - @ (or a tab or carriage return) is prefixed with an
 * apostrophe, so that Excel shows it instead of running it as a formula (CSV injection); numbers
 * and booleans are written as they are.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'string' ? value : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly unknown[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
