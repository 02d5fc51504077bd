import type { IDBPDatabase } from 'idb';
import { IDBObjectStore as FakeObjectStore } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KEPT_CONTACT_ROWS } from '@/lib/background/book';
import { countAll, planQueued, REPLAN } from '@/lib/background/data';
import { MESSAGES } from '@/lib/background/db/open';
import type { RapportDB } from '@/lib/background/db/schema';
import { deliver, envelope, senders, startBackground } from '../../helpers/background';
import { account, contact, touch } from '../../helpers/records';

let db: IDBPDatabase<RapportDB>;
beforeEach(async () => {
  db = await startBackground();
  await db.put('accounts', account({ id: 'acme' }));
  await db.put('contacts', contact({ id: 'c1', accountId: 'acme' }));
});
afterEach(() => vi.restoreAllMocks());

describe('values are bounded where they enter', () => {
  it('a purchase of 1e308 is refused with a clear message, and nothing is stored', async () => {
    const answer = await deliver(
      envelope('purchase.add', { accountId: 'acme', amount: 1e308, currency: 'EUR' }),
      senders.page,
    );
    expect(answer.ok).toBe(false);
    expect(answer.error?.message).toMatch(/amount is too large: at most 1,000,000,000,000/);
    expect(await db.count('purchases')).toBe(0);
  });
});

describe('a full store', () => {
  it('a write the browser refuses for quota says so plainly, and nothing of it is half-written', async () => {
    const before = await countAll(db);
    // fake-indexeddb has no quota: its put throws what a browser's full store gives.
    const put = FakeObjectStore.prototype.put;
    vi.spyOn(FakeObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'touchLogs') throw new DOMException('the quota has been exceeded', 'QuotaExceededError');
      return put.apply(this, args as never);
    });
    const answer = await deliver(
      envelope('data.put', {
        contacts: [contact({ id: 'c2', accountId: 'acme' })],
        touches: [touch({ id: 't1', contactId: 'c2' })],
      }),
      senders.page,
    );
    expect(answer.ok).toBe(false);
    expect(answer.error?.message).toBe(MESSAGES.quota);
    expect(await countAll(db)).toEqual(before);
  });
});

describe('the replan queue', () => {
  it('a worker stopped while planning leaves the queued contacts queued; a finished plan takes them out', async () => {
    await db.put('meta', { contactIds: ['c1', 'c2'] }, REPLAN);
    await expect(
      planQueued(db, async () => {
        throw new Error('the worker stopped');
      }),
    ).rejects.toThrow('the worker stopped');
    expect(await db.get('meta', REPLAN)).toEqual({ contactIds: ['c1', 'c2'] });
    const planned: string[][] = [];
    await planQueued(
      db,
      async (ids) => {
        planned.push(ids);
        // A write meanwhile queues someone else: they stay for the next plan.
        await db.put('meta', { contactIds: ['c1', 'c2', 'c3'] }, REPLAN);
      },
      ['c9'],
    );
    expect(planned).toEqual([['c1', 'c2', 'c9']]);
    expect(await db.get('meta', REPLAN)).toEqual({ contactIds: ['c3'] });
  });
});

describe('the book kept between dashboard views', () => {
  type ContactsAnswer = { contacts: { id: string; status: string }[]; asOf: number; stale: boolean };
  const contacts = async (fresh = false) =>
    (await deliver(envelope('book.contacts', { fresh }), senders.page)).data as ContactsAnswer;
  const statusOf = (answer: ContactsAnswer, id: string) => answer.contacts.find((c) => c.id === id)?.status;

  it('is read again after any write: a status set in another tab shows in the fresh answer', async () => {
    expect(statusOf(await contacts(), 'c1')).toBe('customer');
    await deliver(envelope('contact.setStatus', { contactId: 'c1', status: 'former' }), senders.page);
    // The last answer comes first, said to be stale; the page then asks for today's.
    const first = await contacts();
    expect(first.stale).toBe(true);
    expect(statusOf(first, 'c1')).toBe('customer');
    const fresh = await contacts(true);
    expect(fresh.stale).toBe(false);
    expect(statusOf(fresh, 'c1')).toBe('former');
    // A direct write (no request) is not seen while the kept book is fresh: every product write is a request.
    await db.put('contacts', contact({ id: 'c9', accountId: 'acme', emails: ['c9@acme.example'] }));
    expect((await contacts()).contacts.map((c) => c.id)).not.toContain('c9');
  });

  it('keeps the first rows and their count for the next opening; today’s answer has every contact', async () => {
    const many = Array.from({ length: KEPT_CONTACT_ROWS + 5 }, (_, i) =>
      contact({ id: `m${String(i).padStart(3, '0')}`, accountId: 'acme', emails: [`m${i}@acme.example`] }),
    );
    await deliver(envelope('data.put', { contacts: many }), senders.page);
    expect((await contacts()).contacts).toHaveLength(KEPT_CONTACT_ROWS + 6);
    await deliver(envelope('contact.setStatus', { contactId: 'c1', status: 'former' }), senders.page);
    const first = (await contacts()) as ContactsAnswer & { total?: number };
    expect(first).toMatchObject({ stale: true, total: KEPT_CONTACT_ROWS + 6 });
    expect(first.contacts).toHaveLength(KEPT_CONTACT_ROWS);
    const today = (await contacts(true)) as ContactsAnswer & { total?: number };
    expect(today.stale).toBe(false);
    expect(today.total).toBeUndefined();
    expect(today.contacts).toHaveLength(KEPT_CONTACT_ROWS + 6);
  });

  it('works out a summary the store lacks from the contact’s touches, for one contact among many or for all', async () => {
    const many = Array.from({ length: 30 }, (_, i) =>
      contact({ id: `k${String(i).padStart(2, '0')}`, accountId: 'north', emails: [`k${i}@north.example`] }),
    );
    const at = Date.now() - 10 * 86_400_000;
    const touches = (['outbound', 'inbound'] as const).map((direction, i) =>
      touch({
        id: `k-${i}`,
        contactId: 'k00',
        accountId: 'north',
        direction,
        at: at + i * 3_600_000,
        sourceId: `k:${i}`,
      }),
    );
    // At another account than c1, whose status each look changes (a write re-plans c1's account).
    await deliver(
      envelope('data.put', { accounts: [account({ id: 'north' })], contacts: many, touches }),
      senders.page,
    );
    const lastOf = async () => {
      await deliver(envelope('contact.setStatus', { contactId: 'c1', status: 'former' }), senders.page);
      return (await contacts(true)).contacts.find((c) => c.id === 'k00') as { lastTwoWayAt?: number } | undefined;
    };
    const expected = (await lastOf())?.lastTwoWayAt;
    expect(expected).toBe(at + 3_600_000);
    // One summary missing among 31 contacts: looked up alone.
    await db.delete('summaries', 'k00');
    expect((await lastOf())?.lastTwoWayAt).toBe(expected);
    // Every summary missing: which contacts have touches is asked of the store once.
    await db.clear('summaries');
    expect((await lastOf())?.lastTwoWayAt).toBe(expected);
  });

  it('keeps no copy of a deleted contact: the next answer is worked out afresh', async () => {
    expect(statusOf(await contacts(), 'c1')).toBe('customer');
    await deliver(envelope('contact.delete', { contactId: 'c1' }), senders.page);
    const next = await contacts();
    expect(next.stale).toBe(false);
    expect(next.contacts.map((c) => c.id)).not.toContain('c1');
    const kept = await db.getAll('meta', IDBKeyRange.bound('view:', 'view:\uffff'));
    expect(JSON.stringify(kept)).not.toContain('"c1"');
  });
});
