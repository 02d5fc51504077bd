/**
 * The Gmail site adapter: everything Rapport knows about Gmail's markup. Pure readers over a root
 * the caller passes; no observers, timers or layout reads (attributes and textContent only), so
 * they can run on every batched MutationObserver callback. Every selector lives in selectors.ts
 * with the fixture or project that proves it. DOM readers return a `Reading`: the value plus
 * `health` checks (`{ reader: 'thread.sender', ok: false, found: 0, expected: 2 }`) that say which
 * reader stopped finding what it expected when Gmail changes.
 *
 * URL and identity
 * - parseGmailUrl(url) → GmailRoute | undefined: account index `/u/N/`, route (`inbox`, `sent`,
 *   `label`+param, `search`+param, …), opaque thread token, threadOpen, `?compose=`.
 * - readAccount(document, url) → Reading<GmailAccount>: `{ index?, email? }`, the address from the
 *   title or the account element. Checks: account.email, account.index.
 *
 * Conversation
 * - readThread(root, options?) → Reading<GmailThread>: subject, decimal threadId, messages
 *   (`{ id?, state, sender?, recipients? (expanded only), time? ({ at, from: 'id' | 'date' }),
 *   direction, element }`), skipped counts. Checks: thread.subject, thread.id, thread.messages,
 *   thread.messageId, thread.sender, thread.recipients, thread.time.
 * - readMessage(item, options?) → Reading<GmailMessage | undefined>: the same for one message.
 *
 * Compose and inline reply
 * - findComposeRoots(root) → Element[]: compose windows and reply boxes.
 * - readCompose(composeRoot) → Reading<GmailCompose>: recipients `{ email, name?, field, typed }`,
 *   subject, inline. Checks: compose.recipients, compose.send.
 * - findSendButton(composeRoot) → Element | undefined: the send control, found by structure.
 *
 * Lists
 * - readInboxRows(root, options?) → Reading<InboxRow[]>: per row `{ element, threadId?, senders,
 *   unread, time? }`. Checks: list.rows, list.senders.
 * - readSentRows(root, options?) → Reading<SentRow[]>: the same with `recipients`. Checks:
 *   list.rows, list.recipients.
 * - senderElement(row, email) → the visible element naming that sender, for a marker beside it.
 *
 * Layout
 * - findSidePanel(root) → Element[]: Gmail's right side panel (icon rail, open panel), for the
 *   sidebar to dock beside; the caller measures them (lib/content/dock.ts).
 * - findRightColumn(root) → HTMLElement | undefined: the right column (`div.aUx`) the open sidebar
 *   takes its place in, so Gmail narrows the mail view for it (lib/content/dock-column.ts).
 * - createMoleSpacer(doc, refresh) → { set(px), check() }: keeps compose windows clear of the open
 *   sidebar by widening Gmail's mole spacer, as InboxSDK does for its panels; the one writer here.
 *
 * People
 * - makeSelf({ emails, internalDomains, accountEmail? }) → Self, then classifyAddress(email, self)
 *   → 'me' | 'colleague' | 'external', messageDirection(sender, self) → 'outbound' | 'inbound' |
 *   'colleague' | 'unknown', classifyMessage(message, self) → everyone tagged plus the externals.
 *
 * Ids and dates
 * - normalizeMessageId / normalizeThreadId(raw) → decimal string | undefined (drafts give none).
 * - timeFromId(id, now?) → ms | undefined. parseShownDate(title, lang?) → WallClock | undefined,
 *   wallClockToMs(wall, timeZone?) → ms.
 * - failedReaders(health) → the names of the readers that failed.
 */

export { accountEmailFromTitle, type GmailAccount, readAccount } from './account';
export { normalizeEmail, type Person, parseAddressList } from './address';
export {
  type AddressKind,
  type ClassifiedMessage,
  type ClassifiedPerson,
  classifyAddress,
  classifyMessage,
  isInternalDomain,
  type MessageDirection,
  makeSelf,
  messageDirection,
  type Self,
  type SelfInput,
} from './classify';
export {
  type ComposeRecipient,
  findComposeRoots,
  findSendButton,
  type GmailCompose,
  type RecipientField,
  readCompose,
} from './compose';
export { parseShownDate, type WallClock, wallClockToMs } from '../dates';
export { type Check, failedReaders, type Reading, type ReaderName } from './health';
export { normalizeMessageId, normalizeThreadId, timeFromId } from './ids';
export { type InboxRow, RowMemo, readInboxRows, readSentRows, type SentRow, senderElement } from './list';
export { type GmailRoute, parseGmailUrl } from './route';
export { THEME } from './selectors';
export { createMoleSpacer } from './mole-spacer';
export { findRightColumn, findSidePanel } from './side-panel';
export {
  type GmailMessage,
  type GmailThread,
  type MessageTime,
  type ReadOptions,
  readMessage,
  readThread,
} from './thread';
