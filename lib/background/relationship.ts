import type { IDBPDatabase, IDBPTransaction } from 'idb';
import { type Account, type Contact, type FollowUp, isLive, type Settings } from '@/lib/shared/model';
import { contextFor, type RelationshipContext } from '@/lib/shared/relationship/context';
import { type Coverage, coverage } from '@/lib/shared/relationship/coverage';
import { nextTouch } from '@/lib/shared/relationship/next-touch';
import { summarize } from '@/lib/shared/relationship/summarize';
import { type ContactSummary, SUMMARY_VERSION } from '@/lib/shared/relationship/summary';
import type { RapportDB } from './db/schema';
import { withDefaults } from './settings';

/** The stores one contact's refresh reads and writes, in one transaction. */
export const RELATIONSHIP_STORES = ['contacts', 'accounts', 'touches', 'purchases', 'followUps', 'summaries'] as const;
type Tx = IDBPTransaction<RapportDB, (typeof RELATIONSHIP_STORES)[number][], 'readwrite'>;
/** Reading needs no write lock: the sidebar's look-ups use a read-only transaction. */
export type Reader = Pick<
  IDBPTransaction<RapportDB, (typeof RELATIONSHIP_STORES)[number][], IDBTransactionMode>,
  'objectStore'
>;

/**
 * One read-only transaction for a look-up from a page, with the settings read inside it: a
 * separate transaction per step would let a capture's write slip in between and make the
 * seller wait for it.
 */
export async function openReader(db: IDBPDatabase<RapportDB>) {
  const tx = db.transaction([...RELATIONSHIP_STORES, 'meta'] as const);
  const settings = withDefaults((await tx.objectStore('meta').get('settings')) as Settings | undefined);
  // The same transaction, seen through the read-only view the helpers below take.
  return { tx, reader: tx as unknown as Reader, settings };
}

export interface RefreshDeps {
  now: number;
  newId: () => string;
  settings: Settings;
  /**
   * Restores and seeds bring their own follow-ups, which must land exactly as given: then only
   * contacts that have none get one planned. Every other write plans them all.
   */
  onlyWithoutFollowUps?: boolean;
}

/**
 * Brings these contacts' summaries and live follow-ups up to date after a write: the summary
 * from all of the contact's touches, then the next touch from the engine, written to the one
 * live follow-up (created, moved, or closed when the contact no longer has a cadence; a snoozed
 * one is the seller's and stays as it is).
 *
 * Two passes, each in chunks so a large import never holds one transaction for long: every
 * summary first, then the follow-ups. An account's coverage reads all its contacts' summaries,
 * so with the summaries settled it is worked out once per account rather than once per contact
 * (10,000 imported contacts in 500 accounts: 500 coverage reads instead of 10,000).
 */
export async function refreshContacts(
  db: IDBPDatabase<RapportDB>,
  ids: Iterable<string>,
  deps: RefreshDeps,
): Promise<FollowUp[]> {
  const all = [...new Set(ids)];
  const present: Contact[] = [];
  for (let i = 0; i < all.length; i += CHUNK) {
    const tx = db.transaction(['contacts', 'touches', 'followUps', 'summaries'], 'readwrite');
    // Every request of the chunk is sent before any answer is awaited: one round trip to the
    // database per request, awaited in turn, is what made 10,000 contacts take seconds.
    const found = await Promise.all(
      all.slice(i, i + CHUNK).map(async (id) => {
        const contact = await tx.objectStore('contacts').get(id);
        if (!contact) await tx.objectStore('summaries').delete(id);
        else await tx.objectStore('summaries').put(await buildSummary(tx, id));
        return contact;
      }),
    );
    await tx.done;
    for (const contact of found) if (contact) present.push(contact);
  }
  const created: FollowUp[] = [];
  const accounts: AccountCache = new Map();
  for (let i = 0; i < present.length; i += CHUNK) {
    const tx = db.transaction(RELATIONSHIP_STORES, 'readwrite');
    const planned = await Promise.all(
      present.slice(i, i + CHUNK).map((contact) => planFollowUp(tx, contact, deps, accounts)),
    );
    await tx.done;
    for (const followUp of planned) if (followUp) created.push(followUp);
  }
  return created;
}

const CHUNK = 500;

/** Returns the follow-up it created, if it created one. */
async function planFollowUp(
  tx: Tx,
  contact: Contact,
  deps: RefreshDeps,
  accounts: AccountCache,
): Promise<FollowUp | undefined> {
  const followUps = tx.objectStore('followUps');
  const existing = await followUps.index('by-contact').getAll(contact.id);
  if (deps.onlyWithoutFollowUps && existing.length > 0) return;
  const live = existing.find(isLive);
  if (live?.state === 'snoozed') return;
  const summary = await summaryOf(tx, contact.id);
  const { context } = await contextOf(tx, contact, deps, accounts);
  const next = nextTouch(summary, context);
  if (!next) {
    if (live) await followUps.put(close(live, deps.now));
    return;
  }
  const fields = { due: next.due, kind: next.kind, reason: next.reason };
  if (live) {
    if (live.due !== fields.due || live.kind !== fields.kind || live.reason.code !== fields.reason.code) {
      await followUps.put({ ...live, ...fields });
    }
    return;
  }
  const created: FollowUp = {
    id: deps.newId(),
    contactId: contact.id,
    ...fields,
    state: 'open',
    liveFor: contact.id,
    createdAt: deps.now,
  };
  await followUps.add(created);
  return created;
}

/** Without a cadence there is nothing to follow up: the live follow-up is closed, not deleted. */
function close(followUp: FollowUp, now: number): FollowUp {
  const { liveFor: _live, snoozedUntil: _snooze, ...rest } = followUp;
  return { ...rest, state: 'dismissed', closedAt: now };
}

async function buildSummary(tx: Reader, contactId: string): Promise<ContactSummary> {
  const range = IDBKeyRange.bound([contactId, -Infinity], [contactId, Infinity]);
  const [touches, followUps] = await Promise.all([
    tx.objectStore('touches').index('by-contact-at').getAll(range),
    tx.objectStore('followUps').index('by-contact').getAll(contactId),
  ]);
  return summarize({ contactId, touches, followUps });
}

/** A stored summary, rebuilt when missing or written by an older engine. */
export async function summaryOf(tx: Reader, contactId: string): Promise<ContactSummary> {
  const stored = await tx.objectStore('summaries').get(contactId);
  return stored?.version === SUMMARY_VERSION ? stored : buildSummary(tx, contactId);
}

/** What every contact of an account shares: the account, its coverage and its last purchase. */
interface AccountFacts {
  account: Account;
  coverage: Coverage;
  lastPurchaseAt?: number;
}

/**
 * Account facts already read, by account id, for one request that looks at many contacts (a
 * refresh, the popup's rows). Valid while no summary changes: a refresh fills it only after
 * every summary is written, and may carry it across its transactions since the values are plain.
 */
export type AccountCache = Map<string, Promise<AccountFacts | undefined>>;

async function readAccountFacts(tx: Reader, accountId: string, now: number): Promise<AccountFacts | undefined> {
  const account = await tx.objectStore('accounts').get(accountId);
  if (!account) return;
  const colleagues = await tx.objectStore('contacts').index('by-account').getAllKeys(accountId);
  const summaries = await Promise.all(colleagues.map((id) => summaryOf(tx, id)));
  const range = IDBKeyRange.bound([accountId, -Infinity], [accountId, Infinity]);
  const cursor = await tx.objectStore('purchases').index('by-account-at').openCursor(range, 'prev');
  return {
    account,
    coverage: coverage(summaries, now),
    ...(cursor ? { lastPurchaseAt: cursor.value.at } : {}),
  };
}

/**
 * The context trust and next touch read: the contact, its account, coverage and last purchase.
 * Coverage reads the stored summaries of the account's contacts, this one's included.
 */
export async function contextOf(
  tx: Reader,
  contact: Contact,
  deps: Pick<RefreshDeps, 'now' | 'settings'>,
  accounts: AccountCache = new Map(),
): Promise<{ context: RelationshipContext; coverage: Coverage | undefined }> {
  let facts: AccountFacts | undefined;
  if (contact.accountId) {
    let pending = accounts.get(contact.accountId);
    if (!pending) {
      pending = readAccountFacts(tx, contact.accountId, deps.now);
      accounts.set(contact.accountId, pending);
    }
    facts = await pending;
  }
  const context = contextFor({
    contact,
    ...(facts ? { account: facts.account, coverage: facts.coverage } : {}),
    settings: deps.settings,
    now: deps.now,
    ...(facts?.lastPurchaseAt === undefined ? {} : { lastPurchaseAt: facts.lastPurchaseAt }),
  });
  return { context, coverage: facts?.coverage };
}
