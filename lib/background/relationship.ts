import type { IDBPDatabase, IDBPTransaction } from 'idb';
import { type Contact, type FollowUp, isLive, type Settings } from '@/lib/shared/model';
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
 * one is the seller's and stays as it is). Runs in chunks so a large import never holds one
 * transaction for long.
 */
export async function refreshContacts(
  db: IDBPDatabase<RapportDB>,
  ids: Iterable<string>,
  deps: RefreshDeps,
): Promise<FollowUp[]> {
  const all = [...new Set(ids)];
  const created: FollowUp[] = [];
  for (let i = 0; i < all.length; i += CHUNK) {
    const tx = db.transaction(RELATIONSHIP_STORES, 'readwrite');
    for (const id of all.slice(i, i + CHUNK)) {
      const followUp = await refreshOne(tx, id, deps);
      if (followUp) created.push(followUp);
    }
    await tx.done;
  }
  return created;
}

const CHUNK = 250;

/** Returns the follow-up it created, if it created one. */
async function refreshOne(tx: Tx, contactId: string, deps: RefreshDeps): Promise<FollowUp | undefined> {
  const contact = await tx.objectStore('contacts').get(contactId);
  if (!contact) {
    await tx.objectStore('summaries').delete(contactId);
    return;
  }
  const summary = await buildSummary(tx, contactId);
  await tx.objectStore('summaries').put(summary);
  const ctx = await contextOf(tx, contact, summary, deps);
  const next = nextTouch(summary, ctx.context);
  const followUps = tx.objectStore('followUps');
  const existing = await followUps.index('by-contact').getAll(contactId);
  if (deps.onlyWithoutFollowUps && existing.length > 0) return;
  const live = existing.find(isLive);
  if (live?.state === 'snoozed') return;
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
    contactId,
    ...fields,
    state: 'open',
    liveFor: contactId,
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

/** The context trust and next touch read: the contact, its account, coverage and last purchase. */
export async function contextOf(
  tx: Reader,
  contact: Contact,
  summary: ContactSummary,
  deps: Pick<RefreshDeps, 'now' | 'settings'>,
): Promise<{ context: RelationshipContext; coverage: Coverage | undefined }> {
  const account = contact.accountId ? await tx.objectStore('accounts').get(contact.accountId) : undefined;
  let accountCoverage: Coverage | undefined;
  let lastPurchaseAt: number | undefined;
  if (account) {
    const colleagues = await tx.objectStore('contacts').index('by-account').getAllKeys(account.id);
    const summaries = await Promise.all(colleagues.map((id) => (id === contact.id ? summary : summaryOf(tx, id))));
    accountCoverage = coverage(summaries, deps.now);
    const range = IDBKeyRange.bound([account.id, -Infinity], [account.id, Infinity]);
    const cursor = await tx.objectStore('purchases').index('by-account-at').openCursor(range, 'prev');
    lastPurchaseAt = cursor?.value.at;
  }
  const context = contextFor({
    contact,
    ...(account ? { account } : {}),
    settings: deps.settings,
    now: deps.now,
    ...(lastPurchaseAt === undefined ? {} : { lastPurchaseAt }),
    ...(accountCoverage ? { coverage: accountCoverage } : {}),
  });
  return { context, coverage: accountCoverage };
}
