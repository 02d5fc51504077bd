/**
 * People as Gmail's markup names them. Addresses come only from attributes (`email`,
 * `data-hovercard-id`, the avatar's `jid`) or from the value of a form field the seller typed in,
 * never from visible text, which is a localized name or "me" (site-dom.md C1). Names are plain
 * strings read with getAttribute/textContent: nothing here is ever parsed as HTML.
 */

export interface Person {
  /** Trimmed and lower-case: the one form the store keys on. */
  email: string;
  /** The display name Gmail shows, as plain text; absent when Gmail gave none. */
  name?: string;
}

// Deliberately simple: one @, no spaces or brackets, a dot in the domain. It only has to tell an
// address from a Google user id in `data-hovercard-id` or half-typed text.
const ADDRESS = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,}$/;

// Direction marks that right-to-left pages put around addresses and dates; invisible, never part of them.
const BIDI_MARKS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function stripBidi(text: string): string {
  return text.replace(BIDI_MARKS, '');
}

/** Trimmed, lower-case address, or undefined when the text is not an address. */
export function normalizeEmail(raw: string | null | undefined): string | undefined {
  const email = raw && stripBidi(raw).trim().toLowerCase();
  return email && ADDRESS.test(email) ? email : undefined;
}

const NAME_MAX = 200;

/** Whitespace collapsed, bounded; undefined when empty. */
export function cleanName(raw: string | null | undefined): string | undefined {
  const name = raw?.replace(/\s+/g, ' ').trim().slice(0, NAME_MAX);
  return name || undefined;
}

/**
 * The person an element stands for: `span[email][name]` (sender and recipient spans, list rows),
 * `[data-hovercard-id][data-name]` (compose chips, avatars), `img[jid]` (the avatar in the Aug-2025
 * capture). The name falls back to the element's own text, which is a name, never the address.
 */
export function personFromElement(el: Element): Person | undefined {
  const email =
    normalizeEmail(el.getAttribute('email')) ??
    normalizeEmail(el.getAttribute('data-hovercard-id')) ??
    normalizeEmail(el.getAttribute('jid'));
  if (!email) return undefined;
  // `name` is the display name only next to `email`: on the avatar it is a widget id (":o6").
  const named = el.hasAttribute('email') ? el.getAttribute('name') : el.getAttribute('data-name');
  const name = cleanName(named ?? el.textContent);
  return name ? { email, name } : { email };
}

/**
 * Addresses in typed or stored text: `Chris Customer <chris@example.org>, pat@example.org`
 * (the classic chips' hidden inputs hold `Name <email>`, site-dom.md A3). Only complete addresses.
 */
export function parseAddressList(text: string): Person[] {
  const people: Person[] = [];
  for (const part of splitAddresses(text)) {
    const bracket = /^(.*)<([^<>]+)>\s*$/.exec(part);
    const email = normalizeEmail(bracket ? bracket[2] : part);
    if (!email) continue;
    const name = cleanName(bracket?.[1]?.replace(/^\s*"|"\s*$/g, ''));
    people.push(name ? { email, name } : { email });
  }
  return people;
}

/** Splits on `,` `;` and new lines, except inside quotes or angle brackets (`"Doe, Jane" <j@x.com>`). */
function splitAddresses(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  let angled = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (ch === '<' && !quoted) angled = true;
    else if (ch === '>' && !quoted) angled = false;
    if (!quoted && !angled && (ch === ',' || ch === ';' || ch === '\n')) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

/** First occurrence wins (it is the one with the name in Gmail's list rows); order kept. */
export function uniquePeople(people: Iterable<Person>): Person[] {
  const seen = new Map<string, Person>();
  for (const p of people) {
    const known = seen.get(p.email);
    if (!known) seen.set(p.email, p);
    else if (!known.name && p.name) seen.set(p.email, { email: p.email, name: p.name });
  }
  return [...seen.values()];
}
