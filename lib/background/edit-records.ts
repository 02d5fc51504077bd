import type { IDBPDatabase } from 'idb';
import type { Account, Contact, ValueTier } from '@/lib/shared/model';
import type { RapportDB } from './db/schema';
import { logsIn, saveLog } from './db/touch-logs';

/**
 * The seller's edits of what Rapport knows from the dashboard: a contact's name, title and
 * addresses; an account's name and domains; two accounts that are one company, merged. Each
 * reads and writes in one transaction, so an edit made meanwhile elsewhere is not overwritten
 * by a stale copy (only the fields named change).
 */

export async function updateContact(
  db: IDBPDatabase<RapportDB>,
  change: { contactId: string; name?: string | undefined; title?: string | undefined; emails?: string[] | undefined },
  now: number,
): Promise<Contact> {
  const tx = db.transaction('contacts', 'readwrite');
  const contact = await tx.store.get(change.contactId);
  if (!contact) throw new Error(`no contact with id ${change.contactId}`);
  if (change.emails) {
    for (const email of change.emails) {
      const holder = await tx.store.index('by-email').get(email);
      if (holder && holder.id !== contact.id)
        throw new Error(`${email} is ${holder.name}'s address: merge the two instead`);
    }
  }
  const { title: _old, ...rest } = contact;
  const title = change.title === undefined ? contact.title : change.title.trim();
  const next: Contact = {
    ...rest,
    ...(change.name?.trim() ? { name: change.name.trim() } : {}),
    ...(title ? { title } : {}),
    ...(change.emails ? { emails: [...new Set(change.emails)] } : {}),
    updatedAt: now,
  };
  await tx.store.put(next);
  await tx.done;
  return next;
}

export async function updateAccount(
  db: IDBPDatabase<RapportDB>,
  change: { accountId: string; name?: string | undefined; domains?: string[] | undefined; valueTier?: ValueTier },
  now: number,
): Promise<Account> {
  const tx = db.transaction('accounts', 'readwrite');
  const account = await tx.store.get(change.accountId);
  if (!account) throw new Error(`no account with id ${change.accountId}`);
  const next: Account = {
    ...account,
    ...(change.name?.trim() ? { name: change.name.trim() } : {}),
    ...(change.domains ? { domains: [...new Set(change.domains)] } : {}),
    ...(change.valueTier ? { valueTier: change.valueTier } : {}),
    updatedAt: now,
  };
  await tx.store.put(next);
  await tx.done;
  return next;
}

/**
 * `mergeId` is the same company as `keepId`: its contacts, touches and purchases move to the kept
 * account, which takes its domains (and LinkedIn company id when it has none); the other goes.
 * Answers the kept account and the contacts now there (whose plan changes with the coverage).
 */
export async function mergeAccounts(
  db: IDBPDatabase<RapportDB>,
  keepId: string,
  mergeId: string,
  now: number,
): Promise<{ account: Account; contactIds: string[] }> {
  if (keepId === mergeId) throw new Error('an account cannot be merged into itself');
  const tx = db.transaction(['accounts', 'contacts', 'touchLogs', 'purchases'], 'readwrite');
  const accounts = tx.objectStore('accounts');
  const [keep, other] = await Promise.all([accounts.get(keepId), accounts.get(mergeId)]);
  if (!keep || !other) throw new Error(`no account with id ${keep ? mergeId : keepId}`);
  await accounts.delete(mergeId);
  const linkedinCompanyId = keep.linkedinCompanyId ?? other.linkedinCompanyId;
  const account: Account = {
    ...keep,
    domains: [...new Set([...keep.domains, ...other.domains])],
    ...(linkedinCompanyId ? { linkedinCompanyId } : {}),
    notes: [keep.notes, other.notes].filter(Boolean).join('\n\n').slice(0, 5000),
    updatedAt: now,
  };
  await accounts.put(account);
  const contacts = tx.objectStore('contacts');
  for (const contact of await contacts.index('by-account').getAll(mergeId)) {
    await contacts.put({ ...contact, accountId: keepId, updatedAt: now });
  }
  const logs = logsIn(tx);
  for (const log of await logs.index('by-account').getAll(mergeId)) {
    const moved = log.touches.map((t) => (t.accountId === mergeId ? { ...t, accountId: keepId } : t));
    await saveLog(logs, log.contactId, moved);
  }
  const purchases = tx.objectStore('purchases');
  for (const purchase of await purchases
    .index('by-account-at')
    .getAll(IDBKeyRange.bound([mergeId, -Infinity], [mergeId, Infinity]))) {
    await purchases.put({ ...purchase, accountId: keepId });
  }
  const contactIds = (await contacts.index('by-account').getAllKeys(keepId)) as string[];
  await tx.done;
  return { account, contactIds };
}
