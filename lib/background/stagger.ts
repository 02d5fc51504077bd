import { type IDBPDatabase, unwrap } from 'idb';
import type { Settings } from '@/lib/shared/model';
import { dateOf } from '@/lib/shared/relationship/calendar';
import { stagger } from '@/lib/shared/relationship/stagger';
import { putEach } from './db/put-each';
import type { RapportDB } from './db/schema';
import type { Planned } from './refresh';

/**
 * After a write that made many follow-ups due at once (an import, a restore), spread them over
 * the coming working days, `settings.followUpsPerDay` a day (the engine's staggering: replies
 * stay, the most valuable and most at risk go first), so the seller starts with a doable list,
 * not hundreds due today. While no more than that many are due, nothing moves. A moved one
 * keeps the engine's date as `plannedDue`: it is still overdue, and the popup says since when.
 * The ranks come with the follow-ups, so nothing is read again.
 */
export async function staggerPlanned(
  db: IDBPDatabase<RapportDB>,
  planned: readonly Planned[],
  { now, settings }: { now: number; settings: Settings },
): Promise<number> {
  if (planned.length === 0) return 0;
  const moved = stagger(
    planned.map((c) => c.rank),
    { today: dateOf(now, settings.timeZone), perDay: settings.followUpsPerDay },
  ).filter((s) => s.moved);
  if (moved.length === 0) return 0;
  const byContact = new Map(planned.map((c) => [c.followUp.contactId, c.followUp]));
  const tx = db.transaction('followUps', 'readwrite');
  const movedFollowUps = moved.flatMap((s) => {
    const followUp = byContact.get(s.contactId);
    return followUp ? [{ ...followUp, due: s.due, plannedDue: s.originalDue }] : [];
  });
  await Promise.all([putEach(unwrap(tx.store), movedFollowUps), tx.done]);
  return moved.length;
}
