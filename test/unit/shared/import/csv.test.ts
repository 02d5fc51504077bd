import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { type CsvReader, type CsvRow, openCsv } from '@/lib/shared/import';
import { fixtureText } from './helpers';

/** At most `max` rows, as the import reads them (`each`), kept for the assertions. */
const rowsFrom = (reader: CsvReader, max = 1000): CsvRow[] => {
  const rows: CsvRow[] = [];
  reader.each(max, (row) => rows.push(row));
  return rows;
};

const readAll = (text: string, batch = 1000): CsvRow[] => {
  const reader = openCsv(text);
  const rows: CsvRow[] = [];
  while (!reader.done) rows.push(...rowsFrom(reader, batch));
  return rows;
};

describe('openCsv', () => {
  it('finds LinkedIn’s header below its notes, and numbers lines from the top of the file', () => {
    const reader = openCsv(fixtureText('linkedin-Connections.csv'));
    expect(reader.headers).toEqual([
      'First Name',
      'Last Name',
      'URL',
      'Email Address',
      'Company',
      'Position',
      'Connected On',
    ]);
    expect(reader.headerLine).toBe(4);
    expect(readAll(fixtureText('linkedin-Connections.csv')).map((r) => r.line)).toEqual([5, 6, 7]);
  });

  it('gives a row with quoted newlines the line it starts on', () => {
    const rows = readAll(fixtureText('quoted-newlines.csv'));
    expect(rows.map((r) => r.line)).toEqual([2, 3, 7]);
    expect(rows[1]?.cells[0]).toBe('Multi\nLine\nPerson');
  });

  it('detects `;` even when cells contain commas', () => {
    const reader = openCsv(fixtureText('semicolon.csv'));
    expect(reader.delimiter).toBe(';');
    expect(rowsFrom(reader)).toHaveLength(2);
  });

  it('follows an Excel `sep=` line', () => {
    const reader = openCsv('sep=|\nName|Email\nJane|jane@acme.example\n');
    expect(reader.headers).toEqual(['Name', 'Email']);
    expect(rowsFrom(reader)).toEqual([{ line: 3, cells: ['Jane', 'jane@acme.example'] }]);
  });

  it('reads tab-separated files', () => {
    expect(openCsv('Name\tEmail\nJane\tjane@acme.example\n').delimiter).toBe('\t');
  });

  it('takes the first row as the header when no column is recognised', () => {
    const reader = openCsv('Foo;Bar\n1;2\n');
    expect(reader.headers).toEqual(['Foo', 'Bar']);
    expect(reader.delimiter).toBe(';');
  });

  it('skips blank lines and Salesforce’s footer, counting their lines', () => {
    const rows = readAll('Email\n\na@x.example\n\n\nb@x.example\n""\n"Confidential Information - Do Not Distribute"\n');
    expect(rows).toEqual([
      { line: 3, cells: ['a@x.example'] },
      { line: 6, cells: ['b@x.example'] },
    ]);
  });

  it('marks a row whose quote never closes', () => {
    const rows = readAll('Name,Email\nJane,jane@x.example\n"Broken,b@x.example\nRest,rest@x.example\n');
    expect(rows[1]).toMatchObject({ line: 3, problem: 'broken-quotes' });
  });

  it('gives no rows for an empty file or a header alone', () => {
    expect(openCsv('').headers).toEqual([]);
    expect(readAll('')).toEqual([]);
    expect(readAll('\uFEFFName,Email\r\n')).toEqual([]);
  });

  it('counts lines in files with old Mac line ends', () => {
    expect(readAll('Name,Email\rJane,j@x.example\rJo,jo@x.example').map((r) => r.line)).toEqual([2, 3]);
  });

  it('samples rows without consuming them, and reports its progress', () => {
    const reader = openCsv('Email\na@x.example\nb@x.example\nc@x.example\n');
    expect(reader.sample(2)).toEqual([['a@x.example'], ['b@x.example']]);
    const start = reader.position;
    expect(rowsFrom(reader, 1)).toEqual([{ line: 2, cells: ['a@x.example'] }]);
    expect(reader.position).toBeGreaterThan(start);
    expect(rowsFrom(reader, 10)).toHaveLength(2);
    expect(reader.done).toBe(true);
    expect(reader.position).toBe(reader.total);
    expect(rowsFrom(reader)).toEqual([]);
  });

  it('any batch size reads every row, with the line it starts on', () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.constantFrom('a,b', 'say "hi"', 'two\nlines', 'crlf\r\nin', ' padded ', ''),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 5 }),
        (rows, batch) => {
          const text = Papa.unparse({ fields: ['Name', 'Email'], data: rows }, { newline: '\r\n' });
          const expected: CsvRow[] = [];
          let line = 2;
          for (const cells of rows) {
            if (cells.some((c) => c.trim() !== '')) expected.push({ line, cells });
            line += 1 + cells.join('').split('\n').length - 1;
          }
          expect(readAll(text, batch)).toEqual(expected);
          // Row by row (what an import does) reads the same rows, and counts those it handed on.
          const reader = openCsv(text);
          const visited: CsvRow[] = [];
          let handed = 0;
          while (!reader.done) handed += reader.each(batch, (row) => visited.push(row));
          expect(visited).toEqual(expected);
          expect(handed).toBe(expected.length);
        },
      ),
    );
  });
});
