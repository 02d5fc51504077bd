import { getDomainWithoutSuffix } from 'tldts';

/**
 * How names compare. "Acme Inc.", "ACME, Inc" and "Acme" are one company, and so is the
 * company behind acme.com or acme.co.uk: the legal form and punctuation are dropped, and a
 * domain is known by its name without the public suffix.
 */

// Legal forms seen in company names across the markets sellers work in.
const LEGAL_FORMS = new Set([
  'inc',
  'incorporated',
  'llc',
  'llp',
  'lp',
  'ltd',
  'limited',
  'plc',
  'corp',
  'corporation',
  'co',
  'company',
  'gmbh',
  'mbh',
  'ag',
  'kg',
  'ug',
  'se',
  'sa',
  'sas',
  'sarl',
  'srl',
  'spa',
  'bv',
  'nv',
  'oy',
  'ab',
  'as',
  'asa',
  'aps',
  'pty',
  'pvt',
  'kk',
]);

const words = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/** The key two names of one company share. */
export function companyKey(name: string): string {
  const parts = words(name);
  // Drop legal forms from the end only: "AB Volvo" keeps its AB, "Volvo AB" does not.
  while (parts.length > 1 && LEGAL_FORMS.has(parts[parts.length - 1] ?? '')) parts.pop();
  // "Co." after "&" ("Smith & Co.") leaves a dangling "and".
  if (parts.length > 1 && parts[parts.length - 1] === 'and') parts.pop();
  return parts.join('');
}

/** `acme.co.uk` → the key of "Acme"; undefined for a host without a registrable name. */
export function domainCompanyKey(domain: string): string | undefined {
  const label = getDomainWithoutSuffix(domain);
  return label ? companyKey(label) : undefined;
}

/** Names of people compare without case, accents or extra spaces. */
export function personKey(name: string): string {
  return words(name).join(' ');
}
