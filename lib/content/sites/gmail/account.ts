import { normalizeEmail, stripBidi } from './address';
import { type Reading, single } from './health';
import { parseGmailUrl } from './route';
import { ACCOUNT } from './selectors';

export interface GmailAccount {
  /** N from `/u/N/`. */
  index?: number;
  /** The signed-in mailbox's address, lower-case. */
  email?: string;
}

const ADDRESS_IN_TEXT = /[^\s@<>()[\]"',;:]+@[^\s@<>()[\]"',;:]+\.[a-z]{2,}/gi;

/**
 * The account address from the page title: "Inbox (3) - jane@ourco.com - OurCo Mail"
 * (Mailvelope `getGmailUser()`; the skeleton's title). The last address wins because a thread's
 * title starts with its subject, which may itself contain an address.
 */
export function accountEmailFromTitle(title: string): string | undefined {
  const matches = stripBidi(title).match(ADDRESS_IN_TEXT);
  return normalizeEmail(matches?.at(-1));
}

/**
 * Who "me" is on this page: the account index from the URL and the address from the title, else
 * from Gmail's account element (`.eYSAde`, gmail.js's fallback), taken only when its whole text
 * is an address. The page's `GLOBALS[10]` is better still but lives in the page's JavaScript
 * world, out of a content script's reach.
 */
export function readAccount(doc: Document, url: string): Reading<GmailAccount> {
  const index = parseGmailUrl(url)?.accountIndex;
  let email = accountEmailFromTitle(doc.title);
  if (!email) {
    for (const el of doc.querySelectorAll(ACCOUNT.element)) {
      email = normalizeEmail(el.textContent);
      if (email) break;
    }
  }
  return {
    value: { ...(index !== undefined ? { index } : {}), ...(email ? { email } : {}) },
    health: [single('account.email', !!email), single('account.index', index !== undefined)],
  };
}
