import { browser } from 'wxt/browser';

/**
 * The tab a sidebar page shows: the one named in its URL (`?tab=<id>`); framed into a page, the
 * tab it is framed in; else the active tab of its window, followed as the seller switches tabs.
 * Needs no permission: only tab ids are read.
 */
export function followTab(fixed: string | null, framed: boolean, onTab: (tabId: number | undefined) => void): void {
  if (fixed && /^\d+$/.test(fixed)) {
    onTab(Number(fixed));
    return;
  }
  if (framed) {
    void browser.tabs.getCurrent().then((tab) => onTab(tab?.id));
    return;
  }
  const showActive = async () => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    onTab(tab?.id);
  };
  void showActive();
  browser.tabs.onActivated.addListener(() => void showActive());
}

interface SidePanelApis {
  sidePanel?: { open(options: { windowId: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
}

/**
 * Opens Rapport's side panel in a window: Chrome's `sidePanel` (Chrome 116+), Firefox's
 * `sidebarAction`. Both open only in answer to the seller's gesture (a click in the popup, a
 * keyboard shortcut), so call this straight from its handler, before any `await`.
 */
export function openSidePanel(windowId: number | undefined): Promise<void> {
  const apis = globalThis as unknown as { chrome?: SidePanelApis; browser?: SidePanelApis };
  if (apis.chrome?.sidePanel && windowId !== undefined) return apis.chrome.sidePanel.open({ windowId });
  if (apis.browser?.sidebarAction) return apis.browser.sidebarAction.open();
  return Promise.reject(new Error('this browser has no side panel for extensions'));
}
