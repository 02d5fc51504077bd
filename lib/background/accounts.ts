import type { IDBPTransaction } from 'idb';
import { isFreeMailDomain, registrableDomain } from '@/lib/shared/domains';
import type { Account } from '@/lib/shared/model';
import type { RapportDB } from './db/schema';

type AccountsTx = IDBPTransaction<RapportDB, ('accounts' | 'contacts')[], 'readwrite'>;

/** "acme.co.uk" → "Acme": a readable first name for an account known only by its domain. */
export function nameFromDomain(domain: string): string {
  const label = domain.split('.')[0] ?? domain;
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/**
 * The account an e-mail address belongs to, by its registrable domain (public-suffix aware:
 * mail.acme.co.uk is acme.co.uk), created when Rapport has not met the domain yet. Free-mail
 * addresses (gmail.com and the like) belong to no account, and neither do internal domains.
 */
export async function accountForEmail(
  tx: AccountsTx,
  email: string,
  internalDomains: readonly string[],
  now: number,
  newId: () => string,
): Promise<Account | undefined> {
  const domain = registrableDomain(email);
  if (!domain || isFreeMailDomain(domain) || internalDomains.includes(domain)) return undefined;
  const accounts = tx.objectStore('accounts');
  const existing = await accounts.index('by-domain').get(domain);
  if (existing) return existing;
  const account = newAccount({ name: nameFromDomain(domain), domains: [domain] }, now, newId);
  await accounts.add(account);
  return account;
}

/** A new account as Rapport first meets it: medium value until the seller says otherwise. */
export function newAccount(
  known: Pick<Account, 'name' | 'domains'> & Pick<Partial<Account>, 'linkedinCompanyId'>,
  now: number,
  newId: () => string,
): Account {
  return { id: newId(), ...known, valueTier: 'medium', products: [], notes: '', createdAt: now, updatedAt: now };
}
