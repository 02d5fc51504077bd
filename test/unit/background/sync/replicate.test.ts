import type { IDBPDatabase } from 'idb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '@/lib/background/db/open';
import type { RapportDB } from '@/lib/background/db/schema';
import { withDefaults } from '@/lib/background/settings';
import { syncOnce } from '@/lib/background/sync/replicate';
import type { Contact } from '@/lib/shared/model';
// @ts-expect-error: a plain Node module without types (test/tools/sync-server.mjs)
import { startSyncServer } from '../../../tools/sync-server.mjs';
import { contact, touch } from '../../../helpers/records';
import { countTouches, getTouch, putTouch } from '../../../helpers/touch-store';

/**
 * The sync against a real CouchDB-compatible server (express-pouchdb in memory, on loopback),
 * with two sellers' stores side by side: what goes out, what comes back, and a teammate's edit
 * that lands between this computer's pull and its push (the server answers "conflict").
 */
const DATABASES = ['echo', 'conflict', 'anew', 'deleted'];
let server: { url: string; stop: () => Promise<void> };
beforeAll(async () => {
  server = await startSyncServer({ databases: DATABASES });
});
afterAll(async () => {
  await server.stop();
});
const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

let stores = 0;
async function sellerOn(database: string, name: string, email: string) {
  const db: IDBPDatabase<RapportDB> = await openStore({ name: `rapport-sync-test-${++stores}` });
  const settings = withDefaults({ me: { name, emails: [email] } } as never);
  const config = { url: server.url, database, user: 'u', password: 'p', copyId: `joined-${stores}` };
  return { db, sync: () => syncOnce(db, config, settings) };
}

const knownIds = async (db: IDBPDatabase<RapportDB>) =>
  (await db.getAll('team', IDBKeyRange.bound('have:', 'have:\uffff'))).flat();

describe('team sync with the server', () => {
  it('sends each record once, takes a teammate’s once, and notes nothing twice when its own sends come back', async () => {
    const alex = await sellerOn('echo', 'Alex', 'alex@ourco.example');
    const sam = await sellerOn('echo', 'Sam', 'sam@ourco.example');
    await alex.db.put('contacts', contact({ id: 'jane' }));
    for (const n of [1, 2, 3])
      await putTouch(alex.db, touch({ id: `t${n}`, contactId: 'jane', sourceId: `gmail:${n}` }));

    // Alex's seller record, Jane and her three touches.
    expect(await alex.sync()).toMatchObject({ pushed: 5, pulled: 0 });
    // Sam takes all five and sends only who Sam is.
    expect(await sam.sync()).toMatchObject({ pushed: 1, pulled: 5 });
    expect(await countTouches(sam.db)).toBe(3);
    // Alex's own sends come back in the feed: none is written or sent again, none noted twice.
    expect(await alex.sync()).toMatchObject({ pushed: 0, pulled: 1 });
    expect((await knownIds(alex.db)).sort()).toEqual(['touch:t1', 'touch:t2', 'touch:t3']);
    expect(await sam.sync()).toMatchObject({ pushed: 0, pulled: 0 });
  });

  it('a team database made anew (deleted and created again): each computer notices and sends everything again', async () => {
    const alex = await sellerOn('anew', 'Alex', 'alex@ourco.example');
    await alex.db.put('contacts', contact({ id: 'jane' }));
    await putTouch(alex.db, touch({ id: 't1', contactId: 'jane' }));
    expect(await alex.sync()).toMatchObject({ pushed: 3 });
    for (const method of ['DELETE', 'PUT']) await fetch(`${server.url}/anew`, { method });

    // Alex's record of what the server holds is now wrong; without noticing, nothing would go again.
    expect(await alex.sync()).toMatchObject({ pushed: 3, pulled: 0 });
    const sam = await sellerOn('anew', 'Sam', 'sam@ourco.example');
    expect(await sam.sync()).toMatchObject({ pulled: 3 });
    expect(await getTouch(sam.db, 't1')).toBeDefined();
    expect(await alex.sync()).toMatchObject({ pushed: 0 });
  });

  it('a record deleted on the server by hand is sent back by the next sync of a computer that has it', async () => {
    const alex = await sellerOn('deleted', 'Alex', 'alex@ourco.example');
    await alex.db.put('contacts', contact({ id: 'jane', title: 'Buyer' }));
    await alex.sync();
    const url = `${server.url}/deleted/contact:jane`;
    const { _rev } = (await (await fetch(url)).json()) as { _rev: string };
    await fetch(`${url}?rev=${_rev}`, { method: 'DELETE' });

    // Rapport never deletes on the server (deleting a contact stays on one computer): the team's
    // book keeps Jane, sent again over the deletion's revision, once and not on every sync.
    expect(await alex.sync()).toMatchObject({ pushed: 1 });
    expect(await alex.sync()).toMatchObject({ pushed: 0 });
    const sam = await sellerOn('deleted', 'Sam', 'sam@ourco.example');
    await sam.sync();
    expect((await sam.db.get('contacts', 'jane'))?.title).toBe('Buyer');
  });

  it('a teammate’s edit that lands between pull and push: the server says conflict, the round pulls it, merges and sends again', async () => {
    const alex = await sellerOn('conflict', 'Alex', 'alex@ourco.example');
    const sam = await sellerOn('conflict', 'Sam', 'sam@ourco.example');
    await alex.db.put('contacts', contact({ id: 'chris', title: 'Buyer', updatedAt: 1_000 }));
    await alex.sync();
    await sam.sync();
    await sam.db.put('contacts', {
      ...((await sam.db.get('contacts', 'chris')) as Contact),
      title: 'Head of Sales',
      updatedAt: 3_000,
    });
    await alex.db.put('contacts', {
      ...((await alex.db.get('contacts', 'chris')) as Contact),
      title: 'VP Sales',
      updatedAt: 2_000,
    });

    // Alex's edit reaches the server just as Sam sends (after Sam's pull found nothing new).
    let answers: unknown[] = [];
    let alexFirst = true;
    globalThis.fetch = async (input, init) => {
      if (alexFirst && String(input).includes('_bulk_docs') && String(init?.body).includes('Head of Sales')) {
        alexFirst = false;
        await alex.sync();
      }
      const response = await realFetch(input, init);
      if (String(input).includes('_bulk_docs')) answers = [...answers, ...(await response.clone().json())];
      return response;
    };
    const result = await sam.sync();
    globalThis.fetch = realFetch;
    expect(answers).toContainEqual(expect.objectContaining({ id: 'contact:chris', error: 'conflict' }));
    expect(result.pulled).toBeGreaterThanOrEqual(1);

    await alex.sync();
    const [onSam, onAlex] = [await sam.db.get('contacts', 'chris'), await alex.db.get('contacts', 'chris')];
    expect(onSam?.title).toBe('Head of Sales');
    expect(onAlex).toEqual(onSam);
    expect(onSam?.history).toContainEqual({ field: 'title', value: '"VP Sales"', at: 2_000 });
  });
});
