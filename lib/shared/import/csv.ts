import Papa from 'papaparse';
import { stripBom } from './decode';
import { knownHeader } from './known-headers';

/**
 * CSV reading on papaparse, a batch of rows at a time, so the caller decides when to yield
 * to the page, shows progress, and can stop. papaparse's own worker mode is not an option
 * (an extension page's CSP blocks `blob:` workers), and after its pause/resume the row
 * offsets it reports no longer match the text, so each batch is a fresh `Papa.parse` of the rest of the text that stops
 * (`parser.abort()`) after enough rows; `meta.cursor` says where the next batch starts.
 */

export interface CsvRow {
  /** 1-based line where the row starts; a quoted newline makes a row span several lines. */
  line: number;
  cells: string[];
  /** The row opens a quote that never closes: papaparse read the rest of the file into it. */
  problem?: 'broken-quotes';
}

export interface CsvReader {
  readonly headers: readonly string[];
  readonly headerLine: number;
  readonly delimiter: string;
  /** Characters read so far, and in all: the progress bar. */
  readonly position: number;
  readonly total: number;
  readonly done: boolean;
  /** The next rows, at most `max`; an empty array once the file is read. */
  next(max?: number): CsvRow[];
  /** The first data rows without consuming them (for the mapping preview and date-order guess). */
  sample(count: number): string[][];
}

export interface CsvOptions {
  /** Force the separator; otherwise the one that makes the best header row wins. */
  delimiter?: string;
}

interface Layout {
  delimiter: string;
  newline: '\r\n' | '\n' | '\r';
  headers: string[];
  headerStart: number;
  /** Offset just after the header row. */
  dataStart: number;
}

export function openCsv(input: string, options: CsvOptions = {}): CsvReader {
  const text = stripBom(input);
  const layout = findLayout(text, options.delimiter);
  const lines = new LineCounter(text, layout.newline);
  const headerLine = lines.at(layout.headerStart);
  let position = layout.dataStart;
  return {
    headers: layout.headers,
    headerLine,
    delimiter: layout.delimiter,
    total: text.length,
    get position() {
      return position;
    },
    get done() {
      return position >= text.length;
    },
    next(max = 1000) {
      if (position >= text.length) return [];
      const batch = readRows(text, position, max, layout);
      // Every row moves the cursor; should papaparse ever report none, end rather than loop.
      position = batch.end > position ? batch.end : text.length;
      return batch.rows
        .filter((row) => !skippable(row.cells))
        .map((row) => ({
          line: lines.at(row.start),
          cells: row.cells,
          ...(row.brokenQuotes ? { problem: 'broken-quotes' as const } : {}),
        }));
    },
    sample(count) {
      return readRows(text, position, count, layout)
        .rows.map((row) => row.cells)
        .filter((cells) => !skippable(cells));
    },
  };
}

interface RawRow {
  start: number;
  end: number;
  cells: string[];
  brokenQuotes: boolean;
}

function readRows(text: string, from: number, max: number, layout: Pick<Layout, 'delimiter' | 'newline'>) {
  const rows: RawRow[] = [];
  let consumed = 0;
  Papa.parse<string[]>(text.slice(from), {
    delimiter: layout.delimiter,
    newline: layout.newline,
    // Fast mode splits the whole rest of the text on newlines for each batch; never wanted here.
    fastMode: false,
    skipEmptyLines: false,
    step(result, parser) {
      rows.push({
        start: from + consumed,
        end: from + result.meta.cursor,
        cells: result.data,
        brokenQuotes: result.errors.some((e) => e.code === 'MissingQuotes'),
      });
      consumed = result.meta.cursor;
      if (rows.length >= max) parser.abort();
    },
  });
  return { rows, end: from + consumed };
}

/** Blank lines, and the two lines Salesforce puts under every report export. */
function skippable(cells: readonly string[]): boolean {
  const filled = cells.filter((c) => c.trim() !== '');
  if (filled.length === 0) return true;
  return (
    filled.length === 1 &&
    cells[0] === filled[0] &&
    /^(Confidential Information - Do Not Distribute|Copyright \(c\) \d{4}-\d{4} salesforce\.com)/i.test(filled[0] ?? '')
  );
}

const CANDIDATES = [',', ';', '\t', '|'];
const HEADER_SEARCH_ROWS = 30;

/**
 * Finds the separator and the header row. LinkedIn's Connections.csv opens with a few lines
 * of notes, and Excel may write `sep=;` first, so the header is the first row that names at
 * least two known columns, under whichever separator names the most.
 */
function findLayout(text: string, forced: string | undefined): Layout {
  const sepLine = /^sep=(.)\r?\n/i.exec(text);
  const start = sepLine ? sepLine[0].length : 0;
  const delimiterHint = forced ?? sepLine?.[1];
  const probe = Papa.parse<string[]>(text.slice(start, start + 4096), { preview: 1 });
  const newline = (['\r\n', '\n', '\r'] as const).find((n) => n === probe.meta.linebreak) ?? '\n';

  let best: { layout: Layout; score: number } | undefined;
  for (const delimiter of delimiterHint ? [delimiterHint] : CANDIDATES) {
    const { rows } = readRows(text, start, HEADER_SEARCH_ROWS, { delimiter, newline });
    rows.forEach((row) => {
      const score = row.cells.filter(knownHeader).length;
      if (score < 2 || (best && best.score >= score)) return;
      best = {
        score,
        layout: { delimiter, newline, headers: tidy(row.cells), headerStart: row.start, dataStart: row.end },
      };
    });
  }
  if (best) return best.layout;

  // Nothing recognised: papaparse guesses the separator and the first non-blank row is the header.
  const delimiter =
    delimiterHint ??
    (Papa.parse<string[]>(text.slice(start), { preview: 10, skipEmptyLines: true }).meta.delimiter || ',');
  const { rows } = readRows(text, start, HEADER_SEARCH_ROWS, { delimiter, newline });
  const index = rows.findIndex((row) => !skippable(row.cells));
  const header = rows[index];
  if (!header) return { delimiter, newline, headers: [], headerStart: start, dataStart: text.length };
  return {
    delimiter,
    newline,
    headers: tidy(header.cells),
    headerStart: header.start,
    dataStart: header.end,
  };
}

const tidy = (cells: string[]) => cells.map((c) => stripBom(c).trim());

/** Line numbers for offsets that only grow: each character is counted once over the whole file. */
class LineCounter {
  private offset = 0;
  private line = 1;
  private readonly breakChar: string;

  constructor(
    private readonly text: string,
    newline: Layout['newline'],
  ) {
    this.breakChar = newline === '\r' ? '\r' : '\n';
  }

  at(offset: number): number {
    if (offset < this.offset) throw new Error('line numbers are read forwards only');
    let i = this.text.indexOf(this.breakChar, this.offset);
    while (i >= 0 && i < offset) {
      this.line++;
      i = this.text.indexOf(this.breakChar, i + 1);
    }
    this.offset = offset;
    return this.line;
  }
}
