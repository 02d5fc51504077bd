// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Sidebar } from '@/components/sidebar/Sidebar';
import { createSidebarState } from '@/components/sidebar/state';
import type { Card } from '@/lib/messaging/protocol';
import { fakeApi, ok } from '../../helpers/api';
import { account, contact, followUp, touch } from '../../helpers/records';

afterEach(cleanup);
const NOW = Date.UTC(2026, 10, 23, 10);

/** A card as the background answers it; each test changes what its state is about. */
function card(over: Partial<Card> = {}): Card {
  return {
    contactId: 'contact-1',
    trust: { level: 'none', score: 0, overridden: false, reasons: [] },
    followUp: null,
    risk: { state: 'healthy', reasons: [] },
    recent: [],
    touchesByMonth: [],
    account: null,
    coverage: null,
    value: [],
    ...over,
  };
}

async function show(c: Card | null) {
  const known = contact();
  const api = fakeApi({
    'people.lookup': () => ok(c ? { contacts: [known], cards: [c] } : { contacts: [], cards: [] }),
  });
  const state = createSidebarState(api.request);
  render(<Sidebar state={state} />);
  await state.show([{ name: 'Jane Example', email: 'jane@acme.example' }]);
  return screen.getByTestId('person');
}

describe('the card, state by state', () => {
  it('unknown person: one line with Track, no card', async () => {
    const person = await show(null);
    expect(person.dataset.tracked).toBe('false');
    expect(screen.getByTestId('track')).toBeTruthy();
    expect(screen.queryByTestId('trust')).toBeNull();
  });

  it('tracked with no history: no trust yet, no touches, no next touch, and the actions', async () => {
    await show(
      card({ trust: { level: 'none', score: 0, overridden: false, reasons: [{ code: 'never_two_way', params: {} }] } }),
    );
    expect(screen.getByTestId('trust').dataset.level).toBe('none');
    expect(screen.getByTestId('trust').textContent).toContain('No trust yet');
    expect(screen.queryAllByTestId('touch')).toHaveLength(0);
    expect(screen.queryByTestId('next-touch')).toBeNull();
    for (const hook of ['log-touch', 'checkin', 'set-status', 'set-trust'])
      expect(screen.getByTestId(hook)).toBeTruthy();
  });

  it('long history: trusted, the last five touches with kind and direction', async () => {
    const recent = Array.from({ length: 5 }, (_, i) =>
      touch({ id: `t${i}`, at: NOW - i * 86_400_000, direction: i % 2 ? 'outbound' : 'inbound' }),
    );
    await show(
      card({
        trust: {
          level: 'full',
          score: 89,
          overridden: false,
          reasons: [{ code: 'replied_ratio', params: { replied: 5, of: 5 } }],
        },
        recent,
      }),
    );
    expect(screen.getByTestId('trust').dataset.level).toBe('full');
    expect(screen.getByTestId('trust').textContent).toContain('Trusted');
    expect(screen.getAllByTestId('touch').map((t) => t.dataset.direction)).toEqual([
      'inbound',
      'outbound',
      'inbound',
      'outbound',
      'inbound',
    ]);
    expect(screen.getByText(/Replied to all of your last 5 messages/)).toBeTruthy();
  });

  it('reply owed: the next touch is a reply, due now, with Done and Snooze', async () => {
    await show(
      card({
        followUp: followUp({
          kind: 'reply',
          due: '2026-11-23',
          reason: { code: 'reply_owed', params: { date: '2026-11-19' } },
        }),
      }),
    );
    const next = screen.getByTestId('next-touch');
    expect(next.dataset.kind).toBe('reply');
    expect(next.dataset.due).toBe('2026-11-23');
    expect(screen.getByTestId('done')).toBeTruthy();
    expect(screen.getByTestId('snooze')).toBeTruthy();
  });

  it('override: shown as set by the seller', async () => {
    await show(card({ trust: { level: 'full', score: 20, overridden: true, reasons: [] } }));
    expect(screen.getByTestId('trust').dataset.override).toBe('true');
    expect(screen.getByTestId('trust').textContent).toContain('set by you');
  });

  it.each([1, 2, 3, 4] as const)('coverage quadrant %i with its words, and lifetime value', async (quadrant) => {
    await show(
      card({
        account: account(),
        coverage: {
          quadrant,
          risk: { code: 'no_coverage', params: {} },
          moves: quadrant < 4 ? [{ code: 'meet_second_contact', params: {} }] : [],
        },
        value: [{ currency: 'EUR', toDate: 1200, perYear: 1200, years: 1, ahead: null, expectedYears: null }],
      }),
    );
    expect(screen.getByTestId('coverage').dataset.quadrant).toBe(String(quadrant));
    expect(screen.getByTestId('ltv').textContent).toMatch(/1,200|1\.200/);
  });
});
