import type { IDBPDatabase } from 'idb';
import type { ResponseOf } from '@/lib/messaging/protocol';
import { claimedContact, claimedMe, claimedTouch } from '@/lib/shared/import/claim';
import { ME, type Settings } from '@/lib/shared/model';
import type { OwnerQuestion, RapportDB } from './db/schema';
import { logsIn, saveLog } from './db/touch-logs';
import { withDefaults } from './settings';

const KEY = 'owner-question';

/**
 * Remembers owners an import could not match to the seller. A second such import adds its
 * owners to the open question rather than replacing it: nothing the seller has not answered
 * is dropped.
 */
export async function askOwner(
  db: IDBPDatabase<RapportDB>,
  owners: readonly { sellerId: string; rows: number }[],
  now: number,
): Promise<void> {
  const tx = db.transaction('meta', 'readwrite');
  const open = (await tx.store.get(KEY)) as OwnerQuestion | undefined;
  const rows = new Map((open?.owners ?? []).map((o) => [o.sellerId, o.rows]));
  for (const o of owners) if (o.sellerId !== ME) rows.set(o.sellerId, (rows.get(o.sellerId) ?? 0) + o.rows);
  if (rows.size)
    await tx.store.put({ owners: [...rows].map(([sellerId, r]) => ({ sellerId, rows: r })), at: now }, KEY);
  await tx.done;
}

/**
 * The open question, with each owner as the store knows them now: an owner whose seller record
 * is gone (an undone import) is no longer asked about, and no question is left once none remains.
 */
export async function ownerQuestion(db: IDBPDatabase<RapportDB>): Promise<ResponseOf<'owner.question'>> {
  const tx = db.transaction(['meta', 'sellers', 'contacts', 'touchLogs']);
  const open = (await tx.objectStore('meta').get(KEY)) as OwnerQuestion | undefined;
  const owners: NonNullable<ResponseOf<'owner.question'>>['owners'] = [];
  for (const { sellerId, rows } of open?.owners ?? []) {
    const seller = await tx.objectStore('sellers').get(sellerId);
    if (!seller) continue;
    owners.push({
      sellerId,
      name: seller.name,
      emails: seller.emails,
      rows,
      // Contacts counted from index keys; touches from the logs that name the owner only.
      contacts: await tx.objectStore('contacts').index('by-owner').count(sellerId),
      touches: (await logsIn(tx).index('by-seller').getAll(sellerId)).reduce(
        (n, log) => n + log.touches.filter((t) => t.sellerId === sellerId).length,
        0,
      ),
    });
  }
  await tx.done;
  return owners.length ? { owners: owners.sort((a, b) => b.rows - a.rows) } : null;
}

/**
 * "That owner is me", in one transaction: the owner's contacts and touches become the seller's,
 * their name and addresses go into `Settings.me`, the seller record is deleted and the question
 * closed. `null` ("none of these") only closes the question. Reads the owner's contacts and the
 * touch logs that name the owner by their indexes, so a large store is never read whole. Returns the contacts whose summaries and
 * follow-ups the caller must refresh.
 */
export async function claimOwner(
  db: IDBPDatabase<RapportDB>,
  sellerId: string | null,
  now: number,
): Promise<{ contactIds: string[]; contacts: number; touches: number; settings: Settings }> {
  const tx = db.transaction(['meta', 'sellers', 'contacts', 'touchLogs'], 'readwrite');
  const meta = tx.objectStore('meta');
  let settings = withDefaults((await meta.get('settings')) as Settings | undefined);
  const contactIds = new Set<string>();
  let contacts = 0;
  let touches = 0;
  if (sellerId !== null) {
    const seller = await tx.objectStore('sellers').get(sellerId);
    if (!seller) throw new Error(`no seller with id ${sellerId}`);
    // Each updated record leaves the cursor's key range (its owner is now `me`), so none is visited twice.
    const owned = IDBKeyRange.only(sellerId);
    for (let c = await tx.objectStore('contacts').index('by-owner').openCursor(owned); c; c = await c.continue()) {
      await c.update(claimedContact(c.value, now));
      contactIds.add(c.value.id);
      contacts++;
    }
    const logs = logsIn(tx);
    for (const log of await logs.index('by-seller').getAll(sellerId)) {
      const claimed = log.touches.map((t) => {
        if (t.sellerId !== sellerId) return t;
        touches++;
        return claimedTouch(t);
      });
      await saveLog(logs, log.contactId, claimed);
      contactIds.add(log.contactId);
    }
    settings = { ...settings, me: claimedMe(settings.me, seller) };
    await meta.put(settings, 'settings');
    await tx.objectStore('sellers').delete(sellerId);
  }
  // The seller is one owner at most: once they have said which (or none), the rest are colleagues.
  await meta.delete(KEY);
  await tx.done;
  return { contactIds: [...contactIds], contacts, touches, settings };
}
