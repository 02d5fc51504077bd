import css from '@/components/sidebar/sidebar.css?inline';
import { renderSidebar } from '@/components/sidebar/render';
import { createSidebarState } from '@/components/sidebar/state';
import { request } from '@/lib/messaging/client';
import { onToggleCommand } from '@/lib/content/commands';
import { mountSidebarHost } from '@/lib/content/sidebar-host';
import { looksDark } from '@/lib/content/theme';
import { profileIdFromUrl, profileNameFromTitle, readCurrentCompany } from '@/lib/content/sites/linkedin/profile';

export default defineContentScript({
  matches: ['*://*.linkedin.com/*'],
  cssInjectionMode: 'manual',
  async main(ctx) {
    const state = createSidebarState(request, { site: 'linkedin' });
    await state.loadPrefs();
    onToggleCommand(() => state.toggle());
    const ui = await mountSidebarHost(ctx, css, (container) => renderSidebar(container, state, request));
    // No docking here (lib/content/dock.ts) yet: the captures hold only `main` (no right rail, no
    // messaging overlay "bubbles", site-dom.md B5), so there is no evidence of what LinkedIn keeps
    // fixed at its right edge or where; docking on a guess could move the sidebar for nothing.
    // LinkedIn never reloads between pages: follow its history changes, show only on profiles.
    const follow = async (url: string) => {
      const linkedinId = profileIdFromUrl(url);
      if (!linkedinId) return ui.remove();
      if (!ui.mounted) ui.mount();
      state.dark.value = looksDark(document.body);
      const found = readCurrentCompany(document);
      const company = found?.name ? { ...found, name: found.name } : undefined;
      // Before the card: an account still known by LinkedIn's company id takes the company's name.
      if (company) await request('profile.seen', { linkedinId, company });
      await state.show([{ name: profileNameFromTitle(document.title), linkedinId, ...(company ? { company } : {}) }]);
    };
    void follow(location.href);
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => void follow(newUrl.href));
  },
});
