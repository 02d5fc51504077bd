/**
 * Where the seller is in Gmail, from the URL alone (site-dom.md A1):
 * `https://mail.google.com/mail/u/<N>/#<route>[/<param>][/<thread token>][?compose=…]`.
 * The thread token (`FMfcgz…`, or an old 16-hex id) is opaque: neither SDK decodes it, and the
 * real thread id is read from the page (readThread). We only use it to notice that a thread is
 * open and that it changed.
 */

export interface GmailRoute {
  /** N from `/u/N/`; absent on `/mail/` without it (Gmail then shows account 0, but we do not assume). */
  accountIndex?: number;
  /** First hash segment: `inbox`, `sent`, `label`, `search`, `category`, `settings`, …; `inbox` for an empty hash. */
  route: string;
  /** The label name, search query or category, decoded, for the routes that take one. */
  param?: string;
  /** Last segment when it looks like a thread token (gmail.js `current_page()`: 16+ letters and digits). */
  threadToken?: string;
  threadOpen: boolean;
  /** The hash's `?compose=` value: `new` or a draft token, when a compose window is in the URL. */
  compose?: string;
}

// gmail.js `api.get.current_page()` keeps two segments for these.
const WITH_PARAM = new Set(['label', 'search', 'category', 'advanced-search']);
// Not mail: a token-like segment there is not a thread (InboxSDK route list, site-dom.md A1).
const NOT_MAIL = new Set(['settings', 'chat', 'chats', 'rooms', 'calls', 'apps', 'spaces']);
const THREAD_TOKEN = /^[0-9a-zA-Z]{16,}$/;

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment.replace(/\+/g, ' '));
  } catch {
    return segment;
  }
}

/** The route of a Gmail URL, or undefined for a URL that is not Gmail's mail app. */
export function parseGmailUrl(url: string): GmailRoute | undefined {
  // The page watcher asks on every frame, nearly always for the address it asked last.
  if (url === last.url) return last.route;
  const route = parseFresh(url);
  last = { url, route };
  return route;
}

let last: { url: string; route: GmailRoute | undefined } = { url: '', route: undefined };

function parseFresh(url: string): GmailRoute | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.hostname !== 'mail.google.com' || !parsed.pathname.startsWith('/mail')) return undefined;

  const index = /\/u\/(\d{1,3})(?:\/|$)/.exec(parsed.pathname)?.[1];
  const [path = '', query = ''] = parsed.hash.replace(/^#/, '').split('?', 2);
  const segments = path.split('/').filter(Boolean);
  const route = (segments[0] ?? 'inbox').toLowerCase();
  const rest = segments.slice(1);
  const param = WITH_PARAM.has(route) && rest.length ? decodeSegment(rest.shift() ?? '') : undefined;
  const last = rest.at(-1);
  const threadToken = !NOT_MAIL.has(route) && last && THREAD_TOKEN.test(last) ? last : undefined;
  const compose = new URLSearchParams(query).get('compose') ?? undefined;

  return {
    ...(index !== undefined ? { accountIndex: Number(index) } : {}),
    route,
    ...(param !== undefined ? { param } : {}),
    ...(threadToken ? { threadToken } : {}),
    threadOpen: !!threadToken,
    ...(compose ? { compose } : {}),
  };
}
