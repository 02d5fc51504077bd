// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findRightColumn, findSidePanel } from '@/lib/content/sites/gmail';
import { allFixtureNames, loadFixture } from './load-fixture';

const SIDE_PANEL = 'variants/SYNTHETIC-thread-side-panel.html';

describe('findSidePanel: Gmail’s own right side panel', () => {
  afterEach(() => vi.restoreAllMocks());

  it('finds the right column (rail and panel in one box) in the 2024-11-07 layout', () => {
    const doc = loadFixture(SIDE_PANEL);
    const found = findSidePanel(doc);
    expect(found.map((el) => el.className)).toEqual(['aUx']);
    // The closed panel and the rail are inside it: measured with it, never twice.
    expect(found[0]?.querySelector('.brC-brG')).not.toBeNull();
    expect(found[0]?.querySelector('[role=tablist] [aria-label=Calendar]')).not.toBeNull();
  });

  it('finds the rail and the panel apart when there is no right column (the layout before 2024-11-07)', () => {
    const doc = new DOMParser().parseFromString(
      `<div class="nH bkK"></div>
       <div class="nH"><div class="bq9 brC-brG" style="display: none"></div></div>
       <div class="bAw"><div class="brC-aT5-aOt-Jw" role="navigation"><div role="tablist"></div></div></div>`,
      'text/html',
    );
    expect(findSidePanel(doc).map((el) => el.className)).toEqual(['brC-aT5-aOt-Jw', 'bq9 brC-brG']);
  });

  it('finds nothing on the captures and variants without one, and never reads layout', () => {
    const spy = vi.spyOn(Element.prototype, 'getBoundingClientRect');
    const others = allFixtureNames().filter((name) => name !== SIDE_PANEL);
    for (const name of others) expect(findSidePanel(loadFixture(name))).toEqual([]);
    for (const name of others) expect(findRightColumn(loadFixture(name))).toBeUndefined();
    expect(findSidePanel(loadFixture(SIDE_PANEL))).toHaveLength(1);
    expect(findRightColumn(loadFixture(SIDE_PANEL))?.className).toBe('aUx');
    expect(spy).not.toHaveBeenCalled();
  });
});
