import '@/components/sidebar/sidebar.css';
import { renderSidebar } from '@/components/sidebar/render';
import { createSidebarState } from '@/components/sidebar/state';
import { request } from '@/lib/messaging/client';
import { type PageReport, watchPageReport } from '@/lib/messaging/page-state';
import { followTab } from '@/lib/messaging/tabs';

// The sidebar page, in Rapport's own origin. Two hosts: the browser's side panel (it shows the
// active tab; opened as a tab with `?tab=<id>` it shows that tab, which is how tests and a second
// window reach it), and a frame in Gmail's page (`?host=gmail`: it shows the tab it is framed in,
// and its toggle and "read again" go to that tab's content script through the background).
const framed = new URLSearchParams(location.search).get('host') === 'gmail';
const command = (name: 'toggle-sidebar' | 'rescan') => void request('sidebar.command', { command: name });
const state = createSidebarState(
  request,
  framed
    ? { site: 'gmail', onToggle: () => command('toggle-sidebar'), onChange: () => command('rescan') }
    : { inPanel: true },
);
renderSidebar(document.getElementById('app') as HTMLElement, state, request);

const NO_PAGE = 'Open a LinkedIn profile, or a Gmail conversation, to see what Rapport knows.';
let shownKey: string | undefined;
function show(report: PageReport | undefined) {
  state.health.value = report?.health ?? [];
  state.account.value = report?.account;
  state.dark.value = !!report?.dark;
  if (report?.layout) {
    state.collapsed.value = report.layout.collapsed;
    state.shownByPage.value = report.layout.shownCollapsed;
    state.dock.value = { right: 0, cramped: report.layout.cramped, inColumn: report.layout.inColumn };
  }
  // Look the people up only when they (or the page's request to show them afresh) changed, not
  // for every change of layout, theme or health.
  const key = JSON.stringify([report?.people, report?.empty, report?.shown]);
  if (key === shownKey) return;
  shownKey = key;
  void state.show(report?.people ?? [], report?.empty || NO_PAGE);
}

let stopWatching = () => {};
followTab(new URLSearchParams(location.search).get('tab'), framed, (tabId) => {
  stopWatching();
  stopWatching = tabId === undefined ? () => {} : watchPageReport(tabId, show);
  if (tabId === undefined) show(undefined);
});
