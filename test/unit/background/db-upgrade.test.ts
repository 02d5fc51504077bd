import fc from 'fast-check';
import { deleteDB, type IDBPDatabase, openDB } from 'idb';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DB_VERSION, type Migration, migrations } from '@/lib/background/db/migrations';
import { openStore, toStoreError } from '@/lib/background/db/open';
import { followUpsOf } from '@/lib/background/db/follow-ups';
import { DATA_STORES, type RapportDB } from '@/lib/background/db/schema';
import { emptyDataSet, type FollowUp, isLive, type Touch, withContactKeys } from '@/lib/shared/model';
import { account, contact, followUp, purchase, seller, touch } from '../../helpers/records';
import { putTouch, storedTouches, touchesOfContact } from '../../helpers/touch-store';
import { dataSet } from '../shared/export/arbitraries';

/**
 * Records as each schema version stored them. When a migration step is added, add the
 * records that version N held here, and say below how step N+1 should have changed them:
 * the loop then builds version N, fills it, upgrades to the newest and checks every record.
 */
const heldAtVersion: Record<number, Record<(typeof DATA_STORES)[number], unknown[]>> = {
  1: {
    sellers: [seller()],
    accounts: [account(), account({ id: 'acct-2', domains: ['beta.example'], linkedinCompanyId: '1234' })],
    contacts: [
      contact(),
      contact({
        id: 'contact-2',
        emails: ['ops@beta.example'],
        accountId: 'acct-2',
        linkedinId: 'ops-beta',
        ownerId: 'seller-1',
      }),
    ],
    touches: [
      touch(),
      touch({ id: 'touch-2', sourceId: undefined, kind: 'call', direction: 'none', source: 'manual' }),
    ],
    purchases: [purchase()],
    followUps: [followUp(), followUp({ id: 'fu-2', state: 'done', liveFor: undefined, closedAt: 5 })],
  },
};
// v2 added the derived `summaries` store only: the same records.
heldAtVersion[2] = heldAtVersion[1] as (typeof heldAtVersion)[number];
// v3 added an index on contacts' owner: the same records, now findable by owner.
heldAtVersion[3] = heldAtVersion[1] as (typeof heldAtVersion)[number];
// v4 added an index on touches' seller. What v4 holds, for the step after it: records with the
// fields added since (phones, importId on contacts and accounts) and a colleague's touch.
heldAtVersion[4] = {
  ...(heldAtVersion[1] as (typeof heldAtVersion)[number]),
  accounts: [account({ importId: 'import-1' })],
  contacts: [
    contact({ phones: ['+14155550101'], importId: 'import-1' }),
    contact({ id: 'contact-2', emails: ['ops@beta.example'], ownerId: 'seller-1' }),
  ],
  touches: [touch(), touch({ id: 'touch-2', sourceId: 'gmail:2', sellerId: 'seller-1' })],
};
// v5 dropped the touches' index by time alone: the same records.
heldAtVersion[5] = heldAtVersion[4] as (typeof heldAtVersion)[number];
// v6 added team sync's own store (empty until a team is set up): the same records.
heldAtVersion[6] = heldAtVersion[4] as (typeof heldAtVersion)[number];
// v7 moved touches into one log per contact: the same records, read through the logs.
heldAtVersion[7] = heldAtVersion[4] as (typeof heldAtVersion)[number];
// v8 found follow-ups by `liveFor` and `closedFor`: the same records, closed ones naming their
// contact in `closedFor` (asStoredNow).
heldAtVersion[8] = heldAtVersion[4] as (typeof heldAtVersion)[number];

/** How the newest version holds records written at an older one: follow-ups in withContactKeys' form. */
const asStoredNow = (store: (typeof DATA_STORES)[number], records: unknown[]): unknown[] =>
  store === 'followUps' ? (records as FollowUp[]).map(withContactKeys) : records;

/**
 * Follow-ups after v8, against what was written: each one kept, in the form withContactKeys
 * gives; a live one that had no place of its own (its `liveFor` missing or another contact's)
 * kept live if its contact had no other, else dismissed; at most one live per contact; and each
 * found through followUpsOf by its contact.
 */
async function expectFollowUpsUpgraded(db: IDBPDatabase<RapportDB>, written: readonly FollowUp[]) {
  const now = new Map((await db.getAll('followUps')).map((f) => [f.id, f]));
  expect([...now.keys()].sort()).toEqual(written.map((f) => f.id).sort());
  const placed = new Set(written.filter((f) => isLive(f) && f.liveFor === f.contactId).map((f) => f.contactId));
  for (const before of written) {
    const after = now.get(before.id) as FollowUp;
    const homeless = isLive(before) && before.liveFor !== before.contactId;
    if (homeless && !isLive(after)) {
      expect(
        placed.has(before.contactId) || written.some((o) => o !== before && o.contactId === before.contactId),
      ).toBe(true);
      const { snoozedUntil: _s, plannedDue: _p, closedAt: _c, ...kept } = withContactKeys(before);
      expect(after).toMatchObject({ ...kept, state: 'dismissed', liveFor: undefined, closedFor: before.contactId });
    } else {
      expect(after).toEqual(withContactKeys(before));
    }
  }
  const live = [...now.values()].filter(isLive).map((f) => f.contactId);
  expect(new Set(live).size).toBe(live.length);
  for (const contactId of new Set(written.map((f) => f.contactId))) {
    const found = await followUpsOf(db.transaction('followUps').store, contactId);
    expect(found.map((f) => f.id).sort()).toEqual(
      written
        .filter((f) => f.contactId === contactId)
        .map((f) => f.id)
        .sort(),
    );
  }
}

/** A store's records at the newest version: touches as their contacts' logs hold them. */
const heldNow = (db: IDBPDatabase<RapportDB>, store: (typeof DATA_STORES)[number]): Promise<unknown[]> =>
  store === 'touches' ? storedTouches(db) : db.getAll(store);

/** Every touch that names a seller is found by the logs' seller index. */
async function expectFoundBySeller(db: IDBPDatabase<RapportDB>, touches: readonly unknown[]) {
  for (const t of touches as { id: string; sellerId?: string }[]) {
    if (!t.sellerId) continue;
    const logs = await db.getAllFromIndex('touchLogs', 'by-seller', t.sellerId);
    expect(logs.some((log) => log.touches.some((x) => x.id === t.id && x.sellerId === t.sellerId))).toBe(true);
  }
}

/** Writes records as a version stored them: touches in their contacts' logs from v7 on. */
async function writeAt(
  db: IDBPDatabase<RapportDB>,
  version: number,
  data: Record<(typeof DATA_STORES)[number], unknown[]>,
) {
  const inLogs = version >= 7;
  const stores = DATA_STORES.filter((store) => !(inLogs && store === 'touches'));
  const tx = db.transaction(stores as never[], 'readwrite');
  await Promise.all(stores.flatMap((store) => data[store].map((r) => tx.objectStore(store as never).put(r as never))));
  await tx.done;
  if (inLogs) for (const t of data.touches) await putTouch(db, t as Touch);
}

let counter = 0;
const fresh = () => `rapport-upgrade-test-${++counter}`;
const open: IDBPDatabase<RapportDB>[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

async function openAt(name: string, version: number) {
  const db = await openStore({ name, version });
  open.push(db);
  return db;
}

describe('schema upgrades', () => {
  it('empty → v1 creates every store and index the product looks up by', async () => {
    const db = await openAt(fresh(), 1);
    expect([...db.objectStoreNames].sort()).toEqual([...DATA_STORES, 'meta'].sort());
    expect(db.version).toBe(1);
    const tx = db.transaction(['contacts', 'touches' as never, 'followUps', 'accounts', 'purchases']);
    expect([...tx.objectStore('contacts').indexNames].sort()).toEqual(['by-account', 'by-email', 'by-linkedin']);
    expect([...tx.objectStore('touches' as never).indexNames].sort()).toEqual([
      'by-account-at',
      'by-at',
      'by-contact-at',
      'by-source',
    ]);
    expect([...tx.objectStore('followUps').indexNames].sort()).toEqual([
      'by-contact',
      'by-live-contact',
      'by-state-due',
    ]);
    expect([...tx.objectStore('accounts').indexNames].sort()).toEqual(['by-domain', 'by-linkedin-company', 'by-name']);
    expect([...tx.objectStore('purchases').indexNames]).toEqual(['by-account-at']);
  });

  it('the newest version keeps touches in one log per contact, found by account and seller, counted by size, and no store of single touches', async () => {
    const db = await openAt(fresh(), DB_VERSION);
    expect(db.objectStoreNames.contains('touches' as never)).toBe(false);
    expect([...db.transaction('touchLogs').store.indexNames].sort()).toEqual([
      'by-account',
      'by-imported',
      'by-seller',
      'by-size',
    ]);
  });

  it('the newest version is built from the numbered steps and has records for every older version', () => {
    for (let version = 1; version <= DB_VERSION; version++)
      expect(heldAtVersion[version], `records for v${version}`).toBeDefined();
  });

  for (let version = 1; version < DB_VERSION; version++) {
    it(`v${version} → v${DB_VERSION} keeps every record`, async () => {
      const name = fresh();
      const old = await openAt(name, version);
      const records = heldAtVersion[version];
      if (!records) throw new Error(`no records for v${version}`);
      await writeAt(old, version, records as never);
      old.close();

      const upgraded = await openAt(name, DB_VERSION);
      for (const store of DATA_STORES) {
        expect((await heldNow(upgraded, store)).length, store).toBe(records[store].length);
      }
      // Records written before the owner index existed are in it after the upgrade.
      const owned = records.contacts.filter((c) => (c as { ownerId?: string }).ownerId).length;
      expect(await upgraded.countFromIndex('contacts', 'by-owner')).toBe(owned);
      // And touches written before the seller index existed are found by seller.
      await expectFoundBySeller(upgraded, records.touches);
      // Every record comes back as it went in.
      for (const store of DATA_STORES) {
        const sort = (list: unknown[]) => [...(list as { id: string }[])].sort((a, b) => a.id.localeCompare(b.id));
        expect(sort(await heldNow(upgraded, store)), store).toEqual(sort(asStoredNow(store, records[store])));
      }
    });
  }

  // The same for generated books of business: any records today's model allows, written at each
  // older version, all come back whole after the upgrade and are found by every index.
  let generatedRecords = 0;
  for (let version = 1; version < DB_VERSION; version++) {
    it(`v${version} → v${DB_VERSION} keeps every record of generated data sets`, async () => {
      await fc.assert(
        fc.asyncProperty(dataSet, async (data) => {
          const name = fresh();
          const old = await openAt(name, version);
          await writeAt(old, version, data);
          old.close();
          const upgraded = await openAt(name, DB_VERSION);
          const byId = (list: unknown[]) => [...(list as { id: string }[])].sort((a, b) => (a.id < b.id ? -1 : 1));
          for (const store of DATA_STORES) {
            if (store !== 'followUps') {
              expect(byId(await heldNow(upgraded, store)), store).toEqual(byId(data[store] as unknown[]));
            }
            generatedRecords += (data[store] as unknown[]).length;
          }
          await expectFollowUpsUpgraded(upgraded, data.followUps);
          await expectFoundBySeller(upgraded, data.touches);
          // Each contact's log is in time order.
          for (const log of await upgraded.getAll('touchLogs')) {
            expect(log.touches.map((t) => t.at)).toEqual([...log.touches.map((t) => t.at)].sort((a, b) => a - b));
          }
          expect(await upgraded.countFromIndex('contacts', 'by-owner')).toBe(
            data.contacts.filter((c) => c.ownerId !== undefined).length,
          );
          upgraded.close();
          await deleteDB(name);
        }),
        { numRuns: 25, seed: 20261206 + version },
      );
    });
  }
  afterAll(() => {
    console.log(
      `schema upgrades: ${generatedRecords} generated records written at v1-v${DB_VERSION - 1}, each kept by the upgrade`,
    );
  });

  it("v7 → v8: live follow-ups out of place take their contact's place when it is free, else are dismissed", async () => {
    const name = fresh();
    const old = await openAt(name, 7);
    const written = [
      followUp({ id: 'a', contactId: 'c1', liveFor: 'c1' }),
      followUp({ id: 'b', contactId: 'c1', liveFor: undefined, snoozedUntil: '2026-02-01', state: 'snoozed' }),
      // Holds c3's place in the index, and comes after d: it must give it up before d takes it.
      followUp({ id: 'x', contactId: 'c2', liveFor: 'c3' }),
      followUp({ id: 'd', contactId: 'c3', liveFor: undefined }),
      followUp({ id: 'e', contactId: 'c2', liveFor: 'c9', state: 'done', closedAt: 5 }),
    ];
    await writeAt(old, 7, { ...emptyDataSet(), followUps: written } as never);
    old.close();
    const db = await openAt(name, DB_VERSION);
    const byId = Object.fromEntries((await db.getAll('followUps')).map((f) => [f.id, f]));
    expect(byId.a).toEqual(written[0]);
    expect(byId.b).toMatchObject({ state: 'dismissed', closedFor: 'c1' });
    expect(byId.b?.liveFor).toBeUndefined();
    expect(byId.b?.snoozedUntil).toBeUndefined();
    expect(byId.x).toEqual({ ...written[2], liveFor: 'c2' });
    expect(byId.d).toEqual({ ...written[3], liveFor: 'c3' });
    expect(byId.e).toEqual({ ...withContactKeys(written[4] as FollowUp) });
    expect((await followUpsOf(db.transaction('followUps').store, 'c2')).map((f) => f.id)).toEqual(['e', 'x']);
  });

  it('a database from a newer Rapport is refused with a message that says so, and left untouched', async () => {
    const name = fresh();
    (await openDB(name, DB_VERSION + 1)).close();
    await expect(openStore({ name })).rejects.toMatchObject({ code: 'newer-version' });
    await deleteDB(name);
  });
});

describe('indexes', () => {
  it('finds a contact by any of their addresses, by LinkedIn id and by account', async () => {
    const db = await openAt(fresh(), DB_VERSION);
    await db.put(
      'contacts',
      contact({ emails: ['jane@acme.example', 'j.example@acme.example'], linkedinId: 'jane-ex' }),
    );
    expect((await db.getFromIndex('contacts', 'by-email', 'j.example@acme.example'))?.id).toBe('contact-1');
    expect((await db.getFromIndex('contacts', 'by-linkedin', 'jane-ex'))?.id).toBe('contact-1');
    expect(await db.countFromIndex('contacts', 'by-account', 'acct-1')).toBe(1);
  });

  it('refuses a second contact with an address someone already has (no twins)', async () => {
    const db = await openAt(fresh(), DB_VERSION);
    await db.put('contacts', contact());
    await expect(db.put('contacts', contact({ id: 'contact-2' }))).rejects.toThrow();
  });

  it('refuses the same captured message twice for one contact, allows it for another', async () => {
    const db = await openAt(fresh(), DB_VERSION);
    await putTouch(db, touch());
    await expect(putTouch(db, touch({ id: 'touch-2' }))).rejects.toThrow();
    await putTouch(db, touch({ id: 'touch-3', contactId: 'contact-2' }));
    // Manual touches have no source id and are never in the way of each other.
    await putTouch(db, touch({ id: 'm1', sourceId: undefined }));
    await putTouch(db, touch({ id: 'm2', sourceId: undefined }));
    expect((await storedTouches(db)).map((t) => t.id)).toEqual(['m1', 'm2', 'touch-1', 'touch-3']);
  });

  it('holds at most one live follow-up per contact, and any number of closed ones', async () => {
    const db = await openAt(fresh(), DB_VERSION);
    await db.put('followUps', followUp());
    await expect(db.put('followUps', followUp({ id: 'fu-2' }))).rejects.toThrow();
    await db.put('followUps', followUp({ id: 'fu-3', state: 'done', liveFor: undefined }));
    await db.put('followUps', followUp({ id: 'fu-4', state: 'dismissed', liveFor: undefined }));
    const due = await db.getAllFromIndex(
      'followUps',
      'by-state-due',
      IDBKeyRange.bound(['open', ''], ['open', '2026-01-31']),
    );
    expect(due.map((f) => f.id)).toEqual(['fu-1']);
  });

  it('lists touches by contact in time order, and by account', async () => {
    const db = await openAt(fresh(), DB_VERSION);
    for (const [id, at] of [
      ['a', 30],
      ['b', 10],
      ['c', 20],
    ] as const) {
      await putTouch(db, touch({ id, at, sourceId: id }));
    }
    expect((await touchesOfContact(db, 'contact-1')).map((t) => t.id)).toEqual(['b', 'c', 'a']);
    const atAccount = await db.getAllFromIndex('touchLogs', 'by-account', 'acct-1');
    expect(atAccount.flatMap((log) => log.touches.filter((t) => t.accountId === 'acct-1'))).toHaveLength(3);
  });
});

describe('store errors say what to do', () => {
  it('a full disk', () => {
    const error = toStoreError(new DOMException('quota', 'QuotaExceededError'));
    expect(error).toMatchObject({ code: 'quota' });
    expect(error.message).toMatch(/no storage space left.*nothing was saved/);
  });

  it('an upgrade blocked by an old connection that will not close', async () => {
    const name = fresh();
    // A connection without a versionchange handler, like a page of an older build.
    const old = await openDB(name, 1, { upgrade: (db) => migrations[0]?.(db as never, undefined as never) });
    const v2: Migration[] = [...migrations.slice(0, 1), () => {}];
    await expect(openStore({ name, steps: v2, blockedTimeoutMs: 50 })).rejects.toMatchObject({
      code: 'blocked',
      message: expect.stringMatching(/Close other Rapport tabs/),
    });
    old.close();
  });
});
