import type { IDBPDatabase } from 'idb';
import type { ParsedRequestOf } from '@/lib/messaging/protocol';
import { type Contact, ME, type Touch } from '@/lib/shared/model';
import type { RapportDB } from './db/schema';

/**
 * Records a touch once. A touch with a source id that is already stored for this contact is
 * not stored again; the check and the write share one transaction, so two tabs capturing the
 * same e-mail at once still store it once (and the unique index backs that up).
 */
export async function addTouch(
  db: IDBPDatabase<RapportDB>,
  input: ParsedRequestOf<'touch.add'>,
  source: Touch['source'],
  newId: () => string,
): Promise<{ touch: Touch; duplicate: boolean }> {
  const tx = db.transaction(['touches', 'contacts'], 'readwrite');
  const contact = await tx.objectStore('contacts').get(input.contactId);
  if (!contact) {
    tx.abort();
    await tx.done.catch(() => {});
    throw new Error(`no contact with id ${input.contactId}`);
  }
  const touches = tx.objectStore('touches');
  if (input.sourceId) {
    const existing = await touches.index('by-source').get([input.sourceId, input.contactId]);
    if (existing) {
      await tx.done;
      return { touch: existing, duplicate: true };
    }
  }
  const touch: Touch = {
    id: newId(),
    sellerId: ME,
    source,
    ...input,
    ...(contact.accountId ? { accountId: contact.accountId } : {}),
  };
  await touches.add(touch);
  await tx.done;
  return { touch, duplicate: false };
}

/** The newest touches of a contact, newest first, in a transaction of its own. */
export function listTouches(db: IDBPDatabase<RapportDB>, contactId: string, limit: number): Promise<Touch[]> {
  return newestTouches(db.transaction('touches').store.index('by-contact-at'), contactId, limit);
}

/**
 * The part of the `[contactId, at]` index a reader needs, from a transaction of any mode and
 * any store list (spelled out: idb's generic index types of two transactions do not match).
 */
interface TouchCursor {
  value: Touch;
  continue(): Promise<TouchCursor | null>;
}
interface ByContactAt {
  openCursor(query: IDBKeyRange, direction: 'prev'): Promise<TouchCursor | null>;
}

/** The newest touches of a contact, newest first, walking the `[contactId, at]` index backwards. */
export async function newestTouches(index: ByContactAt, contactId: string, limit: number): Promise<Touch[]> {
  const range = IDBKeyRange.bound([contactId, -Infinity], [contactId, Infinity]);
  const result: Touch[] = [];
  let cursor = await index.openCursor(range, 'prev');
  while (cursor && result.length < limit) {
    result.push(cursor.value);
    cursor = await cursor.continue();
  }
  return result;
}

/** A touch a page showed (an e-mail, a LinkedIn message): with the contact at their account, metadata only. */
export function capturedTouch(
  id: string,
  contact: Pick<Contact, 'id' | 'accountId'>,
  fields: Pick<Touch, 'sellerId' | 'kind' | 'direction' | 'at' | 'sourceId'> &
    Pick<Partial<Touch>, 'threadId' | 'summary'>,
): Touch {
  return {
    id,
    contactId: contact.id,
    ...(contact.accountId ? { accountId: contact.accountId } : {}),
    source: 'captured',
    ...fields,
  };
}
