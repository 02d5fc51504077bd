import type { IDBPDatabase } from 'idb';
import type { ResponseOf } from '@/lib/messaging/protocol';
import { dateOf } from '@/lib/shared/relationship/calendar';
import { trust } from '@/lib/shared/relationship/trust';
import type { RapportDB } from './db/schema';
import { type AccountCache, contextOf, openReader, summaryOf } from './relationship';

type Marker = ResponseOf<'markers.lookup'>['markers'][number];

/**
 * The quiet marks beside tracked senders in the Gmail list, most urgent first: a reply owed,
 * a follow-up overdue, or a customer with no trust yet. Nothing for everyone else, so a mark
 * always means something. One read-only transaction, like the sidebar's look-up.
 */
export async function lookupMarkers(
  db: IDBPDatabase<RapportDB>,
  emails: readonly string[],
  now: number,
): Promise<Marker[]> {
  const { tx, reader, settings } = await openReader(db);
  if (!settings.inboxMarkers) return [];
  const today = dateOf(now, settings.timeZone);
  const markers: Marker[] = [];
  const accounts: AccountCache = new Map();
  for (const email of new Set(emails)) {
    const contact = await tx.objectStore('contacts').index('by-email').get(email);
    if (!contact) continue;
    const live = await tx.objectStore('followUps').index('by-live-contact').get(contact.id);
    if (live?.state === 'open' && live.kind === 'reply' && live.due <= today) {
      markers.push({ email, reason: 'reply', name: contact.name });
    } else if (live?.state === 'open' && live.due < today) {
      markers.push({ email, reason: 'overdue', name: contact.name });
    } else if (contact.status === 'customer') {
      const summary = await summaryOf(reader, contact.id);
      const { context } = await contextOf(reader, contact, { now, settings }, accounts);
      if (trust(summary, context).level === 'none') markers.push({ email, reason: 'low-trust', name: contact.name });
    }
  }
  await tx.done;
  return markers;
}
