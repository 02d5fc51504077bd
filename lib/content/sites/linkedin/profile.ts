import { single } from '../health';
import type { Reading } from './health';
import { companyIdFromHref, slugOfLink } from './route';
import { LINKEDIN } from './selectors';

/**
 * LinkedIn profile reading. The public id in the URL is the key: it is stable, and unlike the
 * page's embedded JSON it cannot belong to the viewer or to the previous profile (joshuatz/
 * linkedin-to-jsonresume warns, in src/main.js parseEmbeddedLiSchema, that the embedded data "can
 * get stale between pages, or might return your own ID"). Everything else is read from the part
 * of the page that proves it belongs to that id: the section holding links to `/in/<slug>/overlay/`
 * (contact info, "about this profile"). Right after an in-app navigation LinkedIn still shows the
 * previous profile, whose links name the previous slug: then the reader says `waiting`.
 * No English text is needed: headings, paragraphs and links by address, never their wording.
 */

export interface LinkedInCompany {
  name: string;
  /** The numeric id or slug from `/company/<id>/`, when the page links the company. */
  linkedinCompanyId?: string;
}

export interface LinkedInProfile {
  linkedinId: string;
  name: string;
  headline?: string;
  location?: string;
  /** The current position's title and company, from the first entry of the experience section. */
  title?: string;
  company?: LinkedInCompany;
  /** Addresses from the contact-info overlay, when it is open and shows any. */
  emails: string[];
}

export interface ProfileReading extends Reading<LinkedInProfile | undefined> {
  /** The page does not yet show this slug's profile (LinkedIn is still rendering it): read again later. */
  waiting: boolean;
}

/**
 * The profile's name from `document.title` ("(3) Jane Doe | LinkedIn"): the notification prefix
 * stripped (the 2022 capture's original title was "(1) <Name> | LinkedIn").
 */
export function profileNameFromTitle(title: string): string {
  return title
    .replace(/^\(\d+\+?\)\s*/, '')
    .replace(/\s*\|\s*LinkedIn\s*$/i, '')
    .trim();
}

const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() || undefined;

/** Sub-routes of a profile that only its own page links to (`/in/<slug>/overlay/…`). */
const OWN_LINK = /^\/in\/[^/?#]+\/overlay\//;

function ownLinks(root: ParentNode): { slug: string; link: Element }[] {
  const out: { slug: string; link: Element }[] = [];
  for (const link of root.querySelectorAll('a[href*="/in/"]')) {
    const href = link.getAttribute('href') ?? '';
    let path: string;
    try {
      path = new URL(href, 'https://www.linkedin.com/').pathname;
    } catch {
      continue;
    }
    const slug = OWN_LINK.test(path) ? slugOfLink(href) : undefined;
    if (slug) out.push({ slug, link });
  }
  return out;
}

const heading = (section: Element) => section.querySelector('h1') ?? section.querySelector('h2');

/**
 * The top card of `slug`'s profile, or `stale` when the page shows another profile's card.
 * Without any such link (a layout without overlay links) the card is the classic
 * `section[data-member-id]` or the first section with a heading, accepted only when its heading
 * is the name in the title.
 */
function findTopCard(main: ParentNode, slug: string, titleName: string): Element | 'stale' | undefined {
  const links = ownLinks(main);
  for (const { slug: linked, link } of links) {
    if (linked !== slug) continue;
    const section = link.closest('section');
    if (section && heading(section)) return section;
  }
  if (links.length > 0) return 'stale';
  const candidate =
    main.querySelector(LINKEDIN.topCard) ??
    [...main.querySelectorAll('section')].find((s) => !s.closest('aside') && heading(s));
  if (!candidate) return undefined;
  return titleName && text(heading(candidate)) === titleName ? candidate : 'stale';
}

/** Headline and location: the classes first, else the first two paragraphs after the name. */
function readHeadlineAndLocation(card: Element): { headline?: string; location?: string } {
  const headline = text(card.querySelector(LINKEDIN.headline));
  const location = text(card.querySelector(LINKEDIN.location));
  if (headline) return { headline, ...(location ? { location } : {}) };
  // The 2026 layout: "headline and location as positional <p>" after the name (vertexcover-io/
  // linkedin-spider scrapers/profile.py, 116db01).
  const name = heading(card);
  const paragraphs = [...card.querySelectorAll('p')].filter(
    (p) => !name || name.compareDocumentPosition(p) & Node.DOCUMENT_POSITION_FOLLOWING,
  );
  const [first, second] = paragraphs.map((p) => text(p)).filter((t): t is string => !!t);
  return { ...(first ? { headline: first } : {}), ...(second ? { location: second } : {}) };
}

/**
 * The current position: the first entry of the experience section, found by its anchor
 * (`#experience`, classic) or as the first section after the top card that links a company
 * (education links `/school/`; "people also viewed" sits in an `aside`). An entry's lines are
 * its title, then "Company · Full-time", then the dates (2024 capture; the 2026 layout keeps the
 * order in paragraphs). The company link gives LinkedIn's company id.
 */
export function readCurrentPosition(
  main: ParentNode,
  card?: Element,
): { title?: string; company?: LinkedInCompany } | undefined {
  const sections = [...main.querySelectorAll('section')].filter((s) => s !== card && !s.closest('aside'));
  const experience =
    main.querySelector(LINKEDIN.experienceAnchor)?.closest('section') ??
    sections.find((s) => s.querySelector('a[href*="/company/"]'));
  const link = experience?.querySelector<HTMLAnchorElement>('a[href*="/company/"]');
  const entry = link?.closest('li, [role="listitem"]');
  if (!link || !entry) return topCardCompany(card);
  const spans = [...entry.querySelectorAll(LINKEDIN.entryLine)];
  const lines = (spans.length > 0 ? spans : [...entry.querySelectorAll('p')])
    .map((node) => text(node))
    .filter((t): t is string => !!t);
  const title = lines[0];
  const name = lines[1]?.split(' · ')[0]?.trim();
  const linkedinCompanyId = companyIdFromHref(link.getAttribute('href') ?? '');
  return {
    ...(title ? { title } : {}),
    ...(name ? { company: { name, ...(linkedinCompanyId ? { linkedinCompanyId } : {}) } } : {}),
  };
}

/** The 2022 top card names the company in a link to `#experience` (no id there). */
function topCardCompany(card: Element | undefined) {
  const name = text(card?.querySelector('a[href="#experience"]'));
  return name ? { company: { name } } : undefined;
}

const EMAIL = /^[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]+$/;

/** E-mail addresses from the open contact-info overlay's `mailto:` links. */
export function readContactEmails(root: ParentNode): string[] {
  const found = new Set<string>();
  for (const container of root.querySelectorAll(LINKEDIN.contactInfo)) {
    for (const link of container.querySelectorAll('a[href^="mailto:"]')) {
      let address = (link.getAttribute('href') ?? '').slice('mailto:'.length).split('?')[0] ?? '';
      try {
        address = decodeURIComponent(address);
      } catch {}
      address = address.trim().toLowerCase();
      if (EMAIL.test(address)) found.add(address);
    }
  }
  return [...found];
}

/**
 * Reads the profile of `slug` from the page. `contactInfo`: the URL says the contact-info
 * overlay is open (only then are e-mail addresses read, and only from it).
 */
export function readProfile(doc: Document, slug: string, contactInfo = false): ProfileReading {
  const main = doc.querySelector('main') ?? doc.body;
  const titleName = profileNameFromTitle(doc.title);
  const card = findTopCard(main, slug, titleName);
  const emails = contactInfo ? readContactEmails(doc) : [];
  if (card === 'stale' || !card) {
    // The contact-info overlay opened from a link of its own shows no profile behind it.
    if (emails.length > 0) {
      return { value: { linkedinId: slug, name: titleName || slug, emails }, health: [], waiting: false };
    }
    return card === 'stale'
      ? { value: undefined, health: [], waiting: true }
      : { value: undefined, health: [single('profile.card', false)], waiting: true };
  }
  const name = text(heading(card)) ?? titleName;
  const position = readCurrentPosition(main, card);
  return {
    value: {
      linkedinId: slug,
      name: name || slug,
      ...readHeadlineAndLocation(card),
      ...position,
      emails,
    },
    health: [single('profile.card', true), single('profile.name', !!name)],
    waiting: false,
  };
}
