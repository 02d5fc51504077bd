// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { initials, Sidebar } from '@/components/sidebar/Sidebar';
import { createSidebarState } from '@/components/sidebar/state';
import { contact } from '../../helpers/records';
import { fakeApi, ok } from '../../helpers/api';

afterEach(cleanup);

describe('sidebar', () => {
  it('lists people, offers Track for unknown ones, and tracks on click', async () => {
    const known = contact({ name: 'Jane Example', emails: ['jane@acme.example'] });
    const tracked = [known];
    const api = fakeApi({
      'people.lookup': () => ok({ contacts: [...tracked], cards: [] }),
      'contact.track': () => {
        const pat = contact({ id: 'new', name: 'Pat New', emails: ['pat@beta.example'] });
        tracked.push(pat);
        return ok(pat);
      },
    });
    const state = createSidebarState(api.request);
    render(<Sidebar state={state} />);
    await state.show([
      { name: 'Jane', email: 'jane@acme.example' },
      { name: 'Pat New', email: 'pat@beta.example' },
    ]);
    const people = await screen.findAllByTestId('person');
    expect(people.map((p) => p.dataset.tracked)).toEqual(['true', 'false']);
    fireEvent.click(screen.getByTestId('track'));
    await waitFor(() =>
      expect(screen.getAllByTestId('person').map((p) => p.dataset.tracked)).toEqual(['true', 'true']),
    );
    expect(api.calls.find((c) => c.type === 'contact.track')).toEqual({
      type: 'contact.track',
      payload: { name: 'Pat New', email: 'pat@beta.example' },
    });
  });

  it('drops answers that arrive after the page moved on', async () => {
    // Each look-up waits until the test releases it, so answers can arrive out of order.
    const pending: (() => void)[] = [];
    const slow = (async () => {
      await new Promise<void>((resolve) => pending.push(resolve));
      return ok({ contacts: [], cards: [] });
    }) as never;
    const state = createSidebarState(slow);
    const first = state.show([{ name: 'Old', email: 'old@acme.example' }]);
    const second = state.show([{ name: 'New', email: 'new@acme.example' }]);
    pending[1]?.();
    await second;
    pending[0]?.();
    await first;
    expect(state.people.value.map((p) => [p.name, p.contact])).toEqual([['New', null]]);
    expect(pending).toHaveLength(2);
  });

  it('shows what to do when nobody is on the page, and collapses to a tab with a count', () => {
    const state = createSidebarState(fakeApi({}).request);
    state.message.value = 'Open a conversation to see who is in it.';
    render(<Sidebar state={state} />);
    expect(screen.getByText('Open a conversation to see who is in it.')).toBeTruthy();
    fireEvent.click(screen.getByTestId('sidebar-toggle'));
    expect(screen.getByTestId('sidebar-toggle').getAttribute('aria-expanded')).toBe('false');
    expect(screen.getByTestId('sidebar-toggle').textContent).toBe('0');
  });

  it('sits where the docker says, collapses to the tab when cramped without saving it, and opens on demand', () => {
    const api = fakeApi({ 'sidebar.setPrefs': () => ok({ collapsed: false }) });
    const state = createSidebarState(api.request, { site: 'gmail' });
    render(<Sidebar state={state} />);
    const root = () => screen.getByTestId('sidebar');
    const toggle = () => screen.getByTestId('sidebar-toggle');
    act(() => state.setDock({ right: 56, cramped: false }));
    expect(root().style.right).toBe('56px');
    expect(toggle().getAttribute('aria-expanded')).toBe('true');

    // No room beside Gmail's open panel: the tab, marked as automatic, the saved choice untouched.
    act(() => state.setDock({ right: 356, cramped: true }));
    expect(toggle().getAttribute('aria-expanded')).toBe('false');
    expect(root().dataset.autoCollapsed).toBe('true');
    expect(root().style.right).toBe('356px');
    // The seller opens it anyway: open for now, nothing saved.
    fireEvent.click(toggle());
    expect(toggle().getAttribute('aria-expanded')).toBe('true');
    expect(root().dataset.autoCollapsed).toBeUndefined();
    expect(api.calls.filter((c) => c.type === 'sidebar.setPrefs')).toEqual([]);
    // Hiding it again is the seller's choice: saved.
    fireEvent.click(toggle());
    expect(toggle().getAttribute('aria-expanded')).toBe('false');
    expect(api.calls.filter((c) => c.type === 'sidebar.setPrefs').map((c) => c.payload)).toEqual([
      { site: 'gmail', collapsed: true },
    ]);
    fireEvent.click(toggle());
    expect(state.collapsed.value).toBe(false);

    // Room again: the saved choice ("open") rules, and a later squeeze collapses it again.
    act(() => state.setDock({ right: 56, cramped: false }));
    expect(toggle().getAttribute('aria-expanded')).toBe('true');
    act(() => state.setDock({ right: 356, cramped: true }));
    expect(toggle().getAttribute('aria-expanded')).toBe('false');

    // In the site's column the site's layout places it: no offset, no overlay look.
    act(() => state.setDock({ right: 56, cramped: false, inColumn: true }));
    expect(root().style.right).toBe('');
    expect(root().classList.contains('is-docked')).toBe(false);
    expect(toggle().getAttribute('aria-expanded')).toBe('true');
  });

  it('renders a display name with markup as text', async () => {
    const api = fakeApi({ 'people.lookup': () => ok({ contacts: [], cards: [] }) });
    const state = createSidebarState(api.request);
    const { container } = render(<Sidebar state={state} />);
    await state.show([{ name: '<img src=x onerror=alert(1)>', email: 'x@beta.example' }]);
    await screen.findByTestId('track');
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByTestId('person').textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it.each([
    ['Jane Example Doe', 'JD'],
    ['jane.doe@acme.example', 'JD'],
    ['Émile', 'É'],
    ['', '?'],
  ])('initials(%j) = %j', (name, expected) => {
    expect(initials(name)).toBe(expected);
  });
});

describe('sidebar notices', () => {
  it('shows which reader failed only when one did', async () => {
    const state = createSidebarState(fakeApi({}).request);
    render(<Sidebar state={state} />);
    expect(screen.queryByTestId('health')).toBeNull();
    state.health.value = ['thread.sender'];
    expect((await screen.findByTestId('health')).dataset.readers).toBe('thread.sender');
  });

  it('asks once to confirm the work account, and Track confirms it too', async () => {
    const api = fakeApi({
      'people.lookup': () => ok({ contacts: [], cards: [] }),
      'account.confirm': () => ok({ confirmedAccounts: ['me@ourco.example'] }),
      'contact.track': () => ok(contact({ emails: ['x@beta.example'] })),
    });
    const state = createSidebarState(api.request);
    state.account.value = { address: 'me@ourco.example', confirmed: false };
    render(<Sidebar state={state} />);
    await state.show([{ name: 'X', email: 'x@beta.example' }]);
    expect(await screen.findByTestId('confirm-account')).toBeTruthy();
    fireEvent.click(await screen.findByTestId('track'));
    await waitFor(() => expect(screen.queryByTestId('confirm-account')).toBeNull());
    // Then the people are looked up again, so the new contact's card appears.
    await waitFor(() =>
      expect(api.calls.map((c) => c.type)).toEqual([
        'people.lookup',
        'account.confirm',
        'contact.track',
        'people.lookup',
      ]),
    );
  });
});
