import type { IDBPDatabase } from 'idb';
import { captureMessages } from './capture';
import { lookupCards } from './cards';
import { actOnFollowUp, listFollowUps } from './followups';
import { lookupMarkers } from './markers';
import { findContact, setStatus, setTrust, trackContact } from './contacts';
import {
  countAll,
  deleteRecords,
  exportDataSet,
  importBasis,
  pageOf,
  putDataSet,
  resetAll,
  writeDataSet,
} from './data';
import type { HealthReport, RapportDB, SidebarPrefs } from './db/schema';
import { askOwner, claimOwner, ownerQuestion } from './owners';
import type { Handlers } from './router';
import { type RefreshDeps, refreshContacts } from './refresh';
import { getSettings, updateSettings } from './settings';
import { staggerNew } from './stagger';
import { addTouch, listTouches } from './touches';

export interface HandlerDeps {
  db: () => Promise<IDBPDatabase<RapportDB>>;
  now: () => number;
  newId: () => string;
  version: string;
  bootId: string;
  startedAt: number;
  /** Called after every write that can change follow-ups (the background updates the badge). */
  afterWrite?: (db: IDBPDatabase<RapportDB>) => Promise<void>;
}

/** Every request type's handler. Each one reads the database afresh: the worker keeps no state. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const { db, now, newId } = deps;
  /** After a write: the touched contacts' summaries and follow-ups, from the engine; then the badge. */
  const refresh = async (
    database: IDBPDatabase<RapportDB>,
    contactIds: Iterable<string>,
    options: Pick<RefreshDeps, 'onlyWithoutFollowUps' | 'blank'> = {},
  ) => {
    const settings = await getSettings(database);
    const created = await refreshContacts(database, contactIds, { now: now(), newId, settings, ...options });
    // Many new follow-ups at once come from an import or a restore: spread them out.
    if (options.onlyWithoutFollowUps) await staggerNew(database, created, { now: now(), settings });
    await deps.afterWrite?.(database);
  };
  return {
    ping: async () => ({ version: deps.version, bootId: deps.bootId, startedAt: deps.startedAt }),
    'settings.get': async () => getSettings(await db()),
    'settings.update': async (patch) => updateSettings(await db(), patch),
    'contact.find': async (query) => (await findContact(await db(), query)) ?? null,
    'contact.track': async (person) => {
      const database = await db();
      const { internalDomains } = await getSettings(database);
      return trackContact(database, person, { now: now(), newId, internalDomains });
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
      const account = await database.get('accounts', accountId);
      if (!account) throw new Error(`no account with id ${accountId}`);
      const next = { ...account, valueTier: tier, updatedAt: now() };
      await database.put('accounts', next);
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
    'address.ignore': async ({ email }) => {
      const database = await db();
      const { ignoredAddresses } = await getSettings(database);
      if (ignoredAddresses.includes(email)) return { ignoredAddresses };
      return updateSettings(database, { ignoredAddresses: [...ignoredAddresses, email] });
    },
    'touch.add': async (input, from) => {
      const database = await db();
      // Read off a page (it has a source id) it was captured; logged by the seller, it is manual.
      const added = await addTouch(
        database,
        input,
        from === 'content' && input.sourceId ? 'captured' : 'manual',
        newId,
      );
      if (!added.duplicate) await refresh(database, [input.contactId]);
      return added;
    },
    'touch.list': async ({ contactId, limit }) => listTouches(await db(), contactId, limit),
    'people.lookup': async (query) => lookupCards(await db(), query, now()),
    'account.confirm': async ({ account }) => {
      const database = await db();
      const { confirmedAccounts } = await getSettings(database);
      if (confirmedAccounts.includes(account)) return { confirmedAccounts };
      return updateSettings(database, { confirmedAccounts: [...confirmedAccounts, account] });
    },
    'gmail.capture': async (input) => {
      const database = await db();
      const { response, changed } = await captureMessages(database, input, newId);
      await refresh(database, changed);
      return response;
    },
    'followup.list': async (query) => listFollowUps(await db(), query, now()),
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
    'markers.lookup': async ({ emails }) => ({ markers: await lookupMarkers(await db(), emails, now()) }),
    'health.report': async (report) => {
      await (await db()).put('meta', { ...report, at: now() }, 'health');
      return {};
    },
    'health.last': async () => ((await (await db()).get('meta', 'health')) as HealthReport | undefined) ?? null,
    'data.counts': async () => countAll(await db()),
    'data.put': async (data) => {
      const database = await db();
      const counts = await putDataSet(database, data);
      // A restore or seed keeps the follow-ups it brings; contacts without any get one planned.
      await refresh(database, [...data.contacts.map((c) => c.id), ...data.touches.map((t) => t.contactId)], {
        onlyWithoutFollowUps: true,
      });
      return counts;
    },
    'data.export': async () => exportDataSet(await db()),
    'data.page': async (query) => pageOf(await db(), query),
    'import.write': async (data) => {
      await writeDataSet(await db(), data);
      return {};
    },
    'import.settle': async ({ contactIds, blank }) => {
      const database = await db();
      // Like a restore: contacts that already have a follow-up keep it; the new ones are staggered.
      await refresh(database, contactIds, { onlyWithoutFollowUps: true, blank: new Set(blank) });
      return countAll(database);
    },
    'import.basis': async () => importBasis(await db()),
    'data.delete': async (ids) => {
      const database = await db();
      const counts = await deleteRecords(database, ids);
      await deps.afterWrite?.(database);
      return counts;
    },
    'data.reset': async () => resetAll(await db()),
    'owner.ask': async ({ owners }) => {
      await askOwner(await db(), owners, now());
      return {};
    },
    'owner.question': async () => ownerQuestion(await db()),
    'owner.claim': async ({ sellerId }) => {
      const database = await db();
      const { contactIds, ...claimed } = await claimOwner(database, sellerId, now());
      // Their summaries name the seller of each touch (account coverage counts sellers).
      if (contactIds.length) await refresh(database, contactIds);
      return claimed;
    },
  };
}
