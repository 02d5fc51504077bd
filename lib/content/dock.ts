import { columnMadeRoom, createColumnPlacement } from './dock-column';

/**
 * Where the sidebar may sit: at the right edge, but never over the site's own controls there;
 * when it would cover them, it pushes the page aside or collapses to its tab.
 *
 * - Push, in the site's layout: where the site has a right column laid out beside the page
 *   (Gmail's `div.aUx`), the sidebar takes its place in it and the site narrows its page for it,
 *   so nothing is covered (lib/content/dock-column.ts). No restyling of Gmail's own boxes: Gmail
 *   sizes the column by what is in it, as it does for its Calendar or an add-on's panel.
 * - Push, as an overlay: without such a column, the fixed sidebar moves left by the width of
 *   whatever holds the right edge (an older Gmail's rail and open panel found apart). It then
 *   still lies over the page's own right edge, as any fixed panel does.
 * - Collapse: when what is left beside the sidebar would be too narrow for the page to be used
 *   (a narrow window, a wide panel), the sidebar shows as its slim tab. That is not the seller's
 *   choice, so it is not remembered; the tab still opens it on demand.
 *
 * Two sources say what holds the edge: the site adapter's finder (Gmail's panel by its classes,
 * with evidence) and a site-independent probe of the right edge by geometry, so the sidebar still
 * steps aside when Gmail renames its classes. Measuring reads layout, so it never runs per
 * mutation: only at start, on window resize, when a watched element changes size
 * (ResizeObserver, which reports after layout) and when the finder's elements change, and always
 * batched into one animation frame.
 */

/** The sidebar's own box, as sidebar.css draws it. */
export const SIDEBAR_BOX = {
  /** `.rapport { width: 320px }`. */
  width: 320,
  /** `.rapport { top: 72px }`, below Gmail's and LinkedIn's top bars. */
  top: 72,
  /** `max-height: calc(100vh - 96px)`: the lowest the sidebar can reach is 24 px above the bottom. */
  bottomGap: 24,
  /** The collapsed tab, rounded up: always keep at least this much of it on screen. */
  tab: 56,
  /**
   * The page keeps at least this much beside the open sidebar, or the sidebar collapses: Gmail's
   * left navigation alone is about 256 px, and a conversation needs a readable column next to it.
   */
  minPage: 480,
  /** An element ending this close to the right edge holds the edge (sub-pixel widths, borders). */
  edge: 8,
} as const;

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}

export interface Viewport {
  width: number;
  height: number;
}

export interface Dock {
  /** How far from the right edge the sidebar sits, in px. */
  right: number;
  /** No room beside the site's panels: show the slim tab unless the seller opens it. */
  cramped: boolean;
}

/**
 * Pure: the sidebar's place given the viewport and the boxes of what may hold the right edge.
 * A box counts when it is rendered (not 0 × 0: a closed panel), overlaps the band the sidebar can
 * occupy vertically, and ends at the right edge or against a box that does (an open panel beside
 * the icon rail, when the two are found apart). The whole band, not the sidebar's current height:
 * a taller card or the collapsed tab must never move the sidebar back and forth.
 */
export function computeDock(view: Viewport, boxes: readonly Box[], box = SIDEBAR_BOX, own = 0): Dock {
  const bandTop = box.top;
  const bandBottom = view.height - box.bottomGap;
  let right = 0;
  // Rightmost first, so a chain (rail, then the panel against it) is followed in one pass.
  for (const b of [...boxes].sort((a, z) => z.right - a.right)) {
    if (b.width <= 0 || b.height <= 0) continue;
    if (b.bottom <= bandTop || b.top >= bandBottom) continue;
    if (b.right < view.width - right - box.edge) continue;
    right = Math.max(right, view.width - b.left);
  }
  // `own`: the width our sidebar takes inside one of the boxes (in the site's column): not the site's.
  right = Math.max(0, Math.ceil(right - own));
  // Never off screen: the tab stays visible however wide the panel is.
  right = Math.min(right, Math.max(0, view.width - box.tab));
  return { right, cramped: view.width - right - box.width < box.minPage };
}

/**
 * The site-independent safety net: what holds the right edge where the sidebar would be, found by
 * geometry. At a few heights just inside the edge, take the topmost page element (skipping our own
 * host, which sits there too) and climb to its outermost ancestor that still ends at the edge and
 * is narrow; the page's own wide containers (the mail view, `<body>`) never qualify, a rail or a
 * panel does. `elementsFromPoint` hit-tests like a click, so what a click would not reach
 * (`pointer-events: none`) is not in the way.
 */
export function probeRightEdge(doc: Document, view: Viewport, own: Element | null | undefined, box = SIDEBAR_BOX) {
  const x = view.width - 2;
  const top = box.top + 8;
  const bottom = view.height - box.bottomGap - 8;
  const maxWidth = view.width / 2;
  const found = new Set<Element>();
  if (bottom <= top) return [];
  for (const y of [top, (top + bottom) / 2, bottom]) {
    const topmost = doc
      .elementsFromPoint(x, y)
      .find((el) => el !== doc.documentElement && el !== doc.body && !(own && (el === own || own.contains(el))));
    let best: Element | undefined;
    for (let el = topmost; el && el !== doc.body && el !== doc.documentElement; el = el.parentElement ?? undefined) {
      const r = el.getBoundingClientRect();
      if (r.width > maxWidth) break;
      if (r.right >= view.width - box.edge && r.width > 0) best = el;
    }
    if (best) found.add(best);
  }
  return [...found];
}

export interface DockerOptions {
  /** Ends the docker with the content script (WXT's `ctx.signal`). */
  lifetime: AbortSignal;
  /** The site's own panels at the right edge (attribute reads only; may be empty). */
  find: () => Element[];
  /** Our own sidebar host: never an obstacle. */
  own: () => Element | null | undefined;
  /** The site's right column to take a place in (push), when it has one; see dock-column.ts. */
  column?: () => Element | null | undefined;
  onDock: (dock: PlacedDock) => void;
}

export interface PlacedDock extends Dock {
  /** In the site's column (in its layout), not a fixed overlay: `right` is then not an offset. */
  inColumn: boolean;
}

/**
 * Keeps the sidebar docked: measures when something may have moved, reports a new place only
 * when it changed. `check()` is for each page frame the site's watcher runs: it puts our host back
 * in the site's column if Gmail re-rendered it, and compares the finder's elements with the
 * watched ones (no layout), and measures on the next frame if either changed (Gmail draws its
 * side panel some time after the page loads).
 */
export function createDocker(options: DockerOptions) {
  const { lifetime } = options;
  let watched: Element[] = [];
  let found: Element[] = [];
  let last: PlacedDock | undefined;
  let scheduled = false;
  const resize = typeof ResizeObserver === 'function' ? new ResizeObserver(() => schedule()) : undefined;
  const column = options.column
    ? createColumnPlacement({ column: options.column, host: options.own, fallback: () => document.body })
    : undefined;

  const schedule = () => {
    if (scheduled || lifetime.aborted) return;
    scheduled = true;
    requestAnimationFrame(measure);
  };

  const watch = (elements: Element[]) => {
    if (sameElements(elements, watched)) return;
    resize?.disconnect();
    for (const el of elements) resize?.observe(el);
    watched = elements;
  };

  function measure() {
    scheduled = false;
    if (lifetime.aborted) return;
    const view = { width: document.documentElement.clientWidth || innerWidth, height: innerHeight };
    const host = options.own();
    let own = 0;
    if (column?.column && host) {
      if (!columnMadeRoom(column.column, host)) {
        column.refuse();
        column.place();
        return schedule();
      }
      own = host.getBoundingClientRect().width;
    }
    found = options.find();
    const probed = probeRightEdge(document, view, host).filter((el) => !found.some((f) => f === el || f.contains(el)));
    // Watch what the probe found as well: a panel we cannot name still reports its resizes.
    watch([...found, ...probed]);
    const dock = {
      ...computeDock(
        view,
        watched.map((el) => el.getBoundingClientRect()),
        SIDEBAR_BOX,
        own,
      ),
      inColumn: own > 0,
    };
    if (last && last.right === dock.right && last.cramped === dock.cramped && last.inColumn === dock.inColumn) return;
    last = dock;
    options.onDock(dock);
  }

  addEventListener('resize', schedule);
  lifetime.addEventListener(
    'abort',
    () => {
      removeEventListener('resize', schedule);
      resize?.disconnect();
    },
    { once: true },
  );
  column?.place();
  schedule();

  return {
    check() {
      if (lifetime.aborted) return;
      // Gmail re-rendered its column (our host went with the old one), or it came or went.
      if (column?.place()) schedule();
      if (!sameElements(options.find(), found)) schedule();
    },
  };
}

function sameElements(a: readonly Element[], b: readonly Element[]) {
  return a.length === b.length && a.every((el, i) => el === b[i]);
}
