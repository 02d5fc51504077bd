import { type IDBPDatabase, type IDBPTransaction, unwrap } from 'idb';
import type { DataSet, ResponseOf } from '@/lib/messaging/protocol';
import { closeFollowUp, type FollowUp, type Touch, withContactKeys } from '@/lib/shared/model';
import { contactsAffected, type Written, writtenIn } from './affected';
import { problemOf } from './check';
import { allOrNothing } from './db/all-or-nothing';
import { toStoreError } from './db/open';
import { followUpIdsOf } from './db/follow-ups';
import { putEach } from './db/put-each';
import {
  DATA_SCOPE,
  DATA_STORES,
  type RapportDB,
  type ReplanQueue,
  type StoreName,
  type WriteScope,
} from './db/schema';
import {
  addTouches,
  allTouches,
  countTouches,
  deleteTouches,
  importedSources,
  logsIn,
  type TouchRef,
} from './db/touch-logs';

type Counts = ResponseOf<'data.counts'>;

export async function countAll(db: IDBPDatabase<RapportDB>): Promise<Counts> {
  const tx = db.transaction(DATA_SCOPE);
  const entries = await Promise.all(
    DATA_STORES.map(
      async (name) =>
        [
          name,
          // Touches are counted from their logs' sizes: IndexedDB cannot count inside a record.
          name === 'touches'
            ? await countTouches(tx.objectStore('touchLogs').index('by-size'))
            : await tx.objectStore(name).count(),
        ] as const,
    ),
  );
  await tx.done;
  return Object.fromEntries(entries) as Counts;
}

/**
 * Adds or replaces the given records in one transaction: all of them land, or none
 * (a unique-index clash aborts the whole set, and the error says which store refused it).
 */
export async function writeDataSet(db: IDBPDatabase<RapportDB>, data: DataSet, now = Date.now()): Promise<void> {
  const tx = db.transaction([...DATA_SCOPE, 'meta'] as WriteScope, 'readwrite');
  await allOrNothing(tx, () => settleWrites(tx, putRecords(tx, data, now)));
}

export type WriteTransaction = IDBPTransaction<RapportDB, WriteScope, 'readwrite'>;

/**
 * Queues the puts of these records in a transaction over the data stores and `meta`, with the
 * contacts whose plan they change added to the replan queue in the same transaction (so no part
 * can land without it: the settle, or should the worker stop first the next one, plans them again).
 * `replan`: what the records are about, when the caller knows better than `writtenIn`.
 */
export function putRecords(
  tx: WriteTransaction,
  data: Partial<DataSet>,
  now: number,
  replan: Written = writtenIn(data),
): Promise<unknown>[] {
  const writes: Promise<unknown>[] = [];
  if (data.touches?.length) writes.push(putTouches(tx, data.touches));
  for (const name of DATA_STORES) {
    if (name === 'touches') continue;
    const store = tx.objectStore(name);
    const refused = (record: { id: string }, error: unknown) =>
      isQuota(error)
        ? toStoreError(error)
        : new Error(`${name} record ${record.id}: ${error instanceof Error ? error.message : String(error)}`);
    if (name !== 'followUps') {
      writes.push(putEach(unwrap(store), data[name] ?? [], refused));
      continue;
    }
    for (const given of data.followUps ?? []) {
      // A follow-up names its contact in the index its state belongs to (withContactKeys), and
      // takes the live place of its contact from any other follow-up there.
      const record = withContactKeys(given);
      writes.push(
        makeWayFor(tx, record, now)
          .then(() => store.put(record as never))
          .catch((error: unknown) => {
            throw refused(record, error);
          }),
      );
    }
  }
  writes.push(addToReplan(tx, replan));
  return writes;
}

/** Touches into their logs; one whose source its contact's log holds under another id is refused, as the unique index by source refused it. */
async function putTouches(tx: WriteTransaction, touches: readonly Touch[]): Promise<void> {
  const { clashes } = await addTouches(logsIn(tx), touches).catch((error: unknown) => {
    throw isQuota(error) ? toStoreError(error) : error;
  });
  const clash = clashes[0];
  if (clash) {
    throw new Error(`touches record ${clash.id}: a touch from ${clash.sourceId} is stored for this contact already`);
  }
}

/**
 * Waits for a transaction's writes and its commit. A failed write aborts the transaction, and
 * its own error is the clearer one, except a full store, which the browser reports on the
 * transaction (each put then only says "aborted"): that gets the quota message the seller can act on.
 */
export async function settleWrites(tx: WriteTransaction, writes: Promise<unknown>[]): Promise<void> {
  const [written, committed] = await Promise.allSettled([Promise.all(writes), tx.done]);
  if (isQuota(tx.error) || (committed.status === 'rejected' && isQuota(committed.reason))) {
    throw toStoreError(tx.error ?? (committed as PromiseRejectedResult).reason);
  }
  if (written.status === 'rejected') throw written.reason;
  await tx.done;
}

const isQuota = (error: unknown) => (error as { name?: unknown } | null)?.name === 'QuotaExceededError';

/**
 * A restored live follow-up takes the place of the one its contact has now (a backup from before
 * a Done brings back the follow-up that Done closed): the newer one is closed, so the one live
 * follow-up per contact that the store keeps can be the restored one, instead of the restore failing.
 */
async function makeWayFor(tx: WriteTransaction, incoming: FollowUp, now: number): Promise<void> {
  if (!incoming.liveFor) return;
  const store = tx.objectStore('followUps');
  const current = await store.index('by-live-contact').get(incoming.liveFor);
  if (current && current.id !== incoming.id) await store.put(closeFollowUp(current, now));
}

/** Contacts whose records were written but whose follow-ups are not planned again yet. */
export const REPLAN = 'replan';

async function addToReplan(tx: WriteTransaction, written: Written): Promise<void> {
  const affected = await contactsAffected(tx as never, written);
  if (affected.size === 0) return;
  const meta = tx.objectStore('meta');
  const waiting = ((await meta.get(REPLAN)) as ReplanQueue | undefined)?.contactIds ?? [];
  await meta.put({ contactIds: [...new Set([...waiting, ...affected])] }, REPLAN);
}

/**
 * Plans every contact waiting in the replan queue, and only then takes them out of it (in one
 * transaction with whatever joined meanwhile left in), so a worker stopped while planning leaves
 * them queued for the next settle instead of unplanned.
 */
export async function planQueued(
  db: IDBPDatabase<RapportDB>,
  plan: (contactIds: string[]) => Promise<void>,
  also: readonly string[] = [],
): Promise<void> {
  const waiting = ((await db.get('meta', REPLAN)) as ReplanQueue | undefined)?.contactIds ?? [];
  await plan([...new Set([...waiting, ...also])]);
  const done = new Set(waiting);
  const tx = db.transaction('meta', 'readwrite');
  const left = (((await tx.store.get(REPLAN)) as ReplanQueue | undefined)?.contactIds ?? []).filter(
    (id) => !done.has(id),
  );
  if (left.length) await tx.store.put({ contactIds: left }, REPLAN);
  else await tx.store.delete(REPLAN);
  await tx.done;
}

export async function exportDataSet(db: IDBPDatabase<RapportDB>): Promise<DataSet> {
  const tx = db.transaction(DATA_SCOPE);
  const entries = await Promise.all(
    DATA_STORES.map(
      async (name) =>
        [name, name === 'touches' ? await allTouches(logsIn(tx)) : await tx.objectStore(name).getAll()] as const,
    ),
  );
  await tx.done;
  return Object.fromEntries(entries) as DataSet;
}

/** What an import plans against (the `import.basis` request): no touch records, only imported keys. */
export async function importBasis(db: IDBPDatabase<RapportDB>): Promise<ResponseOf<'import.basis'>> {
  const tx = db.transaction(['sellers', 'accounts', 'contacts', 'purchases', 'touchLogs']);
  const [sellers, accounts, contacts, purchases] = await Promise.all([
    tx.objectStore('sellers').getAll(),
    tx.objectStore('accounts').getAll(),
    tx.objectStore('contacts').getAll(),
    tx.objectStore('purchases').getAll(),
  ]);
  const importedTouches = await importedSources(logsIn(tx));
  await tx.done;
  return { sellers, accounts, contacts, purchases, importedTouches };
}

/**
 * One part of one store in id order, and the key to continue after when there may be more.
 * Touches come a log at a time (about `limit` of them, never part of a contact's), in contact order.
 */
export async function readPart(
  db: IDBPDatabase<RapportDB>,
  store: StoreName,
  after: string | undefined,
  limit: number,
): Promise<{ records: { id: string }[]; next?: string }> {
  const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
  if (store === 'touches') {
    const logsWanted = Math.max(1, Math.ceil(limit / TOUCHES_PER_LOG));
    const logs = await db.getAll('touchLogs', range, logsWanted);
    const last = logs.at(-1);
    return {
      records: logs.flatMap((log) => log.touches),
      ...(logs.length === logsWanted && last ? { next: last.contactId } : {}),
    };
  }
  const records = (await db.getAll(store, range, limit)) as { id: string }[];
  const last = records.at(-1);
  return { records, ...(records.length === limit && last ? { next: last.id } : {}) };
}

/** A part of one store for an export, with how many of its records fail today's schema. */
export async function pageOf(
  db: IDBPDatabase<RapportDB>,
  { store, after, limit }: { store: StoreName; after?: string | undefined; limit: number },
): Promise<{ data: Partial<Record<StoreName, { id: string }[]>>; next?: string; invalid: number }> {
  const { records, next } = await readPart(db, store, after, limit);
  const invalid = records.filter((record) => problemOf(store, record) !== undefined).length;
  return { data: { [store]: records }, invalid, ...(next ? { next } : {}) };
}

/** A page of touches is this many logs per `limit` touches asked for (a contact's mean in a large book). */
const TOUCHES_PER_LOG = 20;

/** Erases every record and the settings. The caller has confirmed it in words. */
export async function resetAll(db: IDBPDatabase<RapportDB>): Promise<Counts> {
  // The team's bookkeeping too: the next sync then takes the team's records again.
  const stores = [...DATA_SCOPE, 'meta', 'summaries', 'team'] as const;
  const tx = db.transaction(stores, 'readwrite');
  await Promise.all(stores.map((name) => tx.objectStore(name).clear()));
  await tx.done;
  return countAll(db);
}

/**
 * Deletes the given records in one transaction; a deleted contact's follow-ups, touches and
 * summary go with it, so nothing points at a contact that is gone. Answers with what the
 * deleted records were about, so the caller can plan those contacts again (an undone import's
 * touches no longer count).
 */
export async function deleteRecords(
  db: IDBPDatabase<RapportDB>,
  ids: {
    sellers: string[];
    accounts: string[];
    contacts: string[];
    /** Ids, or ids with their contact (one log read instead of every log). */
    touches: (string | TouchRef)[];
    purchases: string[];
    followUps?: string[];
  },
): Promise<Written> {
  const tx = db.transaction([...DATA_SCOPE, 'summaries'] as const, 'readwrite');
  const contactIds = new Set<string>();
  const accountIds = new Set<string>(ids.accounts);
  // Requests are sent without waiting for each answer: undoing an import of 100,000 touches
  // should not pay a round trip per record in turn.
  const pending: Promise<unknown>[] = [];
  for (const name of ['sellers', 'accounts'] as const) {
    for (const id of ids[name]) pending.push(tx.objectStore(name).delete(id));
  }
  for (const id of ids.followUps ?? []) {
    const followUps = tx.objectStore('followUps');
    pending.push(
      followUps.get(id).then((followUp) => {
        if (followUp?.contactId) contactIds.add(followUp.contactId);
        return followUps.delete(id);
      }),
    );
  }
  const deleted = new Set(ids.contacts);
  const logs = logsIn(tx);
  pending.push(
    deleteTouches(logs, ids.touches, deleted).then((touches) => {
      for (const touch of touches) contactIds.add(touch.contactId);
    }),
  );
  for (const id of ids.purchases) {
    const purchases = tx.objectStore('purchases');
    pending.push(
      purchases.get(id).then((purchase) => {
        if (purchase) accountIds.add(purchase.accountId);
        return purchases.delete(id);
      }),
    );
  }
  for (const id of ids.contacts) {
    pending.push(
      // One person fewer at their account changes its coverage, so everyone's plan there.
      tx
        .objectStore('contacts')
        .get(id)
        .then((contact) => {
          if (contact?.accountId) accountIds.add(contact.accountId);
        }),
      followUpIdsOf(tx.objectStore('followUps'), id).then((keys) =>
        Promise.all(keys.map((key) => tx.objectStore('followUps').delete(key))),
      ),
      logs.delete(id),
      tx.objectStore('summaries').delete(id),
      tx.objectStore('contacts').delete(id),
    );
  }
  await Promise.all(pending);
  await tx.done;
  return { contactIds: [...contactIds].filter((id) => !deleted.has(id)), accountIds };
}
