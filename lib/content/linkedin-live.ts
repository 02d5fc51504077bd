import type { RequestOf } from '@/lib/messaging/protocol';
import { profileIdFromUrl, profileNameFromTitle, readCurrentCompany } from './sites/linkedin/profile';

/** Shown in the side panel when the seller is on LinkedIn but not on a profile. */
export const LINKEDIN_EMPTY = 'Open a LinkedIn profile to see what Rapport knows about the person.';

/** What the LinkedIn page in front of the seller shows: the profile's person and current company, or nobody. */
export function readLinkedInPage(doc: Document, url: string): RequestOf<'page.report'> {
  const linkedinId = profileIdFromUrl(url);
  if (!linkedinId) return { site: 'linkedin', people: [], health: [], empty: LINKEDIN_EMPTY };
  const found = readCurrentCompany(doc);
  const company = found?.name ? { ...found, name: found.name } : undefined;
  const name = profileNameFromTitle(doc.title) || linkedinId;
  return {
    site: 'linkedin',
    people: [{ name, linkedinId, ...(company ? { company } : {}) }],
    health: [],
    empty: LINKEDIN_EMPTY,
  };
}
