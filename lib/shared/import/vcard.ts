import { clip, linkedInIdFrom, normaliseEmail } from './cells';
import { stripBom } from './decode';
import { type ContactDraft, type MappedRows, quoted, type RowError } from './drafts';
import { type ContentLine, components, contentLines, unescapeText } from './vcard-lines';

/** Properties that may hold a LinkedIn profile address (Apple writes X-SOCIALPROFILE). */
const PROFILE_PROPERTIES = new Set(['URL', 'X-SOCIALPROFILE', 'SOCIALPROFILE', 'X-LINKEDIN']);

/**
 * Contacts from a `.vcf` file (vCard 2.1, 3.0 or 4.0, one or many cards): FN (or N), every
 * EMAIL, ORG, TITLE, TEL, and a LinkedIn profile from URL or social-profile properties.
 * A card's line is its BEGIN line; a bad address is reported at its own line.
 */
export function parseVCards(text: string): Extract<MappedRows, { kind: 'contacts' }> {
  const drafts: ContactDraft[] = [];
  const errors: RowError[] = [];
  let card: { line: number; props: ContentLine[] } | undefined;
  const close = () => {
    if (!card) return;
    const outcome = cardDraft(card.line, card.props);
    if ('code' in outcome) errors.push(outcome);
    else drafts.push(outcome);
    card = undefined;
  };
  for (const prop of contentLines(stripBom(text))) {
    const value = prop.value.trim().toUpperCase();
    if (prop.name === 'BEGIN' && value === 'VCARD') {
      close(); // a card that never ended is still a card
      card = { line: prop.line, props: [] };
    } else if (prop.name === 'END' && value === 'VCARD') {
      close();
    } else {
      card?.props.push(prop);
    }
  }
  close();
  return { kind: 'contacts', drafts, errors };
}

function cardDraft(line: number, props: readonly ContentLine[]): ContactDraft | RowError {
  const all = (name: string) => props.filter((p) => p.name === name);
  const first = (name: string) => all(name)[0]?.value;

  const emails: string[] = [];
  for (const prop of all('EMAIL')) {
    const raw = prop.value.trim().replace(/^mailto:/i, '');
    if (!raw) continue;
    const email = normaliseEmail(raw);
    if (!email) return { line: prop.line, code: 'invalid-email', reason: `invalid email ${quoted(raw)}` };
    if (!emails.includes(email)) emails.push(email);
  }
  let linkedinId: string | undefined;
  for (const prop of props) {
    if (linkedinId || !PROFILE_PROPERTIES.has(prop.name) || !/linkedin\.com\/in\//i.test(prop.value)) continue;
    const id = linkedInIdFrom(unescapeText(prop.value.trim()));
    if (id === 'invalid') {
      return {
        line: prop.line,
        code: 'invalid-linkedin',
        reason: `not a LinkedIn profile address: ${quoted(prop.value)}`,
      };
    }
    linkedinId = id;
  }
  if (!emails.length && !linkedinId) return { line, code: 'no-identity', reason: 'no email and no LinkedIn URL' };

  const name = unescapeText(first('FN') ?? '').trim() || nameFromN(first('N'));
  const company = components(first('ORG') ?? '')[0]?.trim() ?? '';
  const title = unescapeText(first('TITLE') ?? '').trim();
  const phones = all('TEL')
    .map((p) => p.value.replace(/^tel:/i, '').trim())
    .filter(Boolean);
  return {
    line,
    name: clip(name, 200),
    emails,
    phones,
    ...(linkedinId ? { linkedinId } : {}),
    ...(company ? { company: clip(company, 200) } : {}),
    ...(title ? { title: clip(title, 200) } : {}),
  };
}

/** `N:Family;Given;Additional;Prefix;Suffix` → "Prefix Given Additional Family Suffix". */
function nameFromN(value: string | undefined): string {
  if (!value) return '';
  const [family, given, additional, prefix, suffix] = components(value).map((part) => part.replace(/,/g, ' ').trim());
  return [prefix, given, additional, family, suffix].filter(Boolean).join(' ');
}
