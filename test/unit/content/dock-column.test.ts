// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { columnMadeRoom, createColumnPlacement, IN_COLUMN } from '@/lib/content/dock-column';

/** Gmail's shell in brief: the mail view and the right column (rail inside), our host in <body>. */
function page() {
  document.body.replaceChildren();
  const mail = document.createElement('div');
  const column = document.createElement('div');
  column.className = 'aUx';
  const rail = document.createElement('div');
  rail.className = 'bAw';
  column.append(rail);
  const host = document.createElement('rapport-sidebar');
  document.body.append(mail, column, host);
  const placement = createColumnPlacement({
    column: () => document.querySelector('.aUx'),
    host: () => host,
    fallback: () => document.body,
  });
  return { column, rail, host, placement };
}

describe('createColumnPlacement: the sidebar takes its place in the site’s right column', () => {
  it('moves the host into the column, left of the rail, marked; once', () => {
    const { column, rail, host, placement } = page();
    expect(placement.place()).toBe(true);
    expect([...column.children]).toEqual([host, rail]);
    expect(host.hasAttribute(IN_COLUMN)).toBe(true);
    expect(placement.column).toBe(column);
    expect(placement.place()).toBe(false);
  });

  it('follows Gmail when it re-renders the column, and goes back to <body> when there is none', () => {
    const { column, host, placement } = page();
    placement.place();
    const fresh = document.createElement('div');
    fresh.className = 'aUx';
    column.replaceWith(fresh);
    expect(placement.place()).toBe(true);
    expect(host.parentElement).toBe(fresh);
    fresh.remove();
    expect(placement.place()).toBe(true);
    expect(host.parentElement).toBe(document.body);
    expect(host.hasAttribute(IN_COLUMN)).toBe(false);
    expect(placement.column).toBeUndefined();
  });

  it('overlays the page instead when a column refused it, until Gmail makes a new one', () => {
    const { column, host, placement } = page();
    placement.place();
    placement.refuse();
    expect(placement.place()).toBe(true);
    expect(host.parentElement).toBe(document.body);
    expect(placement.place()).toBe(false);
    const fresh = document.createElement('div');
    fresh.className = 'aUx';
    column.replaceWith(fresh);
    expect(placement.place()).toBe(true);
    expect(host.parentElement).toBe(fresh);
  });

  it('never moves a host that is not there', () => {
    const placement = createColumnPlacement({
      column: () => document.createElement('div'),
      host: () => undefined,
      fallback: () => document.body,
    });
    expect(placement.place()).toBe(false);
  });
});

describe('columnMadeRoom: whether the column grew for the sidebar', () => {
  const sized = (el: Element, scroll: number, client: number, width: number) => {
    Object.defineProperty(el, 'scrollWidth', { value: scroll, configurable: true });
    Object.defineProperty(el, 'clientWidth', { value: client, configurable: true });
    el.getBoundingClientRect = () => ({ width }) as DOMRect;
  };

  it('yes when the content fits; no when it overflows a fixed width or the host is not rendered', () => {
    const column = document.createElement('div');
    const host = document.createElement('rapport-sidebar');
    sized(column, 376, 376, 0);
    sized(host, 0, 0, 320);
    expect(columnMadeRoom(column, host)).toBe(true);
    sized(column, 376, 56, 0);
    expect(columnMadeRoom(column, host)).toBe(false);
    sized(column, 56, 56, 0);
    sized(host, 0, 0, 0);
    expect(columnMadeRoom(column, host)).toBe(false);
  });
});
