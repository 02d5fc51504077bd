/**
 * Push instead of overlay. Where the site lays a column out at its right edge beside the page
 * (Gmail's right column `div.aUx`: the icon rail and any open panel, Gmail's or an add-on's; the
 * mail view narrows when it widens), the sidebar's host element is moved into that column as its
 * first child, left of the site's own panels. The site's own layout then makes room for it: the
 * mail view narrows, and the buttons at its right edge (reply, more, star, date) stay uncovered.
 * Without such a column (older layouts, LinkedIn, other pages) the host stays a fixed overlay at
 * the end of <body>, placed by lib/content/dock.ts.
 *
 * Collapsed, the host stays in the column as the slim tab (a strip about 40 px wide): the mail
 * view gives up that much, and in exchange nothing of the page is ever covered, not even Gmail's
 * toolbar (older / newer) at the top right of the mail view, which a floating tab would lie over.
 *
 * Why move the host ourselves rather than WXT's `anchor` + `autoMount`: autoMount re-mounts by
 * removing the UI and running `onMount` again (the Preact tree is rebuilt: focus and a half-typed
 * purchase are lost) and watches the whole document with a MutationObserver of its own. Moving the
 * one host element keeps its shadow root and tree as they are, and the check runs from the page
 * watcher's frame we already have: a query and a parent comparison, no layout read.
 */

/** Set on the host while it sits in the site's column: sidebar.css lays it out in the flow then. */
export const IN_COLUMN = 'data-in-column';

export interface ColumnPlacementOptions {
  /** The site's column, found by name (attribute reads only), or nothing. */
  column: () => Element | null | undefined;
  /** Our sidebar's host element. */
  host: () => Element | null | undefined;
  /** Where the host lives as an overlay: `document.body`. */
  fallback: () => Element;
}

export function createColumnPlacement(options: ColumnPlacementOptions) {
  /** A column that did not make room for the sidebar: never used again (a new one may be). */
  let refused: Element | undefined;
  let current: Element | undefined;
  return {
    /**
     * Puts the host where it belongs: into the column, or back at the end of <body> when there is
     * none (or Gmail re-rendered it and our host went with the old one). True when it moved.
     */
    place(): boolean {
      const host = options.host();
      if (!host) return false;
      const found = options.column() ?? undefined;
      current = found && found !== refused ? found : undefined;
      if (current) {
        if (host.parentElement === current) return false;
        host.setAttribute(IN_COLUMN, '');
        current.prepend(host);
        return true;
      }
      const fallback = options.fallback();
      if (host.parentElement === fallback) return false;
      host.removeAttribute(IN_COLUMN);
      fallback.append(host);
      return true;
    },
    /** The column the host sits in, or undefined when it is an overlay. */
    get column() {
      return current;
    },
    /** The column did not make room (its width is fixed: our host would push the rail out): overlay. */
    refuse() {
      refused = current;
      current = undefined;
    },
  };
}

/**
 * Whether the column made room for the host, measured after layout: the host is rendered and the
 * column's content fits in it. A column of fixed width would instead overflow (and clip or push
 * out the site's own rail); then the sidebar goes back to overlaying the page.
 */
export function columnMadeRoom(column: Element, host: Element) {
  return host.getBoundingClientRect().width > 0 && column.scrollWidth <= column.clientWidth + 1;
}
