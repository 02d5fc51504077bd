import type { IDBPDatabase } from 'idb';
import type { ParsedRequestOf } from '@/lib/messaging/protocol';
import { type Contact, ME, type Touch } from '@/lib/shared/model';
import type { RapportDB } from './db/schema';
import { logsIn, newestOf, saveLog, touchesOf } from './db/touch-logs';

/**
 * Records a touch once. A touch with a source id that is already stored for this contact is
 * not stored again; the check and the write share one transaction, so two tabs capturing the
 * same e-mail at once still store it once.
 */
export async function addTouch(
  db: IDBPDatabase<RapportDB>,
  input: ParsedRequestOf<'touch.add'>,
  source: Touch['source'],
  newId: () => string,
): Promise<{ touch: Touch; duplicate: boolean }> {
  const tx = db.transaction(['touchLogs', 'contacts'], 'readwrite');
  const contact = await tx.objectStore('contacts').get(input.contactId);
  if (!contact) {
    tx.abort();
    await tx.done.catch(() => {});
    throw new Error(`no contact with id ${input.contactId}`);
  }
  const logs = logsIn(tx);
  const list = await touchesOf(logs, input.contactId);
  const existing = input.sourceId ? list.find((t) => t.sourceId === input.sourceId) : undefined;
  if (existing) {
    await tx.done;
    return { touch: existing, duplicate: true };
  }
  const touch: Touch = {
    id: newId(),
    sellerId: ME,
    source,
    ...input,
    ...(contact.accountId ? { accountId: contact.accountId } : {}),
  };
  await saveLog(logs, input.contactId, [...list, touch]);
  await tx.done;
  return { touch, duplicate: false };
}

/** The newest touches of a contact, newest first, in a transaction of its own. */
export async function listTouches(db: IDBPDatabase<RapportDB>, contactId: string, limit: number): Promise<Touch[]> {
  return newestOf(await touchesOf(logsIn(db.transaction('touchLogs')), contactId), limit);
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
