import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { DataSet } from '@/lib/messaging/protocol';
import type { RapportDB } from './db/schema';

type WithContacts = IDBPTransaction<RapportDB, StoreNames<RapportDB>[], 'readonly' | 'readwrite'>;

/** What a write names, by id: enough to tell whose plan it can change. */
export interface Written {
  contactIds: Iterable<string>;
  accountIds: Iterable<string>;
}

/** The contacts and accounts a set of records is about. */
export function writtenIn(data: Partial<DataSet>): Written {
  return {
    contactIds: [
      ...(data.contacts ?? []).map((c) => c.id),
      ...(data.touches ?? []).map((t) => t.contactId),
      ...(data.followUps ?? []).map((f) => f.contactId),
    ],
    accountIds: [...(data.accounts ?? []).map((a) => a.id), ...(data.purchases ?? []).map((p) => p.accountId)],
  };
}

/**
 * Every contact whose next touch can change: those named, and everyone at an account whose
 * tier, purchases or people changed (a purchase starts a follow-up with the whole account).
 * `tx` must include the contacts store.
 */
export async function contactsAffected(tx: WithContacts, written: Written): Promise<Set<string>> {
  const ids = new Set(written.contactIds);
  const byAccount = tx.objectStore('contacts').index('by-account');
  const atAccounts = await Promise.all([...new Set(written.accountIds)].map((id) => byAccount.getAllKeys(id)));
  for (const keys of atAccounts) for (const key of keys) ids.add(key);
  return ids;
}

/** The same, in a read transaction of its own. */
export async function contactsAffectedNow(db: IDBPDatabase<RapportDB>, written: Written): Promise<Set<string>> {
  const tx = db.transaction('contacts');
  const ids = await contactsAffected(tx as unknown as WithContacts, written);
  await tx.done;
  return ids;
}
