// @vitest-environment happy-dom
import { cleanup, render, waitFor } from '@testing-library/preact';
import { afterEach, expect, it, vi } from 'vitest';
import { ApiContext } from '@/components/common/api';
import { useTeamLive } from '@/components/dashboard/useTeamLive';
import { fakeApi, ok } from '../../helpers/api';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function Probe() {
  return <p data-testid="arrivals">{useTeamLive()}</p>;
}

const server = { url: 'https://couch.example', database: 'team', user: 'sam', hasPassword: true };

function renderWith(team: typeof server | null, pulled: number) {
  const api = fakeApi({
    'team.view': () => ok({ server: team, status: null, pending: 0 }),
    'team.sync': () => ok({ at: 1, ok: true, pushed: 0, pulled, refused: [] }),
  });
  const view = render(
    <ApiContext.Provider value={api.request}>
      <Probe />
    </ApiContext.Provider>,
  );
  return { api, syncs: () => api.calls.filter((c) => c.type === 'team.sync').length, view };
}

it('with a team: syncs as the dashboard opens and every minute while shown; records that arrived make the views read again', async () => {
  vi.useFakeTimers({ shouldAdvanceTime: true });
  const { syncs, view } = renderWith(server, 3);
  await waitFor(() => expect(syncs()).toBe(1));
  await waitFor(() => expect(view.getByTestId('arrivals').textContent).toBe('1'));
  await vi.advanceTimersByTimeAsync(60_000);
  await waitFor(() => expect(syncs()).toBe(2));
  // Hidden (another tab in front): no sync.
  Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
  await vi.advanceTimersByTimeAsync(60_000);
  expect(syncs()).toBe(2);
  Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
});

it('without a team: never syncs', async () => {
  vi.useFakeTimers({ shouldAdvanceTime: true });
  const { api, syncs } = renderWith(null, 0);
  await waitFor(() => expect(api.calls.some((c) => c.type === 'team.view')).toBe(true));
  await vi.advanceTimersByTimeAsync(120_000);
  expect(syncs()).toBe(0);
});
