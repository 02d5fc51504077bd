import type { IDBPDatabase } from 'idb';
import type { ParsedRequestOf } from '@/lib/messaging/protocol';
import type { Contact } from '@/lib/shared/model';
import { jobChange, normaliseCompanyName } from '@/lib/shared/relationship';
import type { RapportDB } from './db/schema';
import { accountForCompany, type PageCompany } from './linkedin';

type Profile = ParsedRequestOf<'people.lookup'>['profiles'][number];

export interface ProfileMatch {
  linkedinId: string;
  /**
   * `linkedin`: a contact has this LinkedIn id. `email`: a contact has an address the profile's
   * contact info shows (the seller links them with one click). `name`: a contact of the same name
   * at the same company, to confirm. `conflict`: the id and an address name two different contacts:
   * the seller chooses. `none`: nobody.
   */
  kind: 'linkedin' | 'email' | 'name' | 'conflict' | 'none';
  contactIds: string[];
  /** The matched contact's account is not the company the profile shows: they moved. */
  jobChange?: { from: string; to: string };
}

const sameName = (a: string, b: string) =>
  a.trim().toLowerCase().replace(/\s+/g, ' ') === b.trim().toLowerCase().replace(/\s+/g, ' ');

/** Matches each LinkedIn profile on the page to a contact: by id, then address, then name and company. */
export async function matchProfiles(
  db: IDBPDatabase<RapportDB>,
  profiles: Profile[],
): Promise<{ matches: ProfileMatch[]; contacts: Contact[] }> {
  const tx = db.transaction(['contacts', 'accounts']);
  const contacts = tx.objectStore('contacts');
  const accounts = tx.objectStore('accounts');
  const found = new Map<string, Contact>();
  const matches: ProfileMatch[] = [];
  for (const profile of profiles) {
    const byId = await contacts.index('by-linkedin').get(profile.linkedinId);
    const byEmail = (await Promise.all(profile.emails.map((e) => contacts.index('by-email').get(e)))).find(Boolean);
    let match: ProfileMatch;
    if (byId && byEmail && byEmail.id !== byId.id) {
      match = { linkedinId: profile.linkedinId, kind: 'conflict', contactIds: [byId.id, byEmail.id] };
    } else if (byId ?? byEmail) {
      const contact = (byId ?? byEmail) as Contact;
      const account = contact.accountId ? await accounts.get(contact.accountId) : undefined;
      const change = profile.company && account ? jobChange(account, profile.company) : undefined;
      match = {
        linkedinId: profile.linkedinId,
        kind: byId ? 'linkedin' : 'email',
        contactIds: [contact.id],
        ...(change?.status === 'changed' && account && profile.company
          ? { jobChange: { from: account.name, to: profile.company.name } }
          : {}),
      };
    } else {
      const candidate = profile.company ? await byNameAtCompany(tx, profile.name, profile.company) : undefined;
      match = candidate
        ? { linkedinId: profile.linkedinId, kind: 'name', contactIds: [candidate.id] }
        : { linkedinId: profile.linkedinId, kind: 'none', contactIds: [] };
    }
    for (const contact of [byId, byEmail]) if (contact) found.set(contact.id, contact);
    for (const id of match.contactIds) if (!found.has(id)) found.set(id, (await contacts.get(id)) as Contact);
    matches.push(match);
  }
  await tx.done;
  return { matches, contacts: [...found.values()] };
}

/** A contact without a LinkedIn id, of this name, at the company's account (by LinkedIn id or name). */
async function byNameAtCompany(
  tx: ReturnType<IDBPDatabase<RapportDB>['transaction']>,
  name: string,
  company: PageCompany,
): Promise<Contact | undefined> {
  const accounts = tx.objectStore('accounts');
  const account =
    (company.linkedinCompanyId
      ? await accounts.index('by-linkedin-company').get(company.linkedinCompanyId)
      : undefined) ?? (await accounts.index('by-name').get(company.name));
  if (
    !account ||
    (!company.linkedinCompanyId && normaliseCompanyName(account.name) !== normaliseCompanyName(company.name))
  )
    return undefined;
  const people = await tx.objectStore('contacts').index('by-account').getAll(account.id);
  return people.find((c) => !c.linkedinId && sameName(c.name, name));
}

/**
 * The seller confirmed that a profile is this contact: the LinkedIn id is stored on them (and
 * taken from another contact that had it, when the seller chose between two).
 */
export async function linkProfile(
  db: IDBPDatabase<RapportDB>,
  contactId: string,
  linkedinId: string,
  now: number,
): Promise<Contact> {
  const tx = db.transaction('contacts', 'readwrite');
  const contact = await tx.store.get(contactId);
  if (!contact) throw new Error(`no contact with id ${contactId}`);
  const holder = await tx.store.index('by-linkedin').get(linkedinId);
  if (holder && holder.id !== contactId) {
    const { linkedinId: _taken, ...rest } = holder;
    await tx.store.put({ ...rest, updatedAt: now });
  }
  const linked: Contact = { ...contact, linkedinId, updatedAt: now };
  await tx.store.put(linked);
  await tx.done;
  return linked;
}

/**
 * The person moved to the company their profile shows: their contact joins that company's account
 * (found by LinkedIn company id or name, or made), with the new title. Touches stay where they
 * happened: the old account keeps its history, and loses this contact from its coverage.
 */
export async function moveToCompany(
  db: IDBPDatabase<RapportDB>,
  change: { contactId: string; company: PageCompany; title?: string | undefined },
  now: number,
  newId: () => string,
): Promise<{ contact: Contact; previousAccountId?: string }> {
  const tx = db.transaction(['accounts', 'contacts'], 'readwrite');
  const contacts = tx.objectStore('contacts');
  const contact = await contacts.get(change.contactId);
  if (!contact) throw new Error(`no contact with id ${change.contactId}`);
  const account = await accountForCompany(tx, change.company, now, newId);
  const moved: Contact = {
    ...contact,
    accountId: account.id,
    ...(change.title ? { title: change.title } : {}),
    updatedAt: now,
  };
  await contacts.put(moved);
  await tx.done;
  return { contact: moved, ...(contact.accountId ? { previousAccountId: contact.accountId } : {}) };
}
