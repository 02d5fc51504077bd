import type { IDBPDatabase } from 'idb';
import type { ParsedRequestOf, ResponseOf } from '@/lib/messaging/protocol';
import { ME, type Touch } from '@/lib/shared/model';
import type { RapportDB } from './db/schema';
import { allOrNothing } from './db/all-or-nothing';
import { addTouches, logsIn } from './db/touch-logs';
import { addTouch, capturedTouch } from './touches';

/**
 * LinkedIn messages as touches, like e-mails: one per tracked participant per message, keyed by
 * LinkedIn's event id so a thread shown again (or reloaded) adds nothing. Only people the seller
 * tracks; only who wrote and when, never the text. A message from the seller is outbound to every
 * tracked participant; one from a participant is inbound from them alone.
 */
export async function captureLinkedIn(
  db: IDBPDatabase<RapportDB>,
  input: ParsedRequestOf<'linkedin.capture'>,
  newId: () => string,
): Promise<{ response: ResponseOf<'linkedin.capture'>; changed: string[] }> {
  const tx = db.transaction(['contacts', 'touchLogs'], 'readwrite');
  return allOrNothing(tx, async () => {
    const byLinkedin = tx.objectStore('contacts').index('by-linkedin');
    const logs = logsIn(tx);
    const changed = new Set<string>();
    const touches: Touch[] = [];
    for (const conversation of input.conversations) {
      for (const linkedinId of conversation.participants) {
        const contact = await byLinkedin.get(linkedinId);
        if (!contact) continue;
        for (const message of conversation.messages) {
          if (message.from !== 'me' && message.from !== linkedinId) continue;
          touches.push(
            capturedTouch(newId(), contact, {
              sellerId: ME,
              kind: 'linkedin-message',
              direction: message.from === 'me' ? 'outbound' : 'inbound',
              at: message.at,
              sourceId: `linkedin:${message.id}`,
            }),
          );
        }
      }
    }
    // A message stored before (the thread shown again) is a clash by source: a duplicate.
    const { stored, clashes } = await addTouches(logs, touches);
    for (const touch of stored) changed.add(touch.contactId);
    return { response: { stored: stored.length, duplicates: clashes.length }, changed: [...changed] };
  });
}

/**
 * The seller looked at a tracked contact's profile: kept once a day as a `linkedin-visit`, which
 * the relationship engine never counts as contact with the customer (lib/shared/model). Answers
 * whether it was new.
 */
export async function recordVisit(
  db: IDBPDatabase<RapportDB>,
  linkedinId: string,
  at: number,
  newId: () => string,
): Promise<boolean> {
  const contact = await db.getFromIndex('contacts', 'by-linkedin', linkedinId);
  if (!contact) return false;
  const sourceId = `linkedin-visit:${linkedinId}:${new Date(at).toISOString().slice(0, 10)}`;
  const { duplicate } = await addTouch(
    db,
    { contactId: contact.id, kind: 'linkedin-visit', direction: 'none', at, sourceId },
    'captured',
    newId,
  );
  return !duplicate;
}
