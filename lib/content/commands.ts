import { browser } from 'wxt/browser';

/**
 * The sidebar shortcut, sent by our own background. Anything else, or from anyone else, is
 * ignored: a content script trusts only its own extension.
 */
export function onToggleCommand(toggle: () => void): void {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (sender.id !== browser.runtime.id) return;
    const m = message as { rapport?: unknown; command?: unknown } | null;
    if (m?.rapport === 1 && m.command === 'toggle-sidebar') toggle();
  });
}
