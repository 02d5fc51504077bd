import type { Requester } from '@/lib/messaging/client';
import type { ResponseOf } from '@/lib/messaging/protocol';
import { classifyAddress, type InboxRow, type Self, senderElement } from './sites/gmail';

type Marker = ResponseOf<'markers.lookup'>['markers'][number];

/** The marker's element: its only attribute is this test hook; what it says is out of the page's reach. */
const MARK = 'rapport-marker';
const LOOK: Record<Marker['reason'], { color: string; says: (name: string) => string }> = {
  reply: { color: '#cf222e', says: (name) => `Rapport: ${name} is waiting for your reply` },
  overdue: { color: '#bf8700', says: (name) => `Rapport: a follow-up with ${name} is overdue` },
  'low-trust': { color: '#8250df', says: (name) => `Rapport: no trust with ${name} yet` },
};

/**
 * A dot whose words (the name and why, for a screen reader and the tooltip) and colour live in
 * a closed shadow root: Gmail's scripts see only that a small element follows the sender, never
 * who Rapport tracks or why. No `title` or `data-*` on Gmail's own nodes.
 */
function markerFor(marker: Marker): HTMLElement {
  const host = document.createElement('span');
  host.setAttribute('data-testid', MARK);
  const shadow = host.attachShadow({ mode: 'closed' });
  const dot = dotOf(marker.reason).cloneNode(true) as HTMLElement;
  dot.title = LOOK[marker.reason].says(marker.name);
  dot.setAttribute('aria-label', dot.title);
  shadow.append(dot);
  return host;
}

/**
 * One dot per reason, made once and copied for each marker: its style is parsed once, not for
 * every row Gmail draws again (on a busy inbox, making each dot afresh was a sixth of
 * Rapport's time per frame in the bench's observer scenario).
 */
const dots = new Map<Marker['reason'], HTMLElement>();
function dotOf(reason: Marker['reason']): HTMLElement {
  let dot = dots.get(reason);
  if (!dot) {
    dot = document.createElement('span');
    dot.textContent = '●';
    dot.setAttribute('role', 'img');
    dot.style.cssText = `margin-left:4px;font-size:9px;vertical-align:middle;color:${LOOK[reason].color}`;
    dots.set(reason, dot);
  }
  return dot;
}

/**
 * Puts a small dot beside each marked sender in the list, once: Gmail re-renders rows at will,
 * so this runs on every frame and adds only what is missing (or changed). Text only.
 */
function placeMarkers(rows: readonly InboxRow[], markers: ReadonlyMap<string, Marker>): void {
  for (const row of rows) {
    for (const sender of row.senders) {
      const marker = markers.get(sender.email);
      const slot = marker && senderElement(row.element, sender.email);
      if (!marker || !slot) continue;
      const placed = slot.nextElementSibling;
      const current = placed?.getAttribute('data-testid') === MARK ? placed : undefined;
      if (current && shown.get(current) === marker.reason) continue;
      const dot = markerFor(marker);
      shown.set(dot, marker.reason);
      if (current) current.replaceWith(dot);
      else slot.after(dot);
    }
  }
}

/** Which reason each placed marker shows, kept here in the content script's world, not on the node. */
const shown = new WeakMap<Element, Marker['reason']>();

/** Removes every marker, when the seller turns them off. */
function clearMarkers(root: ParentNode): void {
  for (const dot of root.querySelectorAll(`[data-testid="${MARK}"]`)) dot.remove();
}

/**
 * Marks beside tracked senders in the list: looked up when a sender not asked about yet shows
 * up, placed on the rows the frame read afresh (the others keep their dots), and on every row
 * when the answer changes.
 */
export function createInboxMarkers(options: {
  request: Requester;
  /** Asks for a frame: the answer of a look-up arrived. */
  wake: () => void;
  /** Whether the row reader read this row afresh in the current frame. */
  isFresh: (row: Element) => boolean;
}) {
  let markers = new Map<string, Marker>();
  // Gmail adds, drops and reorders rows all the time: a row scrolled away needs no look-up.
  let lookedUp = new Set<string>();
  let placeAll = false;
  // Every row on the list when `lookedUp` was last made was asked about; a row since is read
  // afresh (new or changed) or is as it was. So a frame looks at its fresh rows' senders only,
  // and at the whole list when one of them is new to `lookedUp`, or after a reset.
  let askAll = true;
  const externals = (rows: readonly InboxRow[], self: Self) =>
    [...new Set(rows.flatMap((r) => r.senders.map((p) => p.email)))].filter(
      (email) => classifyAddress(email, self) === 'external',
    );

  return {
    show(list: readonly InboxRow[], self: Self, enabled: boolean): void {
      if (!enabled) {
        if (markers.size) clearMarkers(document);
        markers = new Map();
        lookedUp = new Set();
        askAll = true;
        return;
      }
      const fresh = list.filter((r) => options.isFresh(r.element));
      if (markers.size > 0) placeMarkers(placeAll ? list : fresh, markers);
      placeAll = false;
      if (!askAll && externals(fresh, self).every((email) => lookedUp.has(email))) return;
      askAll = false;
      const senders = externals(list, self);
      if (senders.every((email) => lookedUp.has(email))) return;
      lookedUp = new Set(senders);
      void options.request('markers.lookup', { emails: senders.slice(0, 500) }).then((result) => {
        if (!result.ok) return;
        const next = new Map(result.data.markers.map((m) => [m.email, m]));
        if (sameMarkers(next, markers)) return;
        markers = next;
        placeAll = true;
        options.wake();
      });
    },
    /** Forgets what was asked: the next frame looks everyone up again (the seller tracked someone). */
    reset(): void {
      lookedUp = new Set();
      askAll = true;
    },
  };
}

function sameMarkers(a: ReadonlyMap<string, Marker>, b: ReadonlyMap<string, Marker>): boolean {
  return a.size === b.size && [...a].every(([email, m]) => b.get(email)?.reason === m.reason);
}
