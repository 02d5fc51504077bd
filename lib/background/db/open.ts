import { type IDBPDatabase, openDB } from 'idb';
import { type Migration, migrations } from './migrations';
import { DB_NAME, type RapportDB } from './schema';

export type StoreErrorCode = 'blocked' | 'quota' | 'newer-version' | 'failed';

/** A store failure with a message a seller can act on. */
export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

export const MESSAGES: Record<StoreErrorCode, string> = {
  blocked:
    'Rapport is being updated, but another Rapport window still uses the old data format. Close other Rapport tabs (the dashboard) and try again.',
  quota:
    'The browser has no storage space left for Rapport. Free disk space, or export and remove old data from the dashboard; nothing was saved.',
  'newer-version': 'This data was written by a newer version of Rapport. Update the extension; your data is untouched.',
  failed: 'Rapport could not use its local database.',
};

/** Maps an IndexedDB failure to a StoreError that says what happened and what to do. */
export function toStoreError(error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'QuotaExceededError') return new StoreError('quota', MESSAGES.quota);
  if (name === 'VersionError') return new StoreError('newer-version', MESSAGES['newer-version']);
  return new StoreError(
    'failed',
    `${MESSAGES.failed} (${name || 'error'}: ${error instanceof Error ? error.message : String(error)})`,
  );
}

export interface OpenOptions {
  name?: string;
  /** Upgrade tests build each older version with the same steps the product runs. */
  version?: number;
  steps?: readonly Migration[];
  /** Called when the connection closes under us (a newer version is waiting, or the browser shut it). */
  onGone?: () => void;
  /** How long an upgrade may wait on another open connection before it fails with a message. */
  blockedTimeoutMs?: number;
}

/** Opens the store, running every migration step between its version and `version`. */
export async function openStore(options: OpenOptions = {}): Promise<IDBPDatabase<RapportDB>> {
  const { name = DB_NAME, steps = migrations, version: upTo = steps.length, onGone = () => {} } = options;
  const blockedTimeoutMs = options.blockedTimeoutMs ?? 10_000;
  let db: IDBPDatabase<RapportDB> | undefined;
  let gaveUp = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let giveUp: (error: StoreError) => void = () => {};
  const stuck = new Promise<never>((_, reject) => {
    giveUp = reject;
  });
  const opening = openDB<RapportDB>(name, upTo, {
    upgrade(database, oldVersion, newVersion, tx) {
      for (let version = oldVersion + 1; version <= (newVersion ?? upTo); version++) {
        const step = steps[version - 1];
        if (!step) throw new Error(`no migration step for version ${version}`);
        step(database, tx);
      }
    },
    blocked() {
      // Another connection (a page of an older build) holds the old version open. Ours close
      // themselves on `blocking`, so this is rare; if it lasts, say so instead of hanging.
      timer ??= setTimeout(() => {
        gaveUp = true;
        giveUp(new StoreError('blocked', MESSAGES.blocked));
      }, blockedTimeoutMs);
    },
    blocking() {
      // A newer version wants to upgrade: step aside so the upgrade is never stuck on us.
      db?.close();
      onGone();
    },
    terminated: onGone,
  }).then((opened) => {
    // An open that finished after we gave up is nobody's: close it.
    if (gaveUp) opened.close();
    return opened;
  });
  try {
    db = await Promise.race([opening, stuck]);
    return db;
  } catch (error) {
    throw toStoreError(error);
  } finally {
    clearTimeout(timer);
  }
}

let opened: Promise<IDBPDatabase<RapportDB>> | undefined;

/** The background's one connection, opened on first use and reopened after it was closed. */
export function store(): Promise<IDBPDatabase<RapportDB>> {
  opened ??= openStore({
    onGone: () => {
      opened = undefined;
    },
  }).catch((error) => {
    opened = undefined;
    throw error;
  });
  return opened;
}

/** For tests: forget the connection so the next `store()` opens a fresh one. */
export function closeStore(): void {
  void opened?.then((db) => db.close());
  opened = undefined;
}
