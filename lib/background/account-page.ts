import type { IDBPDatabase } from 'idb';
import type { ResponseOf } from '@/lib/messaging/protocol';
import { lifetimeValue } from '@/lib/shared/relationship/value';
import type { RapportDB } from './db/schema';
import { openReader, readAccountFacts } from './relationship';
import { logsIn, newestOf, touchesOf } from './db/touch-logs';

/** How many of the account's latest touches its page lists. */
const HISTORY = 50;

/**
 * One account for its dashboard page: its contacts and the sellers who know each of them (the
 * coverage links), the quadrant with what is lost if someone leaves and the moves toward quadrant 4,
 * its purchases and value, and its latest touches. Targeted reads by the account's indexes.
 */
export async function accountPage(
  db: IDBPDatabase<RapportDB>,
  accountId: string,
  now: number,
): Promise<ResponseOf<'account.page'>> {
  const { tx, reader } = await openReader(db);
  // The account and its coverage as the card and the planner read them.
  const facts = await readAccountFacts(reader, accountId, now);
  if (!facts) {
    await tx.done;
    return null;
  }
  const { account, coverage: cov } = facts;
  const contacts = await tx.objectStore('contacts').index('by-account').getAll(accountId);
  const purchases = await tx
    .objectStore('purchases')
    .index('by-account-at')
    .getAll(IDBKeyRange.bound([accountId, -Infinity], [accountId, Infinity]));
  // By each contact, not by the touches' own account field: imported and older touches may not
  // carry it, and the page is about the people at the account now.
  const logs = logsIn(tx);
  const latest = await Promise.all(contacts.map(async (c) => newestOf(await touchesOf(logs, c.id), HISTORY)));
  const history = latest
    .flat()
    .sort((a, b) => b.at - a.at)
    .slice(0, HISTORY);
  await tx.done;
  const sellers = new Map((await db.getAll('sellers')).map((s) => [s.id, s.name]));
  return {
    account,
    contacts: contacts.map((c) => ({
      id: c.id,
      name: c.name,
      ...(c.title ? { title: c.title } : {}),
      status: c.status,
      knownBy: cov.links
        .filter((l) => l.contactId === c.id)
        .map((l) => (l.sellerId === 'me' ? 'you' : (sellers.get(l.sellerId) ?? l.sellerId))),
    })),
    coverage: { quadrant: cov.quadrant, risk: cov.risk, moves: cov.moves },
    purchases: purchases.sort((a, b) => b.at - a.at),
    value: lifetimeValue(purchases, { now }).map((v) => ({
      currency: v.currency,
      toDate: v.toDate,
      perYear: v.perYear,
    })),
    history,
  };
}
