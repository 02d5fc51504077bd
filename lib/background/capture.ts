import type { IDBPDatabase, IDBPObjectStore } from 'idb';
import type { ParsedRequestOf, ResponseOf } from '@/lib/messaging/protocol';
import { ME, type Seller, type Touch } from '@/lib/shared/model';
import { classifyAddress, makeSelf } from '@/lib/shared/participants';
import { allOrNothing, pendingWrites } from './db/all-or-nothing';
import type { RapportDB } from './db/schema';
import { logsIn, saveLog, touchesOf } from './db/touch-logs';
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
  const tx = db.transaction(['contacts', 'touchLogs', 'sellers'], 'readwrite');
  return allOrNothing(tx, async () => {
    const contactsByEmail = tx.objectStore('contacts').index('by-email');
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
    // One read per contact: their log, which holds every message of the thread already stored
    // (at any time: an import may have brought the same message) and a message the seller sent
    // from here (recorded at the click, within a quarter hour of Gmail's time).
    const logs = logsIn(tx);
    const ids = [...new Set(pairs.map(({ contact }) => contact.id))];
    const lists = new Map(await Promise.all(ids.map(async (id) => [id, await touchesOf(logs, id)] as const)));
    const bySource = new Map(
      [...lists].map(([id, list]) => [
        id,
        new Map(list.flatMap((t) => (t.sourceId ? [[t.sourceId, t] as const] : []))),
      ]),
    );
    for (const email of emails) if (!contactOf.get(email)) untracked.add(email);

    const edited = new Set<string>();
    /** Puts `touch` in its contact's list, in place of `replacing` when given. */
    const keep = (touch: Touch, replacing?: Touch) => {
      const list = lists.get(touch.contactId) ?? [];
      const at = replacing ? list.indexOf(replacing) : -1;
      if (at >= 0) list[at] = touch;
      else list.push(touch);
      if (touch.sourceId) bySource.get(touch.contactId)?.set(touch.sourceId, touch);
      edited.add(touch.contactId);
      changed.add(touch.contactId);
    };
    for (const { message, contact, sourceId } of pairs) {
      const fromRole = roleOf(message.from);
      const thread = message.threadId ? { threadId: message.threadId } : {};
      const known = bySource.get(contact.id)?.get(sourceId);
      if (known) {
        // Touches recorded before threads were kept learn theirs when the thread is seen again.
        if (message.threadId && !known.threadId) keep({ ...known, ...thread }, known);
        duplicates++;
        continue;
      }
      // The seller's own message may have been recorded the moment they sent it: give that
      // touch its real id now instead of storing the message a second time.
      const sent =
        message.id && fromRole === 'me'
          ? lists
              .get(contact.id)
              ?.find(
                (t) =>
                  t.direction === 'outbound' &&
                  t.sourceId?.startsWith('gmail-sent:') &&
                  Math.abs(t.at - message.at) <= SENT_MATCH_MS,
              )
          : undefined;
      if (sent) {
        keep({ ...sent, sourceId, at: message.at, ...thread }, sent);
        duplicates++;
        continue;
      }
      keep(
        capturedTouch(newId(), contact, {
          sellerId: await sellerFor(message),
          kind: 'email',
          direction: fromRole === 'external' ? 'inbound' : 'outbound',
          at: message.at,
          sourceId,
          ...thread,
          ...(message.subject ? { summary: message.subject } : {}),
        }),
      );
      stored++;
    }
    const writes = pendingWrites();
    for (const id of edited) writes.add(saveLog(logs, id, lists.get(id) ?? []));
    await writes.all();
    return { response: { confirmed: true, stored, duplicates, untracked: untracked.size }, changed: [...changed] };
  });
}

/** Sent-at-click and shown-by-Gmail times differ by the send delay and clock skew: allow a quarter hour. */
const SENT_MATCH_MS = 15 * 60_000;

type SellersStore = IDBPObjectStore<RapportDB, ('contacts' | 'touchLogs' | 'sellers')[], 'sellers', 'readwrite'>;

/** The colleague as a Seller record, created the first time Rapport sees them write. */
async function colleagueSeller(sellers: SellersStore, email: string, newId: () => string): Promise<Seller> {
  const existing = await sellers.index('by-email').get(email);
  if (existing) return existing;
  const seller: Seller = { id: newId(), name: email.slice(0, email.indexOf('@')), emails: [email] };
  await sellers.add(seller);
  return seller;
}
