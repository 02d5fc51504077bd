import { browser } from 'wxt/browser';

/**
 * Where the team's CouchDB is and who this seller is there. Kept in the browser's extension
 * storage (`storage.local`), read only by the worker: never in the IndexedDB store, so never in
 * a backup or an export; the dashboard is told whether a password is set, never the password.
 */
export interface TeamConfig {
  /** The server's origin and path (`https://couch.example.com`, or http on loopback only). */
  url: string;
  database: string;
  user: string;
  password: string;
  /**
   * Names this browser's joining of the team database (replicate.ts), made when the server is
   * saved: the sync's checkpoint belongs to it, so leaving and joining again starts over.
   * (Named when it named a PouchDB copy of the database, which is gone; kept for saved settings.)
   */
  copyId: string;
}

const KEY = 'team';

export async function teamConfig(): Promise<TeamConfig | undefined> {
  return ((await browser.storage.local.get(KEY)) as { team?: TeamConfig }).team;
}

export async function setTeamConfig(config: TeamConfig | null): Promise<void> {
  if (config) await browser.storage.local.set({ [KEY]: config });
  else await browser.storage.local.remove(KEY);
}

/** https anywhere; http only to this machine (a server tried out locally, the tests). */
export function serverUrlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'that is not a web address';
  }
  if (parsed.username || parsed.password) return 'put the user and password in their own fields, not in the address';
  if (parsed.protocol === 'https:') return undefined;
  if (parsed.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname)) return undefined;
  return 'the server must use https (http only on this computer: 127.0.0.1 or localhost)';
}

export const databaseUrl = ({ url, database }: Pick<TeamConfig, 'url' | 'database'>) =>
  `${url.replace(/\/+$/, '')}/${encodeURIComponent(database)}`;

export type ConnectionResult = 'ok' | 'unreachable' | 'wrong-password' | 'no-access' | 'no-database';

export const CONNECTION_WORDS: Record<ConnectionResult, string> = {
  ok: 'Connected: the team database answers.',
  unreachable: 'The server cannot be reached: check the address, and that it is running.',
  'wrong-password': 'The server refused the user name or password.',
  'no-access': 'This user may not read the team database: ask whoever runs the server to add you to it.',
  'no-database': 'The server has no database by that name.',
};

/** One request for the database's info, read as CouchDB answers it (https://docs.couchdb.org/en/stable/api/database/common.html). */
export async function testConnection(config: TeamConfig, fetcher: typeof fetch = fetch): Promise<ConnectionResult> {
  let response: Response;
  try {
    response = await fetcher(databaseUrl(config), {
      headers: { Authorization: basicAuth(config), Accept: 'application/json' },
      signal: AbortSignal.timeout(10_000),
    });
  } catch {
    return 'unreachable';
  }
  if (response.status === 401 || response.status === 403)
    return (await signsIn(config, fetcher)) ? 'no-access' : 'wrong-password';
  if (response.status === 404) return 'no-database';
  return response.ok ? 'ok' : 'unreachable';
}

/**
 * Whether the user name and password are right, whatever the database says: a CouchDB answers
 * 403 to a user who may not read a database, a CouchDB-compatible server may answer 401 to both,
 * and `_session` names the user only when the password is right
 * (https://docs.couchdb.org/en/stable/api/server/authn.html#get--_session).
 */
async function signsIn(config: TeamConfig, fetcher: typeof fetch): Promise<boolean> {
  try {
    const response = await fetcher(`${config.url.replace(/\/+$/, '')}/_session`, {
      headers: { Authorization: basicAuth(config), Accept: 'application/json' },
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) return false;
    const session = (await response.json()) as { userCtx?: { name?: unknown } };
    return session.userCtx?.name === config.user;
  } catch {
    return false;
  }
}

/**
 * How long one request of a sync may take, answer included. A server that accepts the
 * connection and then never answers (or stops half-way) would otherwise hold the one sync that
 * may run, and every later one, for as long as the worker lives.
 */
export const REQUEST_TIMEOUT_MS = 30_000;

/**
 * `fetch` for PouchDB's HTTP adapter, with the sync's time limit on every request. A server
 * error (5xx) is thrown with its status: PouchDB would otherwise read the error page as JSON and
 * fail with a parse error that says nothing about the server (a proxy's 502 is HTML).
 */
export const timedFetch: typeof fetch = async (input, init = {}) => {
  const limit = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
  const signal = init.signal ? AbortSignal.any([init.signal, limit]) : limit;
  let response: Response;
  try {
    response = await fetch(input, { ...init, signal });
  } catch (error) {
    // PouchDB copies an error's own fields into its own error type: a DOMException's name and
    // message are not own fields, so say it with an Error whose are.
    if (limit.aborted)
      throw Object.assign(new Error('The team server did not answer in time'), { name: 'TimeoutError' });
    throw error;
  }
  if (response.status >= 500) {
    void response.body?.cancel();
    throw Object.assign(new Error(`The team server answered HTTP ${response.status}`), { status: response.status });
  }
  return response;
};

/** HTTP Basic credentials, UTF-8 encoded (a password may hold any character). */
export function basicAuth({ user, password }: Pick<TeamConfig, 'user' | 'password'>): string {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}
