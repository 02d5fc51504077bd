import { type IDBPDatabase, type IDBPObjectStore, type IDBPTransaction, unwrap } from 'idb';
import {
  type Account,
  type Contact,
  closeFollowUp,
  type FollowUp,
  isLive,
  type Settings,
  type Touch,
} from '@/lib/shared/model';
import { groupBy, packGroups } from '@/lib/shared/groups';
import { dateOf } from '@/lib/shared/relationship/calendar';
import { tierOf } from '@/lib/shared/relationship/context';
import { nextTouch } from '@/lib/shared/relationship/next-touch';
import { riskStateOf } from '@/lib/shared/relationship/risk';
import type { StaggerItem } from '@/lib/shared/relationship/stagger';
import { summarize } from '@/lib/shared/relationship/summarize';
import { type ContactSummary, emptySummary, isEmptySummary, SUMMARY_VERSION } from '@/lib/shared/relationship/summary';
import { trustScore } from '@/lib/shared/relationship/trust';
import { followUpsOf } from './db/follow-ups';
import { putEach } from './db/put-each';
import type { RapportDB } from './db/schema';
import { logsIn, touchesOf } from './db/touch-logs';
import {
  type AccountFacts,
  accountFactsFrom,
  accountFactsWith,
  contextWith,
  RELATIONSHIP_STORES,
} from './relationship';

type Tx = IDBPTransaction<RapportDB, (typeof RELATIONSHIP_STORES)[number][], 'readwrite'>;

export interface RefreshDeps {
  now: number;
  newId: () => string;
  settings: Settings;
  /**
   * Contacts an import has just created and given nothing else: they have no touches or
   * follow-ups yet, so none are read (half the requests of a 10,000-contact import).
   */
  blank?: ReadonlySet<string>;
  /** What the write itself stored (an import's applied parts), so it need not be read again. */
  stored?: JustStored;
}

export interface JustStored {
  /** Contacts as the write stored them: for 10,000 imported contacts, not reading the whole book (0.2 s). */
  contacts: ReadonlyMap<string, Contact>;
  /**
   * Accounts the write created, with the latest of its own purchases there: nobody but its own
   * contacts works at them, so nobody else is looked for there, and their facts need no read
   * (500 look-ups and 1,000 reads for the bench's 10,000 contacts at 500 new accounts).
   */
  newAccounts: ReadonlyMap<string, NewAccount>;
}

export interface NewAccount {
  account: Account;
  lastPurchaseAt?: number;
}

/** A follow-up a refresh created or moved to the engine's new date, with what staggering ranks it by. */
export interface Planned {
  followUp: FollowUp;
  rank: StaggerItem;
}

/** Contacts per transaction; an account larger than this still goes in whole. */
const BATCH = 500;

/**
 * Brings these contacts' (and their accounts') summaries and live follow-ups up to date after a write: the summary
 * from all of the contact's touches, then the next touch from the engine, written to the one
 * live follow-up (created, moved, or closed when the contact no longer has a cadence; a snoozed
 * one is the seller's and stays as it is).
 *
 * Contacts go in batches of whole accounts, one transaction each, so a large import never
 * holds the store for long, and an account's coverage (which reads every contact's summary) is
 * worked out once per batch from the summaries just made: 10,000 imported contacts in 500
 * accounts cost 500 coverage reads, not 10,000. Within a batch every request is sent before
 * any answer is awaited; a round trip per request, awaited in turn, is what made imports slow.
 */
export async function refreshContacts(
  db: IDBPDatabase<RapportDB>,
  ids: Iterable<string>,
  deps: RefreshDeps,
): Promise<Planned[]> {
  const wanted = [...new Set(ids)];
  const read = db.transaction('contacts');
  const { found, contacts, colleagues } = await contactsAndColleagues(read.store, wanted, deps.stored);
  await read.done;
  const gone = wanted.filter((_, i) => !found[i]);
  if (gone.length) {
    const tx = db.transaction('summaries', 'readwrite');
    await Promise.all(gone.map((id) => tx.store.delete(id)));
    await tx.done;
  }
  const planned: Planned[] = [];
  const onlyTheirAccount = new Set(colleagues);
  for (const batch of batchesByAccount(contacts, BATCH)) {
    const tx = db.transaction([...RELATIONSHIP_STORES], 'readwrite');
    planned.push(...(await refreshBatch(tx, batch, deps, onlyTheirAccount)));
    await tx.done;
  }
  return planned;
}

type ContactsStore = IDBPObjectStore<RapportDB, ['contacts'], 'contacts', 'readonly'>;

/**
 * The named contacts (`found`, undefined where gone) and, since a contact's plan depends on their
 * account's coverage (who else there is known, by whom), everyone at their accounts. A write that
 * names a quarter of the book or more (a team's first sync) reads every contact at once: one
 * request instead of a request per contact and per account (0.5 s for 10,000 of 20,000).
 * What the write stored itself (`JustStored`) is taken as it is, not read.
 */
async function contactsAndColleagues(
  store: ContactsStore,
  wanted: readonly string[],
  { contacts: written, newAccounts }: JustStored = { contacts: new Map(), newAccounts: new Map() },
) {
  const unread = wanted.filter((id) => !written.has(id));
  const all =
    unread.length > 0 && unread.length * 4 >= (await store.count())
      ? new Map((await store.getAll()).map((c) => [c.id, c]))
      : undefined;
  const read = async (id: string) => written.get(id) ?? (all ? all.get(id) : await store.get(id));
  const found = await Promise.all(wanted.map(read));
  const contacts = found.filter((c): c is Contact => c !== undefined);
  const named = new Set(contacts.map((c) => c.id));
  const accountIds = new Set(contacts.flatMap((c) => (c.accountId ? [c.accountId] : [])));
  let colleagues: string[];
  if (all) {
    colleagues = [];
    for (const c of all.values()) {
      if (c.accountId && accountIds.has(c.accountId) && !named.has(c.id)) {
        colleagues.push(c.id);
        contacts.push(c);
      }
    }
  } else {
    const lookedUp = [...accountIds].filter((id) => !newAccounts.has(id));
    colleagues = (await Promise.all(lookedUp.map((id) => store.index('by-account').getAllKeys(id)))).flatMap((keys) =>
      keys.filter((key) => !named.has(key)),
    );
    // A loop, not push(...list): a write that names 20,000 contacts at 10,000 accounts brings
    // more colleagues than a call's arguments may hold (the 100,000-contact bench's seeding).
    for (const colleague of await Promise.all(colleagues.map(read))) {
      if (colleague) contacts.push(colleague);
    }
  }
  return { found, contacts, colleagues };
}

/** Splits contacts into batches of about `size`, never splitting an account across two. */
export function batchesByAccount(contacts: readonly Contact[], size: number): Contact[][] {
  return packGroups(groupBy(contacts, (c) => c.accountId ?? `\u0000${c.id}`).values(), size);
}

/**
 * `onlyTheirAccount`: colleagues planned again because their account changed, not their own
 * records: their stored summary still holds, so their touches are not read (an account of ten
 * costs one contact's reads, not ten).
 */
async function refreshBatch(
  tx: Tx,
  contacts: readonly Contact[],
  deps: RefreshDeps,
  onlyTheirAccount: ReadonlySet<string>,
): Promise<Planned[]> {
  const logs = logsIn(tx);
  const states = await Promise.all(
    contacts.map(async (contact): Promise<ContactState> => {
      // Made by this import and given nothing else: nothing of theirs is stored, and an empty
      // summary is not stored either (isEmptySummary).
      if (deps.blank?.has(contact.id)) {
        return { contact, touches: [], followUps: [], summary: emptySummary(contact.id), kept: true };
      }
      const followUpsNow = followUpsOf(tx.objectStore('followUps'), contact.id);
      if (onlyTheirAccount.has(contact.id)) {
        const [stored, followUps] = await Promise.all([tx.objectStore('summaries').get(contact.id), followUpsNow]);
        if (stored?.version === SUMMARY_VERSION) return { contact, followUps, summary: stored, kept: true };
        const touches = await touchesOf(logs, contact.id);
        const summary = summarize({ contactId: contact.id, touches, followUps });
        // Missing because there is nothing to say: it stays missing.
        return { contact, touches, followUps, summary, kept: !stored && isEmptySummary(summary) };
      }
      const [touches, followUps] = await Promise.all([touchesOf(logs, contact.id), followUpsNow]);
      return { contact, touches, followUps, summary: summarize({ contactId: contact.id, touches, followUps }) };
    }),
  );
  // A batch holds every contact of its accounts (contactsAndColleagues, batchesByAccount), so
  // an account's coverage comes from the summaries just made, without asking who works there.
  const here = groupBy(
    states.filter((s) => s.contact.accountId),
    (s) => s.contact.accountId as string,
  );
  const factsOf = async ([id, people]: [string, ContactState[]]) => {
    const summaries = people.map((s) => s.summary);
    const made = deps.stored?.newAccounts.get(id);
    const facts = made
      ? accountFactsFrom(made.account, made.lastPurchaseAt, summaries, deps.now)
      : await accountFactsWith(tx, id, deps.now, summaries);
    return [id, facts] as const;
  };
  const facts = new Map(await Promise.all([...here].map(factsOf)));
  const summaries = tx.objectStore('summaries');
  // Put together once the batch is planned (putEach): one promise for all, not one each.
  const followUpsToPut: FollowUp[] = [];
  const summariesToPut: ContactSummary[] = [];
  const writes: Promise<unknown>[] = [];
  // A summary that says nothing is removed rather than stored: a missing one means exactly that.
  const save = (summary: ContactSummary) => {
    if (isEmptySummary(summary)) writes.push(summaries.delete(summary.contactId));
    else summariesToPut.push(summary);
  };
  const today = dateOf(deps.now, deps.settings.timeZone);
  const planned: Planned[] = [];
  for (const state of states) {
    const result = plan(state, state.contact.accountId ? facts.get(state.contact.accountId) : undefined, deps, today);
    const closed = result.write && !isLive(result.write) ? result.write : undefined;
    if (result.write) followUpsToPut.push(result.write);
    if (closed) {
      // The summary remembers when the last follow-up closed: closing one here changes it.
      const followUps = state.followUps.map((f) => (f.id === closed.id ? closed : f));
      const touches = state.touches ?? (await touchesOf(logs, state.contact.id));
      save(summarize({ contactId: state.contact.id, touches, followUps }));
    } else if (!state.kept) {
      save(state.summary);
    }
    if (result.planned) planned.push(result.planned);
  }
  writes.push(putEach(unwrap(tx.objectStore('followUps')), followUpsToPut), putEach(unwrap(summaries), summariesToPut));
  await Promise.all(writes);
  return planned;
}

interface ContactState {
  contact: Contact;
  /** Absent when the stored summary was kept (`kept`): the touches were not read. */
  touches?: Touch[];
  followUps: FollowUp[];
  /** The stored summary was current, or none is stored and none is needed: nothing is written. */
  kept?: boolean;
  summary: ContactSummary;
}

/**
 * The one rule for a contact's live follow-up: it is what the engine plans from the store, unless
 * the seller set it by hand (a snooze or a reschedule, see isSetByHand). Whatever the
 * write was (import, restore, capture, a logged touch, an undo), the plan is made afresh here.
 * A follow-up that staggering moved keeps its later day while the engine's plan is unchanged.
 */
function plan(
  { contact, followUps, summary }: ContactState,
  facts: AccountFacts | undefined,
  deps: RefreshDeps,
  today: string,
): { write?: FollowUp; planned?: Planned } {
  const live = followUps.find(isLive);
  if (live && isSetByHand(live)) return {};
  const context = contextWith(contact, facts, deps);
  const next = nextTouch(summary, context);
  if (!next) return live ? { write: closeFollowUp(live, deps.now) } : {};
  const fields = { due: next.due, kind: next.kind, reason: next.reason };
  if (live && sameAsPlanned(live, fields)) return {};
  const { plannedDue: _staggered, ...kept } = live ?? {};
  const followUp: FollowUp = live
    ? { ...(kept as FollowUp), ...fields }
    : { id: deps.newId(), contactId: contact.id, ...fields, state: 'open', liveFor: contact.id, createdAt: deps.now };
  const rank: StaggerItem = {
    contactId: contact.id,
    due: followUp.due,
    kind: followUp.kind,
    tier: tierOf(contact, facts?.account),
  };
  // Staggering ranks only what is due by today; a later one keeps its date whatever its rank,
  // so risk and trust are worked out only then (10,000 imported contacts are due in two weeks).
  if (followUp.due <= today) {
    rank.risk = riskStateOf(summary, context);
    rank.trustScore = trustScore(summary, context);
  }
  return { write: followUp, planned: { followUp, rank } };
}

/** Snoozed, or woken from a snooze: the seller's own date, which no write moves. */
export const isSetByHand = (followUp: FollowUp) => followUp.state === 'snoozed' || followUp.setByHand === true;

/** The live follow-up already says what the engine plans (its date before any staggering). */
export function sameAsPlanned(live: FollowUp, next: Pick<FollowUp, 'due' | 'kind' | 'reason'>): boolean {
  return (
    (live.plannedDue ?? live.due) === next.due &&
    live.kind === next.kind &&
    live.reason.code === next.reason.code &&
    JSON.stringify(live.reason.params) === JSON.stringify(next.reason.params)
  );
}
