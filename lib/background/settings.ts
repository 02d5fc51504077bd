import type { IDBPDatabase } from 'idb';
import { DEFAULT_SETTINGS, type Settings, type SettingsPatch } from '@/lib/shared/model';
import type { RapportDB } from './db/schema';

const KEY = 'settings';

/** The seller's settings, or the defaults until they have saved any. */
export async function getSettings(db: IDBPDatabase<RapportDB>): Promise<Settings> {
  return (await db.get('meta', KEY)) ?? DEFAULT_SETTINGS;
}

/** Merges a validated patch: `me` and `cadence` merge field by field, the rest replaces. */
export async function updateSettings(db: IDBPDatabase<RapportDB>, patch: SettingsPatch): Promise<Settings> {
  const tx = db.transaction('meta', 'readwrite');
  const current = (await tx.store.get(KEY)) ?? DEFAULT_SETTINGS;
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
