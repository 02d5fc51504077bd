import { HIDDEN } from './selectors';

/**
 * Small DOM helpers shared by the readers. All of them read attributes and `textContent` only:
 * no layout (no getBoundingClientRect, offset*, innerText), so they are cheap to run on every
 * batch of mutations.
 */

/**
 * Text of an element with Gmail's emoji images put back (`img[data-emoji]`, as InboxSDK's
 * `getSubject()` does), whitespace collapsed. Text only: markup in it stays literal text.
 */
export function readableText(el: Element): string {
  let out = '';
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) out += child.nodeValue ?? '';
      else if (child.nodeType === 1) {
        const element = child as Element;
        const emoji = element.localName === 'img' ? element.getAttribute('data-emoji') : null;
        if (emoji) out += emoji;
        else walk(element);
      }
    }
  };
  walk(el);
  return out.replace(/\s+/g, ' ').trim();
}

/** Hidden by an inline `display: none` on itself or an ancestor (an attribute read, no layout). */
export function isInlineHidden(el: Element): boolean {
  return el.closest(HIDDEN) !== null;
}

/** The first match that is not inside any element matching `outside`, or undefined. */
export function firstMatch(root: ParentNode, selector: string, outside?: string): Element | undefined {
  for (const el of root.querySelectorAll(selector)) {
    if (!outside || !insideWithin(el, outside, root)) return el;
  }
  return undefined;
}

/**
 * All matches not inside an element matching `outside` (below `root`). Whether an element is
 * inside depends on its parent only: siblings (an inbox's hundred rows in one table) ask once.
 */
export function allMatches(root: ParentNode, selector: string, outside?: string): Element[] {
  const all = [...root.querySelectorAll(selector)];
  if (!outside) return all;
  const insideOf = new Map<Element | null, boolean>();
  return all.filter((el) => {
    let inside = insideOf.get(el.parentElement);
    if (inside === undefined) {
      inside = insideWithin(el, outside, root);
      insideOf.set(el.parentElement, inside);
    }
    return !inside;
  });
}

/** Whether `el` has an ancestor matching `selector` strictly between itself and `root`. */
function insideWithin(el: Element, selector: string, root: ParentNode): boolean {
  const hit = el.parentElement?.closest(selector);
  return !!hit && hit !== root && (root as Node).contains(hit);
}
