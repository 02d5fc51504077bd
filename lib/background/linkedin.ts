import type { IDBPDatabase, IDBPTransaction } from 'idb';
import type { Account } from '@/lib/shared/model';
import { newAccount } from './accounts';
import type { RapportDB } from './db/schema';

/** A current company as a LinkedIn profile shows it: its name, and its `/company/<id>/` when linked. */
export interface PageCompany {
  name: string;
  linkedinCompanyId?: string | undefined;
}

type AccountsTx = IDBPTransaction<RapportDB, ('accounts' | 'contacts')[], 'readwrite'>;

/**
 * A name that is only an identifier: the company id itself, digits, or "Company 1000001" (what an
 * account created before its name was known is called). Such a name gives way to the real one.
 */
export function isIdLikeName(name: string, linkedinCompanyId?: string): boolean {
  const n = name.trim();
  if (linkedinCompanyId && (n === linkedinCompanyId || n.toLowerCase() === `company ${linkedinCompanyId}`)) return true;
  return /^(company\s+)?\d+$/i.test(n);
}

/**
 * The account for a company read off a LinkedIn profile: by its LinkedIn company id, else by
 * its exact name, else a new one named as LinkedIn names it. An account known by an id-like
 * name is renamed to the company's name.
 */
export async function accountForCompany(
  tx: AccountsTx,
  company: PageCompany,
  now: number,
  newId: () => string,
): Promise<Account> {
  const accounts = tx.objectStore('accounts');
  const found =
    (company.linkedinCompanyId
      ? await accounts.index('by-linkedin-company').get(company.linkedinCompanyId)
      : undefined) ?? (await accounts.index('by-name').get(company.name));
  if (found) {
    if (!isIdLikeName(found.name, found.linkedinCompanyId) || found.name === company.name) return found;
    const renamed = { ...found, name: company.name, updatedAt: now };
    await accounts.put(renamed);
    return renamed;
  }
  const account = newAccount(
    {
      name: company.name,
      domains: [],
      ...(company.linkedinCompanyId ? { linkedinCompanyId: company.linkedinCompanyId } : {}),
    },
    now,
    newId,
  );
  await accounts.add(account);
  return account;
}

/**
 * A profile the seller is looking at: its company renames an account still known by an id, and a
 * tracked contact without an account joins their company's. Answers with the contacts whose
 * plan this changes (none when nothing changed).
 */
export async function learnFromProfile(
  db: IDBPDatabase<RapportDB>,
  profile: { linkedinId: string; company: PageCompany },
  now: number,
  newId: () => string,
): Promise<string[]> {
  const tx = db.transaction(['accounts', 'contacts'], 'readwrite');
  const contacts = tx.objectStore('contacts');
  const contact = await contacts.index('by-linkedin').get(profile.linkedinId);
  const known = profile.company.linkedinCompanyId
    ? await tx.objectStore('accounts').index('by-linkedin-company').get(profile.company.linkedinCompanyId)
    : undefined;
  const needsName = known && isIdLikeName(known.name, known.linkedinCompanyId) && known.name !== profile.company.name;
  if (!needsName && (!contact || contact.accountId)) {
    await tx.done;
    return [];
  }
  const account = await accountForCompany(tx, profile.company, now, newId);
  if (contact && !contact.accountId) await contacts.put({ ...contact, accountId: account.id, updatedAt: now });
  await tx.done;
  return contact ? [contact.id] : [];
}
