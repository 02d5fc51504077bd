import fc from 'fast-check';
import type { IDBPDatabase } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '@/lib/background/db/open';
import type { RapportDB } from '@/lib/background/db/schema';
import {
  addTouches,
  countTouches,
  deleteTouches,
  importedSources,
  logsIn,
  touchesOf,
} from '@/lib/background/db/touch-logs';
import type { Touch } from '@/lib/shared/model';
import { touch } from '../../helpers/records';

let db: IDBPDatabase<RapportDB>;
let n = 0;
beforeEach(async () => {
  db = await openStore({ name: `touch-logs-${++n}` });
});

async function add(touches: Touch[], sameId: 'replace' | 'keep' = 'replace') {
  const tx = db.transaction('touchLogs', 'readwrite');
  const written = await addTouches(logsIn(tx), touches, { sameId });
  await tx.done;
  return written;
}
const logOf = (contactId: string) => touchesOf(logsIn(db.transaction('touchLogs')), contactId);

describe('touch logs: a contact’s touches in one record', () => {
  it('keeps a contact’s touches in time order whatever order they arrive in, with the accounts and sellers they name', async () => {
    await add([
      touch({ id: 'b', at: 20, sourceId: 'gmail:b' }),
      touch({ id: 'a', at: 10, sourceId: 'gmail:a', accountId: 'acct-2', sellerId: 'seller-1' }),
    ]);
    await add([touch({ id: 'c', at: 15, sourceId: 'gmail:c' })]);
    expect((await logOf('contact-1')).map((t) => t.id)).toEqual(['a', 'c', 'b']);
    const log = await db.get('touchLogs', 'contact-1');
    expect(log?.accountIds.sort()).toEqual(['acct-1', 'acct-2']);
    expect(log?.sellerIds.sort()).toEqual(['me', 'seller-1']);
    expect((await db.getAllFromIndex('touchLogs', 'by-account', 'acct-2')).map((l) => l.contactId)).toEqual([
      'contact-1',
    ]);
  });

  it('holds one touch per source: the same message again under another id is a clash, not a second touch', async () => {
    await add([touch({ id: 'first', sourceId: 'gmail:1' })]);
    const again = await add([
      touch({ id: 'second', sourceId: 'gmail:1' }),
      touch({ id: 'other', sourceId: 'gmail:2' }),
    ]);
    expect(again.clashes.map((t) => t.id)).toEqual(['second']);
    expect(again.stored.map((t) => t.id)).toEqual(['other']);
    // Another contact on the same message has a touch of their own.
    expect((await add([touch({ id: 'theirs', contactId: 'contact-2', sourceId: 'gmail:1' })])).stored).toHaveLength(1);
    expect((await logOf('contact-1')).map((t) => t.id).sort()).toEqual(['first', 'other']);
  });

  it('replaces a touch by its id, or keeps the one held when told to (a teammate’s copy)', async () => {
    await add([touch({ id: 't', summary: 'old', sourceId: 'gmail:1' })]);
    await add([touch({ id: 't', summary: 'kept?', sourceId: 'gmail:1' })], 'keep');
    expect((await logOf('contact-1'))[0]?.summary).toBe('old');
    await add([touch({ id: 't', summary: 'new', sourceId: 'gmail:1' })]);
    expect(await logOf('contact-1')).toEqual([expect.objectContaining({ id: 't', summary: 'new' })]);
  });

  it('an import reads only the logs holding imported touches, and of them only the imported sources', async () => {
    await add([
      touch({ id: 'a', contactId: 'c1', sourceId: 'import:h1' }),
      touch({ id: 'b', contactId: 'c1', sourceId: 'gmail:1' }),
      touch({ id: 'c', contactId: 'c2', sourceId: 'gmail:2' }),
    ]);
    expect((await db.getAllFromIndex('touchLogs', 'by-imported')).map((log) => log.contactId)).toEqual(['c1']);
    expect(await importedSources(logsIn(db.transaction('touchLogs')))).toEqual([
      { sourceId: 'import:h1', contactId: 'c1' },
    ]);
    // Deleted, the imported touch takes its log out of the index.
    const tx = db.transaction('touchLogs', 'readwrite');
    await deleteTouches(logsIn(tx), [{ id: 'a', contactId: 'c1' }]);
    await tx.done;
    expect(await db.getAllFromIndex('touchLogs', 'by-imported')).toEqual([]);
  });

  it('deletes by id with the contact, or by bare id from any log; an emptied log goes', async () => {
    await add([
      touch({ id: 'a', sourceId: 'gmail:a' }),
      touch({ id: 'b', sourceId: 'gmail:b' }),
      touch({ id: 'c', contactId: 'contact-2', sourceId: 'gmail:c' }),
    ]);
    const tx = db.transaction('touchLogs', 'readwrite');
    const gone = await deleteTouches(logsIn(tx), [{ id: 'a', contactId: 'contact-1' }, 'c', 'nowhere']);
    await tx.done;
    expect(gone.map((t) => t.id).sort()).toEqual(['a', 'c']);
    expect((await logOf('contact-1')).map((t) => t.id)).toEqual(['b']);
    expect(await db.get('touchLogs', 'contact-2')).toBeUndefined();
  });

  it('leaves alone the log of a contact deleted whole in the same transaction (it is not written back half)', async () => {
    await add([touch({ id: 'a', sourceId: 'gmail:a' }), touch({ id: 'b', sourceId: 'gmail:b' })]);
    const tx = db.transaction('touchLogs', 'readwrite');
    const logs = logsIn(tx);
    const deleting = deleteTouches(logs, [{ id: 'a', contactId: 'contact-1' }], new Set(['contact-1']));
    await logs.delete('contact-1');
    expect(await deleting).toEqual([]);
    await tx.done;
    expect(await db.get('touchLogs', 'contact-1')).toBeUndefined();
  });

  it('any touches written in any parts: each contact’s log holds each id once, one per source, in time order', async () => {
    const arbitraryTouch = fc.record({
      id: fc.constantFrom('t1', 't2', 't3', 't4', 't5', 't6'),
      contactId: fc.constantFrom('c1', 'c2'),
      at: fc.integer({ min: 0, max: 100 }),
      sourceId: fc.option(fc.constantFrom('s1', 's2', 's3'), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(arbitraryTouch, { maxLength: 6 }), { maxLength: 4 }), async (parts) => {
        db = await openStore({ name: `touch-logs-${++n}` });
        for (const part of parts) await add(part.map((p) => touch({ ...p, sourceId: p.sourceId })));
        for (const contactId of ['c1', 'c2']) {
          const list = await logOf(contactId);
          expect(new Set(list.map((t) => t.id)).size).toBe(list.length);
          const sources = list.flatMap((t) => (t.sourceId ? [t.sourceId] : []));
          expect(new Set(sources).size).toBe(sources.length);
          expect(list.map((t) => t.at)).toEqual(list.map((t) => t.at).sort((a, b) => a - b));
          expect(list.every((t) => t.contactId === contactId)).toBe(true);
        }
        // The count from the logs' sizes is every touch held.
        const held = (await logOf('c1')).length + (await logOf('c2')).length;
        expect(await countTouches(db.transaction('touchLogs').store.index('by-size'))).toBe(held);
        db.close();
      }),
      { numRuns: 40, seed: 20261206 },
    );
  });
});
