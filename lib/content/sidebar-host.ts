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
  actOnlyOnTrustedGestures(ui.shadow);
  return ui;
}

/** Events that can make the sidebar act: a click, a changed select, a typed value, a submitted form, a key. */
const ACTING_EVENTS = ['click', 'dblclick', 'change', 'input', 'submit', 'keydown', 'keyup', 'keypress'] as const;

/**
 * The page's own scripts can reach into the sidebar and call `.click()` or dispatch `change`
 * (a Track, a Done, the account confirmation that is the seller's consent to capture). Only
 * the seller's own gestures reach the sidebar's handlers: events the browser did not make
 * (`isTrusted` false) are stopped as they enter the shadow root, before any handler runs.
 */
export function actOnlyOnTrustedGestures(root: EventTarget): void {
  for (const type of ACTING_EVENTS) {
    root.addEventListener(
      type,
      (event) => {
        if (event.isTrusted) return;
        event.stopImmediatePropagation();
        event.preventDefault();
      },
      { capture: true },
    );
  }
}
