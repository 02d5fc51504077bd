import type { IDBPDatabase } from 'idb';
import type { ResponseOf } from '@/lib/messaging/protocol';
import type { Account, Contact, Purchase, Settings } from '@/lib/shared/model';
import { leakyBucket } from '@/lib/shared/relationship/bucket';
import { coverage } from '@/lib/shared/relationship/coverage';
import { riskOf } from '@/lib/shared/relationship/risk';
import { type ContactSummary, SUMMARY_VERSION } from '@/lib/shared/relationship/summary';
import { lifetimeValue } from '@/lib/shared/relationship/value';
import type { RapportDB } from './db/schema';
import { generation, isKept, keptAnswer } from './kept';
import { lastView, keepView } from './views';
import {
  type AccountFacts,
  contactsWithTouches,
  contextWith,
  openReader,
  type Reader,
  summaryFrom,
} from './relationship';

/**
 * The whole book of business, for the dashboard: every account with its coverage, value and
 * contacts at risk, every contact with its risk, and the leaky bucket. One read-only transaction,
 * each store read once (`getAll`), the engine run per account and per contact in memory: the
 * same functions the sidebar and popup use, so the dashboard never disagrees with them.
 */
interface Book {
  settings: Settings;
  accounts: Account[];
  contacts: Contact[];
  purchases: Purchase[];
  summaries: Map<string, ContactSummary>;
  facts: Map<string, AccountFacts>;
  sellers: Map<string, string>;
  /** Contacts and purchases by account id. */
  byAccount: Map<string, Contact[]>;
  purchasesByAccount: Map<string, Purchase[]>;
  /** Answers already worked out from this book (the accounts rows, the bucket of n months). */
  answers: Map<string, unknown>;
}

type LastKnown = { asOf: number; stale: boolean };

/**
 * Which view's answer, as of when; `firstScreen`: what of it to keep in the store, when the view
 * shows only part of it at once.
 */
type View<T> = { name: string; now: number; firstScreen?: ((whole: T) => T) | undefined };

/**
 * A view's answer. Worked out once per kept book, so going back to a view costs nothing. With
 * no book kept (the worker just started, or something was written) and unless the page asks
 * for a `fresh` one, the last answer kept in the store (views.ts) comes back at once, marked
 * stale, while today's is worked out: the page's next, fresh, request finds it under way.
 */
async function answer<T extends object>(
  db: IDBPDatabase<RapportDB>,
  { fresh, ...view }: View<T> & { fresh: boolean },
  work: (book: Book) => T,
): Promise<T & LastKnown> {
  const { name, now } = view;
  if (!fresh && !isKept(db, BOOK, { now, maxAgeMs: BOOK_MAX_AGE_MS })) {
    const last = await lastView(db, name);
    if (last) {
      answerNow(db, view, work).catch(() => undefined);
      return { ...(last.data as T), asOf: last.at, stale: true };
    }
  }
  return { ...(await answerNow(db, view, work)), asOf: now, stale: false };
}

async function answerNow<T>(db: IDBPDatabase<RapportDB>, { name, now, firstScreen }: View<T>, work: (book: Book) => T) {
  const since = generation();
  const book = await readBook(db, now);
  if (!book.answers.has(name)) {
    const whole = work(book);
    book.answers.set(name, whole);
    keepView(db, name, { at: now, data: firstScreen ? firstScreen(whole) : whole }, since).catch(() => undefined);
  }
  return book.answers.get(name) as T;
}

const BOOK = 'book';
const BOOK_MAX_AGE_MS = 60_000;

/** The book is kept between views (kept.ts): Accounts, Contacts and the leaky bucket read the store once. */
function readBook(db: IDBPDatabase<RapportDB>, now: number): Promise<Book> {
  return keptAnswer(db, BOOK, { now, maxAgeMs: BOOK_MAX_AGE_MS }, () => readBookNow(db, now));
}

async function readBookNow(db: IDBPDatabase<RapportDB>, now: number): Promise<Book> {
  const { tx, reader, settings } = await openReader(db);
  const [accounts, contacts, purchases, stored] = await Promise.all([
    tx.objectStore('accounts').getAll(),
    tx.objectStore('contacts').getAll(),
    tx.objectStore('purchases').getAll(),
    tx.objectStore('summaries').getAll(),
  ]);
  const summaries = new Map(stored.map((s) => [s.contactId, s]));
  // As the card reads them (summaryOf): one written by an older engine is worked out afresh; a
  // missing one is empty unless the contact has touches.
  // All asked at once (awaited in turn, each cost a round trip). Which contacts have touches at
  // all is asked of the store once when many lack a summary (after a large import of new
  // contacts); a few are looked up each: the keys of every touch log cost 20-40 ms a read.
  const unsummed = contacts.filter((c) => summaries.get(c.id)?.version !== SUMMARY_VERSION);
  const logged = unsummed.length * 20 >= contacts.length ? contactsWithTouches(reader as Reader) : undefined;
  const made = await Promise.all(unsummed.map((c) => summaryFrom(reader as Reader, c.id, summaries.get(c.id), logged)));
  for (const summary of made) summaries.set(summary.contactId, summary);
  await tx.done;
  const sellerRecords = await db.getAll('sellers');
  const sellers = new Map(sellerRecords.map((s) => [s.id, s.name]));
  const byAccount = groupBy(contacts, (c) => c.accountId);
  const purchasesByAccount = groupBy(purchases, (p) => p.accountId);
  const facts = new Map<string, AccountFacts>();
  for (const account of accounts) {
    const people = byAccount.get(account.id) ?? [];
    const cov = coverage(
      people.flatMap((c) => summaries.get(c.id) ?? []),
      now,
    );
    // A loop, not Math.max(...list): an account's purchases are not bounded.
    let last: number | undefined;
    for (const p of purchasesByAccount.get(account.id) ?? []) last = Math.max(last ?? p.at, p.at);
    facts.set(account.id, { account, coverage: cov, ...(last === undefined ? {} : { lastPurchaseAt: last }) });
  }
  return {
    settings,
    accounts,
    contacts,
    purchases,
    summaries,
    facts,
    sellers,
    byAccount,
    purchasesByAccount,
    answers: new Map(),
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string | undefined): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

type AccountRow = ResponseOf<'book.accounts'>['accounts'][number];
type ContactRow = ResponseOf<'book.contacts'>['contacts'][number];

function riskOfContact(book: Book, contact: Contact, now: number) {
  const summary = book.summaries.get(contact.id);
  if (!summary) return 'not-customer' as const;
  const facts = contact.accountId ? book.facts.get(contact.accountId) : undefined;
  return riskOf(summary, contextWith(contact, facts, { now, settings: book.settings })).state;
}

/** Every account, with what the accounts table and the coverage picture show. */
export function bookAccounts(
  db: IDBPDatabase<RapportDB>,
  now: number,
  fresh: boolean,
): Promise<ResponseOf<'book.accounts'>> {
  return answer(db, { name: 'accounts', now, fresh }, (book) => ({ accounts: accountRows(book, now) }));
}

function accountRows(book: Book, now: number): AccountRow[] {
  return book.accounts.map((account) => {
    const people = book.byAccount.get(account.id) ?? [];
    const cov = book.facts.get(account.id)?.coverage;
    const risks = people.map((c) => riskOfContact(book, c, now));
    const lastTwoWay = Math.max(0, ...people.map((c) => book.summaries.get(c.id)?.lastTwoWayAt ?? 0));
    const owners = [...new Set(people.flatMap((c) => (c.ownerId ? [book.sellers.get(c.ownerId) ?? c.ownerId] : [])))];
    return {
      id: account.id,
      name: account.name,
      domain: account.domains[0] ?? '',
      valueTier: account.valueTier,
      value: lifetimeValue(book.purchasesByAccount.get(account.id) ?? [], { now }).map((v) => ({
        currency: v.currency,
        toDate: v.toDate,
      })),
      quadrant: cov?.quadrant ?? null,
      moves: cov?.moves ?? [],
      sellers: cov?.sellers.length ?? 0,
      contacts: people.length,
      atRisk: risks.filter((r) => r === 'at-risk').length,
      customers: risks.filter((r) => r === 'healthy' || r === 'at-risk').length,
      ...(lastTwoWay > 0 ? { lastTwoWayAt: lastTwoWay } : {}),
      owners: owners.sort(),
    };
  });
}

/** Every contact, with what the contacts table shows and searches. */
export function bookContacts(
  db: IDBPDatabase<RapportDB>,
  now: number,
  fresh: boolean,
): Promise<ResponseOf<'book.contacts'>> {
  return answer(db, { name: 'contacts', now, fresh, firstScreen: firstContacts }, (book) => ({
    contacts: contactRows(book, now),
  }));
}

/**
 * The contacts kept for the next opening: the first rows and how many there are. The view
 * shows 50 rows at once and its search waits for today's answer, so the whole list (10,000
 * rows, about 1.5 MB to read back and hand over) need not be kept: the first screen's p95 went
 * from 161-257 to 96-159 ms (README "Performance", session 18).
 */
export const KEPT_CONTACT_ROWS = 100;

function firstContacts(whole: { contacts: ContactRow[] }): { contacts: ContactRow[]; total?: number } {
  if (whole.contacts.length <= KEPT_CONTACT_ROWS) return whole;
  return { contacts: whole.contacts.slice(0, KEPT_CONTACT_ROWS), total: whole.contacts.length };
}

function contactRows(book: Book, now: number): ContactRow[] {
  const names = new Map(book.accounts.map((a) => [a.id, a.name]));
  return book.contacts.map((c) => {
    const last = book.summaries.get(c.id)?.lastTwoWayAt;
    const account = c.accountId ? names.get(c.accountId) : undefined;
    return {
      id: c.id,
      name: c.name,
      emails: c.emails,
      ...(account ? { account } : {}),
      ...(c.title ? { title: c.title } : {}),
      status: c.status,
      risk: riskOfContact(book, c, now),
      ...(last ? { lastTwoWayAt: last } : {}),
    };
  });
}

/** Accounts won, lost and at risk per month, the last `months` months. */
export function bookBucket(
  db: IDBPDatabase<RapportDB>,
  now: number,
  months: number,
  fresh: boolean,
): Promise<ResponseOf<'book.bucket'>> {
  return answer(db, { name: `bucket:${months}`, now, fresh }, (book) => bucketAnswer(book, now, months));
}

function bucketAnswer(book: Book, now: number, months: number) {
  const bucket = leakyBucket({
    contacts: book.contacts,
    accounts: book.accounts,
    purchases: book.purchases,
    summaries: [...book.summaries.values()],
    cadence: book.settings.cadence,
    timeZone: book.settings.timeZone,
    now,
    months,
  });
  // The bucket counts a contact without an account as an account of its own (`contact:<id>`).
  const names = Object.fromEntries([
    ...book.accounts.map((a) => [a.id, a.name]),
    ...book.contacts.filter((c) => !c.accountId).map((c) => [`contact:${c.id}`, c.name]),
  ]);
  return { months: bucket, names };
}
