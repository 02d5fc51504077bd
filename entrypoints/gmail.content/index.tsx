import css from '@/components/sidebar/sidebar.css?inline';
import { renderSidebar } from '@/components/sidebar/render';
import { createSidebarState } from '@/components/sidebar/state';
import { keepClearOfGmail } from '@/lib/content/gmail-layout';
import { startGmail } from '@/lib/content/gmail-live';
import { createPageWatcher } from '@/lib/content/page-watcher';
import { onToggleCommand } from '@/lib/content/commands';
import { mountSidebarHost } from '@/lib/content/sidebar-host';
import { request } from '@/lib/messaging/client';

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  // The stylesheet is passed as a string: no CSS file is web-accessible for sites to probe.
  cssInjectionMode: 'manual',
  async main(ctx) {
    let gmail: ReturnType<typeof startGmail> | undefined;
    const state = createSidebarState(request, { site: 'gmail', onChange: () => gmail?.rescan() });
    await state.loadPrefs();
    onToggleCommand(() => state.toggle());
    const ui = await mountSidebarHost(ctx, css, (container) => renderSidebar(container, state, request));
    ui.mount();
    const watcher = createPageWatcher({ lifetime: ctx.signal });
    keepClearOfGmail({
      lifetime: ctx.signal,
      watcher,
      host: () => ui.shadowHost,
      dock: state.dock,
      collapsed: state.shownCollapsed,
      setDock: (dock) => state.setDock(dock),
    });
    gmail = startGmail({
      watcher,
      request,
      sidebar: {
        // Also reported for the side panel, once the cards are on screen (they come first).
        showPeople: (people, empty) =>
          state.show(people, empty).then(() => void request('page.report', { site: 'gmail', people, empty })),
        setHealth: (readers) => {
          state.health.value = readers;
        },
        setAccount: (account) => {
          state.account.value = account;
        },
        setDark: (dark) => {
          state.dark.value = dark;
        },
      },
    });
  },
});
