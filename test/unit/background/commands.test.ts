import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleCommand, TOGGLE_SIDEBAR } from '@/lib/background/commands';
import { onSidebarCommand } from '@/lib/content/commands';

describe('keyboard shortcuts', () => {
  it('toggle-sidebar asks the active tab’s content script to toggle', async () => {
    const send = vi.fn(async () => undefined);
    expect(await handleCommand('toggle-sidebar', { activeTabId: async () => 7, send })).toBe(true);
    expect(send).toHaveBeenCalledWith(7, TOGGLE_SIDEBAR);
  });

  it('other commands, and no active tab, do nothing; a tab without Rapport is no error', async () => {
    const send = vi.fn(async () => {
      throw new Error('Could not establish connection');
    });
    expect(await handleCommand('something-else', { activeTabId: async () => 7, send })).toBe(false);
    expect(await handleCommand('toggle-sidebar', { activeTabId: async () => undefined, send })).toBe(false);
    await expect(handleCommand('toggle-sidebar', { activeTabId: async () => 3, send })).resolves.toBe(true);
  });

  it('the content script toggles for its own extension only', async () => {
    fakeBrowser.reset();
    const toggle = vi.fn();
    onSidebarCommand({ toggle });
    await fakeBrowser.runtime.onMessage.trigger(TOGGLE_SIDEBAR, { id: 'another-extension' } as never, () => {});
    await fakeBrowser.runtime.onMessage.trigger(
      { command: 'toggle-sidebar' },
      { id: fakeBrowser.runtime.id } as never,
      () => {},
    );
    expect(toggle).not.toHaveBeenCalled();
    await fakeBrowser.runtime.onMessage.trigger(TOGGLE_SIDEBAR, { id: fakeBrowser.runtime.id } as never, () => {});
    expect(toggle).toHaveBeenCalledTimes(1);
  });
});
