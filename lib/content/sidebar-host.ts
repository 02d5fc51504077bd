import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';

/** The custom element that hosts the sidebar: a public test hook, keep it stable. */
export const SIDEBAR_ELEMENT = 'rapport-sidebar';

/**
 * Prepares the sidebar's shadow root; `mount()` puts it at the end of <body>. The stylesheet comes in as a
 * string, so nothing is listed in `web_accessible_resources` for sites to probe.
 * Key events are kept inside the shadow root so typing in Rapport never triggers the
 * site's own keyboard shortcuts.
 */
export async function mountSidebarHost(
  ctx: ContentScriptContext,
  css: string,
  render: (container: HTMLElement) => () => void,
) {
  const ui = await createShadowRootUi<() => void>(ctx, {
    name: SIDEBAR_ELEMENT,
    mode: 'open',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    css,
    isolateEvents: true,
    onMount: (container) => render(container),
    onRemove: (unmount) => unmount?.(),
  });
  return ui;
}
