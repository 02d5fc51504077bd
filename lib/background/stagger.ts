import type { IDBPDatabase } from 'idb';
import type { Settings } from '@/lib/shared/model';
import { dateOf } from '@/lib/shared/relationship/calendar';
import { stagger } from '@/lib/shared/relationship/stagger';
import type { RapportDB } from './db/schema';
import type { Created } from './refresh';

/**
 * After an import, spread the follow-ups it made due over the coming working days (the
 * engine's staggering: replies stay, the most valuable and most at risk go first), so the
 * seller starts with a doable list, not hundreds due today. The ranks come with the follow-ups, so
 * nothing is read again.
 */
export async function staggerNew(
  db: IDBPDatabase<RapportDB>,
  created: readonly Created[],
  { now, settings }: { now: number; settings: Settings },
): Promise<number> {
  if (created.length === 0) return 0;
  const moved = stagger(
    created.map((c) => c.rank),
    { today: dateOf(now, settings.timeZone) },
  ).filter((s) => s.moved);
  if (moved.length === 0) return 0;
  const byContact = new Map(created.map((c) => [c.followUp.contactId, c.followUp]));
  const tx = db.transaction('followUps', 'readwrite');
  await Promise.all(
    moved.flatMap((s) => {
      const followUp = byContact.get(s.contactId);
      return followUp ? [tx.store.put({ ...followUp, due: s.due })] : [];
    }),
  );
  await tx.done;
  return moved.length;
}
