import type { IDBPDatabase } from 'idb';
import type { RapportDB } from './db/schema';

/**
 * Answers the worker keeps while nothing was written since they were worked out, for at most
 * `maxAgeMs` (the answers read the clock: due today, coverage). The dashboard going from view to
 * view, or the popup opened again, then costs no store read. Every request that may write ends
 * with `dataChanged` (handlers.ts), which drops them all; a read that fails is not kept.
 */
type Entry = { db: IDBPDatabase<RapportDB>; written: number; at: number; value: Promise<unknown> };

let written = 0;
const entries = new Map<string, Entry>();

export function dataChanged(): void {
  written++;
  entries.clear();
}

export function keptAnswer<T>(
  db: IDBPDatabase<RapportDB>,
  key: string,
  { now, maxAgeMs }: { now: number; maxAgeMs: number },
  work: () => Promise<T>,
): Promise<T> {
  const kept = entries.get(key);
  if (kept && kept.db === db && kept.written === written && now - kept.at < maxAgeMs) return kept.value as Promise<T>;
  const value = work();
  const entry: Entry = { db, written, at: now, value };
  entries.set(key, entry);
  value.catch(() => {
    if (entries.get(key) === entry) entries.delete(key);
  });
  return value;
}
