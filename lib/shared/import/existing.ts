import type { Account, Contact, Purchase, Seller, Touch } from '@/lib/shared/model';
import { companyKey, domainCompanyKey, personKey } from './companies';

/**
 * What the store already holds, as the planner asks for it. Look-ups are synchronous so a
 * plan is made in one go: the background can read what it needs in its transaction, build
 * this with `indexRecords`, plan and write without waiting in between.
 */
export interface ExistingRecords {
  contactByEmail(email: string): Contact | undefined;
  contactByLinkedIn(linkedinId: string): Contact | undefined;
  accountById(id: string): Account | undefined;
  accountByDomain(domain: string): Account | undefined;
  /** By `companyKey` of the account's name, or of one of its domains' names. */
  accountByKey(key: string): Account | undefined;
  sellerByEmail(email: string): Seller | undefined;
  /** By `personKey` of the seller's name. */
  sellerByKey(key: string): Seller | undefined;
  /** Whether a touch with this source id is stored for this contact (one per source in a contact's log). */
  hasTouch(sourceId: string, contactId: string): boolean;
  /** How many stored purchases have this `purchaseKey`: a file imported again adds none. */
  purchaseCount(key: string): number;
}

export interface RecordLists {
  contacts?: readonly Contact[];
  accounts?: readonly Account[];
  sellers?: readonly Seller[];
  touches?: readonly Pick<Touch, 'sourceId' | 'contactId'>[];
  purchases?: readonly Purchase[];
}

/** Two purchases with the same key are the same purchase as far as an import can tell. */
export function purchaseKey(p: Pick<Purchase, 'accountId' | 'at' | 'amount' | 'currency' | 'product'>): string {
  return [p.accountId, p.at, p.amount, p.currency, p.product ?? ''].join('\u0000');
}

/**
 * Source ids by contact: whether a contact has a touch from a source, asked once per row of an
 * activity file. Sets per contact, not a `source + contact` key string per row: 100,000 rows
 * made 200,000 such strings (half of them kept to the end) in the dashboard's heap.
 */
export class SourcesByContact {
  private readonly byContact = new Map<string, Set<string>>();

  has(sourceId: string, contactId: string): boolean {
    return this.byContact.get(contactId)?.has(sourceId) ?? false;
  }

  add(sourceId: string, contactId: string): void {
    const sources = this.byContact.get(contactId);
    if (sources) sources.add(sourceId);
    else this.byContact.set(contactId, new Set([sourceId]));
  }
}

/** Look-ups over plain lists; the first record wins where two share a key. */
export function indexRecords(lists: RecordLists = {}): ExistingRecords {
  const byEmail = new Map<string, Contact>();
  const byLinkedIn = new Map<string, Contact>();
  for (const c of lists.contacts ?? []) {
    for (const e of c.emails) if (!byEmail.has(e)) byEmail.set(e, c);
    if (c.linkedinId && !byLinkedIn.has(c.linkedinId)) byLinkedIn.set(c.linkedinId, c);
  }
  const byId = new Map((lists.accounts ?? []).map((a) => [a.id, a]));
  const byDomain = new Map<string, Account>();
  const byKey = new Map<string, Account>();
  const keyOnce = (key: string | undefined, a: Account) => {
    if (key && !byKey.has(key)) byKey.set(key, a);
  };
  for (const a of lists.accounts ?? []) {
    keyOnce(companyKey(a.name), a);
    for (const d of a.domains) {
      if (!byDomain.has(d)) byDomain.set(d, a);
    }
  }
  // Names before domains: an account called "Acme" outranks one that merely owns acme.io.
  for (const a of lists.accounts ?? []) for (const d of a.domains) keyOnce(domainCompanyKey(d), a);
  const sellersByEmail = new Map<string, Seller>();
  const sellersByKey = new Map<string, Seller>();
  for (const s of lists.sellers ?? []) {
    for (const e of s.emails) if (!sellersByEmail.has(e)) sellersByEmail.set(e, s);
    const key = personKey(s.name);
    if (key && !sellersByKey.has(key)) sellersByKey.set(key, s);
  }
  const touches = new SourcesByContact();
  for (const t of lists.touches ?? []) if (t.sourceId) touches.add(t.sourceId, t.contactId);
  const purchases = new Map<string, number>();
  for (const p of lists.purchases ?? []) {
    const key = purchaseKey(p);
    purchases.set(key, (purchases.get(key) ?? 0) + 1);
  }
  return {
    contactByEmail: (email) => byEmail.get(email),
    contactByLinkedIn: (id) => byLinkedIn.get(id),
    accountById: (id) => byId.get(id),
    accountByDomain: (domain) => byDomain.get(domain),
    accountByKey: (key) => byKey.get(key),
    sellerByEmail: (email) => sellersByEmail.get(email),
    sellerByKey: (key) => sellersByKey.get(key),
    hasTouch: (sourceId, contactId) => touches.has(sourceId, contactId),
    purchaseCount: (key) => purchases.get(key) ?? 0,
  };
}
