/**
 * The LinkedIn site adapter: everything Rapport knows about LinkedIn's markup. Pure readers over
 * the document the caller passes (attributes and text only, no layout reads), so they run on the
 * page watcher's frame. Selectors live in selectors.ts with the capture or project behind each.
 *
 * - parseLinkedInUrl(url) → profile (`slug`, `contactInfo`), messaging (`threadId`) or other.
 * - readProfile(document, slug, contactInfo) → the profile of that slug (name, headline,
 *   location, current title and company with its LinkedIn id, contact-info addresses), or
 *   `waiting` while the page still shows another profile. Checks: profile.card, profile.name.
 * - readConversations(root, { lang, now }) → the open conversations (thread pane, overlay
 *   bubbles): participants by profile link, each message's event id, side and time. Checks:
 *   messaging.participants, messaging.sender, messaging.time.
 * - messageTime(dayHeading, clock, { lang, now }) → when a message was sent, or undefined.
 */
export type { LinkedInReader } from './health';
export { type LinkedInConversation, type LinkedInMessage, readConversations } from './messaging';
export {
  type LinkedInCompany,
  type LinkedInProfile,
  profileNameFromTitle,
  readContactEmails,
  readCurrentPosition,
  readProfile,
} from './profile';
export { companyIdFromHref, type LinkedInRoute, parseLinkedInUrl, profileIdFromUrl, slugOfLink } from './route';
export { messageTime } from './times';
