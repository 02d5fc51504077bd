import { unescapeFormula } from '@/lib/shared/export/formula';
import { type ContactStatus, type Direction, Email, LinkedInId, type TouchKind } from '@/lib/shared/model';
import type { PersonRef } from './drafts';
import { headerKey } from './fields';
import { remembered } from './remembered';

/** A cell as the seller meant it: trimmed, and without the quote an export put before a formula character. */
export const cleanCell = (raw: string | undefined): string => unescapeFormula((raw ?? '').trim());

/** Cuts text to a model field's limit; the limit is in the schema, and a longer value would fail it. */
export const clip = (text: string, max: number): string => (text.length > max ? text.slice(0, max) : text);

/**
 * The addresses in a cell: one, or several split by `;`, `,`, whitespace or Google's ` ::: `;
 * `Jane Doe <jane@acme.com>` gives the address in the brackets.
 */
export function splitEmails(cell: string): string[] {
  // Most cells hold one bare address: no pattern needed (and no garbage from one, per row).
  if (!/[<;,:\s]/.test(cell)) return cell ? [cell] : [];
  const bracketed = [...cell.matchAll(/<([^<>\s]+@[^<>\s]+)>/g)].map((m) => m[1] ?? '');
  if (bracketed.length) return bracketed;
  return cell.split(/\s*:::\s*|[;,\s]+/).filter(Boolean);
}

/** The store's form of an address (trimmed, lower-case), or undefined when it is not one. */
export const normaliseEmail: (candidate: string) => string | undefined = remembered((candidate) => {
  const result = Email.safeParse(candidate);
  return result.success ? result.data : undefined;
});

/**
 * A phone number in the store's form (`+` and digits), or undefined when the cell holds none.
 * `tel:` and extensions (`x12`, `ext. 12`) go; the trunk `(0)` that UK and German numbers write
 * after the country code goes too, since dialled with it the number is wrong.
 */
export function normalisePhone(text: string): string | undefined {
  const number = text
    .trim()
    .replace(/^tel:/i, '')
    .replace(/\s*(?:;ext=|ext\.?|x)\s*\d+$/i, '')
    .replace(/^(\+\d{1,3})\s*\(0\)/, '$1');
  const digits = number.replace(/\D/g, '');
  if (digits.length < 3 || digits.length > 20) return undefined;
  return number.startsWith('+') ? `+${digits}` : digits;
}

/** Numbers once each, in the store's form, the existing ones first; what is not a number is left out. */
export function unionPhones(existing: readonly string[], incoming: readonly string[]): string[] {
  const phones = [...existing];
  for (const raw of incoming) {
    const phone = normalisePhone(raw);
    if (phone && !phones.includes(phone) && phones.length < 20) phones.push(phone);
  }
  return phones;
}

/**
 * The public id from a profile address (`https://www.linkedin.com/in/jane-doe/`, with or
 * without scheme, any country subdomain), decoded as the content script decodes it; a bare
 * id is taken as is. `invalid` for anything else, undefined for an empty cell.
 */
export function linkedInIdFrom(cell: string): string | 'invalid' | undefined {
  if (!cell) return undefined;
  const fromUrl = /(?:^|[/.])linkedin\.com\/in\/([^/?#\s]+)/i.exec(cell)?.[1];
  let id = fromUrl ?? cell;
  if (fromUrl) {
    try {
      id = decodeURIComponent(fromUrl);
    } catch {
      // A stray % in the address: keep it as written; the id check below decides.
    }
  } else if (/[/.:@\s]/.test(cell)) {
    return 'invalid';
  }
  const result = LinkedInId.safeParse(id);
  return result.success ? result.data : 'invalid';
}

/** An owner or seller cell: `Jane Doe`, `jane@ourco.com` or `Jane Doe <jane@ourco.com>`. */
export function personRef(cell: string): PersonRef | undefined {
  if (!cell) return undefined;
  const bracket = /^(.*?)\s*<([^<>]+)>$/.exec(cell);
  const email = normaliseEmail(bracket?.[2] ?? cell);
  const name = bracket ? bracket[1]?.replace(/^"|"$/g, '').trim() : email ? undefined : cell;
  if (!email && !name) return undefined;
  return { ...(name ? { name: clip(name, 200) } : {}), ...(email ? { email } : {}) };
}

const STATUS_WORDS: Record<ContactStatus, readonly string[]> = {
  customer: ['customer', 'customers', 'client', 'evangelist', 'activecustomer', 'won', 'closedwon', 'existingcustomer'],
  prospect: [
    'prospect',
    'lead',
    'leads',
    'marketingqualifiedlead',
    'mql',
    'salesqualifiedlead',
    'sql',
    'opportunity',
    'new',
    'open',
    'inprogress',
    'opendeal',
    'attemptedtocontact',
    'connected',
    'hotlead',
    'warmlead',
    'coldlead',
    'opennotcontacted',
    'workingcontacted',
    'contacted',
    'qualified',
  ],
  former: ['former', 'formercustomer', 'churned', 'exclient', 'excustomer', 'pastcustomer', 'lostcustomer'],
  contact: ['contact', 'subscriber', 'other', 'none', 'connection', 'unqualified', 'badtiming'],
};
const STATUS_RANK: ContactStatus[] = ['customer', 'former', 'prospect', 'contact'];

/**
 * A lifecycle stage, lead status or label as our status. Several labels (Pipedrive's
 * `Customer, Hot lead`) give the strongest; an unknown word says nothing (undefined).
 */
export function parseStatus(cell: string): ContactStatus | undefined {
  const found = new Set<ContactStatus>();
  for (const part of cell.split(/[,;|]| ::: /)) {
    const key = headerKey(part);
    for (const status of STATUS_RANK) if (STATUS_WORDS[status].includes(key)) found.add(status);
  }
  return STATUS_RANK.find((s) => found.has(s));
}

type KindWord = { kind: TouchKind; direction?: Direction };
// No prototype: a cell reading "constructor" must not find Object's own member.
const KIND_WORDS: Record<string, KindWord> = Object.create(null);
const addKinds = (kind: TouchKind, words: string[], direction?: Direction) => {
  for (const w of words) KIND_WORDS[w] = { kind, ...(direction ? { direction } : {}) };
};
addKinds('email', ['email', 'emails', 'mail', 'emailmessage', 'loggedemail']);
addKinds('email', ['incomingemail', 'emailreceived', 'receivedemail', 'inboundemail'], 'inbound');
addKinds('email', ['outgoingemail', 'emailsent', 'sentemail', 'outboundemail', 'forwardedemail'], 'outbound');
addKinds('meeting', ['meeting', 'meetings', 'event', 'appointment', 'videocall', 'videomeeting', 'visit']);
addKinds('call', ['call', 'calls', 'phonecall', 'phone', 'loggedcall']);
addKinds('call', ['incomingcall', 'inboundcall'], 'inbound');
addKinds('call', ['outgoingcall', 'outboundcall'], 'outbound');
addKinds('linkedin-message', ['linkedinmessage', 'linkedinmessages', 'linkedin', 'inmail', 'linkedininmail']);
addKinds('linkedin-visit', ['linkedinvisit', 'profilevisit', 'linkedinprofilevisit', 'profileview']);
addKinds('note', ['note', 'notes', 'comment']);
addKinds('check-in', ['checkin', 'checkins']);
addKinds('value-add', ['valueadd', 'valueadds']);
addKinds('offer', ['offer', 'offers', 'proposal', 'quote', 'upsell', 'crosssell']);

/** Touch kinds by their own names too (`linkedin-message`, `check-in`). */
export const parseKind: (cell: string) => KindWord | undefined = remembered((cell) => KIND_WORDS[headerKey(cell)]);

const DIRECTION_WORDS: Record<string, Direction> = Object.create(null);
for (const w of [
  'inbound',
  'in',
  'incoming',
  'received',
  'receive',
  'reply',
  'replied',
  'incomingemail',
  'fromcontact',
])
  DIRECTION_WORDS[w] = 'inbound';
// HubSpot writes an e-mail's direction as EMAIL (sent), INCOMING_EMAIL or FORWARDED_EMAIL.
for (const w of ['outbound', 'out', 'outgoing', 'sent', 'send', 'email', 'forwardedemail', 'tocontact'])
  DIRECTION_WORDS[w] = 'outbound';
for (const w of ['none', 'internal', 'na', 'neither']) DIRECTION_WORDS[w] = 'none';

export const parseDirection: (cell: string) => Direction | undefined = remembered(
  (cell) => DIRECTION_WORDS[headerKey(cell)],
);

/**
 * When the file gives no direction: notes and profile visits have none, and a meeting is
 * both ways at once; for the rest an activity log records what the seller did.
 */
export function defaultDirection(kind: TouchKind): Direction {
  return kind === 'note' || kind === 'linkedin-visit' || kind === 'meeting' ? 'none' : 'outbound';
}
