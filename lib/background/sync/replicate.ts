import type { IDBPDatabase } from 'idb';
import PouchDB, { type Database, type PouchDoc } from 'pouchdb-core';
import indexeddb from 'pouchdb-adapter-indexeddb';
import http from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';
import { RECORD_SCHEMAS, type Settings } from '@/lib/shared/model';
import { allOrNothing, pendingWrites } from '../db/all-or-nothing';
import { mergeContacts } from '../edits';
import type { RapportDB } from '../db/schema';
import {
  docId,
  fromDoc,
  type Incoming,
  type MergedInto,
  mergedDoc,
  SHARED_KINDS,
  type SharedDoc,
  STORE_OF,
  type SharedKind,
  stableJson,
  teamSellerId,
  toDoc,
} from './docs';
import { mergeEdits } from './merge';
import { databaseUrl, type TeamConfig, timedFetch } from './team';

// PouchDB's modular packages (https://pouchdb.com/custom.html): the IndexedDB adapter for the
// local copy, HTTP for the server, and the CouchDB replication protocol between them.
const Pouch = PouchDB.plugin(indexeddb).plugin(http).plugin(replication);

/**
 * Documents per replication request, and per transaction when applying: large enough that a
 * round trip carries much, small enough that a stopped worker loses little.
 */
const BATCH = 2_000;
/** How the last sync went (index.ts writes it). */
export const STATUS = 'sync:status';
const APPLIED = 'sync:applied';

export interface SyncCounts {
  /** Records this machine sent to the team. */
  pushed: number;
  /** Records that arrived and changed this machine's store. */
  pulled: number;
  /** Documents from the team held back, with why (kept until a later version of them is taken). */
  refused: string[];
}

/**
 * One round with the team's server. The team database has a copy in this browser (a PouchDB
 * database of its own, named after the server and database) that replicates with the server
 * over the CouchDB protocol; Rapport's store is never read by the network side.
 *
 * 1. Pull: the server's changes into the copy (checkpointed by PouchDB), then the copy's changes
 *    since the last one applied into Rapport's store, each batch in one transaction with its
 *    checkpoint: a worker stopped half-way resumes, nothing is half-applied.
 * 2. Push: every shared record whose team view differs from the copy's goes into the copy, then
 *    the copy's changes to the server.
 *
 * Answers what changed and the contacts whose plans to work out again.
 */
export async function syncOnce(
  db: IDBPDatabase<RapportDB>,
  config: TeamConfig,
  settings: Settings,
): Promise<SyncCounts & { contactIds: string[] }> {
  const me = mySellerId(settings);
  // Named after this browser too: PouchDB names a replication's checkpoint after both ends, and
  // two sellers' copies of one server under one name would share (and skip by) one checkpoint.
  const copyName = copyNameOf(config);
  const copy = new Pouch(copyName, { adapter: 'indexeddb' });
  const server = new Pouch(databaseUrl(config), {
    adapter: 'http',
    auth: { username: config.user, password: config.password },
    skip_setup: true,
    fetch: timedFetch,
  });
  try {
    await copy.replicate.from(server, { batch_size: BATCH });
    const pulled = await applyCopy(db, copy, copyName, me);
    const pushed = await pushToCopy(db, copy, me, settings);
    // What we just wrote into the copy is ours already: the next apply starts after it.
    await db.put('meta', { copy: copyName, seq: (await copy.info()).update_seq } as never, APPLIED);
    await copy.replicate.to(server, { batch_size: BATCH });
    return { pushed, pulled: pulled.changed, refused: pulled.refused, contactIds: [...pulled.contactIds] };
  } finally {
    await Promise.all([copy.close(), server.close()]);
  }
}

/**
 * Leaving the team: this browser's copy of the team database is destroyed and the sync's own
 * bookkeeping dropped. What already reached Rapport's store stays (it is the seller's book now).
 */
export async function forgetCopy(db: IDBPDatabase<RapportDB>, config: TeamConfig): Promise<void> {
  await new Pouch(copyNameOf(config), { adapter: 'indexeddb' }).destroy();
  const tx = db.transaction('meta', 'readwrite');
  await Promise.all([APPLIED, REFUSED, STATUS, MERGED_IN].map((key) => tx.store.delete(key)));
  await tx.done;
}

const copyNameOf = (config: TeamConfig) => `rapport-team:${config.copyId}:${databaseUrl(config)}`;

export function mySellerId(settings: Settings): string {
  const email = settings.me.emails[0];
  if (!email) throw new Error('Add your work address in Settings first: the team knows you by it');
  return teamSellerId(email);
}

const WRITE_STORES = ['sellers', 'accounts', 'contacts', 'touches', 'purchases', 'meta'] as const;

async function applyCopy(db: IDBPDatabase<RapportDB>, copy: Database, copyName: string, me: string) {
  const contactIds = new Set<string>();
  let changed = 0;
  let since = await appliedSeq(db, copyName);
  // Keys taken by this run's records, across its batches (a team's two records with one address).
  const claimed = new Set<string>();
  // Into a store that holds nothing of a kind (a seller joining a team), a record of that kind
  // cannot exist here yet nor hold a key, except one this run wrote, which `claimed` catches: its
  // reads are skipped (a third of applying the bench store). A merge may make a contact: then read.
  const emptyAtStart = new Set<SharedKind>();
  for (const kind of SHARED_KINDS) if ((await db.count(STORE_OF[kind])) === 0) emptyAtStart.add(kind);
  for (;;) {
    const { results, last_seq } = await copy.changes({ since, include_docs: true, limit: BATCH });
    if (results.length === 0) break;
    const docs = results.flatMap((change) =>
      change.deleted || !change.doc || change.doc._id.startsWith('_')
        ? []
        : [{ id: change.doc._id, checked: fromDoc(change.doc, me) }],
    );
    // A teammate's merges first, each in a transaction of its own: the merged contact's new
    // addresses in this batch would otherwise clash with the absorbed contact still here.
    const mergedInto = await takeMerges(
      db,
      docs.flatMap(({ checked }) => ('kind' in checked && checked.kind === 'merged' ? [checked.record] : [])),
      contactIds,
    );
    if (mergedInto.size) emptyAtStart.clear();
    const tx = db.transaction(WRITE_STORES, 'readwrite');
    await allOrNothing(tx, async () => {
      // Documents held back stay listed until a later version of them is taken (a teammate fixed it).
      const held = new Map(Object.entries(((await tx.objectStore('meta').get(REFUSED)) as Refused | undefined) ?? {}));
      const refuse = (id: string, why: string) => held.set(id, why);
      const incoming: Incoming[] = [];
      for (const { id, checked } of docs) {
        held.delete(id);
        if ('refused' in checked) {
          refuse(id, checked.refused);
          continue;
        }
        const forHere =
          checked.kind !== 'merged' &&
          !(checked.kind === 'seller' && checked.record.id === me) &&
          // A teammate who had not seen a merge yet still names the absorbed contact.
          !(checked.kind === 'contact' && mergedInto.has(checked.record.id));
        if (forHere) incoming.push(followMerges(checked, mergedInto));
      }
      const store = (kind: SharedKind) => tx.objectStore(STORE_OF[kind]) as unknown as LooseStore;
      // Every read of the batch asked at once, then every write: a request awaited in turn per
      // document cost a round trip each (9 s for 12,000 documents).
      const read = await Promise.all(
        incoming.map(async (one) =>
          emptyAtStart.has(one.kind)
            ? { one, existing: undefined, holders: [] }
            : {
                one,
                existing: (await store(one.kind).get(one.record.id)) as Stored | undefined,
                holders: await Promise.all(
                  uniqueKeys(one).map(([index, key]) => store(one.kind).index(index).getKey(key)),
                ),
              },
        ),
      );
      const writes = pendingWrites();
      for (const { one, existing, holders } of read) {
        // An update is held to the unique keys too: a teammate's new address for a contact may be
        // one this computer knows under another contact (the whole batch would fail on it).
        const next = clashOf(one, holders, claimed) ?? (existing ? updated(one, existing, me) : one.record);
        if (typeof next === 'string') refuse(docId(one.kind, one.record.id), next);
        else if (next) {
          writes.add(store(one.kind).put(RECORD_SCHEMAS[STORE_OF[one.kind]].parse(next)));
          changed++;
          for (const id of affected(one.kind, next)) contactIds.add(id);
        }
      }
      writes.add(tx.objectStore('meta').put({ copy: copyName, seq: last_seq } as never, APPLIED));
      writes.add(tx.objectStore('meta').put(Object.fromEntries([...held].slice(-MAX_REFUSED)) as never, REFUSED));
      await writes.all();
    });
    since = last_seq;
  }
  const refused = Object.values(((await db.get('meta', REFUSED)) as Refused | undefined) ?? {});
  return { changed, refused, contactIds };
}

/** Merges this computer took from the team (absorbed contact → the one it went into). */
const MERGED_IN = 'sync:merged-in';
/** Merges the seller made here, for the team (the same shape). */
const MERGED_OUT = 'sync:merged-out';
type Merges = Record<string, string>;

/** A merge made here: the absorbed contact's team document will say where it went. */
export async function noteMergeForTeam(db: IDBPDatabase<RapportDB>, mergeId: string, keepId: string): Promise<void> {
  const tx = db.transaction('meta', 'readwrite');
  const merges = ((await tx.store.get(MERGED_OUT)) as Merges | undefined) ?? {};
  await tx.store.put({ ...merges, [mergeId]: keepId } as never, MERGED_OUT);
  await tx.done;
}

/**
 * Merges the same two contacts a teammate merged (edits.ts mergeContacts: every touch kept
 * once), and answers every merge this computer knows of, to follow.
 */
async function takeMerges(
  db: IDBPDatabase<RapportDB>,
  merges: MergedInto['record'][],
  contactIds: Set<string>,
): Promise<Map<string, string>> {
  const known = new Map(Object.entries(((await db.get('meta', MERGED_IN)) as Merges | undefined) ?? {}));
  for (const { id, into } of merges) {
    known.set(id, into);
    if (!(await db.getKey('contacts', id))) continue;
    const kept = followMerge(into, known);
    const { contact } = await mergeContacts(db, kept, id, Date.now(), { keepMayBeNew: true });
    contactIds.add(contact.id);
    contactIds.delete(id);
  }
  if (merges.length) await db.put('meta', Object.fromEntries(known) as never, MERGED_IN);
  return known;
}

/** Where a contact went, through merges of merges (a bounded walk: a cycle cannot trap it). */
function followMerge(id: string, merges: ReadonlyMap<string, string>): string {
  let at = id;
  for (let step = 0; step < 20 && merges.has(at); step++) at = merges.get(at) as string;
  return at;
}

/** A touch or purchase naming an absorbed contact, moved to the one it went into. */
function followMerges(one: Incoming, merges: ReadonlyMap<string, string>): Incoming {
  const contactId = one.record.contactId;
  if ((one.kind !== 'touch' && one.kind !== 'purchase') || typeof contactId !== 'string') return one;
  const now = followMerge(contactId, merges);
  return now === contactId ? one : { ...one, record: { ...one.record, contactId: now } };
}

/** Documents from the team that were held back, by id, with why; the latest few hundred. */
type Refused = Record<string, string>;
const REFUSED = 'sync:refused';
const MAX_REFUSED = 500;

/** Where applying the copy stands; a copy other than the one the checkpoint names starts over. */
async function appliedSeq(db: IDBPDatabase<RapportDB>, copyName: string): Promise<number | string> {
  const checkpoint = (await db.get('meta', APPLIED)) as { copy?: string; seq: number | string } | undefined;
  return checkpoint?.copy === copyName ? checkpoint.seq : 0;
}

type Stored = Record<string, unknown> & { id: string };

/** The few store operations applying needs, on any of the shared stores. */
interface LooseStore {
  get(key: unknown): Promise<unknown>;
  put(value: unknown): Promise<unknown>;
  index(name: string): { getKey(key: unknown): Promise<unknown> };
}

/**
 * A contact or account we hold, with a teammate's version of it: the later edit wins and the
 * values it replaced are kept (merge.ts); our private fields (notes, a hand-set trust level)
 * stay. A seller's name and addresses are theirs to change. Touches and purchases never change
 * once made. Undefined when nothing changes.
 */
function updated({ kind, record }: Incoming, existing: Stored, me: string): Stored | undefined {
  if (kind !== 'contact' && kind !== 'account' && kind !== 'seller') return undefined;
  const merged =
    kind === 'seller'
      ? { ...existing, ...record }
      : { ...existing, ...mergeEdits<Mergeable>(sharedOf(kind, existing, me), record as Mergeable) };
  return stableJson(merged) === stableJson(existing) ? undefined : merged;
}

/**
 * Why a record from the team cannot be written here: a unique key of it (a contact's address or
 * LinkedIn id, a touch's source) is held by another record here or earlier in the batch, the same
 * person known twice, which is said rather than written. Undefined when nothing clashes.
 */
function clashOf(one: Incoming, holders: unknown[], claimed: Set<string>): string | undefined {
  const keys = uniqueKeys(one);
  const claims = keys.map(([index, key]) => `${one.kind}|${index}|${stableJson(key)}`);
  for (const [i, [, key]] of keys.entries()) {
    const holder = holders[i];
    if ((holder !== undefined && holder !== one.record.id) || claimed.has(claims[i] ?? '')) {
      return one.kind === 'touch'
        ? `touch:${one.record.id}: recorded here already`
        : `${one.kind}:${one.record.id}: this computer knows ${String(key)} as another contact; matching the two comes in a later version`;
    }
  }
  for (const claim of claims) claimed.add(claim);
  return undefined;
}

/** The unique indexes a record of this kind must not share with another (db/migrations.ts). */
function uniqueKeys({ kind, record }: Incoming): [string, unknown][] {
  if (kind === 'contact') {
    return [
      ...((record.emails as string[] | undefined) ?? []).map((email): [string, unknown] => ['by-email', email]),
      ...(record.linkedinId ? [['by-linkedin', record.linkedinId] as [string, unknown]] : []),
    ];
  }
  return kind === 'touch' && record.sourceId ? [['by-source', [record.sourceId, record.contactId]]] : [];
}

type Mergeable = Parameters<typeof mergeEdits>[0];

function sharedOf(kind: SharedKind, record: { id: string }, me: string): Mergeable {
  const back = fromDoc(toDoc(kind, record, me), me);
  return ('refused' in back ? record : back.record) as Mergeable;
}

function affected(kind: SharedKind, record: Record<string, unknown>): string[] {
  if (kind === 'contact') return [String(record.id)];
  if ((kind === 'touch' || kind === 'purchase') && typeof record.contactId === 'string') return [record.contactId];
  return [];
}

/** This machine's shared records into the copy, where their team view changed. */
async function pushToCopy(
  db: IDBPDatabase<RapportDB>,
  copy: Database,
  me: string,
  settings: Settings,
): Promise<number> {
  const inCopy = new Map<string, PouchDoc>();
  for (const row of (await copy.allDocs({ include_docs: true })).rows) if (row.doc) inCopy.set(row.id, row.doc);
  // The seller using this browser, as the team knows them (`me` has no record of its own here).
  const myself = { id: me, name: settings.me.name || settings.me.emails[0] || me, emails: settings.me.emails };
  const mine: SharedDoc = toDoc('seller', myself, me);
  const changed: PouchDoc[] = [];
  const consider = (doc: SharedDoc | ReturnType<typeof mergedDoc>) => {
    const there = inCopy.get(doc._id);
    if (there && stableJson(there.record) === stableJson(doc.record)) return;
    changed.push({ ...doc, ...(there?._rev ? { _rev: there._rev } : {}) } as unknown as PouchDoc);
  };
  consider(mine);
  for (const kind of SHARED_KINDS) {
    for (const record of await db.getAll(STORE_OF[kind])) consider(toDoc(kind, record, me));
  }
  // A contact merged here that the team knows becomes a note of where it went.
  const merged = ((await db.get('meta', MERGED_OUT)) as Merges | undefined) ?? {};
  for (const [id, into] of Object.entries(merged)) if (inCopy.has(docId('contact', id))) consider(mergedDoc(id, into));
  for (let i = 0; i < changed.length; i += BATCH) {
    const answers = await copy.bulkDocs(changed.slice(i, i + BATCH));
    const failed = answers.find((a) => 'error' in a);
    if (failed && 'message' in failed) throw new Error(`the team copy refused ${failed.id}: ${failed.message}`);
  }
  return changed.length;
}
