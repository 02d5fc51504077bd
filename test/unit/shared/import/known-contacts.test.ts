import { describe, expect, it } from 'vitest';
import { indexRecords } from '@/lib/shared/import';
import { remembered } from '@/lib/shared/import/remembered';
import { account, contact } from '../../../helpers/records';
import { importCsv } from './helpers';

// An activity file names known contacts row after row. The plan copies a stored contact only
// when a row changes it, and never changes the stored record itself (the planner's input).
describe('known contacts in an activity file', () => {
  const stored = () => [
    contact({ id: 'jane', name: 'Jane Doe', emails: ['jane@acme.example'], accountId: 'acme' }),
    contact({ id: 'raj', name: 'raj@acme.example', emails: ['raj@acme.example'], accountId: 'acme' }),
  ];
  const csv = [
    'Activity date,Activity type,Direction,Contact email,Contact name,Subject',
    '2026-01-02,Email,Outbound,jane@acme.example,Jane Doe,Hello',
    '2026-01-03,Email,Inbound,jane@acme.example,Jane Doe,Re: Hello',
    '2026-01-03,Email,Inbound,jane@acme.example,Jane Doe,Re: Hello',
    '2026-01-04,Email,Outbound,raj@acme.example,Raj Patel,Intro',
  ].join('\n');

  it('changes only the contact a row adds to, leaves the stored records as they were, and adds a repeated row once', () => {
    const records = stored();
    const before = structuredClone(records);
    const { plan } = importCsv(csv, {
      existing: indexRecords({ contacts: records, accounts: [account({ id: 'acme' })] }),
    });
    expect(records).toEqual(before);
    // Raj was known only by his address: the row's name fills it in. Jane is unchanged.
    expect(plan.merge.contacts.map((m) => [m.id, m.after.name])).toEqual([['raj', 'Raj Patel']]);
    expect(plan.create.contacts).toEqual([]);
    expect(plan.create.touches.map((t) => [t.contactId, t.summary])).toEqual([
      ['jane', 'Hello'],
      ['jane', 'Re: Hello'],
      ['raj', 'Intro'],
    ]);
    expect(plan.counts).toEqual({ rows: 4, imported: 3, merged: 1, skipped: 0 });
  });

  it('plans the same whatever the batch size', () => {
    const existing = () => indexRecords({ contacts: stored(), accounts: [account({ id: 'acme' })] });
    const one = importCsv(csv, { existing: existing(), batchSize: 1 }).plan;
    const all = importCsv(csv, { existing: existing(), batchSize: 100 }).plan;
    expect(all).toEqual(one);
  });
});

describe('remembered: a cell answered once', () => {
  it('answers as the function does, asks it once per distinct cell, and forgets past its limit', () => {
    const asked: string[] = [];
    const length = remembered((cell) => {
      asked.push(cell);
      return cell.length || undefined;
    }, 2);
    expect(['ab', 'ab', '', '', 'abc'].map(length)).toEqual([2, 2, undefined, undefined, 3]);
    // 'abc' was the third distinct cell: the memory was cleared, so 'ab' is asked again.
    expect(length('ab')).toBe(2);
    expect(asked).toEqual(['ab', '', 'abc', 'ab']);
  });
});
