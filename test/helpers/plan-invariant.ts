import type { IDBPDatabase } from 'idb';
import type { RapportDB } from '@/lib/background/db/schema';
import { refreshContacts } from '@/lib/background/refresh';
import { getSettings } from '@/lib/background/settings';
import { isLive } from '@/lib/shared/model';

/**
 * The one rule for follow-ups (issue: "the advice is right from the first import"): after any
 * write, every contact's live follow-up and summary is what the engine plans from the stored
 * data, except those the seller set by hand. Checked differentially: take `planSnapshot`, plan
 * everyone from scratch, take it again; the two must be equal.
 */
export async function planSnapshot(db: IDBPDatabase<RapportDB>) {
  const live = (await db.getAll('followUps')).filter(isLive).sort((a, b) => a.contactId.localeCompare(b.contactId));
  const summaries = await db.getAll('summaries');
  return { live, summaries };
}

export async function planEveryoneFromScratch(db: IDBPDatabase<RapportDB>, now: number) {
  const settings = await getSettings(db);
  let ids = 0;
  await refreshContacts(db, await db.getAllKeys('contacts'), { now, newId: () => `scratch-${++ids}`, settings });
}

/** A `gmail.capture` of one e-mail between the seller (`me`) and a customer, either way. */
export function oneEmail(
  me: string,
  customer: string,
  { id, at, inbound }: { id: string; at: number; inbound: boolean },
) {
  const message = { id, at, subject: 'Hello' };
  return {
    account: me,
    messages: [inbound ? { ...message, from: customer, to: [me] } : { ...message, from: me, to: [customer] }],
  };
}
