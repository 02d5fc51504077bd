// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { createMoleSpacer } from '@/lib/content/sites/gmail';

/** Gmail's compose bar: two spacers, the right one last with the 66 px rail inset (InboxSDK). */
function bar(rightStyle = 'width: 66px;') {
  document.body.replaceChildren();
  const dw = document.createElement('div');
  dw.className = 'dw';
  const left = document.createElement('div');
  left.className = 'jAmAWb';
  const moles = document.createElement('div');
  const right = document.createElement('div');
  right.className = 'jAmAWb';
  right.setAttribute('style', rightStyle);
  dw.append(left, moles, right);
  document.body.append(dw);
  return { dw, left, right };
}

describe('createMoleSpacer: compose windows stay clear of the open sidebar', () => {
  it('widens the last spacer, refreshes the toolbars, and gives the original width back', () => {
    const { left, right } = bar();
    const refresh = vi.fn();
    const spacer = createMoleSpacer(document, refresh);
    spacer.set(376);
    expect(right.style.width).toBe('376px');
    expect(left.style.width).toBe('');
    expect(refresh).toHaveBeenCalledTimes(1);
    spacer.set(376);
    expect(refresh).toHaveBeenCalledTimes(1);
    spacer.set(676.4);
    expect(right.style.width).toBe('677px');
    spacer.set(0);
    expect(right.style.width).toBe('66px');
    expect(refresh).toHaveBeenCalledTimes(3);
  });

  it('leaves the spacer to Gmail when Gmail widened it, or took it back since', () => {
    const { right } = bar('width: 366px;');
    right.getBoundingClientRect = () => ({ width: 366 }) as DOMRect;
    const refresh = vi.fn();
    const spacer = createMoleSpacer(document, refresh);
    spacer.set(676);
    expect(right.style.width).toBe('366px');

    const other = bar();
    const second = createMoleSpacer(document, refresh);
    second.set(376);
    // Gmail opens Calendar: it writes its own width; ours is not "restored" over it.
    other.right.style.width = '366px';
    second.set(0);
    expect(other.right.style.width).toBe('366px');
  });

  it('leaves a spacer InboxSDK manages to it: it mirrors the whole column, our sidebar included', () => {
    const { right } = bar('width: 376px;');
    right.setAttribute('data-inboxsdk-mole-spacer-managed', 'true');
    const spacer = createMoleSpacer(document, vi.fn());
    spacer.set(500);
    expect(right.style.width).toBe('376px');
  });

  it('sizes the spacer Gmail makes with its first compose window, reading no layout per frame', () => {
    document.body.replaceChildren();
    const spacer = createMoleSpacer(document, vi.fn());
    spacer.set(376);
    const layout = vi.spyOn(Element.prototype, 'getBoundingClientRect');
    spacer.check();
    expect(layout).not.toHaveBeenCalled();
    const { right } = bar();
    spacer.check();
    expect(right.style.width).toBe('376px');
    layout.mockClear();
    spacer.check();
    spacer.check();
    expect(layout).not.toHaveBeenCalled();
    layout.mockRestore();
  });
});
