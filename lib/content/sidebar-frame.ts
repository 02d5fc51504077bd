import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { SIDEBAR_BOX } from './dock';
import { IN_COLUMN } from './dock-column';
import { guardHost } from './host-guard';

/** The custom element that hosts the sidebar's frame: a public test hook, keep it stable. */
export const SIDEBAR_ELEMENT = 'rapport-sidebar';
/** The sidebar page, in Rapport's own origin; listed (alone) in `web_accessible_resources` for Gmail. */
export const SIDEBAR_PAGE = '/sidepanel.html';
/** The collapsed sidebar's width: the tab with its toggle. */
const TAB_WIDTH = 44;

/**
 * The host's look, from inside its closed shadow root. `all: initial !important` so Gmail's
 * stylesheets cannot restyle it; the sizes follow `data-*` the content script sets. As an overlay
 * it is fixed at the right, `SIDEBAR_BOX` from the top; in Gmail's column it is a flex item the
 * column's height. The frame fills the host.
 */
const HOST_CSS = `
:host { all: initial !important; display: block !important; box-sizing: border-box !important;
  position: fixed !important; top: ${SIDEBAR_BOX.top}px !important; right: var(--rapport-right, 0) !important;
  width: ${SIDEBAR_BOX.width}px !important; height: calc(100vh - ${SIDEBAR_BOX.top + SIDEBAR_BOX.bottomGap}px) !important;
  z-index: 2147483000 !important; }
:host([${IN_COLUMN}]) { position: static !important; height: 100% !important; flex: none !important; }
:host([data-collapsed]) { width: ${TAB_WIDTH}px !important; height: 44px !important; }
:host([${IN_COLUMN}][data-collapsed]) { height: 100% !important; }
iframe { all: initial; display: block; width: 100%; height: 100%; border: 0; color-scheme: normal; }
`;

export interface SidebarFrame {
  readonly host: HTMLElement;
  /** Shows the collapsed tab or the whole sidebar. */
  setCollapsed(collapsed: boolean): void;
  /** As an overlay: px from the right edge (left of Gmail's own side panel). */
  setRight(px: number): void;
}

/**
 * The sidebar on Gmail: Rapport's own page in an iframe, inside a closed shadow root, the way
 * password managers show their inline menus (Bitwarden's extension, apps/browser/src/autofill/
 * overlay/inline-menu/iframe-content/autofill-inline-menu-iframe.service.ts in bitwarden/clients).
 * Gmail's scripts can reach neither the frame's document (another origin) nor the iframe element
 * (a closed root), so nothing Rapport knows is in Gmail's DOM, and nothing there can be clicked by
 * the page. The frame gets what to show from the background, never through the page's window.
 * Created once per tab and kept across Gmail's in-app navigation.
 */
export function mountSidebarFrame(ctx: ContentScriptContext): SidebarFrame {
  const host = document.createElement(SIDEBAR_ELEMENT);
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = HOST_CSS;
  const frame = document.createElement('iframe');
  frame.src = browser.runtime.getURL(`${SIDEBAR_PAGE}?host=gmail` as '/sidepanel.html');
  frame.title = 'Rapport';
  shadow.append(style, frame);
  document.body.append(host);
  const state = { collapsed: false, right: 0 };
  const guard = guardHost(host, () => ({
    'data-collapsed': state.collapsed ? '' : null,
    // Set by the column placement (dock-column.ts) when it moves the host out of <body>.
    [IN_COLUMN]: host.parentElement === document.body ? null : '',
    style: `--rapport-right: ${state.right}px;`,
  }));
  ctx.onInvalidated(() => {
    guard.stop();
    host.remove();
  });
  return {
    host,
    setCollapsed(collapsed) {
      state.collapsed = collapsed;
      guard.apply();
    },
    setRight(px) {
      state.right = px;
      guard.apply();
    },
  };
}
