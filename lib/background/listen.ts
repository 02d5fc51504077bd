import { browser } from 'wxt/browser';
import { type Handlers, createRouter } from './router';

/**
 * Registers the one message listener. It answers through `sendResponse` and returns true,
 * which works in every browser and in WXT's fakeBrowser (which ignores returned promises).
 */
export function listen(handlers: Handlers): void {
  const route = createRouter(handlers, { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') });
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (answer: unknown) => void) => {
    void route(message, sender).then(sendResponse);
    return true;
  });
}
