import type { IDBPDatabase } from 'idb';
import type { ParsedRequestOf, ResponseOf } from '@/lib/messaging/protocol';
import type { Contact, Settings } from '@/lib/shared/model';
import { riskOf } from '@/lib/shared/relationship/risk';
import { trust } from '@/lib/shared/relationship/trust';
import { lifetimeValue } from '@/lib/shared/relationship/value';
import type { RapportDB } from './db/schema';
import { contextOf, openReader, type Reader, summaryOf } from './relationship';
import { logsIn, newestOf, touchesOf } from './db/touch-logs';

type Card = ResponseOf<'people.lookup'>['cards'][number];

/**
 * The sidebar's one request: the tracked contacts among the people on a page, and for each
 * everything the card shows (trust with its reasons, the live follow-up, risk, the last
 * touches, the account's coverage and lifetime value), all read in one transaction.
 */
export async function lookupCards(
  db: IDBPDatabase<RapportDB>,
  query: ParsedRequestOf<'people.lookup'>,
  now: number,
): Promise<Omit<ResponseOf<'people.lookup'>, 'matches'>> {
  const { tx, reader, settings } = await openReader(db);
  const contactsStore = tx.objectStore('contacts');
  const found = await Promise.all([
    ...query.emails.map((email) => contactsStore.index('by-email').get(email)),
    ...query.linkedinIds.map((id) => contactsStore.index('by-linkedin').get(id)),
  ]);
  const contacts = [...new Map(found.flatMap((c) => (c ? [[c.id, c] as const] : []))).values()];
  const cards: Card[] = [];
  for (const contact of contacts) cards.push(await cardOf(reader, contact, { now, settings }));
  await tx.done;
  return { contacts, cards };
}

async function cardOf(tx: Reader, contact: Contact, deps: { now: number; settings: Settings }): Promise<Card> {
  const summary = await summaryOf(tx, contact.id);
  const { context, coverage } = await contextOf(tx, contact, deps);
  const account = contact.accountId ? await tx.objectStore('accounts').get(contact.accountId) : undefined;
  const purchases = account
    ? await tx
        .objectStore('purchases')
        .index('by-account-at')
        .getAll(IDBKeyRange.bound([account.id, 0], [account.id, Infinity]))
    : [];
  const recent = newestOf(await touchesOf(logsIn(tx), contact.id), RECENT);
  const t = trust(summary, context);
  const risk = riskOf(summary, context);
  return {
    contactId: contact.id,
    trust: { level: t.level, score: Math.round(t.score), overridden: t.overridden, reasons: t.reasons },
    followUp: (await tx.objectStore('followUps').index('by-live-contact').get(contact.id)) ?? null,
    risk: { state: risk.state, reasons: risk.reasons },
    recent,
    touchesByMonth: summary.twoWayByMonth,
    account: account ?? null,
    coverage: coverage ? { quadrant: coverage.quadrant, risk: coverage.risk, moves: coverage.moves } : null,
    value: lifetimeValue(purchases, { now: deps.now, lost: risk.state === 'lost' }),
  };
}

/** How many of the latest touches the card lists. */
const RECENT = 5;
