import '@/components/sidebar/sidebar.css';
import { renderSidebar } from '@/components/sidebar/render';
import { createSidebarState } from '@/components/sidebar/state';
import { request } from '@/lib/messaging/client';
import { watchPageReport } from '@/lib/messaging/page-state';
import { followTab } from '@/lib/messaging/tabs';

// The sidebar page in Rapport's own origin, in the browser's side panel: it shows the people
// the active tab's content script reported. Opened as a tab with `?tab=<id>` it shows that
// tab instead, which is how the tests (and a seller's second window) reach what the panel shows.
const state = createSidebarState(request, { inPanel: true });
renderSidebar(document.getElementById('app') as HTMLElement, state, request);

const NO_PAGE = 'Open a LinkedIn profile, or a Gmail conversation, to see what Rapport knows.';
let stopWatching = () => {};
followTab(new URLSearchParams(location.search).get('tab'), (tabId) => {
  stopWatching();
  stopWatching =
    tabId === undefined
      ? () => {}
      : watchPageReport(tabId, (report) => {
          state.health.value = report?.health ?? [];
          void state.show(report?.people ?? [], report?.empty || NO_PAGE);
        });
  if (tabId === undefined) void state.show([], NO_PAGE);
});
