import freeMailDomains from 'email-providers/all.json' with { type: 'json' };
import { getDomain } from 'tldts';

// tldts knows the public-suffix list, so `mail.acme.co.uk` gives `acme.co.uk`; a split on
// dots would give `co.uk`. email-providers is a list of free-mail providers updated monthly.
const freeMail = new Set<string>(freeMailDomains as string[]);

/** The registrable domain of an e-mail address or host name, or undefined when there is none. */
export function registrableDomain(addressOrHost: string): string | undefined {
  const host = addressOrHost.trim().toLowerCase().split('@').pop() ?? '';
  return getDomain(host) ?? undefined;
}

/** True for gmail.com, outlook.com, yahoo.co.uk and thousands more: never an account's domain. */
export function isFreeMailDomain(domain: string): boolean {
  const d = domain.trim().toLowerCase();
  return freeMail.has(d) || freeMail.has(registrableDomain(d) ?? d);
}

/** The internal domains to propose for a seller's work addresses: their domains, minus free mail. */
export function defaultInternalDomains(workEmails: readonly string[]): string[] {
  const domains = workEmails.map(registrableDomain).filter((d): d is string => !!d && !isFreeMailDomain(d));
  return [...new Set(domains)];
}
