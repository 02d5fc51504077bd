import type { IDBPDatabase } from 'idb';
import { isFreeMailDomain, registrableDomain } from '@/lib/shared/domains';
import { DEFAULT_SETTINGS, SETTINGS_LIMITS, type Settings, type SettingsPatch } from '@/lib/shared/model';
import type { RapportDB } from './db/schema';

const KEY = 'settings';

/** The seller's settings, or the defaults until they have saved any. */
export async function getSettings(db: IDBPDatabase<RapportDB>): Promise<Settings> {
  return withDefaults((await db.get('meta', KEY)) as Settings | undefined);
}

/** Stored settings read over the defaults, so a field added in a later version has a value. */
export const withDefaults = (stored: Partial<Settings> | undefined): Settings => ({
  ...DEFAULT_SETTINGS,
  ...stored,
  me: { ...DEFAULT_SETTINGS.me, ...stored?.me },
  cadence: { ...DEFAULT_SETTINGS.cadence, ...stored?.cadence },
});

/**
 * Merges a validated patch: `me` and `cadence` merge field by field, the rest replaces. A patch
 * made from the current settings (add an entry to a list) is a function, read and written in one
 * transaction, so two tabs adding at once both keep their entry. It answers undefined for "no change".
 */
export async function updateSettings(
  db: IDBPDatabase<RapportDB>,
  change: SettingsPatch | ((current: Settings) => SettingsPatch | undefined),
): Promise<Settings> {
  const tx = db.transaction('meta', 'readwrite');
  const current = withDefaults((await tx.store.get(KEY)) as Settings | undefined);
  const patch = typeof change === 'function' ? change(current) : change;
  if (!patch) {
    await tx.done;
    return current;
  }
  const merged: Settings = {
    ...current,
    ...patch,
    me: { ...current.me, ...patch.me },
    cadence: { ...current.cadence, ...patch.cadence },
  };
  const next = rememberDeclined(current, merged);
  await tx.store.put(next, KEY);
  await tx.done;
  return next;
}

/** A proposed internal domain the seller took out of the list is declined, and not proposed again. */
function rememberDeclined(before: Settings, after: Settings): Settings {
  const removed = before.proposedInternalDomains.filter((d) => !after.internalDomains.includes(d));
  if (removed.length === 0) return after;
  return {
    ...after,
    proposedInternalDomains: after.proposedInternalDomains.filter((d) => !removed.includes(d)),
    declinedInternalDomains: [...new Set([...after.declinedInternalDomains, ...removed])],
  };
}

/** Hosts of Gmail accounts looked at in this worker's life (free mail, say, which is never proposed). */
const proposedHosts = new WeakMap<IDBPDatabase<RapportDB>, Set<string>>();

/**
 * The company domain of a Gmail account the seller works in counts as internal until they say
 * otherwise: a colleague copied on a customer thread is not a customer. Free mail never is.
 * Added to `internalDomains` (so every reader of it agrees) and remembered as a proposal.
 */
export async function proposeAccountDomain(db: IDBPDatabase<RapportDB>, account: string): Promise<Settings> {
  // Every capture asks: answered without the public-suffix list (about 70 ms to load in a fresh
  // worker) when the account's host is already internal or declined, or was looked at already.
  const host = account.slice(account.lastIndexOf('@') + 1).toLowerCase();
  const known = await getSettings(db);
  const covered = (d: string) => host === d || host.endsWith(`.${d}`);
  const looked = proposedHosts.get(db) ?? new Set<string>();
  proposedHosts.set(db, looked);
  if (looked.has(host) || known.internalDomains.some(covered) || known.declinedInternalDomains.some(covered)) {
    return known;
  }
  looked.add(host);
  const domain = registrableDomain(account);
  if (!domain || isFreeMailDomain(domain)) return known;
  return updateSettings(db, (current) =>
    current.internalDomains.includes(domain) || current.declinedInternalDomains.includes(domain)
      ? undefined
      : {
          internalDomains: [...current.internalDomains, domain],
          proposedInternalDomains: [...current.proposedInternalDomains, domain],
        },
  );
}

/** Adds an entry to one of the settings' lists, in the transaction that reads it. */
export function addToSettingsList(
  db: IDBPDatabase<RapportDB>,
  list: 'ignoredAddresses' | 'confirmedAccounts',
  entry: string,
): Promise<Settings> {
  return updateSettings(db, (current) => {
    if (current[list].includes(entry)) return undefined;
    if (current[list].length >= SETTINGS_LIMITS[list]) {
      throw new Error(
        `Rapport keeps at most ${SETTINGS_LIMITS[list].toLocaleString('en-US')} of these: remove some in Settings first`,
      );
    }
    return { [list]: [...current[list], entry] };
  });
}
