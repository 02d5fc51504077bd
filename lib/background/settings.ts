import type { IDBPDatabase } from 'idb';
import { DEFAULT_SETTINGS, type Settings, type SettingsPatch } from '@/lib/shared/model';
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

/** Merges a validated patch: `me` and `cadence` merge field by field, the rest replaces. */
export async function updateSettings(db: IDBPDatabase<RapportDB>, patch: SettingsPatch): Promise<Settings> {
  const tx = db.transaction('meta', 'readwrite');
  const current = withDefaults((await tx.store.get(KEY)) as Settings | undefined);
  const next: Settings = {
    ...current,
    ...patch,
    me: { ...current.me, ...patch.me },
    cadence: { ...current.cadence, ...patch.cadence },
  };
  await tx.store.put(next, KEY);
  await tx.done;
  return next;
}
