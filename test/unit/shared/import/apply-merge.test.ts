import { describe, expect, it } from 'vitest';
import { applyMerge, diffRecord } from '@/lib/shared/import/changes';

type Rec = { id: string; updatedAt: number; title?: string; emails: string[]; history: { at: number }[] };

const base: Rec = { id: 'c', updatedAt: 1, title: 'Buyer', emails: ['a@x.example'], history: [{ at: 10 }] };

/** The import's change from `base` to `ours`, applied to `theirs` (the record as it is at write time). */
const apply = (ours: Partial<Rec>, theirs: Partial<Rec>) => {
  const change = diffRecord(base, { ...base, ...ours });
  if (!change) throw new Error('no change');
  return applyMerge({ ...base, ...theirs }, change, 99);
};

describe('applyMerge: the import field by field against the record as it is now', () => {
  it.each([
    {
      case: 'a field nobody touched since takes the import’s value',
      ours: { title: 'Head of Buying' },
      theirs: {},
      expected: { title: 'Head of Buying' },
    },
    {
      case: 'a field the seller changed since keeps the seller’s value',
      ours: { title: 'Head of Buying' },
      theirs: { title: 'CEO' },
      expected: { title: 'CEO' },
    },
    {
      case: 'a field the import adds lands',
      ours: { emails: ['a@x.example', 'b@x.example'] },
      theirs: {},
      expected: { emails: ['a@x.example', 'b@x.example'] },
    },
    {
      case: 'a list changed on both sides keeps both additions',
      ours: { emails: ['a@x.example', 'b@x.example'] },
      theirs: { emails: ['a@x.example', 'c@x.example'] },
      expected: { emails: ['a@x.example', 'c@x.example', 'b@x.example'] },
    },
    {
      case: 'an item the import took out goes, around what was added meanwhile',
      ours: { emails: [] },
      theirs: { emails: ['a@x.example', 'c@x.example'] },
      expected: { emails: ['c@x.example'] },
    },
    {
      case: 'dated entries from both sides stay oldest first',
      ours: { history: [{ at: 10 }, { at: 30 }] },
      theirs: { history: [{ at: 10 }, { at: 20 }] },
      expected: { history: [{ at: 10 }, { at: 20 }, { at: 30 }] },
    },
  ])('$case', ({ ours, theirs, expected }) => {
    expect(apply(ours, theirs)).toMatchObject({ ...expected, updatedAt: 99 });
  });
});
