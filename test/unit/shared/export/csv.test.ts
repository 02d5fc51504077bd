import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CONTACT_CSV_HEADERS, contactsToCsv, escapeFormula, startsFormula, unescapeFormula } from '@/lib/shared/export';
import { decodeFile } from '@/lib/shared/import';
import type { Contact } from '@/lib/shared/model';
import { account, contact, seller } from '../../../helpers/records';
import { importCsv } from '../import/helpers';
import { email } from './arbitraries';

describe('escapeFormula', () => {
  it.each([
    ['=SUM(A1:A3)', "'=SUM(A1:A3)"],
    ['+49 30 1234', "'+49 30 1234"],
    ['-5', "'-5"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ["'=x", "''=x"],
    ["'Tis", "'Tis"],
    ['Jane', 'Jane'],
    ['', ''],
  ])('%j → %j, and back', (value, escaped) => {
    expect(escapeFormula(value)).toBe(escaped);
    expect(unescapeFormula(escapeFormula(value))).toBe(value);
  });
});

describe('contactsToCsv', () => {
  it('writes the header, one row per contact, with account and owner names', () => {
    const csv = contactsToCsv(
      [
        contact({
          emails: ['jane@acme.example', 'j@acme.example'],
          ownerId: 'seller-1',
          linkedinId: 'jane-doe',
          title: 'CTO',
          phones: ['+14155550101', '030123456'],
        }),
        contact({ id: 'c2', name: 'Raj', emails: ['raj@acme.example'], ownerId: 'me', accountId: undefined }),
      ],
      { accounts: [account()], sellers: [seller()], meName: 'Sam Seller' },
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(rows).toEqual([
      [...CONTACT_CSV_HEADERS],
      [
        'Jane Example',
        'jane@acme.example',
        'j@acme.example',
        'CTO',
        'Acme',
        'customer',
        'Sam Colleague',
        'https://www.linkedin.com/in/jane-doe/',
        // A leading + is escaped like any formula character; the import takes the quote off.
        "'+14155550101; 030123456",
        '',
      ],
      ['Raj', 'raj@acme.example', '', '', '', 'customer', 'Sam Seller', '', '', ''],
    ]);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('escapes every cell a spreadsheet would run', () => {
    const csv = contactsToCsv(
      [contact({ name: '=HYPERLINK("http://evil.example","click")', title: '+1', notes: '@SUM(1)' })],
      {},
      { bom: false },
    );
    const [, row] = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
    expect(row?.[0]).toBe('\'=HYPERLINK("http://evil.example","click")');
    expect(row?.filter(startsFormula)).toEqual([]);
  });

  it('any names and addresses → CSV → import gives the same values, and no cell starts a formula', () => {
    const name = fc
      .oneof(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
        fc.constantFrom(
          '=1+1',
          '+49 170',
          '-minus',
          '@at',
          "'=quoted",
          "''+twice",
          'a, b',
          'say "hi"',
          'two\nlines',
          'tab\tinside',
        ),
      )
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
    const people = fc.uniqueArray(fc.record({ name, emails: fc.uniqueArray(email, { minLength: 1, maxLength: 3 }) }), {
      maxLength: 8,
      selector: (p) => p.emails[0],
    });
    fc.assert(
      fc.property(people, (list) => {
        // Addresses are unique across contacts in the store, so they are here.
        const seen = new Set<string>();
        const contacts: Contact[] = list
          .map((p, i) =>
            contact({ id: `c${i}`, name: p.name, emails: p.emails.filter((e) => !seen.has(e) && seen.add(e)) }),
          )
          .filter((c) => c.emails.length > 0);
        const csv = contactsToCsv(contacts, {});
        const cells = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data.slice(1).flat();
        expect(cells.filter(startsFormula)).toEqual([]);
        const { mapping, plan } = importCsv(decodeFile(new TextEncoder().encode(csv)));
        expect(mapping.format).toBe('rapport');
        expect(plan.errors).toEqual([]);
        expect(plan.create.contacts.map((c) => [c.name, c.emails])).toEqual(contacts.map((c) => [c.name, c.emails]));
      }),
      { numRuns: 200 },
    );
  });
});
