import type { IDBPDatabase } from 'idb';
import PouchDB, { type ChangesResult, type Database, type PouchDoc } from 'pouchdb-core';
import http from 'pouchdb-adapter-http';
import { RECORD_SCHEMAS, type Settings } from '@/lib/shared/model';
import { allOrNothing, pendingWrites } from '../db/all-or-nothing';
import { addTouches, allTouches, logsIn } from '../db/touch-logs';
import { mergeContacts } from '../edits';
import type { RapportDB, TeamDocState } from '../db/schema';
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

// PouchDB's HTTP adapter (https://pouchdb.com/custom.html) speaks to the team's CouchDB: its
// changes feed (`_changes`, https://docs.couchdb.org/en/stable/api/database/changes.html) and
// `_bulk_docs`, with revisions, as the replication protocol does. There is no second copy of the
// team database in this browser: Rapport's store is the replica, and what the server holds is
// kept in the `team` store beside it (revisions, and which unchangeable records it has).
const Pouch = PouchDB.plugin(http);

/** Documents per request: large enough that a round trip carries much. */
const BATCH = 2_000;
/**
 * Documents applied per transaction, with their checkpoint: small enough that a stopped worker
 * loses little and a card's look-up never waits long behind one.
 */
const APPLY = 500;
/** How the last sync went (index.ts writes it). */
export const STATUS = 'sync:status';
/** Where reading the server's changes stands: `{ from, seq }`, `from` naming server and database. */
const PULLED = 'sync:pulled';
/**
 * Until 6 December 2026 a PouchDB database in this browser held a second copy of the team's
 * records (every record written twice; the first sync of the bench's book took 139 s for 60 s
 * allowed). Its checkpoint named it: the copy is deleted the first time this version syncs.
 */
const OLD_COPY = 'sync:applied';
/** A sync whose sending meets a teammate's newer version pulls it, merges and sends again, this many times at most. */
const ROUNDS = 3;

export interface SyncCounts {
  /** Records this machine sent to the team. */
  pushed: number;
  /** Records that arrived and changed this machine's store. */
  pulled: number;
  /** Documents from the team held back, with why (kept until a later version of them is taken). */
  refused: string[];
}

/**
 * One round with the team's server:
 *
 * 1. Pull: the server's changes since the last one taken, each batch applied to Rapport's store
 *    in one transaction with its checkpoint and with what the server holds: a worker stopped
 *    half-way resumes from the last whole batch, nothing is half-applied.
 * 2. Push: every shared record whose team view differs from what the server holds, with the
 *    revision it replaces. A teammate who changed the same record since makes the server answer
 *    "conflict": their version is pulled, merged field by field (merge.ts), and sent again.
 *
 * Answers what changed and the contacts whose plans to work out again.
 */
export async function syncOnce(
  db: IDBPDatabase<RapportDB>,
  config: TeamConfig,
  settings: Settings,
): Promise<SyncCounts & { contactIds: string[] }> {
  const me = mySellerId(settings);
  const server = new Pouch(databaseUrl(config), {
    adapter: 'http',
    auth: { username: config.user, password: config.password },
    skip_setup: true,
    fetch: timedFetch,
  });
  await dropOldCopy(db);
  const contactIds = new Set<string>();
  let pulled = 0;
  let pushed = 0;
  try {
    await leaveNoteOrStartOver(db, server, config);
    for (let round = 1; ; round++) {
      const taken = await pull(db, server, serverName(config), me, contactIds);
      pulled += taken.changed;
      const sent = await push(db, server, me, settings, taken.known);
      pushed += sent.pushed;
      if (sent.conflicts === 0 || round === ROUNDS) break;
    }
  } finally {
    await server.close();
  }
  const refused = Object.values(((await db.get('meta', REFUSED)) as Refused | undefined) ?? {});
  return { pushed, pulled, refused, contactIds: [...contactIds] };
}

/**
 * Leaving the team: the sync's own bookkeeping is dropped. What already reached Rapport's store
 * stays (it is the seller's book now).
 */
export async function forgetTeam(db: IDBPDatabase<RapportDB>): Promise<void> {
  await dropOldCopy(db);
  const tx = db.transaction(['meta', 'team'], 'readwrite');
  await Promise.all([
    ...[PULLED, REFUSED, STATUS, MERGED_IN].map((key) => tx.objectStore('meta').delete(key)),
    tx.objectStore('team').clear(),
  ]);
  await tx.done;
}

/** Names the server and database, and this browser's joining of it (a new one after leaving). */
const serverName = (config: TeamConfig) => `${config.copyId}:${databaseUrl(config)}`;

async function dropOldCopy(db: IDBPDatabase<RapportDB>): Promise<void> {
  const old = (await db.get('meta', OLD_COPY)) as { copy?: string } | undefined;
  if (!old) return;
  // PouchDB names its IndexedDB databases with this prefix (pouchdb-core's `PouchDB.prefix`).
  if (old.copy) indexedDB.deleteDatabase(`_pouch_${old.copy}`);
  await db.delete('meta', OLD_COPY);
}

export function mySellerId(settings: Settings): string {
  const email = settings.me.emails[0];
  if (!email) throw new Error('Add your work address in Settings first: the team knows you by it');
  return teamSellerId(email);
}

const WRITE_STORES = ['sellers', 'accounts', 'contacts', 'touchLogs', 'purchases', 'meta', 'team'] as const;
/** The store of a kind kept as records of its own (touches are kept in their contacts' logs). */
const recordStore = (kind: Exclude<SharedKind, 'touch'>) =>
  STORE_OF[kind] as 'sellers' | 'accounts' | 'contacts' | 'purchases';

/** Touches and purchases never change once made: the server either has one or not. */
const UNCHANGING: ReadonlySet<string> = new Set<SharedKind>(['touch', 'purchase']);
const kindOfDoc = (id: string) => id.slice(0, id.indexOf(':'));
const HAVE = 'have:';
const DOC = 'doc:';

/** Where pulling stands; another server (or a new joining) starts over with nothing known. */
async function pulledSeq(db: IDBPDatabase<RapportDB>, from: string): Promise<number | string> {
  const checkpoint = (await db.get('meta', PULLED)) as { from?: string; seq: number | string } | undefined;
  if (checkpoint?.from === from) return checkpoint.seq;
  await startOver(db, from);
  return 0;
}

/** Nothing known of what the server holds: the next pull reads it all, the push sends what it lacks. */
async function startOver(db: IDBPDatabase<RapportDB>, from: string): Promise<void> {
  const tx = db.transaction(['meta', 'team'], 'readwrite');
  await Promise.all([tx.objectStore('team').clear(), tx.objectStore('meta').put({ from, seq: 0 } as never, PULLED)]);
  await tx.done;
}

/**
 * The note this browser leaves in the team database when it starts from nothing: a `_local`
 * document, which CouchDB never replicates (https://docs.couchdb.org/en/stable/api/local.html),
 * as PouchDB's replication keeps its checkpoints. A checkpoint here without the note there means
 * the database was made anew (deleted and created again, or another server at the address): what
 * this browser believes it holds is wrong, so it starts over and sends everything it lacks.
 */
async function leaveNoteOrStartOver(db: IDBPDatabase<RapportDB>, server: Database, config: TeamConfig) {
  const note = `_local/rapport-${config.copyId}`;
  const there = await server.get(note).then(
    () => true,
    (error: { status?: number }) => {
      if (error.status === 404) return false;
      throw error;
    },
  );
  if (there) return;
  await startOver(db, serverName(config));
  await server.put({ _id: note, joinedAt: new Date().toISOString() });
}

async function pull(
  db: IDBPDatabase<RapportDB>,
  server: Database,
  from: string,
  me: string,
  contactIds: Set<string>,
): Promise<{ changed: number; known: ServerHolds }> {
  let changed = 0;
  let since = await pulledSeq(db, from);
  const run: PullRun = {
    db,
    from,
    me,
    contactIds,
    // Only news is noted: this computer's own sends come back in the feed too.
    known: await whatTheServerHolds(db),
    claimed: new Set(),
    emptyAtStart: new Set(),
  };
  // Into a store that holds nothing of a kind (a seller joining a team), a record of that kind
  // cannot exist here yet nor hold a key, except one this run wrote, which `claimed` catches: its
  // reads are skipped (a third of applying the bench store). A merge may make a contact: then read.
  // Touches are always read: a contact's log may have been written by an earlier part of this run.
  for (const kind of SHARED_KINDS) {
    if (kind !== 'touch' && (await db.count(recordStore(kind))) === 0) run.emptyAtStart.add(kind);
  }
  for (;;) {
    const { results, last_seq } = await server.changes({
      since,
      include_docs: true,
      limit: BATCH,
      // PouchDB's HTTP adapter asks for 25 changes a request unless told (pouchdb-adapter-http,
      // CHANGES_BATCH_SIZE): 8,640 round trips for the bench's book, 63 of its 99 seconds.
      batch_size: BATCH,
    });
    if (results.length === 0) break;
    // Applied a part at a time, each with its checkpoint (every change's `seq` is one a feed may
    // start from): a part's checks and writes hold the worker's thread, and a card's look-up
    // waits behind them (a look-up's p95 during the bench's join: 101-104 ms with parts of 2,000,
    // 58 ms with 500).
    for (let at = 0; at < results.length; at += APPLY) {
      const part = results.slice(at, at + APPLY);
      const seq = at + APPLY >= results.length ? last_seq : (part.at(-1) as { seq: number | string }).seq;
      changed += await applyChanges(run, part, seq);
    }
    since = last_seq;
    if (results.length < BATCH) break;
  }
  // Kept current as each part commits: the push compares with it without reading it again.
  return { changed, known: run.known };
}

/** One pull's state across its parts. */
interface PullRun {
  db: IDBPDatabase<RapportDB>;
  from: string;
  me: string;
  /** Contacts whose plans to work out again after the sync. */
  contactIds: Set<string>;
  known: ServerHolds;
  /** Keys taken by this run's records, across its parts (a team's two records with one address). */
  claimed: Set<string>;
  /** Kinds this store held none of when the run began (their reads are skipped). */
  emptyAtStart: Set<SharedKind>;
}

/** Part of the server's changes into the store, in one transaction with the checkpoint `seq`; answers how many records changed. */
async function applyChanges(run: PullRun, results: ChangesResult['results'], seq: number | string): Promise<number> {
  const { db, from, me, contactIds, known, claimed, emptyAtStart } = run;
  let changed = 0;
  const states: [string, TeamDocState][] = [];
  const have: string[] = [];
  const served = results.flatMap((change) =>
    change.deleted || !change.doc || change.doc._id.startsWith('_') ? [] : [change.doc],
  );
  const docs = served.map((doc) => ({ id: doc._id, checked: fromDoc(doc, me) }));
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
    const store = (kind: Exclude<SharedKind, 'touch'>) => tx.objectStore(recordStore(kind)) as unknown as LooseStore;
    // Touches go into their contacts' logs, each read once for the part. One whose source the
    // log holds under another id is the same message recorded here already: said, not written.
    const touches = incoming.flatMap((one) => (one.kind === 'touch' ? [RECORD_SCHEMAS.touches.parse(one.record)] : []));
    const addingTouches = addTouches(logsIn(tx), touches, { sameId: 'keep' });
    // Every read of the batch asked at once, then every write: a request awaited in turn per
    // document cost a round trip each (9 s for 12,000 documents).
    const others = incoming.filter(
      (one): one is Incoming & { kind: Exclude<SharedKind, 'touch'> } => one.kind !== 'touch',
    );
    const read = await Promise.all(
      others.map(async (one) =>
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
    const { stored, clashes } = await addingTouches;
    changed += stored.length;
    for (const touch of stored) contactIds.add(touch.contactId);
    for (const touch of clashes) refuse(docId('touch', touch.id), `touch:${touch.id}: recorded here already`);
    // What the server holds now, whatever this computer made of it.
    const team = tx.objectStore('team');
    for (const doc of served) {
      if (UNCHANGING.has(kindOfDoc(doc._id))) {
        if (!known.have.has(doc._id)) have.push(doc._id);
      } else if (doc._rev && known.held.get(doc._id)?.rev !== doc._rev) {
        states.push([doc._id, serverState(doc)]);
      }
    }
    // A record someone deleted on the server (by hand: Rapport never deletes there) stays here,
    // and the push sends it back over the deletion's revision, which it must name.
    for (const change of results) {
      const gone = change.deleted ? change.doc : undefined;
      if (gone?._rev && !gone._id.startsWith('_') && !UNCHANGING.has(kindOfDoc(gone._id)))
        states.push([gone._id, { rev: gone._rev, json: DELETED }]);
    }
    for (const [id, state] of states) writes.add(team.put(state, DOC + id));
    if (have.length) writes.add(team.put(have, HAVE + crypto.randomUUID()));
    writes.add(tx.objectStore('meta').put({ from, seq } as never, PULLED));
    writes.add(tx.objectStore('meta').put(Object.fromEntries([...held].slice(-MAX_REFUSED)) as never, REFUSED));
    await writes.all();
  });
  for (const [id, state] of states) known.held.set(id, state);
  for (const id of have) known.have.add(id);
  return changed;
}

const serverState = (doc: PouchDoc): TeamDocState => ({ rev: doc._rev as string, json: stableJson(doc.record) });
/** What the server holds of a record deleted there: no shared fields, so any version here differs. */
const DELETED = 'deleted';

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
 * LinkedIn id) is held by another record here or earlier in the batch, the same
 * person known twice, which is said rather than written. Undefined when nothing clashes.
 */
function clashOf(one: Incoming, holders: unknown[], claimed: Set<string>): string | undefined {
  const keys = uniqueKeys(one);
  const claims = keys.map(([index, key]) => `${one.kind}|${index}|${stableJson(key)}`);
  for (const [i, [, key]] of keys.entries()) {
    const holder = holders[i];
    if ((holder !== undefined && holder !== one.record.id) || claimed.has(claims[i] ?? '')) {
      return `${one.kind}:${one.record.id}: this computer knows ${String(key)} as another contact; matching the two comes in a later version`;
    }
  }
  for (const claim of claims) claimed.add(claim);
  return undefined;
}

/** The unique indexes a record of this kind must not share with another (db/migrations.ts; a touch's source is kept unique in its log). */
function uniqueKeys({ kind, record }: Incoming): [string, unknown][] {
  if (kind === 'contact') {
    return [
      ...((record.emails as string[] | undefined) ?? []).map((email): [string, unknown] => ['by-email', email]),
      ...(record.linkedinId ? [['by-linkedin', record.linkedinId] as [string, unknown]] : []),
    ];
  }
  return [];
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

/**
 * This machine's shared records the server does not hold as they are here, sent in batches with
 * the revisions they replace. Answers how many the server took, and how many it refused because
 * a teammate changed them since they were pulled (the next round pulls and merges those).
 */
async function push(
  db: IDBPDatabase<RapportDB>,
  server: Database,
  me: string,
  settings: Settings,
  { held, have }: ServerHolds,
): Promise<{ pushed: number; conflicts: number }> {
  // The seller using this browser, as the team knows them (`me` has no record of its own here).
  const myself = { id: me, name: settings.me.name || settings.me.emails[0] || me, emails: settings.me.emails };
  const outgoing: PouchDoc[] = [];
  const consider = (doc: SharedDoc | ReturnType<typeof mergedDoc>) => {
    const there = held.get(doc._id);
    if (there?.json === stableJson(doc.record)) return;
    outgoing.push({ ...doc, ...(there ? { _rev: there.rev } : {}) } as unknown as PouchDoc);
  };
  consider(toDoc('seller', myself, me));
  for (const kind of SHARED_KINDS) {
    if (kind === 'touch') {
      for (const touch of await allTouches(logsIn(db.transaction('touchLogs'))))
        if (!have.has(docId(kind, touch.id))) outgoing.push(toDoc(kind, touch, me) as unknown as PouchDoc);
    } else if (kind === 'purchase') {
      // Only the ids are read to compare; a record is read when the server lacks it.
      const keys = (await db.getAllKeys('purchases')).filter((id) => !have.has(docId(kind, id)));
      const tx = db.transaction('purchases');
      for (const record of await Promise.all(keys.map((id) => tx.store.get(id))))
        if (record) outgoing.push(toDoc(kind, record, me) as unknown as PouchDoc);
    } else {
      for (const record of await db.getAll(recordStore(kind))) consider(toDoc(kind, record, me));
    }
  }
  // A contact merged here that the team knows becomes a note of where it went.
  const merged = ((await db.get('meta', MERGED_OUT)) as Merges | undefined) ?? {};
  for (const [id, into] of Object.entries(merged)) if (held.has(docId('contact', id))) consider(mergedDoc(id, into));

  let pushed = 0;
  let conflicts = 0;
  for (let i = 0; i < outgoing.length; i += BATCH) {
    const batch = outgoing.slice(i, i + BATCH);
    const answers = await server.bulkDocs(batch);
    const states: [string, TeamDocState][] = [];
    const taken: string[] = [];
    let refusal: string | undefined;
    answers.forEach((answer, n) => {
      const doc = batch[n] as PouchDoc;
      const unchanging = UNCHANGING.has(kindOfDoc(doc._id));
      if ('ok' in answer) {
        pushed++;
        if (unchanging) taken.push(doc._id);
        else states.push([DOC + doc._id, serverState({ ...doc, _rev: answer.rev })]);
      } else if (answer.error === 'conflict' && unchanging) {
        // The server has it already (sent before a stop, or by this seller's other computer).
        taken.push(doc._id);
      } else if (answer.error === 'conflict') {
        conflicts++;
      } else {
        refusal ??= `the team server refused ${answer.id}: ${answer.reason ?? answer.error}`;
      }
    });
    // What the server took is noted before a refusal is said: it is not sent again.
    const tx = db.transaction('team', 'readwrite');
    const writes = pendingWrites();
    for (const [key, state] of states) writes.add(tx.store.put(state, key));
    if (taken.length) writes.add(tx.store.put(taken, HAVE + crypto.randomUUID()));
    await allOrNothing(tx, () => writes.all());
    if (refusal) throw new Error(refusal);
  }
  return { pushed, conflicts };
}

/** What this browser knows the server holds: changeable records' revisions, unchanging records' ids. */
interface ServerHolds {
  held: Map<string, TeamDocState>;
  have: Set<string>;
}

async function whatTheServerHolds(db: IDBPDatabase<RapportDB>): Promise<ServerHolds> {
  const tx = db.transaction('team');
  const docs = IDBKeyRange.bound(DOC, `${DOC}\uffff`);
  const [keys, states, chunks] = await Promise.all([
    tx.store.getAllKeys(docs),
    tx.store.getAll(docs),
    tx.store.getAll(IDBKeyRange.bound(HAVE, `${HAVE}\uffff`)),
  ]);
  const held = new Map(keys.map((key, i) => [key.slice(DOC.length), states[i] as TeamDocState]));
  const have = new Set<string>();
  for (const ids of chunks as string[][]) for (const id of ids) have.add(id);
  return { held, have };
}
