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
  const look = LOOK[marker.reason];
  const dot = document.createElement('span');
  dot.textContent = '●';
  dot.title = look.says(marker.name);
  dot.setAttribute('role', 'img');
  dot.setAttribute('aria-label', dot.title);
  dot.style.cssText = `margin-left:4px;font-size:9px;vertical-align:middle;color:${look.color}`;
  shadow.append(dot);
  return host;
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

  return {
    show(list: readonly InboxRow[], self: Self, enabled: boolean): void {
      if (!enabled) {
        if (markers.size) clearMarkers(document);
        markers = new Map();
        lookedUp = new Set();
        return;
      }
      if (markers.size > 0) placeMarkers(placeAll ? list : list.filter((r) => options.isFresh(r.element)), markers);
      placeAll = false;
      const senders = [...new Set(list.flatMap((r) => r.senders.map((p) => p.email)))].filter(
        (email) => classifyAddress(email, self) === 'external',
      );
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
    },
  };
}

function sameMarkers(a: ReadonlyMap<string, Marker>, b: ReadonlyMap<string, Marker>): boolean {
  return a.size === b.size && [...a].every(([email, m]) => b.get(email)?.reason === m.reason);
}
