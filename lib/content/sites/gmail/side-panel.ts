import { SIDE_PANEL } from './selectors';

/**
 * Gmail's own right side panel, the part of the page Rapport's sidebar must never cover: the
 * right column when Gmail has one (rail and open panel in one box), plus any rail, panel or panel
 * wrapper outside it (the layout before 2024-11-07 had no `.aUx`). A closed panel is returned too:
 * watched, it reports the moment it opens; measured, it is 0 × 0 and ignored.
 * Class and attribute reads only, no layout, like every reader here: the caller measures.
 */
export function findSidePanel(root: ParentNode): Element[] {
  // Runs on every page frame: one query when the column is there (Gmail since 2024-11-07).
  const column = root.querySelector(SIDE_PANEL.column);
  if (column) return [column];
  const found: Element[] = [];
  for (const selector of [SIDE_PANEL.rail, SIDE_PANEL.wrapper, SIDE_PANEL.panel]) {
    for (const el of root.querySelectorAll(selector)) {
      if (!found.some((outer) => outer.contains(el))) found.push(el);
    }
  }
  return found;
}
