import type { IDBPDatabase } from 'idb';
import { type Contact, emptyDataSet, isLive, withContactKeys } from '@/lib/shared/model';
import { deleteRecords, putRecords, settleWrites } from './data';
import { followUpsOf } from './db/follow-ups';
import { DATA_SCOPE, type DeletedContact, type RapportDB, type WriteScope } from './db/schema';
import { addTouches, logsIn, touchesOf } from './db/touch-logs';

/**
 * The seller's corrections from the dashboard: two contacts who are one person merged into one
 * (every touch kept), a contact deleted with a way back.
 */

const union = <T>(a: readonly T[] = [], b: readonly T[] = []) => [...new Set([...a, ...b])];

/**
 * Merges `mergeId` into `keepId`: the kept contact takes the other's addresses, LinkedIn id,
 * phones, notes and status history where it has none of its own; every touch, purchase and
 * closed follow-up of the other moves to it. A touch recorded for both (the same e-mail, with
 * both on it) is one interaction: it is kept once. The other's live follow-up goes (the kept
 * contact is planned afresh), and the other contact is removed. Answers the kept contact and how
 * many touches moved.
 */
export async function mergeContacts(
  db: IDBPDatabase<RapportDB>,
  keepId: string,
  mergeId: string,
  now: number,
  /**
   * A teammate's merge (sync/replicate.ts) whose kept contact this computer does not know yet:
   * the other contact then becomes it, under its id, and the team's record of it follows.
   */
  { keepMayBeNew = false } = {},
): Promise<{ contact: Contact; moved: number; accountIds: string[] }> {
  if (keepId === mergeId) throw new Error('a contact cannot be merged into itself');
  const tx = db.transaction(['contacts', 'touchLogs', 'purchases', 'followUps', 'summaries'], 'readwrite');
  const contacts = tx.objectStore('contacts');
  const [found, other] = await Promise.all([contacts.get(keepId), contacts.get(mergeId)]);
  const keep = found ?? (keepMayBeNew && other ? { ...other, id: keepId, notes: '', statusHistory: [] } : undefined);
  if (!keep || !other) throw new Error(`no contact with id ${keep ? mergeId : keepId}`);

  // The unique indexes (addresses, LinkedIn id) must let go of the other contact first.
  await contacts.delete(mergeId);
  const merged: Contact = {
    ...keep,
    emails: union(keep.emails, other.emails),
    ...((keep.linkedinId ?? other.linkedinId) ? { linkedinId: keep.linkedinId ?? other.linkedinId } : {}),
    ...((keep.title ?? other.title) ? { title: keep.title ?? other.title } : {}),
    ...(keep.phones || other.phones ? { phones: union(keep.phones, other.phones) } : {}),
    ...((keep.accountId ?? other.accountId) ? { accountId: keep.accountId ?? other.accountId } : {}),
    ...((keep.ownerId ?? other.ownerId) ? { ownerId: keep.ownerId ?? other.ownerId } : {}),
    notes: [keep.notes, other.notes].filter(Boolean).join('\n\n').slice(0, 5000),
    statusHistory: [...keep.statusHistory, ...other.statusHistory].sort((a, b) => a.at - b.at),
    updatedAt: now,
  };
  await contacts.put(merged);

  const logs = logsIn(tx);
  const theirs = (await touchesOf(logs, mergeId)).map((touch) => ({
    ...touch,
    contactId: keepId,
    ...(merged.accountId ? { accountId: merged.accountId } : {}),
  }));
  // The kept log holds one touch per source: a message recorded for both stays once (a clash).
  const [{ stored }] = await Promise.all([addTouches(logs, theirs), logs.delete(mergeId)]);
  const moved = stored.length;
  const purchases = tx.objectStore('purchases');
  for (const purchase of await purchases.getAll()) {
    if (purchase.contactId === mergeId) await purchases.put({ ...purchase, contactId: keepId });
  }
  const followUps = tx.objectStore('followUps');
  for (const followUp of await followUpsOf(followUps, mergeId)) {
    if (isLive(followUp)) await followUps.delete(followUp.id);
    else await followUps.put(withContactKeys({ ...followUp, contactId: keepId }));
  }
  await tx.objectStore('summaries').delete(mergeId);
  await tx.done;
  const accountIds = [...new Set([keep.accountId, other.accountId].filter((id): id is string => !!id))];
  return { contact: merged, moved, accountIds };
}

/**
 * Deletes a contact with their touches and follow-ups, keeping all of it under `undo:<id>` so
 * "Undo" brings it back whole, from any tab, until the next delete of the same contact.
 */
export async function deleteContact(
  db: IDBPDatabase<RapportDB>,
  contactId: string,
  now: number,
): Promise<{ accountId?: string }> {
  const read = db.transaction(['contacts', 'touchLogs', 'followUps']);
  const contact = await read.objectStore('contacts').get(contactId);
  if (!contact) throw new Error(`no contact with id ${contactId}`);
  const [touches, followUps] = await Promise.all([
    touchesOf(logsIn(read), contactId),
    followUpsOf(read.objectStore('followUps'), contactId),
  ]);
  await read.done;
  const undo: DeletedContact = {
    deletedAt: now,
    data: { ...emptyDataSet(), contacts: [contact], touches, followUps },
  };
  await db.put('meta', undo, `undo:${contactId}`);
  await deleteRecords(db, { sellers: [], accounts: [], contacts: [contactId], touches: [], purchases: [] });
  return contact.accountId ? { accountId: contact.accountId } : {};
}

/** What `undo:<id>` holds for a deleted contact, taken out of the store (the caller writes it back). */
export async function restoreDeleted(db: IDBPDatabase<RapportDB>, contactId: string, now: number): Promise<void> {
  // One transaction: the records come back and the undo entry goes together, so a worker
  // stopped half-way loses neither.
  const tx = db.transaction([...DATA_SCOPE, 'meta'] as WriteScope, 'readwrite');
  const undo = (await tx.objectStore('meta').get(`undo:${contactId}`)) as DeletedContact | undefined;
  if (!undo) {
    await tx.done;
    throw new Error('nothing to undo for this contact');
  }
  const writes = putRecords(tx, undo.data, now);
  writes.push(tx.objectStore('meta').delete(`undo:${contactId}`));
  await settleWrites(tx, writes);
}
