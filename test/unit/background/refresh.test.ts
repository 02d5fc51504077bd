import { describe, expect, it } from 'vitest';
import { openStore } from '@/lib/background/db/open';
import { batchesByAccount, refreshContacts } from '@/lib/background/refresh';
import { withDefaults } from '@/lib/background/settings';
import { account, contact, purchase, touch } from '../../helpers/records';
import { putTouch } from '../../helpers/touch-store';

const NOW = Date.UTC(2026, 11, 6);
const DAY = 86_400_000;

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

describe('refreshContacts: whom a write plans again', () => {
  // A write naming a few contacts reads them and their accounts by index; one naming a quarter of
  // the book or more reads every contact at once. Both must plan the same people.
  it.each([
    { name: 'one of twenty', named: ['a-0'] },
    { name: 'most of the book', named: ['a-0', 'b-0', 'b-1', 'b-2', 'b-3', 'b-4', 'c-0', 'c-1', 'c-2', 'c-3', 'c-4'] },
  ])('$name: the named contacts and everyone at their accounts, no one else', async ({ named }) => {
    const db = await openStore({ name: `refresh-${named.length}` });
    const book = [...people('a', 5), ...people('b', 5), ...people('c', 5), ...people('d', 5)];
    for (const c of book) {
      await db.put('contacts', { ...c, emails: [`${c.id}@example.com`] });
      // Each has a touch, so a planned contact has a summary to store (an empty one is not stored).
      await putTouch(db, touch({ id: `t-${c.id}`, contactId: c.id, sourceId: `s-${c.id}`, at: NOW - DAY }));
    }
    await refreshContacts(db, [...named, 'gone'], {
      now: NOW,
      newId: () => crypto.randomUUID(),
      settings: withDefaults(undefined),
    });
    const accounts = new Set(named.map((id) => id.split('-')[0]));
    const planned = ((await db.getAllKeys('summaries')) as string[]).sort();
    expect(planned).toEqual(
      book
        .filter((c) => accounts.has(String(c.accountId)))
        .map((c) => c.id)
        .sort(),
    );
    db.close();
  });
});

describe('refreshContacts: what the write stored is not read back', () => {
  // An import tells the refresh the contacts its parts stored and the accounts it created: the
  // plan must be the one reading the store would give, for them and for their new colleagues.
  it('plans the same follow-ups as reading the store', async () => {
    const plans = await Promise.all(
      [false, true].map(async (told) => {
        const db = await openStore({ name: `refresh-stored-${told}` });
        await db.put('accounts', account({ id: 'old', products: ['p'] }));
        const created = account({ id: 'new' });
        await db.put('accounts', created);
        // Bought in the same file: its new contacts are owed the aftercare a purchase brings.
        const bought = purchase({ id: 'p-new', accountId: 'new', at: NOW - 2 * DAY });
        await db.put('purchases', bought);
        const known = people('old', 3);
        for (const c of known) {
          await db.put('contacts', { ...c, emails: [`${c.id}@example.com`] });
          await putTouch(db, touch({ id: `t-${c.id}`, contactId: c.id, sourceId: `s-${c.id}`, at: NOW - 40 * DAY }));
        }
        const imported = [
          ...people('new', 4),
          ...people('old', 5).slice(3),
          contact({ id: 'loner', accountId: undefined }),
        ].map((c) => ({ ...c, emails: [`${c.id}@example.com`] }));
        for (const c of imported) await db.put('contacts', c);
        const ids = imported.map((c) => c.id);
        await refreshContacts(db, ids, {
          now: NOW,
          newId: () => crypto.randomUUID(),
          settings: withDefaults(undefined),
          blank: new Set(ids),
          ...(told
            ? {
                stored: {
                  contacts: new Map(imported.map((c) => [c.id, c])),
                  newAccounts: new Map([['new', { account: created, lastPurchaseAt: bought.at }]]),
                },
              }
            : {}),
        });
        const followUps = await db.getAll('followUps');
        db.close();
        return followUps
          .map(({ contactId, due, kind, reason, state }) => ({ contactId, due, kind, reason, state }))
          .sort((a, b) => a.contactId.localeCompare(b.contactId));
      }),
    );
    const [read, told] = plans;
    // Everyone imported and the old colleagues, whose account now has more people, are planned.
    expect(read?.map((f) => f.contactId)).toEqual([
      'loner',
      'new-0',
      'new-1',
      'new-2',
      'new-3',
      'old-0',
      'old-1',
      'old-2',
      'old-3',
      'old-4',
    ]);
    expect(read?.find((f) => f.contactId === 'new-0')?.reason.code).toBe('purchase');
    expect(told).toEqual(read);
  });
});
