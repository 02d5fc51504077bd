import { browser } from 'wxt/browser';

/**
 * Commands for the sidebar's host, sent by our own background: the keyboard shortcut, and the
 * framed sidebar's toggle and "read the page again" (which reach the page only this way).
 * Anything else, or from anyone else, is ignored: a content script trusts only its own extension.
 */
export function onSidebarCommand(handlers: { toggle: () => void; rescan?: () => void }): void {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (sender.id !== browser.runtime.id) return;
    const m = message as { rapport?: unknown; command?: unknown } | null;
    if (m?.rapport !== 1) return;
    if (m.command === 'toggle-sidebar') handlers.toggle();
    if (m.command === 'rescan') handlers.rescan?.();
  });
}
