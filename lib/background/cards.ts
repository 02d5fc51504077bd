import type { IDBPDatabase } from 'idb';
import type { ResponseOf } from '@/lib/messaging/protocol';
import { type Contact, isLive } from '@/lib/shared/model';
import { riskOf } from '@/lib/shared/relationship/risk';
import { trust } from '@/lib/shared/relationship/trust';
import { lifetimeValue } from '@/lib/shared/relationship/value';
import type { RapportDB } from './db/schema';
import { contextOf, RELATIONSHIP_STORES, type RefreshDeps, summaryOf } from './relationship';
import { listTouches } from './touches';

type Card = ResponseOf<'people.lookup'>['cards'][number];

/**
 * Everything the sidebar card shows for each contact, answered from stored summaries and
 * indexes in one read-only pass: trust with its reasons, the live follow-up (the next touch),
 * risk, the last touches, the account's coverage and lifetime value.
 */
export async function cardsFor(
  db: IDBPDatabase<RapportDB>,
  contacts: readonly Contact[],
  deps: Pick<RefreshDeps, 'now' | 'settings'>,
): Promise<Card[]> {
  const cards: Card[] = [];
  for (const contact of contacts) {
    const tx = db.transaction(RELATIONSHIP_STORES);
    const summary = await summaryOf(tx, contact.id);
    const { context, coverage } = await contextOf(tx, contact, summary, deps);
    const followUps = await tx.objectStore('followUps').index('by-contact').getAll(contact.id);
    const account = contact.accountId ? await tx.objectStore('accounts').get(contact.accountId) : undefined;
    const purchases = account
      ? await tx
          .objectStore('purchases')
          .index('by-account-at')
          .getAll(IDBKeyRange.bound([account.id, 0], [account.id, Infinity]))
      : [];
    await tx.done;
    const t = trust(summary, context);
    const risk = riskOf(summary, context);
    cards.push({
      contactId: contact.id,
      trust: { level: t.level, score: Math.round(t.score), overridden: t.overridden, reasons: t.reasons },
      followUp: followUps.find(isLive) ?? null,
      risk: { state: risk.state, reasons: risk.reasons },
      recent: await listTouches(db, contact.id, 5),
      touchesByMonth: summary.twoWayByMonth,
      account: account ?? null,
      coverage: coverage ? { quadrant: coverage.quadrant, risk: coverage.risk, moves: coverage.moves } : null,
      value: lifetimeValue(purchases, { now: deps.now, lost: risk.state === 'lost' }),
    });
  }
  return cards;
}
