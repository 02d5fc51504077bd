import type { IDBPDatabase } from 'idb';
import type { FollowUp, Settings } from '@/lib/shared/model';
import { dateOf } from '@/lib/shared/relationship/calendar';
import { tierOf } from '@/lib/shared/relationship/context';
import { stagger } from '@/lib/shared/relationship/stagger';
import type { RapportDB } from './db/schema';

/**
 * After an import, spread the follow-ups it made due over the coming working days (the
 * engine's staggering: replies stay, the most valuable and most at risk go first), so the
 * seller starts with a doable list, not hundreds due today.
 */
export async function staggerNew(
  db: IDBPDatabase<RapportDB>,
  created: readonly FollowUp[],
  { now, settings }: { now: number; settings: Settings },
): Promise<number> {
  if (created.length === 0) return 0;
  const tx = db.transaction(['followUps', 'contacts', 'accounts'], 'readwrite');
  // All reads sent at once; awaiting each in turn costs a round trip per follow-up.
  const items = await Promise.all(
    created.map(async (f) => {
      const contact = await tx.objectStore('contacts').get(f.contactId);
      const account = contact?.accountId ? await tx.objectStore('accounts').get(contact.accountId) : undefined;
      return { contactId: f.contactId, due: f.due, kind: f.kind, tier: contact ? tierOf(contact, account) : 'medium' };
    }),
  );
  const moved = stagger(items, { today: dateOf(now, settings.timeZone) }).filter((s) => s.moved);
  const byContact = new Map(created.map((f) => [f.contactId, f]));
  await Promise.all(
    moved.flatMap((s) => {
      const followUp = byContact.get(s.contactId);
      return followUp ? [tx.objectStore('followUps').put({ ...followUp, due: s.due })] : [];
    }),
  );
  await tx.done;
  return moved.length;
}
