import { toStoreError } from './db/open';
import { leaveOutBadRecords } from './prune';
import {
  type ParsedRequestOf,
  protocol,
  type RequestType,
  type ResponseOf,
  type Result,
} from '@/lib/messaging/protocol';

/** Where a message came from, as far as the background trusts it. */
export type SenderKind = 'page' | 'content';

/** The parts of `runtime.MessageSender` the checks read; built by hand in tests. */
export interface Sender {
  id?: string;
  url?: string;
  tab?: unknown;
}

export interface Self {
  /** Our own extension id: any other id is refused. */
  id: string;
  /** `chrome-extension://<id>/` (or `moz-extension://<uuid>/`): where our own pages live. */
  baseUrl: string;
}

/**
 * Trust comes from `sender.id`, which the browser sets and no page can change. Among our own
 * senders, an extension page is one whose frame URL is under our base URL (the browser sets
 * that too); anything else of ours runs in a web page's tab, so it is a content script and is
 * treated as exposed to that page.
 */
export function classifySender(sender: Sender, self: Self): SenderKind | undefined {
  if (!sender || sender.id !== self.id) return undefined;
  if (typeof sender.url === 'string' && sender.url.startsWith(self.baseUrl)) return 'page';
  if (sender.tab) return 'content';
  return undefined;
}

/** Who sent a request: the kind of context, and the tab it runs in (a content script's, or a framed page's). */
export interface From {
  kind: SenderKind;
  tabId?: number;
}

export type Handlers = {
  [T in RequestType]: (payload: ParsedRequestOf<T>, from: SenderKind, origin: From) => Promise<ResponseOf<T>>;
};

const refuse = (code: 'invalid' | 'unknown-type' | 'forbidden' | 'failed', message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});

const isRequestType = (type: unknown): type is RequestType => typeof type === 'string' && Object.hasOwn(protocol, type);

/** Validates a message, checks who may send it, runs its handler, and always answers with a result. */
export function createRouter(handlers: Handlers, self: Self) {
  return async function route(message: unknown, sender: Sender): Promise<Result<unknown>> {
    const from = classifySender(sender, self);
    if (!from) return refuse('forbidden', 'messages are accepted from Rapport itself only');
    if (typeof message !== 'object' || message === null || (message as { rapport?: unknown }).rapport !== 1) {
      return refuse('invalid', 'not a Rapport request');
    }
    const { type, payload } = message as { type?: unknown; payload?: unknown };
    if (!isRequestType(type)) return refuse('unknown-type', `unknown request type ${JSON.stringify(type)}`);
    const definition = protocol[type];
    if (definition.access === 'page' && from !== 'page') {
      return refuse('forbidden', `${type} is allowed from Rapport's own pages only`);
    }
    if (definition.access === 'content' && from !== 'content') {
      return refuse('forbidden', `${type} is a report from a content script about its own tab`);
    }
    const parsed = definition.request.safeParse(payload ?? {});
    if (!parsed.success) return refuse('invalid', `${type}: ${parsed.error.issues.map(describeIssue).join('; ')}`);
    try {
      const handler = handlers[type] as (p: unknown, f: SenderKind, o: From) => Promise<unknown>;
      const tabId = (sender.tab as { id?: unknown } | undefined)?.id;
      const origin: From = { kind: from, ...(typeof tabId === 'number' ? { tabId } : {}) };
      const answer = await handler(parsed.data, from, origin);
      // A stored record that fails today's schema is left out of the answer, not fatal to it
      // (lib/background/prune.ts); each pass removes at least one element, so this ends.
      for (;;) {
        const checked = definition.response.safeParse(answer);
        if (checked.success) return { ok: true, data: checked.data };
        const left = leaveOutBadRecords(answer, checked.error.issues);
        if (!left) throw checked.error;
        console.warn(`Rapport: ${type} left out records that fail today's schema`, left);
      }
    } catch (error) {
      // IndexedDB failures (quota, a blocked upgrade) become messages a seller can act on.
      const readable =
        error instanceof DOMException || (error as { name?: unknown })?.name === 'QuotaExceededError'
          ? toStoreError(error)
          : error;
      return refuse('failed', readable instanceof Error ? readable.message : String(readable));
    }
  };
}

function describeIssue(issue: { path: PropertyKey[]; message: string }): string {
  return issue.path.length ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message;
}
