import { describe, expect, it } from 'vitest';
import { parseDirection, parseKind } from '@/lib/shared/import/cells';
import { expectAccounted, fixtureText, importCsv } from './helpers';

const errors = (fixture: string) => importCsv(fixtureText(fixture)).plan.errors.map((e) => [e.line, e.code]);

describe('bad rows', () => {
  it('contacts: each bad row with its line and reason, every good row in', () => {
    const { plan } = importCsv(fixtureText('bad-contacts.csv'));
    expectAccounted(plan, 6);
    expect(plan.create.contacts.map((c) => c.name)).toEqual(['Good Person', 'Multi\nLine Name']);
    expect(plan.errors).toEqual([
      { line: 3, code: 'no-identity', reason: 'no email and no LinkedIn URL' },
      { line: 4, code: 'invalid-email', reason: 'invalid email "not-an-email"' },
      {
        line: 7,
        code: 'invalid-linkedin',
        reason: 'not a LinkedIn profile address: "https://www.linkedin.com/company/acme"',
      },
      { line: 8, code: 'no-identity', reason: 'no email and no LinkedIn URL' },
    ]);
  });

  it('activities: unparseable date, unknown type or direction, no contact, no date', () => {
    const { plan } = importCsv(fixtureText('bad-activities.csv'));
    expectAccounted(plan, 6);
    expect(plan.counts.imported).toBe(1);
    expect(errors('bad-activities.csv')).toEqual([
      [3, 'invalid-date'],
      [4, 'unknown-kind'],
      [5, 'unknown-direction'],
      [6, 'no-identity'],
      [7, 'missing-date'],
    ]);
    expect(plan.errors[0]?.reason).toBe('unparseable date "31/31/2024"');
  });

  it('purchases: negative or unparseable amounts, bad dates and addresses, no account or currency', () => {
    const { plan } = importCsv(fixtureText('bad-purchases.csv'));
    expectAccounted(plan, 9);
    expect(plan.counts.imported).toBe(1);
    expect(errors('bad-purchases.csv')).toEqual([
      [3, 'negative-amount'],
      [4, 'negative-amount'],
      [5, 'invalid-date'],
      [6, 'invalid-amount'],
      [7, 'missing-account'],
      [8, 'invalid-email'],
      [9, 'missing-currency'],
      [10, 'free-mail-account'],
    ]);
    expect(plan.errors[0]?.reason).toBe('negative amount "-50.00"');
  });

  it('a quote that never closes is one bad row, not a silent loss', () => {
    const { plan } = importCsv('Name,Email\nJane,jane@x.example\n"Broken,b@x.example\nRest,rest@x.example\n');
    expect(plan.counts).toMatchObject({ imported: 1, skipped: 1 });
    expect(plan.errors[0]).toMatchObject({ line: 3, code: 'broken-quotes' });
  });
});

describe('words that are names of Object members', () => {
  it('"Constructor" is no activity type and no direction', () => {
    expect(parseKind('Constructor')).toBeUndefined();
    expect(parseDirection('constructor')).toBeUndefined();
  });
});
