import { effect } from '@preact/signals';
import css from '@/components/sidebar/sidebar.css?inline';
import { renderSidebar } from '@/components/sidebar/render';
import { createSidebarState } from '@/components/sidebar/state';
import { createDocker, SIDEBAR_BOX } from '@/lib/content/dock';
import { startGmail } from '@/lib/content/gmail-live';
import { createPageWatcher } from '@/lib/content/page-watcher';
import { onToggleCommand } from '@/lib/content/commands';
import { mountSidebarHost } from '@/lib/content/sidebar-host';
import { createMoleSpacer, findRightColumn, findSidePanel } from '@/lib/content/sites/gmail';
import { request } from '@/lib/messaging/client';

export default defineContentScript({
  matches: ['*://mail.google.com/*'],
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
    // Never over Gmail's own buttons: in Gmail's right column, so Gmail narrows the mail view for
    // it (push); without one, left of the side panel; collapsed when there is no room.
    const docker = createDocker({
      lifetime: ctx.signal,
      find: () => findSidePanel(document),
      own: () => ui.shadowHost,
      column: () => findRightColumn(document),
      onDock: (dock) => state.setDock(dock),
    });
    // Compose windows stay clear of the open sidebar in the column: the column's occupied width
    // (Gmail's panels plus ours) on Gmail's mole spacer; given back when collapsed or gone.
    const moles = createMoleSpacer(document, () => dispatchEvent(new Event('resize')));
    const stopMoles = effect(() => {
      const dock = state.dock.value;
      moles.set(dock.inColumn && !state.shownCollapsed.value ? dock.right + SIDEBAR_BOX.width : 0);
    });
    ctx.onInvalidated(() => {
      stopMoles();
      moles.set(0);
    });
    watcher.onFrame(() => {
      docker.check();
      moles.check();
    });
    gmail = startGmail({
      watcher,
      request,
      sidebar: {
        showPeople: (people, empty) => state.show(people, empty),
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
