import { groupBy } from '@/lib/shared/groups';
import { IMPORTED_SOURCE, type Touch } from '@/lib/shared/model';

/**
 * Every touch of a contact in one record, oldest first: the `touchLogs` store (schema v7).
 *
 * A touch was a record of its own, with four index entries. On this machine IndexedDB costs
 * 60-90 µs per record or index entry written whatever its size, so an import of 100,000
 * activities spent 18 s committing them; written as 10,000 logs, the same touches take 2.5 s
 * (README, Performance). Readers ask for a contact's touches, which is now one `get`.
 *
 * A log also lists the accounts and sellers its touches name (`accountIds`, `sellerIds`,
 * multi-entry indexes): merging accounts and "that CRM owner is me" find their touches without
 * reading every log, for an index entry per log instead of one per touch.
 *
 * The one touch per source and contact that the unique index by source used to keep is kept
 * here: a log never holds two touches with the same `sourceId`.
 */
export interface TouchLog {
  contactId: string;
  touches: Touch[];
  accountIds: string[];
  sellerIds: string[];
  /** How many touches: indexed, so the store's touches are counted without reading a log (`countTouches`). */
  size: number;
  /**
   * The contact's id again when a touch came from an import file (its source `import:…`):
   * indexed, so an import reads only these logs to skip rows already imported (`importedSources`).
   */
  imported?: string;
}

/**
 * The part of the `touchLogs` store these helpers use, from a transaction of any mode and
 * store list (idb's generic store types of two transactions do not match one another).
 */
export interface LogStore {
  get(contactId: string): Promise<TouchLog | undefined>;
  getAll(query?: IDBKeyRange | null, count?: number): Promise<TouchLog[]>;
  put(log: TouchLog): Promise<unknown>;
  delete(contactId: string): Promise<unknown>;
  index(name: 'by-account' | 'by-seller'): { getAll(key: string): Promise<TouchLog[]> };
  index(name: 'by-imported'): { getAll(query: IDBKeyRange | null, count: number): Promise<TouchLog[]> };
}

/** The `by-size` index as `countTouches` walks it. */
interface SizeIndex {
  count(key: number): Promise<number>;
  openKeyCursor(query: null, direction: 'nextunique'): Promise<SizeCursor | null>;
}
interface SizeCursor {
  key: number;
  continue(): Promise<SizeCursor | null>;
}

/** The `touchLogs` store of a transaction that has it in its scope. */
export const logsIn = (tx: { objectStore(name: 'touchLogs'): unknown }) => tx.objectStore('touchLogs') as LogStore;

/** A contact's touches, oldest first. */
export async function touchesOf(logs: LogStore, contactId: string): Promise<Touch[]> {
  return (await logs.get(contactId))?.touches ?? [];
}

/** The newest `limit` touches of a log's list, newest first. */
export const newestOf = (touches: readonly Touch[], limit: number): Touch[] => touches.slice(-limit).reverse();

/** A log holding these touches (sorted here), or undefined when none are left. */
export function logOf(contactId: string, touches: Touch[]): TouchLog | undefined {
  if (touches.length === 0) return undefined;
  touches.sort((a, b) => a.at - b.at);
  const accountIds = new Set<string>();
  const sellerIds = new Set<string>();
  let imported = false;
  for (const touch of touches) {
    if (touch.sourceId?.startsWith(IMPORTED_SOURCE)) imported = true;
    if (touch.accountId) accountIds.add(touch.accountId);
    // Touches stored before v4 may have no seller.
    if (touch.sellerId) sellerIds.add(touch.sellerId);
  }
  return {
    contactId,
    touches,
    accountIds: [...accountIds],
    sellerIds: [...sellerIds],
    size: touches.length,
    ...(imported ? { imported: contactId } : {}),
  };
}

/** Writes a contact's touches back: the log, or no log when none are left. */
export function saveLog(logs: LogStore, contactId: string, touches: Touch[]): Promise<unknown> {
  const log = logOf(contactId, touches);
  return log ? logs.put(log) : logs.delete(contactId);
}

export interface Added {
  /** Touches stored (new, or replacing one with the same id). */
  stored: Touch[];
  /** Touches not stored: the contact's log holds another touch from the same source. */
  clashes: Touch[];
}

/**
 * Adds touches to their contacts' logs, every log read at once and written once.
 * A touch whose id the log holds replaces it (`sameId: 'replace'`, a restore or an edit) or
 * leaves it as it is (`'keep'`, a teammate's copy of a touch that never changes). A touch whose
 * source the log holds under another id is not stored: it is one of `clashes`.
 */
export async function addTouches(
  logs: LogStore,
  touches: readonly Touch[],
  { sameId = 'replace' }: { sameId?: 'replace' | 'keep' } = {},
): Promise<Added> {
  const byContact = groupByContact(touches);
  const stored: Touch[] = [];
  const clashes: Touch[] = [];
  const current = await Promise.all([...byContact.keys()].map((id) => touchesOf(logs, id)));
  const writes: Promise<unknown>[] = [];
  [...byContact].forEach(([contactId, incoming], i) => {
    const list = current[i] ?? [];
    const byId = new Map(list.map((t, n) => [t.id, n]));
    const bySource = new Map(list.flatMap((t) => (t.sourceId ? [[t.sourceId, t.id] as const] : [])));
    let changed = false;
    for (const touch of incoming) {
      const at = byId.get(touch.id);
      const holder = touch.sourceId ? bySource.get(touch.sourceId) : undefined;
      if (holder !== undefined && holder !== touch.id) {
        clashes.push(touch);
        continue;
      }
      if (at !== undefined) {
        if (sameId === 'keep') continue;
        const before = list[at]?.sourceId;
        if (before && bySource.get(before) === touch.id) bySource.delete(before);
        list[at] = touch;
      } else {
        byId.set(touch.id, list.length);
        list.push(touch);
      }
      if (touch.sourceId) bySource.set(touch.sourceId, touch.id);
      stored.push(touch);
      changed = true;
    }
    if (changed) writes.push(saveLog(logs, contactId, list));
  });
  await Promise.all(writes);
  return { stored, clashes };
}

/** A touch by its id and its contact's, which says which log holds it. */
export interface TouchRef {
  id: string;
  contactId: string;
}

/**
 * Deletes touches by id. Each names its contact where known (one log read); bare ids (the undo
 * entries of imports applied before v7) are looked for in every log, a part at a time.
 * Answers the deleted touches.
 */
export async function deleteTouches(
  logs: LogStore,
  refs: readonly (string | TouchRef)[],
  /** Contacts whose logs are deleted whole in the same transaction: left alone here. */
  goingWhole: ReadonlySet<string> = new Set(),
): Promise<Touch[]> {
  const bare = new Set(refs.filter((r): r is string => typeof r === 'string'));
  const named = groupByContact(
    refs.filter((r): r is TouchRef => typeof r !== 'string' && !goingWhole.has(r.contactId)),
  );
  const deleted: Touch[] = [];
  const drop = (log: TouchLog, ids: ReadonlySet<string>) => {
    if (goingWhole.has(log.contactId)) return undefined;
    const kept = log.touches.filter((t) => !ids.has(t.id));
    if (kept.length === log.touches.length) return undefined;
    deleted.push(...log.touches.filter((t) => ids.has(t.id)));
    return saveLog(logs, log.contactId, kept);
  };
  const found = await Promise.all([...named.keys()].map((id) => logs.get(id)));
  const writes: (Promise<unknown> | undefined)[] = [];
  [...named.values()].forEach((refsOf, i) => {
    const log = found[i];
    if (log) writes.push(drop(log, new Set(refsOf.map((r) => r.id))));
  });
  if (bare.size) await eachLog(logs, (log) => void writes.push(drop(log, bare)));
  await Promise.all(writes);
  return deleted;
}

/** Calls `visit` with every log (or every log with imported touches), read a part at a time in contact id order. */
export async function eachLog(
  logs: LogStore,
  visit: (log: TouchLog) => void,
  { onlyImported = false } = {},
): Promise<void> {
  const PART = 1_000;
  const source = onlyImported ? logs.index('by-imported') : logs;
  let after: string | undefined;
  for (;;) {
    const part = await source.getAll(after === undefined ? null : IDBKeyRange.lowerBound(after, true), PART);
    for (const log of part) visit(log);
    if (part.length < PART) return;
    after = part.at(-1)?.contactId;
  }
}

/**
 * How many touches the store holds, from the `by-size` index alone: each distinct log size
 * times how many logs have it. A request per distinct size (a few hundred in a book of 200,000
 * touches), where reading every log took 0.46 s at that size.
 */
export async function countTouches(sizes: SizeIndex): Promise<number> {
  const counting: Promise<number>[] = [];
  for (let c = await sizes.openKeyCursor(null, 'nextunique'); c; c = await c.continue()) {
    const size = c.key;
    counting.push(sizes.count(size).then((logs) => logs * size));
  }
  return (await Promise.all(counting)).reduce((sum, n) => sum + n, 0);
}

/** Every imported touch's source, with its contact: what an import plans against to skip rows imported before. */
export async function importedSources(logs: LogStore): Promise<{ sourceId: string; contactId: string }[]> {
  const found: { sourceId: string; contactId: string }[] = [];
  await eachLog(
    logs,
    (log) => {
      for (const { sourceId } of log.touches) {
        if (sourceId?.startsWith(IMPORTED_SOURCE)) found.push({ sourceId, contactId: log.contactId });
      }
    },
    { onlyImported: true },
  );
  return found;
}

/** Every touch in the store. */
export async function allTouches(logs: LogStore): Promise<Touch[]> {
  const all: Touch[] = [];
  await eachLog(logs, (log) => {
    for (const touch of log.touches) all.push(touch);
  });
  return all;
}

const groupByContact = <T extends { contactId: string }>(items: readonly T[]) =>
  groupBy(items, (item) => item.contactId);
