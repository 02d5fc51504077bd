import type { IDBPDatabase } from 'idb';
import type { Contact, TrustLevel } from '@/lib/shared/model';
import { accountForEmail } from './accounts';
import type { RapportDB } from './db/schema';

export interface ContactKey {
  email?: string | undefined;
  linkedinId?: string | undefined;
}

/** What a contact look-up needs: the contacts store of any transaction. */
interface ContactIndexes {
  index(name: 'by-email' | 'by-linkedin'): { get(key: string): Promise<Contact | undefined> };
}

/** Finds a contact by any of their addresses first, then by LinkedIn id. */
async function lookUp(contacts: ContactIndexes, key: ContactKey): Promise<Contact | undefined> {
  const byEmail = key.email ? await contacts.index('by-email').get(key.email) : undefined;
  if (byEmail) return byEmail;
  return key.linkedinId ? contacts.index('by-linkedin').get(key.linkedinId) : undefined;
}

export async function findContact(db: IDBPDatabase<RapportDB>, key: ContactKey): Promise<Contact | undefined> {
  const tx = db.transaction('contacts');
  const found = await lookUp(tx.store, key);
  await tx.done;
  return found;
}

/**
 * Starts tracking a person. Idempotent: an existing contact is returned unchanged. A person
 * known by e-mail joins the account of their company's domain, which is created if needed.
 */
export async function trackContact(
  db: IDBPDatabase<RapportDB>,
  person: { name: string; title?: string | undefined } & ContactKey,
  context: { now: number; newId: () => string; internalDomains: readonly string[] },
): Promise<Contact> {
  const tx = db.transaction(['contacts', 'accounts'], 'readwrite');
  const contacts = tx.objectStore('contacts');
  const existing = await lookUp(contacts, person);
  if (existing) {
    await tx.done;
    return existing;
  }
  const { now, newId } = context;
  const account = person.email
    ? await accountForEmail(tx, person.email, context.internalDomains, now, newId)
    : undefined;
  const contact: Contact = {
    id: newId(),
    name: person.name || person.email || person.linkedinId || '',
    emails: person.email ? [person.email] : [],
    ...(person.linkedinId ? { linkedinId: person.linkedinId } : {}),
    ...(person.title ? { title: person.title } : {}),
    ...(account ? { accountId: account.id } : {}),
    status: 'contact',
    activeProspect: false,
    notes: '',
    statusHistory: [{ status: 'contact', at: now }],
    createdAt: now,
    updatedAt: now,
  };
  await contacts.add(contact);
  await tx.done;
  return contact;
}

/** A new status, remembered in the contact's history so won and lost months can be recomputed. */
export async function setStatus(
  db: IDBPDatabase<RapportDB>,
  change: { contactId: string; status: Contact['status']; activeProspect: boolean },
  now: number,
): Promise<Contact> {
  const tx = db.transaction('contacts', 'readwrite');
  const contact = await tx.store.get(change.contactId);
  if (!contact) throw new Error(`no contact with id ${change.contactId}`);
  const history =
    contact.status === change.status
      ? contact.statusHistory
      : [...contact.statusHistory, { status: change.status, at: now }];
  const next: Contact = {
    ...contact,
    status: change.status,
    activeProspect: change.status === 'prospect' && change.activeProspect,
    statusHistory: history,
    updatedAt: now,
  };
  await tx.store.put(next);
  await tx.done;
  return next;
}

/** Sets or clears the seller's own trust level; it expires after `days`. */
export async function setTrust(
  db: IDBPDatabase<RapportDB>,
  change: { contactId: string; level: TrustLevel | null; days: number },
  now: number,
): Promise<Contact> {
  const tx = db.transaction('contacts', 'readwrite');
  const contact = await tx.store.get(change.contactId);
  if (!contact) throw new Error(`no contact with id ${change.contactId}`);
  const { trustOverride: _old, ...rest } = contact;
  const next: Contact = change.level
    ? {
        ...rest,
        trustOverride: { level: change.level, setAt: now, until: now + change.days * 86_400_000 },
        updatedAt: now,
      }
    : { ...rest, updatedAt: now };
  await tx.store.put(next);
  await tx.done;
  return next;
}
