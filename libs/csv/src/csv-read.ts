// Reading the CSV files county organization departments keep: UTF-8 with or without a BOM, or
// GB18030 (what Excel in China writes by default), RFC 4180 quoting, CRLF or LF.

export type CsvEncoding = 'utf-8' | 'gb18030';

/**
 * The text of a file and the encoding it was read in: a UTF-8 BOM, or bytes that are valid
 * UTF-8, are UTF-8; anything else is read as GB18030 (a superset of GBK and GB2312).
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/** A record of the file, with the line it starts on (1-based, as an editor shows it). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

/** The records of a CSV text; blank lines are skipped, a quote left open is an error. */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let touched = false;
  const endRecord = () => {
    cells.push(cell);
    if (touched || cells.length > 1 || cell !== '') records.push({ line: start, cells });
    cells = [];
    cell = '';
    touched = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell === '') {
      quoted = true;
      touched = true;
    } else if (c === ',') {
      cells.push(cell);
      cell = '';
      touched = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else cell += c;
  }
  if (quoted) throw new CsvSyntaxError(start, 'a quoted cell is not closed');
  if (cell !== '' || cells.length || touched) endRecord();
  return records;
}

/** A row as named cells, by the header's columns (trimmed). */
export interface CsvRow {
  line: number;
  values: Record<string, string>;
}

/**
 * The rows of a file under its header, each column named by the first of its accepted headers
 * (`aliases`: the canonical name → the headers that mean it, Chinese and English); unknown
 * headers are ignored, a missing required one is an error naming it.
 */
export function rowsOf(
  records: readonly CsvRecord[],
  aliases: Record<string, readonly string[]>,
  required: readonly string[],
): CsvRow[] {
  const [header, ...body] = records;
  if (!header) throw new CsvSyntaxError(1, 'the file is empty');
  const normalize = (h: string) => h.trim().toLowerCase();
  const columnOf = new Map<string, number>();
  header.cells.forEach((h, index) => {
    for (const [name, accepted] of Object.entries(aliases)) {
      if (!columnOf.has(name) && accepted.some((a) => normalize(a) === normalize(h)))
        columnOf.set(name, index);
    }
  });
  const missing = required.filter((r) => !columnOf.has(r));
  if (missing.length)
    throw new CsvSyntaxError(
      header.line,
      `missing column${missing.length > 1 ? 's' : ''}: ${missing.map((m) => aliases[m].join(' / ')).join('; ')}`,
    );
  return body.map((record) => ({
    line: record.line,
    values: Object.fromEntries(
      [...columnOf].map(([name, index]) => [name, (record.cells[index] ?? '').trim()]),
    ),
  }));
}
