import type { IDBPDatabase } from 'idb';
import type { RequestType } from '@/lib/messaging/protocol';
import { CAPTURED_MARK } from '@/lib/shared/marks';
import { contactsAffectedNow } from './affected';
import { checkStore } from './check';
import { accountPage } from './account-page';
import { bookAccounts, bookBucket, bookContacts } from './book';
import { generation, whileWriting } from './kept';
import { inTurn } from './in-turn';
import { createTeamSync, type TeamSync } from './sync';
import { noteMergeForTeam } from './sync/replicate';
import { forgetViews } from './views';
import { captureMessages } from './capture';
import { mergeAccounts, updateAccount, updateContact } from './edit-records';
import { deleteContact, mergeContacts, restoreDeleted } from './edits';
import { lookupCards } from './cards';
import { learnFromProfile } from './linkedin';
import { captureLinkedIn, recordVisit } from './linkedin-capture';
import { linkProfile, matchProfiles, moveToCompany } from './linkedin-match';
import { keepPageReport } from './pages';
import { perTabLimit } from './rate';
import { actOnFollowUp, keptFollowUps } from './followups';
import { lookupMarkers } from './markers';
import { findContact, setStatus, setTrust, trackContact } from './contacts';
import {
  countAll,
  deleteRecords,
  exportDataSet,
  importBasis,
  pageOf,
  resetAll,
  planQueued,
  writeDataSet,
} from './data';
import type { HealthReport, RapportDB, SidebarPrefs } from './db/schema';
import {
  beginImport,
  commitImport,
  finishImport,
  holdImport,
  type ImportPart,
  isInterrupted,
  keptFile,
  listJournals,
  rollbackImport,
  stagePart,
} from './import-journal';
import { askOwner, claimOwner, ownerQuestion } from './owners';
import type { Handlers } from './router';
import { type RefreshDeps, refreshContacts } from './refresh';
import { addToSettingsList, getSettings, proposeAccountDomain, updateSettings } from './settings';
import { staggerPlanned } from './stagger';
import { addTouch, listTouches } from './touches';

export interface HandlerDeps {
  db: () => Promise<IDBPDatabase<RapportDB>>;
  now: () => number;
  newId: () => string;
  version: string;
  bootId: string;
  startedAt: number;
  /** Sends a message to a tab's content script (`tabs.sendMessage`); absent in unit tests. */
  tellTab?: (tabId: number, message: unknown) => Promise<unknown>;
  /** Called after every write that can change follow-ups (the background updates the badge). */
  afterWrite?: (db: IDBPDatabase<RapportDB>) => Promise<void>;
}

/** Marker look-ups a tab's content script may make a minute (Gmail's inbox asks a few times). */
export const MARKER_LOOKUPS_PER_MINUTE = 60;

/** The contacts at these accounts: whose plan changes when the account gains or loses someone. */
async function contactsAt(db: IDBPDatabase<RapportDB>, accountIds: readonly string[]): Promise<string[]> {
  const keys = await Promise.all(accountIds.map((id) => db.getAllKeysFromIndex('contacts', 'by-account', id)));
  return keys.flat() as string[];
}

/** Requests that never write: every other one ends by dropping the kept answers (kept.ts). */
const READS: ReadonlySet<RequestType> = new Set<RequestType>([
  'ping',
  'settings.get',
  'settings.view',
  'contact.find',
  'contact.get',
  'touch.list',
  'people.lookup',
  'book.accounts',
  'account.page',
  'book.contacts',
  'book.bucket',
  'followup.list',
  'sidebar.prefs',
  'markers.lookup',
  'health.last',
  'data.counts',
  'data.export',
  'data.page',
  'data.check',
  'import.journals',
  'import.file',
  'import.basis',
  'owner.question',
  'team.view',
]);

/**
 * Requests that mark their own writes (`whileWriting` around the part that writes): most of them
 * write nothing to the store. A Gmail page's report only says who is on the page, at every thread
 * the seller opens; counted as a write, it dropped every kept answer each time (the popup's list
 * and the dashboard's views among them). The others write nothing a kept answer is made from:
 * a page's health (every Gmail or LinkedIn tab that loads reports it), the sidebar's collapsed
 * state, a command passed on to a tab.
 */
const OWN_WRITES: ReadonlySet<RequestType> = new Set<RequestType>([
  'page.report',
  'health.report',
  'sidebar.setPrefs',
  'sidebar.command',
]);

/** Requests that remove people or their records: the dashboard's kept answers go first. */
const FORGETS: ReadonlySet<RequestType> = new Set<RequestType>([
  'contact.delete',
  'contact.merge',
  'account.merge',
  'data.delete',
  'data.reset',
  'import.rollback',
]);

/** Every request type's handler. Each one reads the database afresh, but for the kept answers (kept.ts). */
export function createHandlers(deps: HandlerDeps): Handlers & { team: TeamSync } {
  const refresh = refresher(deps);
  const team = createTeamSync({ db: deps.db, now: deps.now, refresh });
  const handlers = createEachHandler({ ...deps, team, refresh });
  for (const type of Object.keys(handlers) as RequestType[]) {
    if (READS.has(type) || OWN_WRITES.has(type)) continue;
    const handle = handlers[type] as (...args: unknown[]) => Promise<unknown>;
    (handlers as Record<RequestType, unknown>)[type] = (...args: unknown[]) =>
      whileWriting(async () => {
        // A copy of the book must not keep what the seller is removing (views.ts).
        if (FORGETS.has(type)) await forgetViews(await deps.db());
        const answer = await handle(...args);
        // What this machine wrote for the team is counted and reaches it soon after.
        await team.noteWrite(type, answer);
        return answer;
      });
  }
  return Object.assign(handlers, { team });
}

/**
 * After every write that can change what the engine plans: the affected contacts' summaries
 * and live follow-ups made afresh from the store (hand-set ones stay), many newly due ones
 * spread over the coming days, then (not awaited) the badge and reminders. Every write
 * handler ends here.
 */
function refresher({ db, now, newId, afterWrite }: HandlerDeps) {
  const afterWrites = afterWrite && inTurn(async () => afterWrite(await db()));
  return async (
    database: IDBPDatabase<RapportDB>,
    contactIds: Iterable<string>,
    options: Pick<RefreshDeps, 'blank' | 'stored'> = {},
  ) => {
    const settings = await getSettings(database);
    const planned = await refreshContacts(database, contactIds, { now: now(), newId, settings, ...options });
    await staggerPlanned(database, planned, { now: now(), settings });
    // The badge and the alarms follow in turn; the write's answer does not wait for them (their
    // reads took 30-50 ms after the bench's import of 10,000 contacts).
    afterWrites?.().catch((error: unknown) =>
      console.warn('Rapport: the badge or the reminders did not update', error),
    );
  };
}

function createEachHandler(deps: HandlerDeps & { team: TeamSync; refresh: ReturnType<typeof refresher> }): Handlers {
  const { db, now, newId, refresh, team } = deps;
  const markerLookups = perTabLimit(MARKER_LOOKUPS_PER_MINUTE, 60_000);
  /**
   * Works on an import while holding it, so nobody sees it as interrupted meanwhile, and one
   * piece of work at a time: a second Finish (or a roll-back) while one runs is refused.
   */
  const working = new Set<string>();
  const workOn = async (importId: string, work: () => Promise<unknown>) => {
    if (working.has(importId)) throw new Error('Rapport is working on this import already: wait a moment');
    working.add(importId);
    const release = holdImport(importId);
    try {
      await work();
    } finally {
      release();
      working.delete(importId);
    }
  };
  const finishHeld = async (database: IDBPDatabase<RapportDB>, importId: string) => {
    await workOn(importId, () =>
      finishImport(database, importId, (ids, blank, stored) => refresh(database, ids, { blank, stored }), now),
    );
    return {};
  };
  return {
    ping: async () => ({ version: deps.version, bootId: deps.bootId, startedAt: deps.startedAt }),
    'settings.get': async () => getSettings(await db()),
    'settings.update': async (patch) => updateSettings(await db(), patch),
    'settings.view': async () => {
      const s = await getSettings(await db());
      const { internalDomains, confirmedAccounts, ignoredAddresses, inboxMarkers, timeZone, gmailInSidePanel } = s;
      return {
        me: { emails: s.me.emails },
        internalDomains,
        confirmedAccounts,
        ignoredAddresses,
        inboxMarkers,
        timeZone,
        gmailInSidePanel,
      };
    },
    'contact.find': async (query) => (await findContact(await db(), query)) ?? null,
    'contact.track': async (person) => {
      const database = await db();
      const { internalDomains } = await getSettings(database);
      let contact = await trackContact(database, person, { now: now(), newId, internalDomains });
      // Known only by LinkedIn: their account is the company the profile shows.
      if (person.company && person.linkedinId && !contact.accountId) {
        await learnFromProfile(database, { linkedinId: person.linkedinId, company: person.company }, now(), newId);
        contact = (await database.get('contacts', contact.id)) ?? contact;
      }
      // One more person known at the account changes its coverage, and so everyone's plan there.
      await refresh(database, [contact.id]);
      return contact;
    },
    // A touch from a content script is captured from the page; from a page, logged by hand.
    'contact.setStatus': async (change) => {
      const database = await db();
      const contact = await setStatus(database, change, now());
      await refresh(database, [contact.id]);
      return contact;
    },
    'contact.setTrust': async (change) => {
      const database = await db();
      const contact = await setTrust(database, change, now());
      await refresh(database, [contact.id]);
      return contact;
    },
    'account.setTier': async ({ accountId, tier }) => {
      const database = await db();
      const next = await updateAccount(database, { accountId, valueTier: tier }, now());
      await refresh(database, await database.getAllKeysFromIndex('contacts', 'by-account', accountId));
      return next;
    },
    'purchase.add': async (input) => {
      const database = await db();
      const id = newId();
      await database.add('purchases', { id, ...input, at: now() });
      // A purchase starts a short follow-up with everyone at the account.
      await refresh(database, await database.getAllKeysFromIndex('contacts', 'by-account', input.accountId));
      return { id };
    },
    'address.ignore': async ({ email }) => addToSettingsList(await db(), 'ignoredAddresses', email),
    'touch.add': async (input) => {
      const database = await db();
      // Logged by the seller in Rapport's own pages (capture has a request of its own).
      const added = await addTouch(database, input, 'manual', newId);
      if (!added.duplicate) await refresh(database, [input.contactId]);
      return added;
    },
    'touch.list': async ({ contactId, limit }) => listTouches(await db(), contactId, limit),
    'people.lookup': async (query) => {
      const database = await db();
      const found = await lookupCards(database, query, now());
      if (query.profiles.length === 0) return { ...found, matches: [] };
      // Candidates (a name to confirm, two contacts to choose from) come without a card.
      const { matches, contacts } = await matchProfiles(database, query.profiles);
      const known = new Set(found.contacts.map((c) => c.id));
      return { ...found, contacts: [...found.contacts, ...contacts.filter((c) => !known.has(c.id))], matches };
    },
    'profile.link': async ({ contactId, linkedinId }) => {
      const database = await db();
      const contact = await linkProfile(database, contactId, linkedinId, now());
      await refresh(database, [contact.id]);
      return contact;
    },
    'contact.moveToCompany': async (change) => {
      const database = await db();
      const { contact, previousAccountId } = await moveToCompany(database, change, now(), newId);
      // The old account lost a contact (its coverage, everyone's plan there) and the new one gained one.
      await refresh(database, [
        contact.id,
        ...(await contactsAt(database, previousAccountId ? [previousAccountId] : [])),
      ]);
      return contact;
    },
    'account.confirm': async ({ account }) => addToSettingsList(await db(), 'confirmedAccounts', account),
    'page.report': async (report, _from, { tabId }) => {
      if (tabId === undefined) throw new Error('a page report comes from a tab');
      const profile = report.site === 'linkedin' ? report.people[0] : undefined;
      // Only a LinkedIn profile writes to the store: its company, and the visit.
      const linkedinId = profile?.linkedinId;
      if (linkedinId) {
        await whileWriting(async () => {
          const database = await db();
          if (profile.company) {
            const changed = await learnFromProfile(database, { linkedinId, company: profile.company }, now(), newId);
            if (changed.length) await refresh(database, changed);
          }
          // A tracked contact's profile looked at: kept, never counted as contact with them.
          await recordVisit(database, linkedinId, now(), newId);
        });
      }
      await keepPageReport(tabId, { ...report, at: now() });
      return {};
    },
    'contact.get': async ({ contactId }) => (await (await db()).get('contacts', contactId)) ?? null,
    'contact.update': async (change) => updateContact(await db(), change, now()),
    'account.update': async (change) => updateAccount(await db(), change, now()),
    'account.merge': async ({ keepId, mergeId }) => {
      const database = await db();
      const { account, contactIds } = await mergeAccounts(database, keepId, mergeId, now());
      // More people at one account: its coverage, and so everyone's plan there, changes.
      await refresh(database, contactIds);
      return account;
    },
    'contact.merge': async ({ keepId, mergeId }) => {
      const database = await db();
      const { contact, moved, accountIds } = await mergeContacts(database, keepId, mergeId, now());
      // The team hears of it as a merge, not as a contact gone and a duplicate kept.
      await noteMergeForTeam(database, mergeId, keepId);
      await refresh(database, [contact.id, ...(await contactsAt(database, accountIds))]);
      return { contact, moved };
    },
    'contact.delete': async ({ contactId }) => {
      const database = await db();
      const { accountId } = await deleteContact(database, contactId, now());
      // One person fewer at the account: its coverage, and so everyone's plan there, changes.
      await refresh(database, await contactsAt(database, accountId ? [accountId] : []));
      return {};
    },
    'contact.undoDelete': async ({ contactId }) => {
      const database = await db();
      await restoreDeleted(database, contactId, now());
      await planQueued(database, (ids) => refresh(database, ids));
      const contact = await database.get('contacts', contactId);
      if (!contact) throw new Error('the contact could not be restored');
      return contact;
    },
    'book.accounts': async ({ fresh }) => bookAccounts(await db(), now(), fresh),
    'account.page': async ({ accountId }) => accountPage(await db(), accountId, now()),
    'book.contacts': async ({ fresh }) => bookContacts(await db(), now(), fresh),
    'book.bucket': async ({ months, fresh }) => bookBucket(await db(), now(), months, fresh),
    'linkedin.capture': async (input) => {
      const database = await db();
      const { response, changed } = await captureLinkedIn(database, input, newId);
      if (changed.length) await refresh(database, changed);
      return response;
    },
    'sidebar.command': async ({ command }, _from, { tabId }) => {
      if (tabId === undefined) throw new Error('only the sidebar in a tab can send its tab a command');
      await deps.tellTab?.(tabId, { rapport: 1, command });
      return {};
    },
    'account.seen': async ({ account }) => {
      const { internalDomains } = await proposeAccountDomain(await db(), account);
      return { internalDomains };
    },
    'gmail.capture': async (input) => {
      const database = await db();
      // Capture may come before the page asked: the account's colleagues are known either way.
      await proposeAccountDomain(database, input.account);
      const { response, changed } = await captureMessages(database, input, newId);
      // The worker's own timeline (no page sees it): one mark, the latest, for the bench.
      performance.clearMarks(CAPTURED_MARK);
      performance.mark(CAPTURED_MARK);
      await refresh(database, changed);
      return response;
    },
    // The popup opened again with nothing written since answers at once (kept.ts).
    'followup.list': async (query) => keptFollowUps(await db(), query, now()),
    'followup.act': async (action) => {
      const database = await db();
      const followUp = await actOnFollowUp(database, action, now(), newId);
      await refresh(database, [followUp.contactId]);
      return followUp;
    },
    'sidebar.prefs': async ({ site }) => {
      const prefs = (await (await db()).get('meta', `sidebar:${site}`)) as SidebarPrefs | undefined;
      return { collapsed: prefs?.collapsed ?? false };
    },
    'sidebar.setPrefs': async ({ site, collapsed }) => {
      await (await db()).put('meta', { collapsed }, `sidebar:${site}`);
      return { collapsed };
    },
    'markers.lookup': async ({ emails }, from, { tabId }) => {
      // Bounded (500 addresses) and, from a page's tab, rate-limited: the inbox asks when new
      // senders appear, a few times a minute; a page enumerating the store would ask far more.
      if (from === 'content' && !markerLookups(tabId, now())) {
        throw new Error('too many marker look-ups from this tab; Rapport answers again in a minute');
      }
      return { markers: await lookupMarkers(await db(), emails, now()) };
    },
    'health.report': async (report) => {
      await (await db()).put('meta', { ...report, at: now() }, 'health');
      return {};
    },
    'health.last': async () => ((await (await db()).get('meta', 'health')) as HealthReport | undefined) ?? null,
    'data.counts': async () => countAll(await db()),
    'data.put': async (data) => {
      const database = await db();
      await writeDataSet(database, data, now());
      // A restore or seed is planned like any other write: its hand-set (snoozed) follow-ups
      // stay as they were; every other contact it touched gets the engine's plan afresh.
      await planQueued(database, (ids) => refresh(database, ids));
      return countAll(database);
    },
    'data.export': async () => exportDataSet(await db()),
    'data.page': async (query) => pageOf(await db(), query),
    'data.check': async () => checkStore(await db()),
    'import.write': async (data) => {
      await writeDataSet(await db(), data, now());
      return {};
    },
    'import.settle': async ({ contactIds, blank }) => {
      const database = await db();
      // Everyone the import's parts wrote records for (kept with each part), plus those named.
      await planQueued(database, (ids) => refresh(database, ids, { blank: new Set(blank) }), contactIds);
      return countAll(database);
    },
    'import.begin': async (start) => {
      await beginImport(await db(), start, now());
      return {};
    },
    'import.stage': async ({ importId, records, merges }) => {
      // `before` holds earlier values of the named fields only, checked where they are compared.
      await stagePart(await db(), importId, { records, merges: merges as ImportPart['merges'] });
      return {};
    },
    'import.commit': async ({ importId, contactIds, blank, counts }) => {
      const database = await db();
      await commitImport(database, importId, { contactIds, blank }, counts);
      return finishHeld(database, importId);
    },
    'import.finish': async ({ importId }) => finishHeld(await db(), importId),
    'import.file': async ({ importId }) => keptFile(await db(), importId),
    'import.rollback': async ({ importId }) => {
      const database = await db();
      await workOn(importId, async () => refresh(database, await rollbackImport(database, importId, now)));
      return {};
    },
    'import.journals': async () => ({
      journals: (await listJournals(await db())).map(({ settle: _, ...journal }) => ({
        ...journal,
        interrupted: isInterrupted(journal),
      })),
    }),
    'import.basis': async ({ unless }) => {
      // Where this worker's writes stand (kept.ts): the same stamp later means nothing was written since.
      const stamp = () => (generation() < 0 ? undefined : `${deps.bootId}:${generation()}`);
      const before = stamp();
      if (unless !== undefined && unless === before) return { unchanged: true as const };
      const basis = await importBasis(await db());
      return before !== undefined && stamp() === before ? { ...basis, stamp: before } : basis;
    },
    'data.delete': async (ids) => {
      const database = await db();
      const written = await deleteRecords(database, ids);
      // An undone import's touches and purchases no longer count: plan their contacts again.
      await refresh(database, await contactsAffectedNow(database, written));
      return countAll(database);
    },
    'data.reset': async () => resetAll(await db()),
    'owner.ask': async ({ owners }) => {
      await askOwner(await db(), owners, now());
      return {};
    },
    'owner.question': async () => ownerQuestion(await db()),
    'team.view': () => team.view(),
    'team.save': (input) => team.save(input),
    'team.leave': async () => {
      await team.leave();
      return {};
    },
    'team.sync': () => team.syncNow(),
    'owner.claim': async ({ sellerId }) => {
      const database = await db();
      const { contactIds, ...claimed } = await claimOwner(database, sellerId, now());
      // Their summaries name the seller of each touch (account coverage counts sellers).
      if (contactIds.length) await refresh(database, contactIds);
      return claimed;
    },
  };
}
