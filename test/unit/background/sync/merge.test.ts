import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeEdits } from '@/lib/background/sync/merge';

type Version = {
  id: string;
  title: string;
  updatedAt: number;
  history?: { field: string; value: string; at: number }[];
};
const chris = (title: string, updatedAt: number, more: Record<string, unknown> = {}): Version =>
  ({
    id: 'chris',
    name: 'Chris Customer',
    title,
    updatedAt,
    ...more,
  }) as Version;

describe('two sellers edited one contact while apart', () => {
  it('the later edit wins, and the other title is kept in the history with when it was set', () => {
    const alex = chris('VP Sales', 1_000);
    const sam = chris('Head of Sales', 2_000);
    const merged = mergeEdits(alex, sam);
    expect(merged.title).toBe('Head of Sales');
    expect(merged.history).toEqual([{ field: 'title', value: '"VP Sales"', at: 1_000 }]);
    // Sam's computer, receiving Alex's older edit, comes to the same record.
    expect(mergeEdits(sam, alex)).toEqual(merged);
  });

  it('nothing to keep when only one side changed anything', () => {
    expect(mergeEdits(chris('VP Sales', 1_000), chris('VP Sales', 3_000))).toEqual(chris('VP Sales', 3_000));
  });

  it('is the same whichever computer merges, in any order, and never loses a replaced value', () => {
    const version = fc.record({
      title: fc.constantFrom('VP Sales', 'Head of Sales', 'CEO'),
      updatedAt: fc.integer({ min: 1, max: 5 }),
      tier: fc.constantFrom('high', 'low'),
    });
    fc.assert(
      fc.property(version, version, version, (x, y, z) => {
        const [a, b, c] = [x, y, z].map((v) => chris(v.title, v.updatedAt, { valueTier: v.tier }));
        if (!a || !b || !c) return;
        expect(mergeEdits(a, b)).toEqual(mergeEdits(b, a));
        const one = mergeEdits(mergeEdits(a, b), c);
        const other = mergeEdits(a, mergeEdits(b, c));
        expect({ ...one, history: undefined }).toEqual({ ...other, history: undefined });
        // Every title any side held is the record's or in its history.
        const titles = new Set([
          one.title,
          ...(one.history ?? []).filter((h) => h.field === 'title').map((h) => JSON.parse(h.value)),
        ]);
        for (const v of [a, b, c]) expect(titles).toContain(v.title);
      }),
    );
  });
});
