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
