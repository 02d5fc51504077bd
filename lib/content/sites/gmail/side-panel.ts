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

/**
 * Gmail's right column alone (`div.aUx`, Gmail since 2024-11-07), where the open sidebar takes its
 * place beside the rail so that Gmail's own layout narrows the mail view for it (push; see
 * lib/content/dock-column.ts). Gmail lays the column out beside the mail view and widens it for
 * whatever panel is open in it, its own or an SDK's (InboxSDK sync-mole-spacer-with-right-column.ts:
 * "whenever the column is showing more than its ~56px icon rail, some panel is open (whoever owns
 * it)"). Undefined on older layouts: the sidebar then overlays the page beside the rail instead.
 */
export function findRightColumn(root: ParentNode): HTMLElement | undefined {
  return root.querySelector<HTMLElement>(SIDE_PANEL.column) ?? undefined;
}
