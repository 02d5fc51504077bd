import type { IDBPDatabase } from 'idb';
import type { RapportDB } from '@/lib/background/db/schema';
import { addTouches, logsIn } from '@/lib/background/db/touch-logs';
import type { Touch } from '@/lib/shared/model';

/** Tests read and write touches as records; the store keeps them in per-contact logs. */
export async function storedTouches(db: IDBPDatabase<RapportDB>): Promise<Touch[]> {
  const all = (await db.getAll('touchLogs')).flatMap((log) => log.touches);
  return all.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export const countTouches = async (db: IDBPDatabase<RapportDB>) => (await storedTouches(db)).length;

export const getTouch = async (db: IDBPDatabase<RapportDB>, id: string) =>
  (await storedTouches(db)).find((t) => t.id === id);

/** Adds or replaces one touch, as a write of a data set would. */
export async function putTouch(db: IDBPDatabase<RapportDB>, touch: Touch): Promise<void> {
  const tx = db.transaction('touchLogs', 'readwrite');
  const { clashes } = await addTouches(logsIn(tx), [touch]);
  await tx.done;
  if (clashes.length) throw new Error(`a touch from ${touch.sourceId} is stored already`);
}

/** One contact's touches, oldest first. */
export const touchesOfContact = async (db: IDBPDatabase<RapportDB>, contactId: string) =>
  (await db.get('touchLogs', contactId))?.touches ?? [];
