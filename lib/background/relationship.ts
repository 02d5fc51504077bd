import type { IDBPDatabase, IDBPTransaction } from 'idb';
import type { Account, Contact, Settings } from '@/lib/shared/model';
import { contextFor, type RelationshipContext } from '@/lib/shared/relationship/context';
import { type Coverage, coverage } from '@/lib/shared/relationship/coverage';
import { summarize } from '@/lib/shared/relationship/summarize';
import { type ContactSummary, emptySummary, SUMMARY_VERSION } from '@/lib/shared/relationship/summary';
import { followUpsOf } from './db/follow-ups';
import type { RapportDB } from './db/schema';
import { logsIn, touchesOf } from './db/touch-logs';
import { withDefaults } from './settings';

/** The stores one contact's refresh reads and writes, in one transaction. */
export const RELATIONSHIP_STORES = [
  'contacts',
  'accounts',
  'touchLogs',
  'purchases',
  'followUps',
  'summaries',
] as const;
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

export async function buildSummary(tx: Reader, contactId: string): Promise<ContactSummary> {
  const [touches, followUps] = await Promise.all([
    touchesOf(logsIn(tx), contactId),
    followUpsOf(tx.objectStore('followUps'), contactId),
  ]);
  return summarize({ contactId, touches, followUps });
}

/**
 * A stored summary, worked out again when written by an older engine or missing. A refresh
 * stores no empty summary (isEmptySummary), so a reader of many contacts passes `logged`, the
 * contacts it knows have touches: a missing summary of anyone else is empty, without two reads.
 */
export async function summaryOf(
  tx: Reader,
  contactId: string,
  logged?: () => Promise<ReadonlySet<string>>,
): Promise<ContactSummary> {
  return summaryFrom(tx, contactId, await tx.objectStore('summaries').get(contactId), logged);
}

/**
 * Who has touches (a touch log), for summaryOf's `logged`: at one account (its logs by index), or
 * anyone. Asked once, on the first call, so a reader whose summaries are all stored never asks.
 */
export function contactsWithTouches(tx: Reader, accountId?: string): () => Promise<ReadonlySet<string>> {
  let asked: Promise<ReadonlySet<string>> | undefined;
  return () => {
    const logs = tx.objectStore('touchLogs');
    asked ??= (accountId === undefined ? logs.getAllKeys() : logs.index('by-account').getAllKeys(accountId)).then(
      (ids) => new Set(ids),
    );
    return asked;
  };
}

/** What summaryOf answers for the summary the store gave (`stored`, undefined when it has none). */
export async function summaryFrom(
  tx: Reader,
  contactId: string,
  stored: ContactSummary | undefined,
  logged?: () => Promise<ReadonlySet<string>>,
): Promise<ContactSummary> {
  if (stored?.version === SUMMARY_VERSION) return stored;
  if (!stored && logged && !(await logged()).has(contactId)) return emptySummary(contactId);
  return buildSummary(tx, contactId);
}

/** What every contact of an account shares: the account, its coverage and its last purchase. */
export interface AccountFacts {
  account: Account;
  coverage: Coverage;
  lastPurchaseAt?: number;
}

/** Account facts already read, by account id, for a look-up that shows many contacts (the popup's rows). */
export type AccountCache = Map<string, Promise<AccountFacts | undefined>>;

/** An account's facts, its colleagues' summaries read from the store (or worked out when missing). */
export async function readAccountFacts(tx: Reader, accountId: string, now: number): Promise<AccountFacts | undefined> {
  const colleagues = await tx.objectStore('contacts').index('by-account').getAllKeys(accountId);
  const logged = contactsWithTouches(tx, accountId);
  return accountFactsWith(tx, accountId, now, await Promise.all(colleagues.map((id) => summaryOf(tx, id, logged))));
}

/**
 * An account's facts from the summaries of everyone at it, in hand (a refresh has just made
 * them): only the account and its last purchase are read, both at once.
 */
export async function accountFactsWith(
  tx: Reader,
  accountId: string,
  now: number,
  summaries: readonly ContactSummary[],
): Promise<AccountFacts | undefined> {
  const range = IDBKeyRange.bound([accountId, -Infinity], [accountId, Infinity]);
  const [account, lastPurchase] = await Promise.all([
    tx.objectStore('accounts').get(accountId),
    tx.objectStore('purchases').index('by-account-at').openCursor(range, 'prev'),
  ]);
  if (!account) return;
  return accountFactsFrom(account, lastPurchase?.value.at, summaries, now);
}

/** An account's facts from its record, its last purchase and everyone's summaries, all in hand. */
export function accountFactsFrom(
  account: Account,
  lastPurchaseAt: number | undefined,
  summaries: readonly ContactSummary[],
  now: number,
): AccountFacts {
  return { account, coverage: coverage(summaries, now), ...(lastPurchaseAt === undefined ? {} : { lastPurchaseAt }) };
}

/**
 * The context trust and next touch read: the contact, its account, coverage and last purchase.
 * Coverage reads the stored summaries of the account's contacts, this one's included.
 */
export async function contextOf(
  tx: Reader,
  contact: Contact,
  deps: { now: number; settings: Settings },
  accounts: AccountCache = new Map(),
): Promise<{ context: RelationshipContext; coverage: Coverage | undefined; account: Account | undefined }> {
  let facts: AccountFacts | undefined;
  if (contact.accountId) {
    let pending = accounts.get(contact.accountId);
    if (!pending) {
      pending = readAccountFacts(tx, contact.accountId, deps.now);
      accounts.set(contact.accountId, pending);
    }
    facts = await pending;
  }
  return { context: contextWith(contact, facts, deps), coverage: facts?.coverage, account: facts?.account };
}

/** The engine's context for a contact whose account facts are in hand. */
export function contextWith(
  contact: Contact,
  facts: AccountFacts | undefined,
  deps: { now: number; settings: Settings },
): RelationshipContext {
  return contextFor({
    contact,
    ...(facts ? { account: facts.account, coverage: facts.coverage } : {}),
    settings: deps.settings,
    now: deps.now,
    ...(facts?.lastPurchaseAt === undefined ? {} : { lastPurchaseAt: facts.lastPurchaseAt }),
  });
}
