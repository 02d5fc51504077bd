import { SIDE_PANEL } from './selectors';

/**
 * Keeps Gmail's compose windows clear of the open sidebar while it sits in the right column.
 *
 * Gmail keeps its compose windows ("moles", `.AD`, fixed at the bottom) left of the right column
 * by widening a flex spacer (`SIDE_PANEL.moleSpacer`), but only for its own panels (Calendar,
 * Keep, Tasks): a panel of anyone else's in the column, ours included, would have compose windows
 * lie over it. InboxSDK `gmail-driver/sync-mole-spacer-with-right-column.ts` fixes that for SDK
 * panels, and this follows its rules (our own code, not theirs):
 *  - take the spacer over only when Gmail has not widened it itself (no wider than the rail's
 *    inset); when Gmail has, its own panel is open and Gmail runs the spacer;
 *  - remember the original inline width and put it back when the sidebar collapses or goes away;
 *  - after each change fire a window `resize`, which makes Gmail move each compose window's
 *    bottom toolbar (`.aDj.ahe`, pinned with `position: fixed; left`) back under its window.
 * Two more rules are ours: a spacer InboxSDK already manages is left to it (it mirrors the whole
 * column, our sidebar included), and a width Gmail has since overwritten is never "restored".
 *
 * The width is the right column's occupied width, rail and sidebar together, as InboxSDK sets it.
 * The spacer is read with a layout read only when the sidebar opens or moves, or when Gmail makes
 * a new spacer (its first compose window); `check()` for each page frame reads no layout.
 */

/** InboxSDK's mark on a spacer it has taken over (sync-mole-spacer-with-right-column.ts `MANAGED_ATTR`). */
const INBOXSDK_MANAGED = 'data-inboxsdk-mole-spacer-managed';

/**
 * With only the rail showing Gmail keeps the spacer at a 66 px inset (InboxSDK `RAIL_INSET_WIDTH`);
 * wider than this (InboxSDK's `ICON_RAIL_MAX_WIDTH`), Gmail has widened it for a panel of its own.
 */
const RAIL_MAX = 80;

interface Held {
  el: HTMLElement;
  /** The inline width before ours, put back on release. */
  original: string;
  /** The inline width we set: if the spacer no longer has it, Gmail has taken it back. */
  set: string;
}

/** `refresh`: the fake window resize that re-positions compose toolbars (injected for tests). */
export function createMoleSpacer(doc: Document, refresh: () => void) {
  let wanted = 0;
  let held: Held | undefined;
  /** The last spacer looked at, held or declined: `check()` looks again only at a new one. */
  let seen: Element | undefined;

  const find = () => {
    const all = doc.querySelectorAll<HTMLElement>(SIDE_PANEL.moleSpacer);
    return all[all.length - 1];
  };

  function release() {
    if (!held) return;
    const { el, original, set } = held;
    held = undefined;
    if (!el.isConnected || el.style.width !== set) return;
    el.style.width = original;
    refresh();
  }

  function apply() {
    const spacer = find();
    seen = spacer;
    if (held && held.el !== spacer) release();
    if (!spacer || wanted <= 0) return release();
    const set = `${wanted}px`;
    if (held) {
      // Gmail wrote its own width since (its panel opened): Gmail runs the spacer now.
      if (spacer.style.width !== held.set) held = undefined;
      else if (set !== held.set) {
        spacer.style.width = held.set = set;
        refresh();
      }
      return;
    }
    if (spacer.hasAttribute(INBOXSDK_MANAGED)) return;
    if (spacer.getBoundingClientRect().width > RAIL_MAX) return;
    held = { el: spacer, original: spacer.style.width, set };
    spacer.style.width = set;
    refresh();
  }

  return {
    /** `px` > 0: keep compose windows that far from the right edge; 0: give the spacer back. */
    set(px: number) {
      const next = Math.max(0, Math.ceil(px));
      if (next === wanted && (next === 0 || held?.el.isConnected)) return;
      wanted = next;
      apply();
    },
    /** For each page frame, no layout read: sizes a spacer Gmail has just made (or re-made). */
    check() {
      if (wanted <= 0 || held?.el.isConnected) return;
      if (find() !== seen) apply();
    },
  };
}
