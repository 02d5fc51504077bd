import type { IDBPDatabase, IDBPObjectStore } from 'idb';
import type { ParsedRequestOf, ResponseOf } from '@/lib/messaging/protocol';
import { ME, type Seller, type Touch } from '@/lib/shared/model';
import { classifyAddress, makeSelf } from '@/lib/shared/participants';
import type { RapportDB } from './db/schema';
import { getSettings } from './settings';

type Message = ParsedRequestOf<'gmail.capture'>['messages'][number];

/**
 * Records Gmail messages as e-mail touches with tracked contacts, metadata only. Each touch
 * is keyed `gmail:<message id>` per contact, so reopening a thread, or seeing it in two tabs,
 * never stores it twice. Nothing is recorded on a Gmail account the seller has not confirmed.
 *
 * Who the touch is between:
 * - a tracked contact wrote it → inbound, with the seller-side person who received it
 *   (me when I am among the recipients or nobody of ours is, else the first colleague);
 * - I wrote it → outbound from me to each tracked contact on it;
 * - a colleague wrote it → outbound from that colleague (a Seller record), which counts for
 *   coverage: more sellers know the customer.
 * A message from one customer that copies another is not a touch with the one copied: the
 * seller did not interact with them.
 */
export async function captureMessages(
  db: IDBPDatabase<RapportDB>,
  input: ParsedRequestOf<'gmail.capture'>,
  newId: () => string,
): Promise<{ response: ResponseOf<'gmail.capture'>; changed: string[] }> {
  const settings = await getSettings(db);
  if (!settings.confirmedAccounts.includes(input.account)) {
    return { response: { confirmed: false, stored: 0, duplicates: 0, untracked: 0 }, changed: [] };
  }
  const changed = new Set<string>();
  const self = makeSelf({
    emails: settings.me.emails,
    internalDomains: settings.internalDomains,
    accountEmail: input.account,
  });
  const roleOf = (email: string) => classifyAddress(email, self);
  const tx = db.transaction(['contacts', 'touches', 'sellers'], 'readwrite');
  const contactsByEmail = tx.objectStore('contacts').index('by-email');
  const touches = tx.objectStore('touches');
  const bySource = touches.index('by-source');
  let stored = 0;
  let duplicates = 0;
  const untracked = new Set<string>();

  const sellerFor = async (message: Message): Promise<string> => {
    const fromRole = roleOf(message.from);
    const colleague =
      fromRole === 'colleague'
        ? message.from
        : fromRole === 'external' && !message.to.some((to) => roleOf(to) === 'me')
          ? message.to.find((to) => roleOf(to) === 'colleague')
          : undefined;
    return colleague ? (await colleagueSeller(tx.objectStore('sellers'), colleague, newId)).id : ME;
  };

  for (const message of input.messages) {
    const fromRole = roleOf(message.from);
    const others = fromRole === 'external' ? [message.from] : message.to.filter((to) => roleOf(to) === 'external');
    const sellerId = await sellerFor(message);
    for (const email of new Set(others)) {
      const contact = await contactsByEmail.get(email);
      if (!contact) {
        untracked.add(email);
        continue;
      }
      const sourceId = message.id ? `gmail:${message.id}` : `gmail-sent:${message.sentKey}`;
      const thread = message.threadId ? { threadId: message.threadId } : {};
      const known = await bySource.get([sourceId, contact.id]);
      if (known) {
        // Touches recorded before threads were kept learn theirs when the thread is seen again.
        if (message.threadId && !known.threadId) {
          await touches.put({ ...known, ...thread });
          changed.add(contact.id);
        }
        duplicates++;
        continue;
      }
      if (message.id && fromRole === 'me') {
        // The seller's own message may have been recorded the moment they sent it: give that
        // touch its real id now instead of storing the message a second time.
        const sent = await justSent(touches, contact.id, message.at);
        if (sent) {
          await touches.put({ ...sent, sourceId, at: message.at, ...thread });
          changed.add(contact.id);
          duplicates++;
          continue;
        }
      }
      const touch: Touch = {
        id: newId(),
        contactId: contact.id,
        ...(contact.accountId ? { accountId: contact.accountId } : {}),
        sellerId,
        kind: 'email',
        direction: fromRole === 'external' ? 'inbound' : 'outbound',
        at: message.at,
        source: 'captured',
        sourceId,
        ...thread,
        ...(message.subject ? { summary: message.subject } : {}),
      };
      await touches.add(touch);
      changed.add(contact.id);
      stored++;
    }
  }
  await tx.done;
  return { response: { confirmed: true, stored, duplicates, untracked: untracked.size }, changed: [...changed] };
}

/** Sent-at-click and shown-by-Gmail times differ by the send delay and clock skew: allow a quarter hour. */
const SENT_MATCH_MS = 15 * 60_000;

type TouchesStore = IDBPObjectStore<RapportDB, ('contacts' | 'touches' | 'sellers')[], 'touches', 'readwrite'>;

/** An outbound touch recorded at send time (no Gmail id yet) for this contact, near this time. */
async function justSent(touches: TouchesStore, contactId: string, at: number) {
  const range = IDBKeyRange.bound([contactId, at - SENT_MATCH_MS], [contactId, at + SENT_MATCH_MS]);
  const nearby = await touches.index('by-contact-at').getAll(range);
  return nearby.find((t) => t.direction === 'outbound' && t.sourceId?.startsWith('gmail-sent:'));
}

type SellersStore = IDBPObjectStore<RapportDB, ('contacts' | 'touches' | 'sellers')[], 'sellers', 'readwrite'>;

/** The colleague as a Seller record, created the first time Rapport sees them write. */
async function colleagueSeller(sellers: SellersStore, email: string, newId: () => string): Promise<Seller> {
  const existing = await sellers.index('by-email').get(email);
  if (existing) return existing;
  const seller: Seller = { id: newId(), name: email.slice(0, email.indexOf('@')), emails: [email] };
  await sellers.add(seller);
  return seller;
}
