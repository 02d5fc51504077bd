import type { IDBPDatabase } from 'idb';
import type { Contact } from '@/lib/shared/model';
import type { RapportDB } from './db/schema';

export interface ContactKey {
  email?: string | undefined;
  linkedinId?: string | undefined;
}

/** Finds a contact by any of their addresses first, then by LinkedIn id. */
export async function findContact(db: IDBPDatabase<RapportDB>, key: ContactKey): Promise<Contact | undefined> {
  const byEmail = key.email ? await db.getFromIndex('contacts', 'by-email', key.email) : undefined;
  if (byEmail) return byEmail;
  return key.linkedinId ? db.getFromIndex('contacts', 'by-linkedin', key.linkedinId) : undefined;
}

/** Starts tracking a person. Idempotent: an existing contact is returned unchanged. */
export async function trackContact(
  db: IDBPDatabase<RapportDB>,
  person: { name: string } & ContactKey,
  now: number,
  newId: () => string,
): Promise<Contact> {
  const existing = await findContact(db, person);
  if (existing) return existing;
  const contact: Contact = {
    id: newId(),
    name: person.name || person.email || person.linkedinId || '',
    emails: person.email ? [person.email] : [],
    ...(person.linkedinId ? { linkedinId: person.linkedinId } : {}),
    status: 'contact',
    activeProspect: false,
    notes: '',
    statusHistory: [{ status: 'contact', at: now }],
    createdAt: now,
    updatedAt: now,
  };
  await db.add('contacts', contact);
  return contact;
}
