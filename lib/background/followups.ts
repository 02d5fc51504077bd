import type { IDBPDatabase } from 'idb';
import type { ParsedRequestOf, ResponseOf } from '@/lib/messaging/protocol';
import { type FollowUp, type FollowUpKind, ME, type Touch, type TouchKind, transition } from '@/lib/shared/model';
import { addDays, dateOf } from '@/lib/shared/relationship/calendar';
import { trust } from '@/lib/shared/relationship/trust';
import type { RapportDB } from './db/schema';
import { logsIn, saveLog, touchesOf } from './db/touch-logs';
import { keptAnswer } from './kept';
import { type AccountCache, contextOf, openReader, summaryOf } from './relationship';

type Row = ResponseOf<'followup.list'>['rows'][number];

/** How far ahead the popup looks: today and the next week. */
export const HORIZON_DAYS = 7;

/**
 * How long the popup's list is kept while nothing is written. It reads the clock only by the day
 * (overdue, today, the coming week) and by trust's windows of weeks and months, so an answer ten
 * minutes old is the same answer, but for the first minutes after midnight.
 */
const LIST_KEPT_MS = 10 * 60_000;

/** The popup's list, kept between opens (kept.ts) while nothing was written. */
export function keptFollowUps(db: IDBPDatabase<RapportDB>, query: ParsedRequestOf<'followup.list'>, now: number) {
  return keptAnswer(db, `followups:${query.team}`, { now, maxAgeMs: LIST_KEPT_MS }, () =>
    listFollowUps(db, query, now),
  );
}

/**
 * The seller's follow-ups for the popup, most urgent first: reply owed, overdue, due today,
 * then the coming week. Mine by default: contacts I own or nobody owns. While Rapport does not
 * know which CRM owner I am (no contact is mine), everyone's, so the list is never empty by mistake.
 */
export async function listFollowUps(
  db: IDBPDatabase<RapportDB>,
  { team }: ParsedRequestOf<'followup.list'>,
  now: number,
): Promise<ResponseOf<'followup.list'>> {
  const { tx, reader, settings } = await openReader(db);
  const today = dateOf(now, settings.timeZone);
  const horizon = addDays(today, HORIZON_DAYS);
  // Owners from the index alone, all in one go: a key cursor over every owned contact cost a
  // round trip per contact (10,000 of them in the benchmark's store).
  const byOwner = tx.objectStore('contacts').index('by-owner');
  const [due, before, after, mineCount, tracked] = await Promise.all([
    tx
      .objectStore('followUps')
      .index('by-state-due')
      .getAll(IDBKeyRange.bound(['open', ''], ['open', horizon])),
    byOwner.getAllKeys(IDBKeyRange.upperBound(ME, true)),
    byOwner.getAllKeys(IDBKeyRange.lowerBound(ME, true)),
    byOwner.count(ME),
    tx.objectStore('contacts').count(),
  ]);
  const othersOwn = new Set([...before, ...after]);
  const ownerKnown = mineCount > 0;
  // A follow-up staggering moved to a later day is still overdue since the engine's date.
  const groupOf = (f: FollowUp): Row['group'] =>
    f.kind === 'reply' ? 'reply' : (f.plannedDue ?? f.due) < today ? 'overdue' : f.due === today ? 'today' : 'upcoming';
  const mine = (f: FollowUp) => !othersOwn.has(f.contactId);
  const shown = due
    .filter((f) => team || !ownerKnown || mine(f))
    .sort((a, b) => ORDER[groupOf(a)] - ORDER[groupOf(b)] || a.due.localeCompare(b.due));
  // After an import thousands can be due: the details (trust needs the account) only for the
  // rows the popup shows; the counts cover them all.
  const accounts: AccountCache = new Map();
  // Touches do not say which Gmail account saw them; the seller's first confirmed one is it for
  // nearly everyone (one work account).
  const gmailAccount = settings.confirmedAccounts[0];
  // Every row's reads are sent together; awaiting each row in turn cost a round trip per read.
  const rows = (
    await Promise.all(
      shown.slice(0, MAX_ROWS).map(async (followUp): Promise<Row | undefined> => {
        const contact = await tx.objectStore('contacts').get(followUp.contactId);
        if (!contact) return;
        const [summary, { context, account }] = await Promise.all([
          summaryOf(reader, contact.id),
          contextOf(reader, contact, { now, settings }, accounts),
        ]);
        const threadId = summary.lastThreadId;
        return {
          followUp,
          name: contact.name,
          ...(contact.emails[0] ? { email: contact.emails[0] } : {}),
          ...(contact.linkedinId ? { linkedinId: contact.linkedinId } : {}),
          ...(account ? { account: account.name } : {}),
          ...(threadId && gmailAccount ? { gmail: { threadId, account: gmailAccount } } : {}),
          mine: mine(followUp),
          trust: trust(summary, context).level,
          group: groupOf(followUp),
        };
      }),
    )
  ).filter((row): row is Row => row !== undefined);
  const next =
    shown.length === 0 && tracked > 0 ? await firstAfter(tx, horizon, (f) => team || !ownerKnown || mine(f)) : null;
  await tx.done;
  const counts = { reply: 0, overdue: 0, today: 0, upcoming: 0 };
  for (const f of shown) counts[groupOf(f)]++;
  return { rows, today, ownerKnown, counts, tracked, next };
}

const ORDER = { reply: 0, overdue: 1, today: 2, upcoming: 3 } as const;

/** The first open follow-up after `horizon` that `shows`, with whose it is: what an empty popup names. */
async function firstAfter(
  tx: Awaited<ReturnType<typeof openReader>>['tx'],
  horizon: string,
  shows: (f: FollowUp) => boolean,
): Promise<{ name: string; due: string } | null> {
  const index = tx.objectStore('followUps').index('by-state-due');
  for (
    let c = await index.openCursor(IDBKeyRange.bound(['open', horizon], ['open', '\uffff'], true));
    c;
    c = await c.continue()
  ) {
    if (!shows(c.value)) continue;
    const contact = await tx.objectStore('contacts').get(c.value.contactId);
    return { name: contact?.name ?? '', due: c.value.due };
  }
  return null;
}
/** What a popup can show without scrolling far: the most urgent twenty. */
export const MAX_ROWS = 20;

/** The touch that doing a follow-up records: what the seller did, from our side. */
const DONE_AS: Record<FollowUpKind, TouchKind> = {
  reply: 'email',
  'follow-up': 'email',
  'check-in': 'check-in',
  'value-add': 'value-add',
  'something-new': 'offer',
  introduce: 'meeting',
  offer: 'offer',
};

/**
 * Done, snooze or dismiss. Done logs the touch (with the 1-5 answer for a check-in), so trust
 * and the next touch follow at once; the caller refreshes the contact, which opens the next
 * follow-up (a dismissed one comes back at the next cadence, not now).
 */
export async function actOnFollowUp(
  db: IDBPDatabase<RapportDB>,
  action: ParsedRequestOf<'followup.act'>,
  now: number,
  newId: () => string,
): Promise<FollowUp> {
  const tx = db.transaction(['followUps', 'touchLogs', 'contacts'], 'readwrite');
  const followUp = await tx.objectStore('followUps').get(action.id);
  if (!followUp) throw new Error(`no follow-up with id ${action.id}`);
  const next =
    action.type === 'snooze'
      ? transition(followUp, { type: 'snooze', until: action.until })
      : transition(followUp, { type: action.type === 'done' ? 'done' : 'dismiss', at: now });
  await tx.objectStore('followUps').put(next);
  if (action.type === 'done') {
    const contact = await tx.objectStore('contacts').get(followUp.contactId);
    const sourceId = `followup:${followUp.id}`;
    // Done once per follow-up: a restore can bring back a follow-up that was already done, and
    // doing it again records the same touch, not a second one.
    const logs = logsIn(tx);
    const list = await touchesOf(logs, followUp.contactId);
    const earlier = list.findIndex((t) => t.sourceId === sourceId);
    const touch: Touch = {
      id: list[earlier]?.id ?? newId(),
      contactId: followUp.contactId,
      ...(contact?.accountId ? { accountId: contact.accountId } : {}),
      sellerId: ME,
      kind: DONE_AS[followUp.kind],
      direction: 'outbound',
      at: now,
      source: 'manual',
      sourceId,
      ...(action.happiness ? { happiness: action.happiness } : {}),
    };
    if (earlier >= 0) list[earlier] = touch;
    else list.push(touch);
    await saveLog(logs, followUp.contactId, list);
  }
  await tx.done;
  return next;
}

/**
 * Due today or overdue, for the toolbar badge, counted up to `atMost` (the most it shows): an
 * index count walks every due entry, which after an import of a large book is thousands
 * (0.1-0.2 s on the bench's), while keys up to the cap cost the same in any store.
 */
export async function dueCount(db: IDBPDatabase<RapportDB>, today: string, atMost: number): Promise<number> {
  const due = IDBKeyRange.bound(['open', ''], ['open', today]);
  return (await db.getAllKeysFromIndex('followUps', 'by-state-due', due, atMost)).length;
}
