/**
 * Who is who on a message: the seller ("me"), a colleague (an internal domain), or an external
 * person (a customer). Pure and shared, so the content script (who to show) and the background (how to record) decide
 * the same way. No public-suffix list, so the content bundle stays small: a domain is
 * internal when it is one of the configured domains or a subdomain of one (mail.ourco.com is
 * ourco.com). The configured domains are already registrable domains (settings propose them
 * with the public-suffix list in the background), so a suffix check is all that is left to do.
 */

export interface SelfInput {
  /** `settings.me.emails`. */
  emails: readonly string[];
  /** `settings.internalDomains`. */
  internalDomains: readonly string[];
  /** The address of the Gmail account on this page (readAccount), when known. */
  accountEmail?: string;
}

/** Prepared once per settings change, then used for every message. */
export interface Self {
  readonly mailboxes: ReadonlySet<string>;
  readonly domains: readonly string[];
}

export type AddressKind = 'me' | 'colleague' | 'external';

/**
 * The mailbox an address delivers to, for telling "me" apart: `+tags` dropped (Gmail and Workspace
 * deliver jane+quotes@ to jane@), and for consumer Gmail the dots too (j.ane@gmail.com is jane@).
 */
function mailbox(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return email;
  let local = email.slice(0, at).split('+')[0] ?? '';
  let domain = email.slice(at + 1);
  if (domain === 'googlemail.com') domain = 'gmail.com';
  if (domain === 'gmail.com') local = local.replaceAll('.', '');
  return `${local}@${domain}`;
}

function cleanDomain(raw: string): string {
  return raw
    .trim()
    .toLowerCase()
    .replace(/^[@*.]+/, '')
    .replace(/\.+$/, '');
}

export function makeSelf(input: SelfInput): Self {
  const emails = [...input.emails, ...(input.accountEmail ? [input.accountEmail] : [])];
  return {
    mailboxes: new Set(emails.map((e) => mailbox(e.trim().toLowerCase())).filter((e) => e.includes('@'))),
    domains: [...new Set(input.internalDomains.map(cleanDomain).filter((d) => d.includes('.')))],
  };
}

/** The domain of an address, lower-case, trailing dot removed. */
function domainOf(email: string): string {
  return cleanDomain(email.slice(email.lastIndexOf('@') + 1));
}

export function isInternalDomain(domain: string, self: Self): boolean {
  const d = cleanDomain(domain);
  return self.domains.some((internal) => d === internal || d.endsWith(`.${internal}`));
}

export function classifyAddress(email: string, self: Self): AddressKind {
  const address = email.trim().toLowerCase();
  if (self.mailboxes.has(mailbox(address))) return 'me';
  return isInternalDomain(domainOf(address), self) ? 'colleague' : 'external';
}
