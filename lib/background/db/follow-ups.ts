import type { FollowUp } from '@/lib/shared/model';

/** The follow-ups store of any transaction, as far as finding a contact's follow-ups goes. */
interface FollowUpIndexes {
  index(name: 'by-live-contact' | 'by-closed-contact'): {
    getAll(contactId: string): Promise<FollowUp[]>;
    getAllKeys(contactId: string): Promise<string[]>;
  };
}

const byId = (a: FollowUp, b: FollowUp) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * A contact's follow-ups, live and closed, in id order. Since v8 (migrations.ts) a follow-up
 * names its contact in `liveFor` or in `closedFor`, one index each, both asked at once.
 */
export async function followUpsOf(store: FollowUpIndexes, contactId: string): Promise<FollowUp[]> {
  const [live, closed] = await Promise.all([
    store.index('by-live-contact').getAll(contactId),
    store.index('by-closed-contact').getAll(contactId),
  ]);
  return live.length === 0 ? closed : [...live, ...closed].sort(byId);
}

/** The ids of a contact's follow-ups, live and closed. */
export async function followUpIdsOf(store: FollowUpIndexes, contactId: string): Promise<string[]> {
  const [live, closed] = await Promise.all([
    store.index('by-live-contact').getAllKeys(contactId),
    store.index('by-closed-contact').getAllKeys(contactId),
  ]);
  return [...live, ...closed];
}
