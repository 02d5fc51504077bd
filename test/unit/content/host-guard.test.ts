// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { guardHost } from '@/lib/content/host-guard';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the sidebar host keeps the attributes Rapport set', () => {
  it('puts back what a page script changes and removes what it adds', async () => {
    const host = document.createElement('rapport-sidebar');
    document.body.append(host);
    let collapsed = false;
    const guard = guardHost(host, () => ({ 'data-collapsed': collapsed ? '' : null, style: '--rapport-right: 0px;' }));
    expect(host.getAttribute('style')).toBe('--rapport-right: 0px;');

    host.setAttribute('inert', '');
    host.hidden = true;
    host.className = 'look-alike';
    host.style.setProperty('display', 'none', 'important');
    host.setAttribute('data-collapsed', '');
    await settle();
    expect(host.getAttributeNames().sort()).toEqual(['style']);
    expect(host.getAttribute('style')).toBe('--rapport-right: 0px;');

    collapsed = true;
    guard.apply();
    await settle();
    expect(host.hasAttribute('data-collapsed')).toBe(true);

    guard.stop();
    host.setAttribute('inert', '');
    await settle();
    expect(host.hasAttribute('inert')).toBe(true);
  });
});
