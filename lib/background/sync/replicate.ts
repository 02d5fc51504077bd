import type { IDBPDatabase } from 'idb';
import PouchDB, { type Database, type PouchDoc } from 'pouchdb-core';
import idb from 'pouchdb-adapter-idb';
import http from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';
import { RECORD_SCHEMAS, type Settings } from '@/lib/shared/model';
import type { RapportDB } from '../db/schema';
import {
  fromDoc,
  type Incoming,
  SHARED_KINDS,
  type SharedDoc,
  STORE_OF,
  type SharedKind,
  stableJson,
  toDoc,
} from './docs';
import { mergeEdits } from './merge';
import { databaseUrl, type TeamConfig } from './team';

// PouchDB's modular packages (https://pouchdb.com/custom.html): the IndexedDB adapter for the
// local copy, HTTP for the server, and the CouchDB replication protocol between them.
const Pouch = PouchDB.plugin(idb).plugin(http).plugin(replication);

/** Documents per request and per transaction: small enough that a stopped worker loses little. */
const BATCH = 500;
const APPLIED = 'sync:applied';

export interface SyncCounts {
  /** Records this machine sent to the team. */
  pushed: number;
  /** Records that arrived and changed this machine's store. */
  pulled: number;
  /** Documents from the server that were refused, with why (the first few). */
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
  const copy = new Pouch(`rapport-team:${config.copyId}:${databaseUrl(config)}`, { adapter: 'idb' });
  const server = new Pouch(databaseUrl(config), {
    adapter: 'http',
    auth: { username: config.user, password: config.password },
    skip_setup: true,
  });
  try {
    await copy.replicate.from(server, { batch_size: BATCH });
    const pulled = await applyCopy(db, copy, me);
    const pushed = await pushToCopy(db, copy, me, settings);
    await copy.replicate.to(server, { batch_size: BATCH });
    return { pushed, pulled: pulled.changed, refused: pulled.refused, contactIds: [...pulled.contactIds] };
  } finally {
    await Promise.all([copy.close(), server.close()]);
  }
}

export function mySellerId(settings: Settings): string {
  const email = settings.me.emails[0];
  if (!email) throw new Error('Add your work address in Settings first: the team knows you by it');
  return `team:${email.toLowerCase()}`;
}

const WRITE_STORES = ['sellers', 'accounts', 'contacts', 'touches', 'purchases', 'meta'] as const;

async function applyCopy(db: IDBPDatabase<RapportDB>, copy: Database, me: string) {
  const contactIds = new Set<string>();
  const refused: string[] = [];
  let changed = 0;
  const checkpoint = (await db.get('meta', APPLIED)) as { seq: number | string } | undefined;
  let since = checkpoint?.seq ?? 0;
  for (;;) {
    const { results, last_seq } = await copy.changes({ since, include_docs: true, limit: BATCH });
    if (results.length === 0) break;
    const tx = db.transaction(WRITE_STORES, 'readwrite');
    for (const change of results) {
      if (change.deleted || !change.doc || change.doc._id.startsWith('_')) continue;
      const incoming = fromDoc(change.doc, me);
      if ('refused' in incoming) {
        if (refused.length < 20) refused.push(incoming.refused);
        continue;
      }
      const outcome = await applyOne(tx, incoming, me);
      if (typeof outcome === 'string') {
        if (refused.length < 20) refused.push(outcome);
      } else if (outcome) {
        changed++;
        for (const id of outcome) contactIds.add(id);
      }
    }
    await tx.objectStore('meta').put({ seq: last_seq } as never, APPLIED);
    await tx.done;
    since = last_seq;
  }
  return { changed, refused, contactIds };
}

/** The few store operations applying needs, on any of the shared stores. */
interface LooseStore {
  get(key: unknown): Promise<unknown>;
  put(value: unknown): Promise<unknown>;
  index(name: string): { getKey(key: unknown): Promise<unknown> };
}

/**
 * One arrived record into this machine's store: new records are added, a contact or account
 * edited more recently than ours replaces our shared fields (our private ones stay), touches and
 * purchases never change once made. Answers the contacts whose plan it changes, false when it
 * changed nothing, or why it was held back.
 */
async function applyOne(
  tx: { objectStore(name: (typeof WRITE_STORES)[number]): unknown },
  { kind, record }: Incoming,
  me: string,
): Promise<string[] | false | string> {
  if (kind === 'seller' && record.id === me) return false;
  const store = tx.objectStore(STORE_OF[kind]) as LooseStore;
  const existing = (await store.get(record.id)) as (Record<string, unknown> & { id: string }) | undefined;
  if (existing) {
    if (kind !== 'contact' && kind !== 'account' && kind !== 'seller') return false;
    // Our private fields (notes, a hand-set trust level) stay whatever the team's version says.
    const merged =
      kind === 'seller'
        ? { ...existing, ...record }
        : { ...existing, ...mergeEdits<Mergeable>(sharedOf(kind, existing, me), record as Mergeable) };
    if (stableJson(merged) === stableJson(existing)) return false;
    await store.put(RECORD_SCHEMAS[STORE_OF[kind]].parse(merged));
    return affected(kind, merged);
  }
  const clash = await uniqueClash(store, kind, record);
  if (clash) return clash;
  await store.put(RECORD_SCHEMAS[STORE_OF[kind]].parse(record));
  return affected(kind, record);
}

/** A unique index another record of ours already holds: the same person known twice. */
async function uniqueClash(
  store: LooseStore,
  kind: SharedKind,
  record: Record<string, unknown> & { id: string },
): Promise<string | undefined> {
  const keys: [string, unknown][] =
    kind === 'contact'
      ? [
          ...((record.emails as string[] | undefined) ?? []).map((e) => ['by-email', e] as [string, unknown]),
          ...(record.linkedinId ? [['by-linkedin', record.linkedinId] as [string, unknown]] : []),
        ]
      : kind === 'touch' && record.sourceId
        ? [['by-source', [record.sourceId, record.contactId]]]
        : [];
  for (const [index, key] of keys) {
    const holder = await store.index(index).getKey(key);
    if (holder !== undefined && holder !== record.id) {
      return kind === 'touch'
        ? `${kind}:${record.id}: recorded here already`
        : `${kind}:${record.id}: this computer knows ${String(key)} as another contact; matching the two comes in a later version`;
    }
  }
  return undefined;
}

/** Our record as the team sees it, in this computer's terms (for merging with theirs). */
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
  const consider = (doc: SharedDoc) => {
    const there = inCopy.get(doc._id);
    if (there && stableJson(there.record) === stableJson(doc.record)) return;
    changed.push({ ...doc, ...(there?._rev ? { _rev: there._rev } : {}) } as unknown as PouchDoc);
  };
  consider(mine);
  for (const kind of SHARED_KINDS) {
    for (const record of await db.getAll(STORE_OF[kind])) consider(toDoc(kind, record, me));
  }
  for (let i = 0; i < changed.length; i += BATCH) {
    const answers = await copy.bulkDocs(changed.slice(i, i + BATCH));
    const failed = answers.find((a) => 'error' in a);
    if (failed && 'message' in failed) throw new Error(`the team copy refused ${failed.id}: ${failed.message}`);
  }
  return changed.length;
}
