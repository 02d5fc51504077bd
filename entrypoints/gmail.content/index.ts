import { effect } from '@preact/signals';
import { createSidebarState } from '@/components/sidebar/state';
import { onSidebarCommand } from '@/lib/content/commands';
import { keepClearOfGmail } from '@/lib/content/gmail-layout';
import { startGmail } from '@/lib/content/gmail-live';
import { createPageReporter } from '@/lib/content/page-report';
import { createPageWatcher } from '@/lib/content/page-watcher';
import { mountSidebarFrame } from '@/lib/content/sidebar-frame';
import { request } from '@/lib/messaging/client';

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  // WXT's window.postMessage on start names the extension's id to every script of the page
  // (wxt-dev/wxt#1938): off, so a page cannot tell Rapport is installed that way.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    let gmail: ReturnType<typeof startGmail> | undefined;
    // Here only where the sidebar sits and whether it is collapsed; what it shows is drawn by
    // Rapport's own page in the frame, from what this script reports.
    const layout = createSidebarState(request, { site: 'gmail' });
    await layout.loadPrefs();
    // The seller may keep Gmail's sidebar in the browser's side panel (Settings): then nothing is framed in.
    const view = await request('settings.view', {});
    const frame = view.ok && view.data.gmailInSidePanel ? undefined : mountSidebarFrame(ctx);
    const report = createPageReporter(request, 'gmail');
    let shown = 0;
    onSidebarCommand({ toggle: () => layout.toggle(), rescan: () => gmail?.rescan() });
    const watcher = createPageWatcher({ lifetime: ctx.signal });
    keepClearOfGmail({
      lifetime: ctx.signal,
      watcher,
      host: () => frame?.host,
      dock: layout.dock,
      collapsed: layout.shownCollapsed,
      setDock: (dock) => layout.setDock(dock),
    });
    const stopLayout = effect(() => {
      const dock = layout.dock.value;
      const shownCollapsed = layout.shownCollapsed.value;
      frame?.setCollapsed(shownCollapsed);
      frame?.setRight(dock.inColumn ? 0 : dock.right);
      const place = { cramped: dock.cramped, inColumn: !!dock.inColumn };
      void report.set({ layout: { collapsed: layout.collapsed.value, shownCollapsed, ...place } });
    });
    ctx.onInvalidated(stopLayout);
    gmail = startGmail({
      watcher,
      request,
      sidebar: {
        showPeople: (people, empty) => report.set({ people, empty, shown: ++shown }),
        setHealth: (health) => void report.set({ health }),
        setAccount: (account) => void report.set(account ? { account } : { account: undefined }),
        setDark: (dark) => void report.set({ dark }),
      },
    });
  },
});
