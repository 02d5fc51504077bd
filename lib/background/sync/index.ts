import type { IDBPDatabase } from 'idb';
import { browser } from 'wxt/browser';
import type { RequestType, ResponseOf } from '@/lib/messaging/protocol';
import type { RapportDB } from '../db/schema';
import { whileWriting } from '../kept';
import { getSettings } from '../settings';
import { forgetTeam, STATUS, syncOnce } from './replicate';
import {
  CONNECTION_WORDS,
  type ConnectionResult,
  REQUEST_TIMEOUT_MS,
  serverUrlProblem,
  setTeamConfig,
  type TeamConfig,
  teamConfig,
  testConnection,
} from './team';

type SyncStatus = ResponseOf<'team.sync'>;

/** How many changes made here wait for the next sync (meta). */
const PENDING = 'sync:pending';

/**
 * Requests that change what the team shares. A capture counts only when it stored something:
 * opening a thread again changes nothing.
 */
const SHARED_WRITES: ReadonlySet<RequestType> = new Set<RequestType>([
  'contact.track',
  'contact.setStatus',
  'contact.update',
  'contact.merge',
  'contact.undoDelete',
  'contact.moveToCompany',
  'profile.link',
  'account.setTier',
  'account.update',
  'account.merge',
  'purchase.add',
  'touch.add',
  'followup.act',
  'gmail.capture',
  'linkedin.capture',
  'data.put',
  'import.commit',
  'import.finish',
  'owner.claim',
]);
const storedNothing = (answer: unknown) => (answer as { stored?: unknown } | undefined)?.stored === 0;

/** The alarm that syncs every few minutes while a team server is set up. */
export const SYNC_ALARM = 'rapport-team-sync';
const EVERY_MINUTES = 5;
/** Local writes come in bursts (a thread captured, an import): one sync after the burst. */
const AFTER_WRITES_MS = 5_000;

export interface TeamSyncDeps {
  db: () => Promise<IDBPDatabase<RapportDB>>;
  now: () => number;
  /** Works out again the summaries and plans of contacts whose records arrived. */
  refresh: (db: IDBPDatabase<RapportDB>, contactIds: string[]) => Promise<void>;
}

/**
 * Team sharing with a CouchDB server (replicate.ts): one sync at a time, after
 * local writes, on an alarm, and when the seller asks. The sidebar and popup never wait for it:
 * they read Rapport's own store, which a sync updates in the background.
 */
export function createTeamSync(deps: TeamSyncDeps) {
  let running: Promise<SyncStatus> | undefined;
  let soon: ReturnType<typeof setTimeout> | undefined;

  const run = async (): Promise<SyncStatus> => {
    const database = await deps.db();
    const config = await teamConfig();
    let status: SyncStatus;
    // Changes made while this sync runs may miss it: only those counted before it are taken off.
    const waiting = await pendingIn(database);
    try {
      if (!config) throw new Error('No team server is set up');
      const settings = await getSettings(database);
      const result = await whileWriting(() => syncOnce(database, config, settings));
      await addPending(database, -waiting);
      if (result.contactIds.length) await whileWriting(() => deps.refresh(database, result.contactIds));
      status = { at: deps.now(), ok: true, pushed: result.pushed, pulled: result.pulled, refused: result.refused };
    } catch (error) {
      status = { at: deps.now(), ok: false, error: syncWords(error), pushed: 0, pulled: 0, refused: [] };
    }
    await database.put('meta', status as never, STATUS);
    return status;
  };

  // Asked while a sync runs, another follows it (one for any number of asks): the one running
  // may have read the store before the write the asker wants sent.
  let next: Promise<SyncStatus> | undefined;
  const syncNow = (): Promise<SyncStatus> => {
    if (!running) {
      running = run().finally(() => {
        running = undefined;
      });
      return running;
    }
    next ??= running
      .catch(() => undefined)
      .then(() => {
        next = undefined;
        return syncNow();
      });
    return next;
  };

  return {
    syncNow,
    /**
     * After a request that wrote: when it changed what the team shares (and a team is set up), it
     * is counted as waiting, and a sync follows once the writes stop for a moment. Other writes
     * (settings, a hand-set trust level, a page report) wake nothing.
     */
    async noteWrite(type: RequestType, answer: unknown): Promise<void> {
      if (!SHARED_WRITES.has(type) || storedNothing(answer) || !(await teamConfig())) return;
      await addPending(await deps.db(), 1);
      if (soon) clearTimeout(soon);
      soon = setTimeout(() => {
        soon = undefined;
        void teamConfig().then((config) => (config ? syncNow() : undefined));
      }, AFTER_WRITES_MS);
    },
    async view(): Promise<ResponseOf<'team.view'>> {
      const config = await teamConfig();
      const status = ((await (await deps.db()).get('meta', STATUS)) as SyncStatus | undefined) ?? null;
      return {
        server: config
          ? { url: config.url, database: config.database, user: config.user, hasPassword: config.password !== '' }
          : null,
        status,
        pending: config ? await pendingIn(await deps.db()) : 0,
      };
    },
    async save(input: Omit<TeamConfig, 'password' | 'copyId'> & { password?: string | undefined }) {
      const problem = serverUrlProblem(input.url);
      if (problem) return { result: 'invalid' as const, words: `The address: ${problem}.` };
      const kept = await teamConfig();
      const config: TeamConfig = {
        ...input,
        password: input.password ?? kept?.password ?? '',
        copyId: kept?.copyId ?? crypto.randomUUID(),
      };
      const result: ConnectionResult = await testConnection(config);
      if (result !== 'ok') return { result, words: CONNECTION_WORDS[result] };
      await setTeamConfig(config);
      await browser.alarms.create(SYNC_ALARM, { periodInMinutes: EVERY_MINUTES, delayInMinutes: EVERY_MINUTES });
      void syncNow();
      return { result, words: CONNECTION_WORDS.ok };
    },
    async leave(): Promise<void> {
      const config = await teamConfig();
      await setTeamConfig(null);
      await browser.alarms.clear(SYNC_ALARM);
      // After a sync still running: it would write the status and checkpoint again.
      await running?.catch(() => undefined);
      if (config) await forgetTeam(await deps.db());
      await (await deps.db()).delete('meta', PENDING);
    },
  };
}

export type TeamSync = ReturnType<typeof createTeamSync>;

async function pendingIn(db: IDBPDatabase<RapportDB>): Promise<number> {
  return ((await db.get('meta', PENDING)) as number | undefined) ?? 0;
}

async function addPending(db: IDBPDatabase<RapportDB>, change: number): Promise<void> {
  const tx = db.transaction('meta', 'readwrite');
  const now = ((await tx.store.get(PENDING)) as number | undefined) ?? 0;
  await tx.store.put(Math.max(0, now + change) as never, PENDING);
  await tx.done;
}

/** The alarm's sync, registered at the worker's start so the alarm that woke it is not missed. */
export function keepTeamInSync(team: TeamSync): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void team.syncNow();
  });
}

/** A failed sync in words the seller can act on: PouchDB passes on the server's HTTP status. */
function syncWords(error: unknown): string {
  const status = (error as { status?: unknown })?.status;
  if (status === 401) return CONNECTION_WORDS['wrong-password'];
  if (status === 403) return CONNECTION_WORDS['no-access'];
  if (status === 404) return CONNECTION_WORDS['no-database'];
  if (typeof status === 'number' && status >= 500)
    return `The team server had a problem (HTTP ${status}). ${TRIES_AGAIN}`;
  const name = (error as { name?: unknown })?.name;
  if (name === 'TimeoutError' || name === 'AbortError')
    return `The team server did not answer within ${REQUEST_TIMEOUT_MS / 1000} seconds. ${TRIES_AGAIN}`;
  const message = error instanceof Error ? error.message : String((error as { message?: unknown })?.message ?? error);
  // A connection refused, or one closed half-way through an answer (Chrome: "Failed to fetch",
  // "network error"; Node: "fetch failed", "terminated").
  if (/fetch|network|terminated|Failed to/i.test(message)) return `${CONNECTION_WORDS.unreachable} ${TRIES_AGAIN}`;
  return message;
}

const TRIES_AGAIN = `Nothing was lost: Rapport tries again within ${EVERY_MINUTES} minutes, or now with Sync now.`;
