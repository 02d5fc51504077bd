import { describe, expect, it } from 'vitest';
import { batchesByAccount } from '@/lib/background/refresh';
import { contact } from '../../helpers/records';

const people = (accountId: string | undefined, n: number) =>
  Array.from({ length: n }, (_, i) => contact({ id: `${accountId ?? 'none'}-${i}`, accountId }));

describe('batchesByAccount: refresh batches never split an account', () => {
  it.each([
    {
      name: 'small accounts fill a batch',
      input: [people('a', 2), people('b', 2), people('c', 2)],
      size: 4,
      sizes: [4, 2],
    },
    {
      name: 'an account larger than a batch goes in whole',
      input: [people('a', 1), people('big', 7), people('c', 1)],
      size: 4,
      sizes: [1, 7, 1],
    },
    {
      name: 'contacts without an account are their own groups',
      input: [people(undefined, 5)],
      size: 2,
      sizes: [2, 2, 1],
    },
    { name: 'nothing to refresh', input: [], size: 4, sizes: [] },
  ])('$name', ({ input, size, sizes }) => {
    const all = input.flat();
    const batches = batchesByAccount(all, size);
    expect(batches.map((b) => b.length)).toEqual(sizes);
    expect(
      batches
        .flat()
        .map((c) => c.id)
        .sort(),
    ).toEqual(all.map((c) => c.id).sort());
    for (const id of new Set(all.flatMap((c) => (c.accountId ? [c.accountId] : [])))) {
      expect(batches.filter((b) => b.some((c) => c.accountId === id))).toHaveLength(1);
    }
  });
});
