// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiContext } from '@/components/common/api';
import { Popup } from '@/components/popup/Popup';
import type { ResponseOf } from '@/lib/messaging/protocol';
import { DEFAULT_SETTINGS } from '@/lib/shared/model';
import { fakeApi, ok } from '../../helpers/api';
import { followUp } from '../../helpers/records';

afterEach(cleanup);

type List = ResponseOf<'followup.list'>;

/** A list of one person due today, the seller's own or the team's. */
function listOf(name: string, mine: boolean): List {
  return {
    today: '2026-12-06',
    ownerKnown: true,
    counts: { reply: 0, overdue: 0, today: 1, upcoming: 0 },
    tracked: 2,
    next: null,
    rows: [
      {
        followUp: followUp({ id: `f-${name}`, contactId: `c-${name}`, due: '2026-12-06' }),
        name,
        mine,
        trust: 'some',
        group: 'today',
      },
    ],
  };
}

describe('the popup’s first list', () => {
  it('shows the list asked for before it was drawn, asks for it no second time, and the team toggle still asks', async () => {
    const api = fakeApi({
      'settings.get': () => ok(DEFAULT_SETTINGS),
      'followup.list': (({ team }: { team: boolean }) =>
        ok(listOf(team ? 'Tina Team' : 'Late Answer', !team))) as never,
    });
    const first = Promise.resolve(ok(listOf('Mia Mine', true)));
    render(
      <ApiContext.Provider value={api.request}>
        <Popup openDashboard={() => undefined} openUrl={() => undefined} firstList={first} />
      </ApiContext.Provider>,
    );
    await screen.findByText('Mia Mine');
    expect(api.calls.filter((c) => c.type === 'followup.list')).toEqual([]);

    fireEvent.click(screen.getByTestId('followups-team'));
    await screen.findByText('Tina Team');
    expect(api.calls.filter((c) => c.type === 'followup.list').map((c) => c.payload)).toEqual([{ team: true }]);

    // Back to the seller's own: asked afresh (the first answer is an old one by now).
    fireEvent.click(screen.getByTestId('followups-team'));
    await screen.findByText('Late Answer');
    await waitFor(() =>
      expect(api.calls.filter((c) => c.type === 'followup.list').map((c) => c.payload)).toEqual([
        { team: true },
        { team: false },
      ]),
    );
  });

  it('without a first list (the dashboard’s Today page) asks for the list itself', async () => {
    const api = fakeApi({
      'settings.get': () => ok(DEFAULT_SETTINGS),
      'followup.list': () => ok(listOf('Late Answer', true)),
    });
    render(
      <ApiContext.Provider value={api.request}>
        <Popup openDashboard={() => undefined} openUrl={() => undefined} />
      </ApiContext.Provider>,
    );
    await screen.findByText('Late Answer');
    expect(api.calls.filter((c) => c.type === 'followup.list')).toHaveLength(1);
  });
});
