import { browser } from 'wxt/browser';
import { IMPORT_PORT_PREFIX } from '@/lib/messaging/client';
import { holdImport } from './import-journal';
import { classifySender, type Handlers, createRouter } from './router';

/**
 * Registers the one message listener. It answers through `sendResponse` and returns true,
 * which works in every browser and in WXT's fakeBrowser (which ignores returned promises).
 */
/** This extension, as the sender checks know it. */
const self = () => ({ id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') });

export function listen(handlers: Handlers): void {
  const route = createRouter(handlers, self());
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (answer: unknown) => void) => {
    void route(message, sender).then(sendResponse);
    return true;
  });
  listenForPosts(route);
}

/** A `message` event of the service worker: a page's `postMessage`, with the port it waits on. */
interface PostEvent {
  data: unknown;
  source: { url?: string } | null;
  ports: readonly MessagePort[];
  waitUntil(done: Promise<unknown>): void;
}

/**
 * The dashboard's bulk requests (lib/messaging/bulk.ts) arrive as `postMessage` to the service
 * worker. Only pages of this extension's origin can reach it so; the router checks the sender
 * as for any message (its URL must be one of ours) and validates the envelope the same way.
 */
function listenForPosts(route: ReturnType<typeof createRouter>): void {
  // No service worker (Firefox's event page): the dashboard uses runtime messaging there.
  if (typeof (globalThis as { skipWaiting?: unknown }).skipWaiting !== 'function') return;
  globalThis.addEventListener('message', (event) => {
    const post = event as unknown as PostEvent;
    const reply = post.ports[0];
    if (!reply) return;
    const sender = { id: browser.runtime.id, ...(post.source?.url ? { url: post.source.url } : {}) };
    post.waitUntil(route(post.data, sender).then((answer) => reply.postMessage(answer)));
  });
}

/**
 * A dashboard tab reading a file for an import holds a port open under the import's id: while it
 * is open the import is being worked on; when the tab goes, the port closes with it.
 */
export function listenForImportTabs(): void {
  const us = self();
  browser.runtime.onConnect.addListener((port) => {
    if (!port.name.startsWith(IMPORT_PORT_PREFIX) || classifySender(port.sender ?? {}, us) !== 'page') return;
    const release = holdImport(port.name.slice(IMPORT_PORT_PREFIX.length));
    port.onDisconnect.addListener(release);
  });
}
