import type { IDBPDatabase } from 'idb';
import type { RapportDB } from './db/schema';

/**
 * Answers the worker keeps while nothing was written since they were worked out, for at most
 * `maxAgeMs` (the answers read the clock: due today, coverage). The dashboard going from view to
 * view, or the popup opened again, then costs no store read. Every request that may write ends
 * inside `whileWriting` (handlers.ts), which drops them all; a read that fails is not kept.
 */
type Entry = { db: IDBPDatabase<RapportDB>; written: number; at: number; value: Promise<unknown> };

let written = 0;
const entries = new Map<string, Entry>();

let writesRunning = 0;

/**
 * Runs a request that may write: what was kept before it is dropped when it starts and again
 * when it ends, so nothing read while it ran outlives it.
 */
export async function whileWriting<T>(write: () => Promise<T>): Promise<T> {
  writesRunning++;
  dataChanged();
  try {
    return await write();
  } finally {
    writesRunning--;
    dataChanged();
  }
}

/** Where the writes stand; -1 while one runs. An answer is kept (views.ts) only if this did not move meanwhile. */
export const generation = (): number => (writesRunning > 0 ? -1 : written);

function dataChanged(): void {
  written++;
  entries.clear();
}

/** Whether an answer is kept and current: asking for it costs no store read. */
export function isKept(db: IDBPDatabase<RapportDB>, key: string, { now, maxAgeMs }: { now: number; maxAgeMs: number }) {
  const kept = entries.get(key);
  return !!kept && kept.db === db && kept.written === written && now - kept.at < maxAgeMs;
}

export function keptAnswer<T>(
  db: IDBPDatabase<RapportDB>,
  key: string,
  { now, maxAgeMs }: { now: number; maxAgeMs: number },
  work: () => Promise<T>,
): Promise<T> {
  if (isKept(db, key, { now, maxAgeMs })) return entries.get(key)?.value as Promise<T>;
  const value = work();
  const entry: Entry = { db, written, at: now, value };
  entries.set(key, entry);
  value.catch(() => {
    if (entries.get(key) === entry) entries.delete(key);
  });
  return value;
}
