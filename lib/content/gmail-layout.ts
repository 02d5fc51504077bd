import { effect, type ReadonlySignal } from '@preact/signals';
import { createDocker, type PlacedDock, SIDEBAR_BOX } from './dock';
import type { PageWatcher } from './page-watcher';
import { createMoleSpacer, findRightColumn, findSidePanel } from './sites/gmail';

/**
 * Keeps the sidebar off Gmail's own buttons: in Gmail's right column when there is one, so Gmail
 * narrows the mail view for it (push); without one, left of the side panel; collapsed when there
 * is no room. Compose windows are kept clear of it in the column through Gmail's mole spacer
 * (the column's occupied width: Gmail's panels plus ours), given back when collapsed or unloaded.
 */
export function keepClearOfGmail(options: {
  /** Ends with the content script (WXT's `ctx.signal`). */
  lifetime: AbortSignal;
  watcher: PageWatcher;
  /** Our sidebar's host element. */
  host: () => Element | null | undefined;
  /** Where the sidebar sits now (what `setDock` last set). */
  dock: ReadonlySignal<{ right: number; inColumn?: boolean | undefined }>;
  collapsed: ReadonlySignal<boolean>;
  setDock: (dock: PlacedDock) => void;
}): void {
  const { lifetime } = options;
  const docker = createDocker({
    lifetime,
    find: () => findSidePanel(document),
    own: options.host,
    column: () => findRightColumn(document),
    onDock: options.setDock,
  });
  // Gmail moves its compose toolbars on a window resize (InboxSDK fakes one for the same reason).
  const moles = createMoleSpacer(document, () => dispatchEvent(new Event('resize')));
  const stopMoles = effect(() => {
    const dock = options.dock.value;
    moles.set(dock.inColumn && !options.collapsed.value ? dock.right + SIDEBAR_BOX.width : 0);
  });
  lifetime.addEventListener(
    'abort',
    () => {
      stopMoles();
      moles.set(0);
    },
    { once: true },
  );
  // Gmail's side panel and right column change when the seller opens a panel; its inbox changes
  // on nearly every frame. Looking for them takes selector scans of the whole page, so a frame of
  // plain mutations looks at most every CHECK_EVERY_MS, and once more after the last one skipped
  // (a panel's resizes reach the docker at once through its ResizeObserver).
  let lastCheck = Number.NEGATIVE_INFINITY;
  let trailing: ReturnType<typeof setTimeout> | undefined;
  const check = () => {
    clearTimeout(trailing);
    trailing = undefined;
    lastCheck = performance.now();
    docker.check();
    moles.check();
  };
  lifetime.addEventListener('abort', () => clearTimeout(trailing), { once: true });
  options.watcher.onFrame((_signal, reason) => {
    const since = performance.now() - lastCheck;
    if (reason !== 'mutation' || since >= CHECK_EVERY_MS) check();
    else trailing ??= setTimeout(check, CHECK_EVERY_MS - since);
  });
}

const CHECK_EVERY_MS = 250;
