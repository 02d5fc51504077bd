import { browser } from 'wxt/browser';
import type { RequestOf } from './protocol';

/**
 * What a content script last read on its tab (`page.report`), as the background keeps it in the
 * browser's session store under `page:<tab id>`: only Rapport's own pages can read that store,
 * so the sidebar page learns who is on the page without anything passing through the page.
 */
export type PageReport = RequestOf<'page.report'> & { at: number };

export const pageKey = (tabId: number) => `page:${tabId}`;

/**
 * Calls `onReport` with a tab's page report now and whenever its content script reports again
 * (the session store's change event), until the returned function is called. For extension
 * pages only: content scripts cannot read the session store.
 */
export function watchPageReport(tabId: number, onReport: (report: PageReport | undefined) => void): () => void {
  const key = pageKey(tabId);
  const listener = (changes: Record<string, { newValue?: unknown }>) => {
    if (key in changes) onReport(changes[key]?.newValue as PageReport | undefined);
  };
  browser.storage.session.onChanged.addListener(listener);
  void browser.storage.session.get(key).then((stored) => onReport(stored[key] as PageReport | undefined));
  return () => browser.storage.session.onChanged.removeListener(listener);
}
