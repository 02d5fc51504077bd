/**
 * Who is who in a conversation, from the seller's settings: the seller ("me"), a colleague
 * (an address at one of the internal domains, or a subdomain of one), or an external person.
 * Pure and tiny, so the content script (who to show) and the background (how to record)
 * decide the same way. No public-suffix list here: a suffix match against the configured
 * domains is exact enough and keeps the content script small.
 */

export type Role = 'me' | 'colleague' | 'external';

export interface Identity {
  /** The seller's own addresses, plus the Gmail account open on the page. */
  emails: readonly string[];
  internalDomains: readonly string[];
}

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export function roleOf(email: string, identity: Identity): Role {
  const address = normalizeEmail(email);
  if (identity.emails.some((mine) => normalizeEmail(mine) === address)) return 'me';
  const domain = address.slice(address.lastIndexOf('@') + 1);
  const internal = identity.internalDomains.some((d) => {
    const base = normalizeEmail(d);
    return domain === base || domain.endsWith(`.${base}`);
  });
  return internal ? 'colleague' : 'external';
}

/** The external people among a set of addresses, each once, in the order first seen. */
export function externalPeople(emails: readonly string[], identity: Identity): string[] {
  const seen = new Set<string>();
  for (const email of emails) {
    const address = normalizeEmail(email);
    if (address && roleOf(address, identity) === 'external') seen.add(address);
  }
  return [...seen];
}
