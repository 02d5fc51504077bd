import css from '@/components/sidebar/sidebar.css?inline';
import { renderSidebar } from '@/components/sidebar/render';
import { createSidebarState } from '@/components/sidebar/state';
import { request } from '@/lib/messaging/client';
import { mountSidebarHost } from '@/lib/content/sidebar-host';

export default defineContentScript({
  matches: ['*://mail.google.com/*'],
  // The stylesheet is passed as a string: no CSS file is web-accessible for sites to probe.
  cssInjectionMode: 'manual',
  async main(ctx) {
    const state = createSidebarState(request);
    state.message.value = 'Open a conversation to see who is in it.';
    const ui = await mountSidebarHost(ctx, css, (container) => renderSidebar(container, state, request));
    ui.mount();
  },
});
