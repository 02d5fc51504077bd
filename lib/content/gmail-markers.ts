import type { ResponseOf } from '@/lib/messaging/protocol';
import { type InboxRow, senderElement } from './sites/gmail';

type Marker = ResponseOf<'markers.lookup'>['markers'][number];

const MARK = 'rapport-marker';
const LOOK: Record<Marker['reason'], { color: string; says: (name: string) => string }> = {
  reply: { color: '#cf222e', says: (name) => `Rapport: ${name} is waiting for your reply` },
  overdue: { color: '#bf8700', says: (name) => `Rapport: a follow-up with ${name} is overdue` },
  'low-trust': { color: '#8250df', says: (name) => `Rapport: no trust with ${name} yet` },
};

/**
 * Puts a small dot beside each marked sender in the list, once: Gmail re-renders rows at will,
 * so this runs on every frame and adds only what is missing. Text and attributes only.
 */
export function placeMarkers(rows: readonly InboxRow[], markers: ReadonlyMap<string, Marker>): void {
  for (const row of rows) {
    for (const sender of row.senders) {
      const marker = markers.get(sender.email);
      const slot = marker && senderElement(row.element, sender.email);
      if (!marker || !slot || slot.nextElementSibling?.getAttribute('data-testid') === MARK) continue;
      const look = LOOK[marker.reason];
      const dot = document.createElement('span');
      dot.textContent = '●';
      dot.title = look.says(marker.name);
      dot.setAttribute('role', 'img');
      dot.setAttribute('aria-label', dot.title);
      dot.setAttribute('data-testid', MARK);
      dot.setAttribute('data-reason', marker.reason);
      dot.style.cssText = `margin-left:4px;font-size:9px;vertical-align:middle;color:${look.color}`;
      slot.after(dot);
    }
  }
}

/** Removes every marker, when the seller turns them off. */
export function clearMarkers(root: ParentNode): void {
  for (const dot of root.querySelectorAll(`[data-testid="${MARK}"]`)) dot.remove();
}
