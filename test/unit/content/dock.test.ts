// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Box, computeDock, probeRightEdge, SIDEBAR_BOX } from '@/lib/content/dock';

const box = (left: number, top: number, width: number, height: number): Box => ({
  left,
  top,
  width,
  height,
  right: left + width,
  bottom: top + height,
});

const WIDE = { width: 1280, height: 720 };
/** Gmail's icon rail: 56 px at the right edge, from below the 64 px top bar to the bottom. */
const rail = (view = WIDE) => box(view.width - 56, 64, 56, view.height - 64);

describe('computeDock: where the sidebar sits beside the right-edge panels', () => {
  it('stays at the edge when nothing holds it', () => {
    expect(computeDock(WIDE, [])).toEqual({ right: 0, cramped: false });
  });

  it('sits left of the icon rail, and of the rail and its open panel together', () => {
    expect(computeDock(WIDE, [rail()])).toEqual({ right: 56, cramped: false });
    const column = box(1280 - 356, 64, 356, 656);
    expect(computeDock(WIDE, [column])).toEqual({ right: 356, cramped: false });
    // Rail and panel found apart: the widest reach from the edge wins.
    expect(computeDock(WIDE, [rail(), box(1280 - 356, 64, 300, 656)])).toEqual({ right: 356, cramped: false });
  });

  it('ignores a closed panel (0 × 0), boxes away from the edge, and boxes above or below the sidebar', () => {
    expect(computeDock(WIDE, [box(0, 0, 0, 0)]).right).toBe(0);
    // Ends 20 px before the edge: not holding it (a button in the mail view).
    expect(computeDock(WIDE, [box(1100, 100, 160, 40)]).right).toBe(0);
    // The top bar's account button ends at the edge but above the sidebar's 72 px top.
    expect(computeDock(WIDE, [box(1230, 8, 48, 48)]).right).toBe(0);
    // Something in the last 24 px at the bottom, where the sidebar never reaches.
    expect(computeDock(WIDE, [box(1200, 700, 80, 20)]).right).toBe(0);
    // A button in the mail view 24 px left of the rail: not against it, not in the way.
    expect(computeDock(WIDE, [rail(), box(1100, 100, 100, 40)]).right).toBe(56);
    // Sub-pixel: ends 0.5 px short of the edge, still holds it.
    expect(computeDock(WIDE, [box(1223.5, 64, 56, 656)]).right).toBe(57);
  });

  it('collapses to the tab when the page would keep less than its minimum beside the sidebar', () => {
    // 1024 px with Calendar open: 1024 - 356 - 320 = 348 px left for Gmail.
    const narrow = { width: 1024, height: 720 };
    expect(computeDock(narrow, [box(1024 - 356, 64, 356, 656)])).toEqual({ right: 356, cramped: true });
    // The same window with only the rail: 648 px left, room enough.
    expect(computeDock(narrow, [rail(narrow)])).toEqual({ right: 56, cramped: false });
    // A narrow window with nothing at the edge.
    expect(computeDock({ width: 760, height: 720 }, [])).toEqual({ right: 0, cramped: true });
    expect(SIDEBAR_BOX.minPage).toBe(480);
  });

  it('in the site’s column, counts only the site’s own panels, not the width our sidebar takes there', () => {
    // Gmail's column holding our open sidebar (320) and the rail (56): the site holds 56 px.
    const column = box(1280 - 376, 64, 376, 656);
    expect(computeDock(WIDE, [column], SIDEBAR_BOX, 320)).toEqual({ right: 56, cramped: false });
    // Collapsed to the 40 px tab: the same place, so opening and closing never moves the dock.
    expect(computeDock(WIDE, [box(1280 - 96, 64, 96, 656)], SIDEBAR_BOX, 40)).toEqual({ right: 56, cramped: false });
    // 1024 px with Calendar open beside our sidebar: 1024 - 356 - 320 = 348 px for Gmail, too little.
    const narrow = { width: 1024, height: 720 };
    expect(computeDock(narrow, [box(1024 - 676, 64, 676, 656)], SIDEBAR_BOX, 320)).toEqual({
      right: 356,
      cramped: true,
    });
  });

  it('keeps the tab on screen however wide the panel is', () => {
    expect(computeDock({ width: 600, height: 720 }, [box(-100, 64, 700, 656)])).toEqual({
      right: 600 - SIDEBAR_BOX.tab,
      cramped: true,
    });
  });
});

describe('probeRightEdge: the safety net that finds a right-edge panel by geometry', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    document.body.replaceChildren();
  });

  /** happy-dom does no layout: give each element a box and hit-test by hand. */
  function layout(boxes: Map<Element, Box>, stackAt: (x: number, y: number) => Element[]) {
    vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
      return (boxes.get(this) ?? box(0, 0, 1280, 720)) as DOMRect;
    });
    Object.defineProperty(document, 'elementsFromPoint', { configurable: true, value: stackAt });
  }

  it('climbs from the icon under the probe to the outermost narrow box at the edge, skipping our own host', () => {
    document.body.innerHTML = `<div id="page"><main id="main"></main><div id="column"><div id="rail"><div id="icon"></div></div></div></div><rapport-sidebar id="own"></rapport-sidebar>`;
    const $ = (id: string) => document.getElementById(id) as Element;
    layout(
      new Map([
        [$('page'), box(0, 64, 1280, 656)],
        [$('main'), box(0, 64, 1224, 656)],
        [$('column'), box(1224, 64, 56, 656)],
        [$('rail'), box(1228, 64, 52, 656)],
        [$('icon'), box(1236, 80, 40, 40)], // centred in the rail: does not touch the edge itself
      ]),
      () => [$('own'), $('icon'), $('rail'), $('column'), $('page'), document.body, document.documentElement],
    );
    expect(probeRightEdge(document, WIDE, $('own'))).toEqual([$('column')]);
  });

  it('finds nothing when the page itself reaches the edge (no side panel)', () => {
    document.body.innerHTML = `<div id="page"><main id="main"></main></div>`;
    const $ = (id: string) => document.getElementById(id) as Element;
    layout(
      new Map([
        [$('page'), box(0, 64, 1280, 656)],
        [$('main'), box(0, 64, 1280, 656)],
      ]),
      () => [$('main'), $('page'), document.body, document.documentElement],
    );
    expect(probeRightEdge(document, WIDE, null)).toEqual([]);
  });
});
