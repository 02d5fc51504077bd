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
  /**
   * Reads at most `max` rows and hands each to `visit` as papaparse reads it, keeping none;
   * answers how many it handed on (blank lines are read and not handed on).
   */
  each(max: number, visit: (row: CsvRow) => void): number;
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
  const each: CsvReader['each'] = (max, visit) => {
    if (position >= text.length) return 0;
    let handed = 0;
    const end = readRows(text, position, max, layout, (cells, start, _end, brokenQuotes) => {
      if (skippable(cells)) return;
      const row: CsvRow = { line: lines.at(start), cells };
      if (brokenQuotes) row.problem = 'broken-quotes';
      handed++;
      visit(row);
    });
    // Every row moves the cursor; should papaparse ever report none, end rather than loop.
    position = end > position ? end : text.length;
    return handed;
  };
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
    each,
    sample(count) {
      const rows: string[][] = [];
      readRows(text, position, count, layout, (cells) => {
        if (!skippable(cells)) rows.push(cells);
      });
      return rows;
    },
  };
}

/**
 * Reads at most `max` rows from `from`, handing each to `take` with the offset it starts at;
 * answers the offset after the last row read.
 */
function readRows(
  text: string,
  from: number,
  max: number,
  layout: Pick<Layout, 'delimiter' | 'newline'>,
  take: (cells: string[], start: number, end: number, brokenQuotes: boolean) => void,
): number {
  let consumed = 0;
  let count = 0;
  Papa.parse<string[]>(text.slice(from), {
    delimiter: layout.delimiter,
    newline: layout.newline,
    // Fast mode splits the whole rest of the text on newlines for each batch; never wanted here.
    fastMode: false,
    skipEmptyLines: false,
    step(result, parser) {
      const start = from + consumed;
      consumed = result.meta.cursor;
      take(result.data, start, from + consumed, result.errors.length > 0 && hasMissingQuotes(result.errors));
      if (++count >= max) parser.abort();
    },
  });
  return from + consumed;
}

const hasMissingQuotes = (errors: readonly Papa.ParseError[]) => errors.some((e) => e.code === 'MissingQuotes');

const SALESFORCE_FOOTER =
  /^(Confidential Information - Do Not Distribute|Copyright \(c\) \d{4}-\d{4} salesforce\.com)/i;

/** Blank lines, and the two lines Salesforce puts under every report export. Runs per row: counts, makes nothing. */
function skippable(cells: readonly string[]): boolean {
  let filled = 0;
  for (const cell of cells) if (/\S/.test(cell)) filled++;
  if (filled === 0) return true;
  const first = cells[0] ?? '';
  return filled === 1 && /\S/.test(first) && SALESFORCE_FOOTER.test(first);
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
    readRows(text, start, HEADER_SEARCH_ROWS, { delimiter, newline }, (cells, rowStart, rowEnd) => {
      const score = cells.filter(knownHeader).length;
      if (score < 2 || (best && best.score >= score)) return;
      best = {
        score,
        layout: { delimiter, newline, headers: tidy(cells), headerStart: rowStart, dataStart: rowEnd },
      };
    });
  }
  if (best) return best.layout;

  // Nothing recognised: papaparse guesses the separator and the first non-blank row is the header.
  const delimiter =
    delimiterHint ??
    (Papa.parse<string[]>(text.slice(start), { preview: 10, skipEmptyLines: true }).meta.delimiter || ',');
  let header: { cells: string[]; start: number; end: number } | undefined;
  readRows(text, start, HEADER_SEARCH_ROWS, { delimiter, newline }, (cells, rowStart, rowEnd) => {
    if (!header && !skippable(cells)) header = { cells, start: rowStart, end: rowEnd };
  });
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
