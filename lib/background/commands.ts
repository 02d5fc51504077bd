import { browser } from 'wxt/browser';
import { openSidePanel } from '@/lib/messaging/tabs';

/** The shortcut that opens Rapport in the browser's side panel (LinkedIn's only place for it). */
export const OPEN_SIDE_PANEL = 'open-side-panel';

/** The message the background sends a tab's content script when the seller presses the shortcut. */
export const TOGGLE_SIDEBAR = { rapport: 1, command: 'toggle-sidebar' } as const;

/** What a shortcut does, given how to reach the active tab; the wiring below supplies the browser. */
export async function handleCommand(
  command: string,
  tabs: { activeTabId(): Promise<number | undefined>; send(tabId: number, message: unknown): Promise<unknown> },
): Promise<boolean> {
  if (command !== 'toggle-sidebar') return false;
  const tabId = await tabs.activeTabId();
  if (tabId === undefined) return false;
  // A tab without Rapport's content script (not Gmail or LinkedIn) simply has nobody listening.
  await tabs.send(tabId, TOGGLE_SIDEBAR).catch(() => undefined);
  return true;
}

/**
 * Keyboard shortcuts (manifest `commands`): `_execute_action` opens the popup by itself;
 * `toggle-sidebar` asks the content script in the active tab to collapse or expand.
 */
export function listenToCommands(): void {
  browser.commands.onCommand.addListener((command, tab) => {
    // Synchronously, inside the shortcut's gesture: the browser opens a side panel only then.
    if (command === OPEN_SIDE_PANEL) return void openSidePanel(tab?.windowId).catch(() => undefined);
    return handleCommand(command, {
      activeTabId: async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id,
      send: (tabId, message) => browser.tabs.sendMessage(tabId, message),
    });
  });
}
