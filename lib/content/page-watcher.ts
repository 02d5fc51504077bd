import { WORK_MEASURE } from '@/lib/shared/marks';

/**
 * The one place page changes come in: one MutationObserver for the whole page, work batched
 * into a single animation frame, and an AbortSignal per page view that fires on the next
 * navigation or when the extension goes away. Readers run inside `onFrame`; the observer
 * callback itself only sets a flag, so Gmail's own frames never wait on Rapport.
 * (The shape follows uBlock Origin's content script: one observer, work once per frame.)
 */

export type FrameReason = 'start' | 'navigation' | 'mutation';

export interface PageWatcherOptions {
  /** Aborts everything for good: WXT's `ctx.signal` (the extension was reloaded or removed). */
  lifetime: AbortSignal;
  root?: Node;
  /** Attribute changes that can change what readers see (expanding a message changes classes). */
  attributes?: string[];
  schedule?: (run: () => void) => void;
  location?: () => string;
}

/**
 * The nodes the page changed since the previous frame (mutation targets: a parent whose
 * children changed, an element whose attribute changed, a text node). On 'start' and
 * 'navigation' frames readers should read everything, whatever this holds.
 */
export type Changed = readonly Node[];

export interface PageWatcher {
  /** Runs `work` once per frame in which the page changed, and once at start. */
  onFrame(work: (signal: AbortSignal, reason: FrameReason, changed: Changed) => void): void;
  /** The current page view's signal: aborted on the next navigation. */
  readonly signal: AbortSignal;
  /** Runs every reader again on the next frame, as at start (after the seller tracked someone, say). */
  refresh(): void;
  /** Runs the frame's work on the next frame, with nothing changed: for news from elsewhere (a look-up's answer). */
  wake(): void;
  stop(): void;
}

export function createPageWatcher(options: PageWatcherOptions): PageWatcher {
  const root = options.root ?? document.body;
  const schedule = options.schedule ?? ((run) => requestAnimationFrame(run));
  const where = options.location ?? (() => location.href);
  const subscribers: ((signal: AbortSignal, reason: FrameReason, changed: Changed) => void)[] = [];
  let view = new AbortController();
  let href = where();
  let pending: FrameReason | undefined;
  let changed: Node[] = [];

  const flush = () => {
    const reason = pending ?? 'mutation';
    pending = undefined;
    const nodes = changed;
    changed = [];
    if (options.lifetime.aborted) return;
    const now = where();
    const navigated = now !== href || reason === 'navigation';
    if (navigated) {
      href = now;
      view.abort();
      view = new AbortController();
    }
    const started = performance.now();
    for (const work of subscribers) {
      try {
        work(view.signal, navigated && reason !== 'start' ? 'navigation' : reason, nodes);
      } catch (error) {
        // One broken reader must not stop the others, nor break the page.
        console.error('[rapport]', error);
      }
    }
    // Only in the bench's build (`wxt build --mode bench`): a production content script puts
    // nothing on the page's performance timeline, where the page could see Rapport at work.
    if (import.meta.env.MODE === 'bench') {
      performance.measure(WORK_MEASURE, { start: started, end: performance.now() });
    }
  };

  const request = (reason: FrameReason) => {
    // A navigation or start outranks a plain mutation within the same frame.
    if (pending === undefined) schedule(flush);
    if (pending === undefined || reason !== 'mutation') pending = reason;
  };

  // Only the targets are kept (no walk, no selector): deciding what they mean waits for the frame.
  const observer = new MutationObserver((records) => {
    for (const record of records) changed.push(record.target);
    request('mutation');
  });
  observer.observe(root, {
    childList: true,
    subtree: true,
    ...(options.attributes ? { attributes: true, attributeFilter: options.attributes } : {}),
  });
  const onNavigation = () => request('navigation');
  addEventListener('hashchange', onNavigation);
  addEventListener('popstate', onNavigation);

  const stop = () => {
    observer.disconnect();
    removeEventListener('hashchange', onNavigation);
    removeEventListener('popstate', onNavigation);
    view.abort();
  };
  options.lifetime.addEventListener('abort', stop, { once: true });

  return {
    onFrame(work) {
      subscribers.push(work);
      // Observers do not fire for what is already on the page: scan it once.
      request('start');
    },
    get signal() {
      return view.signal;
    },
    refresh: () => request('start'),
    wake: () => request('mutation'),
    stop,
  };
}
