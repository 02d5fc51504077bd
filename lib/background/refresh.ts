import type { IDBPDatabase, IDBPTransaction } from 'idb';
import { type Contact, type FollowUp, isLive, type Settings } from '@/lib/shared/model';
import { tierOf } from '@/lib/shared/relationship/context';
import { nextTouch } from '@/lib/shared/relationship/next-touch';
import { riskOf } from '@/lib/shared/relationship/risk';
import type { StaggerItem } from '@/lib/shared/relationship/stagger';
import { summarize } from '@/lib/shared/relationship/summarize';
import type { ContactSummary } from '@/lib/shared/relationship/summary';
import { trust } from '@/lib/shared/relationship/trust';
import type { RapportDB } from './db/schema';
import { type AccountFacts, contextWith, RELATIONSHIP_STORES, readAccountFacts } from './relationship';

type Tx = IDBPTransaction<RapportDB, (typeof RELATIONSHIP_STORES)[number][], 'readwrite'>;

export interface RefreshDeps {
  now: number;
  newId: () => string;
  settings: Settings;
  /**
   * Restores and seeds bring their own follow-ups, which must land exactly as given: then only
   * contacts that have none get one planned. Every other write plans them all.
   */
  onlyWithoutFollowUps?: boolean;
  /**
   * Contacts an import has just created and given nothing else: they have no touches or
   * follow-ups yet, so none are read (half the requests of a 10,000-contact import).
   */
  blank?: ReadonlySet<string>;
}

/** A follow-up a refresh created, with what staggering ranks it by. */
export interface Created {
  followUp: FollowUp;
  rank: StaggerItem;
}

/** Contacts per transaction; an account larger than this still goes in whole. */
const BATCH = 500;

/**
 * Brings these contacts' summaries and live follow-ups up to date after a write: the summary
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
): Promise<Created[]> {
  const wanted = [...new Set(ids)];
  const read = db.transaction('contacts');
  const found = await Promise.all(wanted.map((id) => read.store.get(id)));
  await read.done;
  const contacts = found.filter((c): c is Contact => c !== undefined);
  const gone = wanted.filter((_, i) => !found[i]);
  if (gone.length) {
    const tx = db.transaction('summaries', 'readwrite');
    await Promise.all(gone.map((id) => tx.store.delete(id)));
    await tx.done;
  }
  const created: Created[] = [];
  for (const batch of batchesByAccount(contacts, BATCH)) {
    const tx = db.transaction([...RELATIONSHIP_STORES], 'readwrite');
    created.push(...(await refreshBatch(tx, batch, deps)));
    await tx.done;
  }
  return created;
}

/** Splits contacts into batches of about `size`, never splitting an account across two. */
export function batchesByAccount(contacts: readonly Contact[], size: number): Contact[][] {
  const groups = new Map<string, Contact[]>();
  for (const c of contacts) {
    const key = c.accountId ?? `\u0000${c.id}`;
    const group = groups.get(key);
    if (group) group.push(c);
    else groups.set(key, [c]);
  }
  const batches: Contact[][] = [];
  let current: Contact[] = [];
  for (const group of groups.values()) {
    if (current.length > 0 && current.length + group.length > size) {
      batches.push(current);
      current = [];
    }
    current.push(...group);
  }
  if (current.length) batches.push(current);
  return batches;
}

async function refreshBatch(tx: Tx, contacts: readonly Contact[], deps: RefreshDeps): Promise<Created[]> {
  const states = await Promise.all(
    contacts.map(async (contact) => {
      const range = IDBKeyRange.bound([contact.id, -Infinity], [contact.id, Infinity]);
      const [touches, followUps] = deps.blank?.has(contact.id)
        ? [[], []]
        : await Promise.all([
            tx.objectStore('touches').index('by-contact-at').getAll(range),
            tx.objectStore('followUps').index('by-contact').getAll(contact.id),
          ]);
      return { contact, followUps, summary: summarize({ contactId: contact.id, touches, followUps }) };
    }),
  );
  const fresh = new Map(states.map((s) => [s.contact.id, s.summary]));
  const accountIds = [...new Set(contacts.flatMap((c) => (c.accountId ? [c.accountId] : [])))];
  const facts = new Map(
    await Promise.all(accountIds.map(async (id) => [id, await readAccountFacts(tx, id, deps.now, fresh)] as const)),
  );
  const writes: Promise<unknown>[] = states.map((s) => tx.objectStore('summaries').put(s.summary));
  const created: Created[] = [];
  for (const state of states) {
    const planned = plan(state, state.contact.accountId ? facts.get(state.contact.accountId) : undefined, deps);
    if (planned.write) writes.push(tx.objectStore('followUps').put(planned.write));
    if (planned.created) created.push(planned.created);
  }
  await Promise.all(writes);
  return created;
}

interface ContactState {
  contact: Contact;
  followUps: FollowUp[];
  summary: ContactSummary;
}

/** What the engine says for one contact: the follow-up to write, if any, and whether it is new. */
function plan(
  { contact, followUps, summary }: ContactState,
  facts: AccountFacts | undefined,
  deps: RefreshDeps,
): { write?: FollowUp; created?: Created } {
  if (deps.onlyWithoutFollowUps && followUps.length > 0) return {};
  const live = followUps.find(isLive);
  if (live?.state === 'snoozed') return {};
  const context = contextWith(contact, facts, deps);
  const next = nextTouch(summary, context);
  if (!next) return live ? { write: close(live, deps.now) } : {};
  const fields = { due: next.due, kind: next.kind, reason: next.reason };
  if (live) {
    const moved = live.due !== fields.due || live.kind !== fields.kind || live.reason.code !== fields.reason.code;
    return moved ? { write: { ...live, ...fields } } : {};
  }
  const followUp: FollowUp = {
    id: deps.newId(),
    contactId: contact.id,
    ...fields,
    state: 'open',
    liveFor: contact.id,
    createdAt: deps.now,
  };
  const rank: StaggerItem = {
    contactId: contact.id,
    due: followUp.due,
    kind: followUp.kind,
    tier: tierOf(contact, facts?.account),
    risk: riskOf(summary, context).state,
    trustScore: trust(summary, context).score,
  };
  return { write: followUp, created: { followUp, rank } };
}

/** Without a cadence there is nothing to follow up: the live follow-up is closed, not deleted. */
function close(followUp: FollowUp, now: number): FollowUp {
  const { liveFor: _live, snoozedUntil: _snooze, ...rest } = followUp;
  return { ...rest, state: 'dismissed', closedAt: now };
}
