import type { IDBPDatabase } from 'idb';
import { captureMessages } from './capture';
import { findContact, lookupPeople, trackContact } from './contacts';
import { countAll, exportDataSet, putDataSet, resetAll } from './data';
import type { RapportDB } from './db/schema';
import type { Handlers } from './router';
import { getSettings, updateSettings } from './settings';
import { addTouch, listTouches } from './touches';

export interface HandlerDeps {
  db: () => Promise<IDBPDatabase<RapportDB>>;
  now: () => number;
  newId: () => string;
  version: string;
  bootId: string;
  startedAt: number;
}

/** Every request type's handler. Each one reads the database afresh: the worker keeps no state. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const { db, now, newId } = deps;
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
    'touch.add': async (input, from) => addTouch(await db(), input, from === 'content' ? 'captured' : 'manual', newId),
    'touch.list': async ({ contactId, limit }) => listTouches(await db(), contactId, limit),
    'people.lookup': async (query) => ({ contacts: await lookupPeople(await db(), query) }),
    'account.confirm': async ({ account }) => {
      const database = await db();
      const { confirmedAccounts } = await getSettings(database);
      if (confirmedAccounts.includes(account)) return { confirmedAccounts };
      return updateSettings(database, { confirmedAccounts: [...confirmedAccounts, account] });
    },
    'gmail.capture': async (input) => captureMessages(await db(), input, newId),
    'data.counts': async () => countAll(await db()),
    'data.put': async (data) => putDataSet(await db(), data),
    'data.export': async () => exportDataSet(await db()),
    'data.reset': async () => resetAll(await db()),
  };
}
