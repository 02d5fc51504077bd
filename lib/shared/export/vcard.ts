import type { Account, Contact } from '@/lib/shared/model';
import { linkedInProfileUrl } from './links';

/**
 * Contacts as vCard 4.0 (RFC 6350), one card each: FN and N, every address (the first
 * preferred), ORG, TITLE, phone numbers, the LinkedIn profile as URL, and notes. Lines are folded at 75
 * octets without splitting a character, and end in CRLF.
 */
export function contactsToVCard(contacts: readonly Contact[], context: { accounts?: readonly Account[] } = {}): string {
  const accounts = new Map((context.accounts ?? []).map((a) => [a.id, a.name]));
  return contacts
    .map((c) => {
      const company = c.accountId ? accounts.get(c.accountId) : undefined;
      const [given, family] = splitName(c.name);
      const lines = [
        'BEGIN:VCARD',
        'VERSION:4.0',
        `FN:${text(c.name)}`,
        `N:${text(family)};${text(given)};;;`,
        ...c.emails.map((e, i) => `EMAIL;TYPE=work${i === 0 ? ';PREF=1' : ''}:${e}`),
        ...(company ? [`ORG:${text(company)}`] : []),
        ...(c.title ? [`TITLE:${text(c.title)}`] : []),
        // A number with its country code as a tel: URI, as RFC 6350 prefers; a local one as text.
        ...(c.phones ?? []).map((p) => (p.startsWith('+') ? `TEL;VALUE=uri;TYPE=voice:tel:${p}` : `TEL:${p}`)),
        ...(c.linkedinId ? [`URL:${linkedInProfileUrl(c.linkedinId)}`] : []),
        ...(c.notes ? [`NOTE:${text(c.notes)}`] : []),
        'END:VCARD',
      ];
      return lines.map(fold).join('\r\n');
    })
    .map((card) => `${card}\r\n`)
    .join('');
}

/** Text value escapes: backslash, newline, comma and semicolon. */
const text = (value: string) =>
  value
    .replace(/\\/g, '\\\\')
    .replace(/\r\n|\n|\r/g, '\\n')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;');

/**
 * Given and family name for N, which many address books still want. We store one name, so
 * the last word is taken as the family name: right for most names, and FN carries the whole.
 */
function splitName(name: string): [given: string, family: string] {
  const words = name.trim().split(/\s+/);
  if (words.length < 2) return ['', name.trim()];
  return [words.slice(0, -1).join(' '), words[words.length - 1] ?? ''];
}

const octets = (cp: number) => (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);

/** Folds a content line at 75 octets; a continuation line starts with one space, which counts. */
function fold(line: string): string {
  let out = '';
  let used = 0;
  for (const ch of line) {
    const size = octets(ch.codePointAt(0) ?? 0);
    if (used + size > 75) {
      out += '\r\n ';
      used = 1;
    }
    out += ch;
    used += size;
  }
  return out;
}
