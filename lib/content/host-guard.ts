/**
 * Keeps a host element's attributes exactly as Rapport set them. The host sits in the page's DOM,
 * so the page's scripts can reach it even though its shadow root is closed: an `inert`, a `hidden`,
 * an inline style or a class could hide the sidebar, make it unclickable or lay a look-alike over
 * it. Whatever they change is put back at once (Bitwarden's inline menu resets the attributes and
 * styles a page sets on its host the same way: apps/browser/src/autofill/overlay/inline-menu/
 * iframe-content/autofill-inline-menu-iframe.service.ts in bitwarden/clients).
 *
 * `expected()` names every attribute the host may carry and its value (`null`: absent); any other
 * attribute is removed. The observer's own corrections cause one more callback, which finds
 * nothing to change, so it settles.
 */
export function guardHost(host: HTMLElement, expected: () => Record<string, string | null>) {
  const apply = () => {
    const want = expected();
    for (const name of host.getAttributeNames()) if (!(name in want)) host.removeAttribute(name);
    for (const [name, value] of Object.entries(want)) {
      if (value === null) {
        if (host.hasAttribute(name)) host.removeAttribute(name);
      } else if (host.getAttribute(name) !== value) host.setAttribute(name, value);
    }
  };
  const observer = new MutationObserver(apply);
  observer.observe(host, { attributes: true });
  apply();
  return {
    /** Sets the attributes from `expected()` now (after Rapport changed its own state). */
    apply,
    stop: () => observer.disconnect(),
  };
}
