import { type Person, personFromElement, uniquePeople } from './address';
import { type MessageDirection, messageDirection, type Self } from './classify';
import { parseShownDate, wallClockToMs } from '../dates';
import { type Check, perItem, type Reading, single } from './health';
import { normalizeMessageId, normalizeThreadId, timeFromId } from './ids';
import { MESSAGE, STATE, THREAD } from './selectors';
import { allMatches, firstMatch, isInlineHidden, readableText } from './dom';

/** Shared by the thread and list readers. */
export interface ReadOptions {
  /** The seller, for each message's direction; without it directions are `unknown`. */
  self?: Self;
  /** The page's UI language (`<html lang>`), for reading visible dates. */
  lang?: string;
  /** IANA zone Gmail shows dates in (settings.timeZone); the browser's when absent. */
  timeZone?: string;
  /** "Now", for rejecting ids that decode to the future; tests pin it. */
  now?: number;
  /** Lists only: skip reading each row's date (parsing localized dates is the costly part). */
  withoutTime?: boolean;
}

/** When a message was sent, and where that came from; undefined time means unknown. */
export interface MessageTime {
  at: number;
  /** `id`: decoded from the message id (exact). `date`: read from the visible date (to the minute, in Gmail's zone). */
  from: 'id' | 'date';
}

export interface GmailMessage {
  /** Decimal id (`#msg-f:<n>` and the legacy hex both give it); absent when Gmail showed none. */
  id?: string;
  state: 'expanded' | 'collapsed';
  sender?: Person;
  /** Only on expanded messages; collapsed ones do not show recipients. */
  recipients?: Person[];
  time?: MessageTime;
  direction: MessageDirection;
  /** The list item (or message container) read, so the caller can key work to it. */
  element: Element;
}

export interface GmailThread {
  subject?: string;
  /** Decimal thread id from the subject's `data-thread-perm-id` / `data-legacy-thread-id`. */
  threadId?: string;
  messages: GmailMessage[];
  /** Items not read, by reason: drafts, "N older messages" bundles, collapsed messages with no id. */
  skipped: { drafts: number; hidden: number; collapsedWithoutId: number };
}

type MessageOutcome = { message: GmailMessage } | { skipped: 'draft' | 'hidden' | 'collapsedWithoutId' };

function hasAnyClass(el: Element, classes: readonly string[]): boolean {
  return classes.some((c) => el.classList.contains(c));
}

function stateOf(item: Element): 'expanded' | 'collapsed' | 'hidden' {
  if (hasAnyClass(item, STATE.hidden)) return 'hidden';
  if (hasAnyClass(item, STATE.expanded)) return 'expanded';
  if (hasAnyClass(item, STATE.collapsed)) return 'collapsed';
  // No state class (a bare message container, or Gmail renamed them): expanded if it shows a header or body.
  return item.querySelector(STATE.expandedContent) ? 'expanded' : 'collapsed';
}

const ID_ELEMENT = `[${MESSAGE.id}], [${MESSAGE.legacyId}]`;

/** The message id, `'draft'` for a draft, or undefined when none is shown. */
function readMessageId(item: Element): string | 'draft' | undefined {
  const el = item.matches(ID_ELEMENT) ? item : firstMatch(item, ID_ELEMENT, THREAD.body);
  if (!el) return undefined;
  const perm = el.getAttribute(MESSAGE.id);
  // A draft's legacy id is not a sent message's either (InboxSDK works around Gmail reusing it, issue #515).
  if (perm && /^#?msg-a:/.test(perm.trim())) return 'draft';
  return normalizeMessageId(perm) ?? normalizeMessageId(el.getAttribute(MESSAGE.legacyId));
}

const OUTSIDE_HEADER = `${THREAD.body}, ${THREAD.reply}`;

function readSender(item: Element): Person | undefined {
  for (const selector of MESSAGE.sender) {
    const el = firstMatch(item, selector, OUTSIDE_HEADER);
    const person = el && personFromElement(el);
    if (person) return person;
  }
  return undefined;
}

function readRecipients(item: Element): Person[] {
  return uniquePeople(
    allMatches(item, MESSAGE.recipients, OUTSIDE_HEADER)
      .map(personFromElement)
      .filter((p): p is Person => !!p),
  );
}

function readTime(item: Element, id: string | undefined, options: ReadOptions): MessageTime | undefined {
  const fromId = timeFromId(id, options.now);
  if (fromId !== undefined) return { at: fromId, from: 'id' };
  for (const el of allMatches(item, MESSAGE.date, OUTSIDE_HEADER)) {
    const text = el.getAttribute('title') || el.getAttribute('alt');
    const wall = text ? parseShownDate(text, options.lang) : undefined;
    if (wall) return { at: wallClockToMs(wall, options.timeZone), from: 'date' };
  }
  return undefined;
}

function readItem(item: Element, options: ReadOptions): MessageOutcome {
  const state = stateOf(item);
  if (state === 'hidden') return { skipped: 'hidden' };
  const id = readMessageId(item);
  if (id === 'draft') return { skipped: 'draft' };
  // A collapsed message is worth keeping only with an id: without one it could not be told
  // apart from itself when it is expanded later.
  if (!id && state === 'collapsed') return { skipped: 'collapsedWithoutId' };
  const sender = readSender(item);
  const message: GmailMessage = {
    ...(id ? { id } : {}),
    state,
    ...(sender ? { sender } : {}),
    ...(state === 'expanded' ? { recipients: readRecipients(item) } : {}),
    direction: options.self ? messageDirection(sender?.email, options.self) : 'unknown',
    element: item,
  };
  const time = readTime(item, id, options);
  if (time) message.time = time;
  return { message };
}

function messageChecks(messages: readonly GmailMessage[]): Check[] {
  const expanded = messages.filter((m) => m.state === 'expanded');
  return [
    perItem('thread.messageId', messages.filter((m) => m.id).length, messages.length),
    perItem('thread.sender', messages.filter((m) => m.sender).length, messages.length),
    perItem('thread.recipients', expanded.filter((m) => m.recipients?.length).length, expanded.length),
    perItem('thread.time', messages.filter((m) => m.time).length, messages.length),
  ];
}

/**
 * One message, given its list item or its `div.adn` container (or anything that holds exactly one
 * message header, such as the Aug-2025 capture). Undefined value for drafts, hidden bundles and
 * collapsed messages without an id.
 */
export function readMessage(item: Element, options: ReadOptions = {}): Reading<GmailMessage | undefined> {
  const outcome = readItem(item, options);
  if (!('message' in outcome)) return { value: undefined, health: [] };
  return { value: outcome.message, health: messageChecks([outcome.message]) };
}

/** The message list items, in page order, found the most specific way that works. */
function messageItems(scope: ParentNode): Element[] {
  const listed = allMatches(scope, `${THREAD.list} > ${THREAD.item}`, THREAD.body);
  if (listed.length) return listed;
  const firstExpanded = firstMatch(scope, THREAD.expandedItem, THREAD.body);
  const list = firstExpanded?.parentElement;
  if (list) {
    const all = [...STATE.expanded, ...STATE.collapsed, ...STATE.hidden];
    return [...list.children].filter((child) => hasAnyClass(child, all));
  }
  return allMatches(scope, THREAD.messageContainer, `${THREAD.messageContainer}, ${THREAD.body}`);
}

/** The subject: the first one not in a hidden view (Gmail keeps old views in the page). */
function findSubject(root: ParentNode): Element | undefined {
  const all = [...root.querySelectorAll(THREAD.subject)];
  return all.find((el) => !isInlineHidden(el)) ?? all[0];
}

/** The smallest ancestor of the subject that also holds the messages; the root when there is none. */
function threadScope(subject: Element | undefined, root: ParentNode): ParentNode {
  const probe = `${THREAD.list}, ${THREAD.expandedItem}, ${THREAD.messageContainer}`;
  for (let el = subject?.parentElement; el; el = el.parentElement) {
    if (el.querySelector(probe)) return el;
    if (el === root) break;
  }
  return root;
}

/**
 * The open conversation under `root` (pass the visible main view, or the document). Reads the
 * subject, thread id and every message that has an id or is expanded.
 */
export function readThread(root: ParentNode, options: ReadOptions = {}): Reading<GmailThread> {
  const subjectEl = findSubject(root);
  const subject = subjectEl ? readableText(subjectEl) || undefined : undefined;
  const threadId = subjectEl
    ? (normalizeThreadId(subjectEl.getAttribute(THREAD.permThreadId)) ??
      normalizeThreadId(subjectEl.getAttribute(THREAD.legacyThreadId)))
    : undefined;

  const thread: GmailThread = {
    ...(subject ? { subject } : {}),
    ...(threadId ? { threadId } : {}),
    messages: [],
    skipped: { drafts: 0, hidden: 0, collapsedWithoutId: 0 },
  };
  for (const item of messageItems(threadScope(subjectEl, root))) {
    const outcome = readItem(item, options);
    if ('message' in outcome) thread.messages.push(outcome.message);
    else if (outcome.skipped === 'draft') thread.skipped.drafts++;
    else thread.skipped[outcome.skipped]++;
  }

  return {
    value: thread,
    health: [
      single('thread.subject', !!subject),
      single('thread.id', !!threadId),
      single('thread.messages', thread.messages.length > 0),
      ...messageChecks(thread.messages),
    ],
  };
}
