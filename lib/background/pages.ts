import { browser } from 'wxt/browser';
import { type PageReport, pageKey } from '@/lib/messaging/page-state';

/** Keeps a tab's latest page report for the sidebar page; the session store is gone when the browser closes. */
export async function keepPageReport(tabId: number, report: PageReport): Promise<void> {
  await browser.storage.session.set({ [pageKey(tabId)]: report });
}

/** A closed tab's report goes with it. Registered at the worker's start, like every listener. */
export function forgetClosedTabs(): void {
  browser.tabs.onRemoved.addListener((tabId) => void browser.storage.session.remove(pageKey(tabId)));
}
