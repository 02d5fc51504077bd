import { type IDBPDatabase, type IDBPObjectStore, unwrap } from 'idb';
import type { ParsedRequestOf, ResponseOf } from '@/lib/messaging/protocol';
import { type Contact, ME, type Seller, type Touch } from '@/lib/shared/model';
import { classifyAddress, makeSelf } from '@/lib/shared/participants';
import { allOrNothing, pendingWrites } from './db/all-or-nothing';
import type { RapportDB } from './db/schema';
import { getSettings } from './settings';
import { capturedTouch } from './touches';

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
  return allOrNothing(tx, async () => {
    const contactsByEmail = tx.objectStore('contacts').index('by-email');
    const touches = tx.objectStore('touches');
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

    // Every look-up the loop needs, asked together: a request per message in turn cost a round
    // trip each (a 100-message thread is some 300 reads). The writes then go out together too.
    const sourceOf = (message: Message) => (message.id ? `gmail:${message.id}` : `gmail-sent:${message.sentKey}`);
    const othersOf = (message: Message) => {
      const fromRole = roleOf(message.from);
      return [
        ...new Set(fromRole === 'external' ? [message.from] : message.to.filter((to) => roleOf(to) === 'external')),
      ];
    };
    const emails = [...new Set(input.messages.flatMap(othersOf))];
    const contactOf = new Map(
      await Promise.all(emails.map(async (email) => [email, await contactsByEmail.get(email)] as const)),
    );
    const pairs = input.messages.flatMap((message) =>
      othersOf(message).flatMap((email) => {
        const contact = contactOf.get(email);
        return contact ? [{ message, contact, sourceId: sourceOf(message) }] : [];
      }),
    );
    // One read per contact: their touches around the thread's times. It holds every message of
    // the thread already stored (kept at the message's own time) and a message the seller sent
    // from here (recorded at the click, a quarter hour either side). A request per message cost
    // a third of a capture's time in the worker.
    const around = await touchesAround(touches, pairs);
    const knownOf = pairs.map(({ contact, sourceId }) => around.get(contact.id)?.bySource.get(sourceId));
    const sentOf = pairs.map(({ message, contact }) =>
      message.id && roleOf(message.from) === 'me'
        ? around
            .get(contact.id)
            ?.list.find(
              (t) =>
                t.direction === 'outbound' &&
                t.sourceId?.startsWith('gmail-sent:') &&
                Math.abs(t.at - message.at) <= SENT_MATCH_MS,
            )
        : undefined,
    );
    for (const email of emails) if (!contactOf.get(email)) untracked.add(email);

    const writes = pendingWrites();
    const taken = new Set<string>();
    for (const [i, { message, contact, sourceId }] of pairs.entries()) {
      const fromRole = roleOf(message.from);
      const thread = message.threadId ? { threadId: message.threadId } : {};
      const known = knownOf[i];
      if (known || taken.has(`${sourceId} ${contact.id}`)) {
        // Touches recorded before threads were kept learn theirs when the thread is seen again.
        if (known && message.threadId && !known.threadId) {
          writes.add(touches.put({ ...known, ...thread }));
          changed.add(contact.id);
        }
        duplicates++;
        continue;
      }
      taken.add(`${sourceId} ${contact.id}`);
      // The seller's own message may have been recorded the moment they sent it: give that
      // touch its real id now instead of storing the message a second time.
      const sent = sentOf[i];
      if (sent && !taken.has(sent.id)) {
        taken.add(sent.id);
        writes.add(touches.put({ ...sent, sourceId, at: message.at, ...thread }));
        changed.add(contact.id);
        duplicates++;
        continue;
      }
      const touch = capturedTouch(newId(), contact, {
        sellerId: await sellerFor(message),
        kind: 'email',
        direction: fromRole === 'external' ? 'inbound' : 'outbound',
        at: message.at,
        sourceId,
        ...thread,
        ...(message.subject ? { summary: message.subject } : {}),
      });
      // Stored at another time (an older import of the same message, say): the unique index by
      // source refuses it, which is a duplicate, not a failed capture.
      writes.add(
        addUnlessStored(touches, touch).then((added) => {
          if (!added) return void duplicates++;
          changed.add(contact.id);
          stored++;
        }),
      );
    }
    await writes.all();
    return { response: { confirmed: true, stored, duplicates, untracked: untracked.size }, changed: [...changed] };
  });
}

/** Sent-at-click and shown-by-Gmail times differ by the send delay and clock skew: allow a quarter hour. */
const SENT_MATCH_MS = 15 * 60_000;

type TouchesStore = IDBPObjectStore<RapportDB, ('contacts' | 'touches' | 'sellers')[], 'touches', 'readwrite'>;

/** Each contact's touches from a quarter hour before their first message here to one after their last, in time order. */
async function touchesAround(
  touches: TouchesStore,
  pairs: readonly { message: Message; contact: Pick<Contact, 'id'> }[],
): Promise<Map<string, { list: Touch[]; bySource: Map<string, Touch> }>> {
  const spans = new Map<string, { from: number; to: number }>();
  for (const { message, contact } of pairs) {
    const span = spans.get(contact.id);
    spans.set(
      contact.id,
      span
        ? { from: Math.min(span.from, message.at), to: Math.max(span.to, message.at) }
        : { from: message.at, to: message.at },
    );
  }
  const byContactAt = touches.index('by-contact-at');
  return new Map(
    await Promise.all(
      [...spans].map(async ([id, { from, to }]) => {
        const list = await byContactAt.getAll(IDBKeyRange.bound([id, from - SENT_MATCH_MS], [id, to + SENT_MATCH_MS]));
        const bySource = new Map(list.flatMap((t) => (t.sourceId ? [[t.sourceId, t] as const] : [])));
        return [id, { list, bySource }] as const;
      }),
    ),
  );
}

/**
 * Adds a touch unless the unique index by source and contact already holds its message: then
 * answers false and the transaction goes on (the error is handled here, so it neither aborts
 * the transaction nor reaches it).
 */
function addUnlessStored(touches: TouchesStore, touch: Touch): Promise<boolean> {
  const request = unwrap(touches).add(touch);
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(true);
    request.onerror = (event) => {
      if (request.error?.name !== 'ConstraintError') return reject(request.error);
      event.preventDefault();
      event.stopPropagation();
      resolve(false);
    };
  });
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
