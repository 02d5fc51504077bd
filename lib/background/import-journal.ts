import type { IDBPDatabase } from 'idb';
import { type DataSet, PART } from '@/lib/messaging/protocol';
import { applyMerge, diffRecord, type MergeChange } from '@/lib/shared/import/changes';
import { groupBy, packGroups } from '@/lib/shared/groups';
import { planUndo } from '@/lib/shared/import/undo';
import { type Account, Contact, Account as AccountSchema, type Purchase } from '@/lib/shared/model';
import { contactsAffectedNow, writtenIn } from './affected';
import { deleteRecords, putRecords, REPLAN, settleWrites, type WriteTransaction } from './data';
import { allOrNothing } from './db/all-or-nothing';
import { DATA_SCOPE, type RapportDB, type ReplanQueue, type StoreName, type WriteScope } from './db/schema';
import type { TouchRef } from './db/touch-logs';
import type { JustStored, NewAccount } from './refresh';

/**
 * An import is owned by the worker through a journal kept in the store, so no tab, crash or
 * browser restart can leave half an import without a word.
 *
 * The dashboard reads the file and hands the worker its records in parts (`stage`): nothing of
 * them is live yet, so an import cut off while its file is read is rolled back by forgetting its
 * parts. Once every row is handed over (`commit`), the worker applies the parts one transaction
 * each (the part's records, the undo entry of what it changed, and the journal's progress land
 * together or not at all), then plans the contacts' follow-ups (`settle`) from the list of
 * contacts it wrote in the journal first. Stopped anywhere, the journal says where it stood:
 * `finish` goes on from there, `rollback` takes back every applied part. The undo entries stay
 * after the import is done: that is how the seller undoes an import after a reload.
 *
 * Keys in `meta`: `import:<id>` the journal, `import-part:<id>:s:<n>` a part handed over and not
 * applied, `import-part:<id>:a:<n>` what an applied part created and merged, `import-file:<id>`
 * the file while it is read.
 */

export type ImportStage = 'reading' | 'stored' | 'settling' | 'done' | 'rolling-back';

export interface ImportJournal {
  importId: string;
  /** The file's name, for the seller. */
  name: string;
  startedAt: number;
  stage: ImportStage;
  /** Parts handed over, and of those the ones applied. */
  staged: number;
  applied: number;
  /**
   * Of the parts handed over, those holding only touches (regroupTouches); absent from a journal
   * begun before 6 December 2026, whose parts are read to find them.
   */
  touchParts?: number;
  /** Set at commit: whom to plan, and of them the created contacts with nothing to read. */
  settle?: { contactIds: string[]; blank: string[] };
  counts?: { imported: number; merged: number; skipped: number };
  finishedAt?: number;
  /** A worker told the seller with a notification that this import was cut off. */
  announced?: true;
  /** The file itself is kept (`import-file:<id>`) until every row reached the worker. */
  fileKept?: true;
}

/**
 * The file an import reads, kept while it is read: if the tab closes half-way, "Finish it"
 * reads the same file again with the same mapping (components/importing/Journals.tsx). It goes
 * once every row is handed over (the parts then hold all of it) or the import is rolled back.
 */
export interface ImportFile {
  text: string;
  /** The column mapping the seller confirmed, as the dashboard wrote it (JSON). */
  mapping?: string;
}

/** The new records of a part (full records) and its merges into records the plan found. */
export interface ImportPart {
  records: Partial<Record<Exclude<StoreName, 'followUps'>, { id: string }[]>>;
  merges: { accounts: MergeChange<Account>[]; contacts: MergeChange<Contact>[] };
}

/** Touches with their contact, which says which log holds each (parts applied before v7 have ids only). */
type CreatedIds = Record<'sellers' | 'accounts' | 'contacts' | 'purchases', string[]> & {
  touches: (string | TouchRef)[];
};

/** What an applied part did, as it was applied: enough to take it back. */
interface AppliedPart {
  created: CreatedIds;
  merges: { accounts: MergeChange<Account>[]; contacts: MergeChange<Contact>[] };
}

/** Finished imports whose undo is kept (older ones' entries are dropped when a new import begins). */
export const KEEP_FINISHED = 3;

const HEAD = 'import:';
const journalKey = (id: string) => `${HEAD}${id}`;
/** Every part key of an import and kind starts so (';' sorts just after ':'). */
const partPrefix = (id: string, kind: 's' | 'a') => `import-part:${id}:${kind}:`;
const partsOf = (id: string, kind: 's' | 'a') => IDBKeyRange.bound(partPrefix(id, kind), `import-part:${id}:${kind};`);
const fileKey = (id: string) => `import-file:${id}`;
const partKey = (id: string, kind: 's' | 'a', n: number) => `${partPrefix(id, kind)}${String(n).padStart(6, '0')}`;

/**
 * The parts this worker staged, as it staged them, until they are applied: applying then only
 * checks that the store still holds a part (its key) instead of reading back thousands of
 * records it has in hand (for the bench's 100,000 activities, 20 parts of 5,000 touches). A part
 * staged by an earlier worker (the import is finished after a restart) is read from the store.
 */
const stagedHere = new Map<string, ImportPart>();

function forgetStaged(importId: string): void {
  const prefix = partPrefix(importId, 's');
  for (const key of stagedHere.keys()) if (key.startsWith(prefix)) stagedHere.delete(key);
}

type Db = IDBPDatabase<RapportDB>;
type Meta = { get(key: string): Promise<unknown>; put(value: never, key: string): Promise<unknown> };

async function journalIn(meta: Meta, importId: string): Promise<ImportJournal> {
  const journal = (await meta.get(journalKey(importId))) as ImportJournal | undefined;
  if (!journal) throw new Error('Rapport has no import with that id: it was rolled back or finished long ago');
  return journal;
}

const readJournal = (db: Db, importId: string) => journalIn({ get: (key) => db.get('meta', key) } as Meta, importId);

/** Every import's journal, newest first. */
export async function listJournals(db: Db): Promise<ImportJournal[]> {
  const all = (await db.getAll('meta', IDBKeyRange.bound(HEAD, `${HEAD}\uffff`))) as unknown as ImportJournal[];
  return all.sort((a, b) => b.startedAt - a.startedAt);
}

export async function beginImport(
  db: Db,
  { file, ...start }: { importId: string; name: string; file?: ImportFile },
  now: number,
): Promise<void> {
  const finished = (await listJournals(db)).filter((j) => j.stage === 'done').slice(KEEP_FINISHED - 1);
  for (const old of finished) await forget(db, old.importId);
  const tx = db.transaction('meta', 'readwrite');
  if (await tx.store.get(journalKey(start.importId))) throw new Error('that import has begun already');
  const journal: ImportJournal = {
    ...start,
    startedAt: now,
    stage: 'reading',
    staged: 0,
    applied: 0,
    touchParts: 0,
    ...(file ? { fileKept: true } : {}),
  };
  await tx.store.put(journal as never, journalKey(start.importId));
  if (file) await tx.store.put(file as never, fileKey(start.importId));
  await tx.done;
}

/** The file of an import cut off while it was read, to read again. */
export async function keptFile(db: Db, importId: string): Promise<ImportFile & { name: string }> {
  const journal = await readJournal(db, importId);
  const file = (await db.get('meta', fileKey(importId))) as ImportFile | undefined;
  if (journal.stage !== 'reading' || !file) throw new Error('Rapport does not keep this import’s file: roll it back');
  return { name: journal.name, ...file };
}

/** Keeps one more part of a file being read; nothing of it is live until the import is committed. */
export async function stagePart(db: Db, importId: string, part: ImportPart): Promise<void> {
  const tx = db.transaction('meta', 'readwrite');
  const journal = await journalIn(tx.store as unknown as Meta, importId);
  if (journal.stage !== 'reading')
    throw new Error(`this import is ${describeStage(journal.stage)}: it takes no more rows`);
  await tx.store.put(part as never, partKey(importId, 's', journal.staged));
  const touchParts =
    journal.touchParts === undefined ? {} : { touchParts: journal.touchParts + (onlyTouches(part) ? 1 : 0) };
  await tx.store.put({ ...journal, staged: journal.staged + 1, ...touchParts } as never, journalKey(importId));
  await tx.done;
  stagedHere.set(partKey(importId, 's', journal.staged), part);
}

/** Every row is handed over: from here the import can always be finished. */
export async function commitImport(
  db: Db,
  importId: string,
  settle: NonNullable<ImportJournal['settle']>,
  counts: NonNullable<ImportJournal['counts']>,
): Promise<void> {
  const tx = db.transaction('meta', 'readwrite');
  const journal = await journalIn(tx.store as unknown as Meta, importId);
  if (journal.stage !== 'reading') throw new Error(`this import is ${describeStage(journal.stage)} already`);
  const { fileKept: _, ...rest } = journal;
  // Fewer than two parts of touches: there is nothing to cut again, and no part is read.
  const regrouped =
    journal.touchParts !== undefined && journal.touchParts < 2
      ? undefined
      : await regroupTouches(tx.store as unknown as PartStore, importId, journal.staged);
  const staged = regrouped?.length ?? journal.staged;
  await tx.store.put({ ...rest, staged, stage: 'stored', settle, counts } as never, journalKey(importId));
  await tx.store.delete(fileKey(importId));
  await tx.done;
  if (regrouped) {
    forgetStaged(importId);
    for (const [n, part] of regrouped.entries()) stagedHere.set(partKey(importId, 's', n), part);
  }
}

type PartStore = Meta & { delete(key: IDBKeyRange): Promise<unknown> };

/**
 * The parts of touches the page handed over as it read the file, cut again so each contact's
 * touches are in one part, and the other parts before them; answers how many parts there are now.
 * A file in date order names every contact in every part (the bench's 100,000 activities name
 * 5,000 contacts in each of 20 parts): applied as read, each contact's log would be written 20
 * times over, which is the cost of a record per touch again (touch-logs.ts). Cut by contact, each
 * log is written once.
 */
async function regroupTouches(meta: PartStore, importId: string, count: number): Promise<ImportPart[] | undefined> {
  const parts: ImportPart[] = [];
  for (let n = 0; n < count; n++) {
    const key = partKey(importId, 's', n);
    parts.push(stagedHere.get(key) ?? ((await meta.get(key)) as ImportPart));
  }
  const touchParts = parts.filter(onlyTouches);
  if (touchParts.length < 2) return undefined;
  const touches = touchParts.flatMap((part) => (part.records.touches ?? []) as TouchRef[]);
  const regrouped = packGroups(groupBy(touches, (t) => t.contactId).values(), PART).map(
    (batch): ImportPart => ({ records: { touches: batch }, merges: { accounts: [], contacts: [] } }),
  );
  const all = [...parts.filter((part) => !onlyTouches(part)), ...regrouped];
  await meta.delete(partsOf(importId, 's'));
  await Promise.all(all.map((part, n) => meta.put(part as never, partKey(importId, 's', n))));
  return all;
}

const onlyTouches = (part: ImportPart) =>
  // The protocol fills every store a part does not name with an empty list.
  Object.entries(part.records).every(([name, records]) => name === 'touches' || !records?.length) &&
  part.merges.accounts.length + part.merges.contacts.length === 0;

/**
 * Applies the parts not applied yet, then settles: the end of a commit, and what "finish" runs
 * after an interruption. `plan` brings the named contacts' follow-ups up to date (refresh),
 * told what the parts applied here stored, so it need not read that back (after an
 * interruption, what parts applied before stored is read).
 */
export async function finishImport(
  db: Db,
  importId: string,
  plan: (contactIds: string[], blank: Set<string>, stored: JustStored) => Promise<void>,
  now: () => number,
): Promise<void> {
  const stored: StoredSoFar = { contacts: new Map(), newAccounts: new Map(), purchases: [] };
  let journal = await readJournal(db, importId);
  if (journal.stage === 'reading') {
    throw new Error('not every row of this file reached Rapport: roll it back, then import the file again');
  }
  if (journal.stage === 'rolling-back') throw new Error('this import is being rolled back: roll it back again');
  // Whom the settle plans, set at commit: the same list for every part.
  const settling = new Set(journal.settle?.contactIds);
  while (journal.stage === 'stored' && journal.applied < journal.staged) {
    journal = await applyPart(db, journal, now(), stored, settling);
  }
  // Whatever order the parts came in, a new account's last purchase is the latest applied there.
  for (const { accountId, at } of stored.purchases) {
    const made = stored.newAccounts.get(accountId);
    if (made && (made.lastPurchaseAt ?? Number.NEGATIVE_INFINITY) < at) made.lastPurchaseAt = at;
  }
  if (journal.stage === 'stored') journal = await startSettle(db, journal);
  if (journal.stage === 'settling') {
    await plan(journal.settle?.contactIds ?? [], new Set(journal.settle?.blank ?? []), stored);
    // Whom to plan is not needed any more; kept, it made every later read of the journal
    // (the dashboard's list, the next import's start) carry two lists of 10,000 ids.
    const { settle: _, ...done } = journal;
    await db.put('meta', { ...done, stage: 'done', finishedAt: now() } as never, journalKey(importId));
  }
}

/**
 * One part live, its undo entry and the journal's progress in one transaction; what it stored
 * goes into `stored` once the transaction has committed. `settling`: the contacts the settle plans.
 */
async function applyPart(
  db: Db,
  journal: ImportJournal,
  now: number,
  stored: StoredSoFar,
  settling: ReadonlySet<string>,
): Promise<ImportJournal> {
  const n = journal.applied;
  const tx = db.transaction([...DATA_SCOPE, 'meta'] as WriteScope, 'readwrite');
  return allOrNothing(tx, async () => {
    const meta = tx.objectStore('meta');
    const key = partKey(journal.importId, 's', n);
    const inHand = stagedHere.get(key);
    const part =
      inHand && (await meta.getKey(key)) !== undefined
        ? inHand
        : ((await meta.get(key)) as unknown as ImportPart | undefined);
    if (!part) throw new Error(`part ${n + 1} of this import is missing from the store: roll it back`);
    const accounts = await mergeInto(tx, 'accounts', part.merges.accounts, now);
    const contacts = await mergeInto(tx, 'contacts', part.merges.contacts, now);
    const records = part.records;
    const data = {
      ...records,
      accounts: [...(records.accounts ?? []), ...accounts.map((m) => m.after)],
      contacts: [...(records.contacts ?? []), ...contacts.map((m) => m.after)],
    } as Partial<DataSet>;
    // What the settle plans anyway is not queued for a replan as well: the contacts its list
    // names (10,000 ids written into the queue and merged back, for 10,000 imported contacts),
    // and the accounts this import created, where nobody works but its own contacts (500
    // look-ups).
    const about = writtenIn(data);
    const newAccounts = new Set((records.accounts ?? []).map((a) => a.id));
    const writes = putRecords(tx, data, now, {
      contactIds: [...about.contactIds].filter((id) => !settling.has(id)),
      accountIds: [...about.accountIds].filter((id) => !newAccounts.has(id)),
    });
    const created = {
      ...Object.fromEntries(
        (['sellers', 'accounts', 'contacts', 'purchases'] as const).map((name) => [
          name,
          (records[name] ?? []).map((r) => r.id),
        ]),
      ),
      touches: ((records.touches ?? []) as TouchRef[]).map(({ id, contactId }) => ({ id, contactId })),
    } as CreatedIds;
    const applied: AppliedPart = { created, merges: { accounts, contacts } };
    const next: ImportJournal = { ...journal, applied: n + 1 };
    writes.push(
      meta.put(applied as never, partKey(journal.importId, 'a', n)),
      meta.delete(partKey(journal.importId, 's', n)),
      meta.put(next as never, journalKey(journal.importId)),
    );
    await settleWrites(tx, writes);
    stagedHere.delete(key);
    for (const contact of (records.contacts ?? []) as Contact[]) stored.contacts.set(contact.id, contact);
    for (const change of contacts) stored.contacts.set(change.id, change.after);
    for (const account of (records.accounts ?? []) as Account[]) stored.newAccounts.set(account.id, { account });
    for (const { accountId, at } of (records.purchases ?? []) as Purchase[]) stored.purchases.push({ accountId, at });
    return next;
  });
}

/** What the parts applied in this run stored (`JustStored`), filled part by part. */
interface StoredSoFar {
  contacts: Map<string, Contact>;
  newAccounts: Map<string, NewAccount>;
  /** Every purchase applied, for the new accounts' last purchase once all parts are in. */
  purchases: Pick<Purchase, 'accountId' | 'at'>[];
}

/**
 * The merges of a part against each record as it is now (a record deleted since stays deleted),
 * each answered as the change it really made, which is what a rollback takes back.
 */
async function mergeInto<T extends Account | Contact>(
  tx: WriteTransaction,
  store: 'accounts' | 'contacts',
  changes: readonly MergeChange<T>[],
  now: number,
): Promise<MergeChange<T>[]> {
  const schema = store === 'accounts' ? AccountSchema : Contact;
  const made: MergeChange<T>[] = [];
  for (const change of changes) {
    const current = (await tx.objectStore(store).get(change.id)) as T | undefined;
    if (!current) continue;
    const merged = schema.safeParse(applyMerge(current, change, now));
    if (!merged.success) throw new Error(`${store} record ${change.id}: ${merged.error.issues[0]?.message}`);
    const really = diffRecord(current, merged.data as T);
    if (really) made.push(really);
  }
  return made;
}

/** Whom to plan goes into the journal before any planning, so a stop half-way loses nobody. */
async function startSettle(db: Db, journal: ImportJournal): Promise<ImportJournal> {
  const tx = db.transaction('meta', 'readwrite');
  const queued = ((await tx.store.get(REPLAN)) as ReplanQueue | undefined)?.contactIds ?? [];
  const contactIds = [...new Set([...(journal.settle?.contactIds ?? []), ...queued])];
  const next: ImportJournal = {
    ...journal,
    stage: 'settling',
    settle: { contactIds, blank: journal.settle?.blank ?? [] },
  };
  await tx.store.delete(REPLAN);
  await tx.store.put(next as never, journalKey(journal.importId));
  await tx.done;
  return next;
}

/**
 * Takes back everything the import applied (its records deleted, its merges reverted where the
 * record still holds the import's value) and forgets its parts. Each applied part is taken back
 * and dropped from the journal in turn, so a rollback stopped half-way is simply run again.
 * Answers the contacts whose plan changes.
 */
export async function rollbackImport(db: Db, importId: string, now: () => number): Promise<string[]> {
  const journal = await readJournal(db, importId);
  // Parts not applied (and the file) go first: on a full store, that frees the room the rest needs.
  forgetStaged(importId);
  await db.delete('meta', partsOf(importId, 's'));
  await db.delete('meta', fileKey(importId));
  await db.put('meta', { ...journal, stage: 'rolling-back' } as never, journalKey(importId));
  const replan = new Set<string>();
  const keys = (await db.getAllKeys('meta', partsOf(importId, 'a'))).reverse();
  for (const key of keys) {
    const part = (await db.get('meta', key)) as unknown as AppliedPart | undefined;
    if (!part) continue;
    const written = await deleteRecords(db, part.created);
    for (const id of await contactsAffectedNow(db, written)) replan.add(id);
    const tx = db.transaction(['accounts', 'contacts', 'meta'], 'readwrite');
    const current = {
      accounts: await readAll(tx.objectStore('accounts'), part.merges.accounts),
      contacts: await readAll(tx.objectStore('contacts'), part.merges.contacts),
    };
    const steps = planUndo(
      { importId, created: part.created, merge: part.merges },
      { account: (id) => current.accounts.get(id), contact: (id) => current.contacts.get(id) },
      now(),
    );
    for (const record of steps.put.accounts) await tx.objectStore('accounts').put(record);
    for (const record of steps.put.contacts) {
      await tx.objectStore('contacts').put(record);
      replan.add(record.id);
    }
    await tx.objectStore('meta').delete(key);
    await tx.done;
  }
  const existing = new Set((await db.getAllKeys('contacts')) as string[]);
  await db.delete('meta', journalKey(importId));
  return [...replan].filter((id) => existing.has(id));
}

/** The records these changes are about, as they are now (a record deleted since is absent). */
async function readAll<T extends { id: string }>(
  store: { get(id: string): Promise<T | undefined> },
  changes: readonly { id: string }[],
): Promise<Map<string, T>> {
  const found = new Map<string, T>();
  for (const { id } of changes) {
    const record = await store.get(id);
    if (record) found.set(id, record);
  }
  return found;
}

export async function markAnnounced(db: Db, importId: string): Promise<void> {
  const tx = db.transaction('meta', 'readwrite');
  const journal = (await tx.store.get(journalKey(importId))) as ImportJournal | undefined;
  if (journal) await tx.store.put({ ...journal, announced: true } as never, journalKey(importId));
  await tx.done;
}

async function forget(db: Db, importId: string): Promise<void> {
  forgetStaged(importId);
  const tx = db.transaction('meta', 'readwrite');
  await tx.store.delete(partsOf(importId, 's'));
  await tx.store.delete(partsOf(importId, 'a'));
  await tx.store.delete(fileKey(importId));
  await tx.store.delete(journalKey(importId));
  await tx.done;
}

export function describeStage(stage: ImportStage): string {
  return {
    reading: 'still being read',
    stored: 'handed over and being applied',
    settling: 'being planned',
    done: 'finished',
    'rolling-back': 'being rolled back',
  }[stage];
}

/**
 * Imports someone is working on in this worker's life: a dashboard tab holding its import's port
 * open, or the worker applying, planning or rolling back. Any other unfinished import was cut
 * off (its tab closed, the browser quit, the worker stopped), which a new worker knows by
 * starting with nobody here.
 */
const holders = new Map<string, number>();

export function holdImport(importId: string): () => void {
  holders.set(importId, (holders.get(importId) ?? 0) + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (holders.get(importId) ?? 1) - 1;
    if (left > 0) holders.set(importId, left);
    else holders.delete(importId);
  };
}

export const isInterrupted = (journal: ImportJournal) => journal.stage !== 'done' && !holders.has(journal.importId);
