import { perItem, single } from '../health';
import type { Check, Reading } from './health';
import { slugOfLink } from './route';
import { LINKEDIN } from './selectors';
import { messageTime } from './times';

/**
 * LinkedIn conversations on the page: the thread page's pane (`/messaging/thread/<id>/`) and the
 * overlay bubbles LinkedIn keeps open on every page. For each: the other people (from the
 * header's profile links, never the visible name alone) and each message's id, sender side and
 * time. Never a message's text. A message's sender and time sit on its group (LinkedIn groups a
 * sender's consecutive messages): a message without a group of its own belongs to the previous one.
 */

export interface LinkedInMessage {
  /** LinkedIn's event URN: de-duplicates the touch however often the thread is shown. */
  id: string;
  /** `them`: one of the other participants wrote it; `me`: the seller did. */
  from: 'them' | 'me';
  /** The other participant who wrote it (when `from` is `them`). */
  linkedinId?: string;
  at: number;
}

export interface LinkedInConversation {
  participants: { linkedinId: string; name: string }[];
  messages: LinkedInMessage[];
}

const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() || undefined;
const URN = /^urn:li:[\w:(),.=+/-]{1,250}$/;

/** The outermost conversation containers (the thread pane wraps its own `.msg-thread`). */
function conversations(root: ParentNode): Element[] {
  const all = [...root.querySelectorAll(LINKEDIN.conversation)];
  return all.filter((el) => !all.some((other) => other !== el && other.contains(el)));
}

function participantsOf(conversation: Element): LinkedInConversation['participants'] {
  const seen = new Map<string, string>();
  for (const link of conversation.querySelectorAll(LINKEDIN.conversationHeader)) {
    // The header, not a message group: a sender's link inside the list is not a participant by itself.
    if (link.closest(LINKEDIN.eventGroup)) continue;
    const slug = slugOfLink(link.getAttribute('href'));
    if (slug && !seen.has(slug)) seen.set(slug, text(link) ?? slug);
  }
  return [...seen].map(([linkedinId, name]) => ({ linkedinId, name }));
}

export function readConversations(
  root: ParentNode,
  options: { lang: string; now: number; timeZone?: string },
): Reading<LinkedInConversation[]> {
  const out: LinkedInConversation[] = [];
  const health: Check[] = [];
  for (const conversation of conversations(root)) {
    const participants = participantsOf(conversation);
    health.push(single('messaging.participants', participants.length > 0));
    if (participants.length === 0) continue;
    const others = new Set(participants.map((p) => p.linkedinId));
    const messages: LinkedInMessage[] = [];
    let day: string | undefined;
    let sender: { from: 'them' | 'me'; linkedinId?: string } | undefined;
    let clock: string | undefined;
    let events = 0;
    let withSender = 0;
    let withTime = 0;
    for (const node of conversation.querySelectorAll(`${LINKEDIN.dayHeading}, ${LINKEDIN.event}`)) {
      if (!node.hasAttribute('data-event-urn')) {
        day = text(node);
        continue;
      }
      events++;
      const group = node.querySelector(LINKEDIN.eventGroup);
      if (group) {
        const slug = slugOfLink(group.querySelector(LINKEDIN.senderLink)?.getAttribute('href'));
        sender = slug ? (others.has(slug) ? { from: 'them', linkedinId: slug } : { from: 'me' }) : undefined;
        clock = text(group.querySelector(LINKEDIN.groupTime));
      }
      const id = node.getAttribute('data-event-urn') ?? '';
      if (!sender || !URN.test(id)) continue;
      withSender++;
      const at = messageTime(day, clock, options);
      if (at === undefined) continue;
      withTime++;
      messages.push({ id, at, ...sender });
    }
    health.push(perItem('messaging.sender', withSender, events), perItem('messaging.time', withTime, withSender));
    out.push({ participants, messages });
  }
  return { value: out, health };
}
