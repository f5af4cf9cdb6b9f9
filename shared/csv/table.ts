import Papa from 'papaparse';

/** A problem in an input file, located for a human: file, line (header is line 1), column. */
export interface InputProblem {
  file: string;
  line: number;
  column?: string;
  message: string;
}

export function formatProblem(p: InputProblem): string {
  return `${p.file}, line ${p.line}${p.column ? `, column ${p.column}` : ''}: ${p.message}`;
}

/** Stop collecting after this many problems per file: the first ones are the useful ones. */
const MAX_PROBLEMS_PER_FILE = 50;

export interface TableRow {
  /** 1-based line on which the record starts. */
  line: number;
  /** Field by column name ('' when the column is absent from the file). */
  get(column: string): string;
  /** Position of a column in the header, -1 when the file has none (the same for every row of a file). */
  columnIndex(column: string): number;
  /** Field by position in the header ('' for -1 or a position the row lacks): `get` without a lookup by name. */
  at(index: number): string;
}

export class ProblemSink {
  readonly problems: InputProblem[] = [];
  more = 0;
  constructor(readonly file: string) {}

  add(line: number, message: string, column?: string): void {
    if (this.problems.length >= MAX_PROBLEMS_PER_FILE) {
      this.more += 1;
      return;
    }
    this.problems.push(column === undefined ? { file: this.file, line, message } : { file: this.file, line, column, message });
  }

  get count(): number {
    return this.problems.length + this.more;
  }
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n += 1;
  return n;
}

/**
 * Reads an RFC 4180 CSV document with a header row (UTF-8, optional BOM, fields may be quoted and
 * may contain newlines) and calls `onRow` for each non-empty record with its line number.
 * Required columns missing from the header, malformed quoting and records with the wrong number
 * of fields are reported to `sink`, not thrown.
 */
export function readTable(
  text: string,
  requiredColumns: readonly string[],
  sink: ProblemSink,
  onRow: (row: TableRow) => void,
): number {
  const unmarked = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (unmarked.trim() === '') {
    sink.add(1, `the file is empty; expected a header row: ${requiredColumns.join(',')}`);
    return 0;
  }
  const reader = new TableReader(requiredColumns, sink, onRow);
  reader.push(unmarked);
  return reader.end();
}

/**
 * `readTable` piece by piece, for a file too large to hold as one string: each piece must end
 * where a record ends (after a line break outside quotes) or be the last one. The first piece
 * may start with a BOM. Lines are numbered across pieces. A piece cut inside a quoted field is
 * reported as malformed CSV (an unterminated quote), never read as something else.
 */
export class TableReader {
  private header: string[] | null = null;
  private index = new Map<string, number>();
  private line = 1;
  private rows = 0;
  private fatal = false;
  private first = true;
  /** Whether the piece being read has a quote (only a quoted field can hold a line break). */
  private quoted = true;
  private readonly current: { fields: string[]; line: number } = { fields: [], line: 1 };
  private readonly row: TableRow;

  constructor(
    private readonly requiredColumns: readonly string[],
    private readonly sink: ProblemSink,
    private readonly onRow: (row: TableRow) => void,
  ) {
    const current = this.current;
    const columnOf = (column: string): number | undefined => this.index.get(column);
    this.row = {
      line: 1,
      get(column: string): string {
        const i = columnOf(column);
        return i === undefined ? '' : (current.fields[i] ?? '');
      },
      columnIndex: (column: string): number => columnOf(column) ?? -1,
      at(index: number): string {
        return current.fields[index] ?? '';
      },
    };
  }

  private processRow(fields: string[], errors: readonly Papa.ParseError[]): boolean {
    const startLine = this.line;
    let consumed = 1;
    if (this.quoted) for (const f of fields) if (f.indexOf('\n') !== -1) consumed += countNewlines(f);
    this.line += consumed;
    for (const e of errors) this.sink.add(startLine, `malformed CSV: ${e.message.toLowerCase()}`);
    if (fields.length === 1 && (fields[0] ?? '').trim() === '') return true;
    if (this.header === null) {
      const header = fields.map((h) => h.trim());
      this.header = header;
      this.index = new Map(header.map((h, i) => [h, i]));
      const seen = new Set<string>();
      for (const h of header) {
        if (seen.has(h)) this.sink.add(startLine, `column "${h}" appears twice in the header`);
        seen.add(h);
      }
      const missing = this.requiredColumns.filter((c) => !this.index.has(c));
      if (missing.length > 0) {
        this.sink.add(
          startLine,
          `header is missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (expected ${this.requiredColumns.join(',')})`,
        );
        this.fatal = true;
        return false;
      }
      return true;
    }
    if (fields.length !== this.header.length) {
      this.sink.add(startLine, `expected ${this.header.length} fields as in the header, found ${fields.length}`);
      return true;
    }
    this.current.fields = fields;
    this.current.line = startLine;
    this.row.line = startLine;
    this.rows += 1;
    this.onRow(this.row);
    return true;
  }

  /** Reads one piece; false once reading has stopped (a header without the required columns). */
  push(text: string): boolean {
    if (this.fatal) return false;
    let piece = text;
    if (this.first) {
      this.first = false;
      if (piece.charCodeAt(0) === 0xfeff) piece = piece.slice(1);
    }
    // One line-end style for the parser: CRLF, LF and CR all end a line, even mixed in one file
    // (rows appended by another tool), and line breaks inside quoted fields become \n.
    const normal = piece.includes('\r') ? piece.replace(/\r\n?/g, '\n') : piece;
    if (normal === '') return true;
    // A piece's last line break ends its last record: parsed with it, it would read as one more
    // (empty) line before the next piece.
    const body = normal.endsWith('\n') ? normal.slice(0, -1) : normal;
    if (body === '') {
      this.line += 1;
      return true;
    }
    // Chunk mode (rows handed over 64 KB at a time) rather than step mode: no result object per
    // row, which matters at a million rows; small chunks, so a chunk's rows die young instead of
    // reaching the old generation (4 MB chunks: a third more CPU, mostly garbage collection).
    // Errors carry their row index within the chunk.
    // Papa's typings allow `chunk` only for files, but its string streamer supports it too (and
    // runs synchronously), hence the cast of the input.
    this.quoted = body.includes('"');
    const noErrors: Papa.ParseError[] = [];
    Papa.parse<string[]>(body as unknown as Papa.LocalFile, {
      delimiter: ',',
      newline: '\n',
      quoteChar: '"',
      escapeChar: '"',
      skipEmptyLines: false,
      fastMode: false,
      chunkSize: 1 << 16,
      complete() {},
      chunk: (result: Papa.ParseResult<string[]>, parser: Papa.Parser) => {
        let errorsByRow: Map<number, Papa.ParseError[]> | null = null;
        for (const e of result.errors) {
          errorsByRow ??= new Map();
          const at = e.row ?? 0;
          errorsByRow.set(at, [...(errorsByRow.get(at) ?? []), e]);
        }
        const data = result.data;
        for (let i = 0; i < data.length; i += 1) {
          if (!this.processRow(data[i] as string[], errorsByRow?.get(i) ?? noErrors)) {
            parser.abort();
            return;
          }
        }
      },
    });
    return !this.fatal;
  }

  /** After the last piece: the number of records read. */
  end(): number {
    if (this.header === null && !this.fatal) this.sink.add(1, `no header row; expected ${this.requiredColumns.join(',')}`);
    return this.rows;
  }
}

/** RFC 4180 quoting of one field: quoted only when it holds a comma, quote or line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(values: readonly string[]): string {
  return values.map(csvField).join(',');
}

/**
 * Where the last whole record of `buf` ends (the index of its line break, outside quotes), or -1.
 * `buf` starts at a record boundary. Quote and line-break bytes never occur inside a UTF-8
 * multi-byte sequence, so bytes can be cut there and decoded apart (a file read in pieces is
 * cut there, so each piece holds whole records: server/cli/load-dataset.ts).
 */
export function lastRecordEnd(buf: Uint8Array): number {
  let pos = 0;
  let quoted = false;
  let best = -1;
  for (;;) {
    const q = buf.indexOf(0x22, pos);
    const segmentEnd = q === -1 ? buf.length : q;
    if (!quoted && segmentEnd > pos) {
      const nl = buf.lastIndexOf(0x0a, segmentEnd - 1);
      if (nl >= pos) best = nl;
    }
    if (q === -1) return best;
    quoted = !quoted;
    pos = q + 1;
  }
}
