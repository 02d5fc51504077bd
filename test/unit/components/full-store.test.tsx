// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { IDBObjectStore as FakeObjectStore } from 'fake-indexeddb';
import { afterEach, expect, it, vi } from 'vitest';
import { ApiContext } from '@/components/common/api';
import { Dashboard } from '@/components/dashboard/Dashboard';
import { MESSAGES } from '@/lib/background/db/open';
import type { Requester } from '@/lib/messaging/client';
import { deliver, envelope, senders, startBackground } from '../../helpers/background';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

it('a full store: the dashboard says so in the worker’s words, stays on the form, and nothing was saved', async () => {
  // The dashboard wired to the real background, over a store whose every write the browser
  // refuses for quota (fake-indexeddb has no quota: its put throws what a full browser store gives).
  const db = await startBackground();
  const api = (async (type: string, payload: unknown) =>
    deliver(envelope(type, payload), senders.page)) as unknown as Requester;
  const put = FakeObjectStore.prototype.put;
  vi.spyOn(FakeObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
    if (this.transaction.mode === 'readwrite')
      throw new DOMException('the quota has been exceeded', 'QuotaExceededError');
    return put.apply(this, args as never);
  });
  location.hash = '#onboarding';
  render(
    <ApiContext.Provider value={api}>
      <Dashboard openUrl={() => {}} askForOrigin={async () => {}} />
    </ApiContext.Provider>,
  );
  fireEvent.input(await screen.findByLabelText('Work e-mail address(es)'), {
    target: { value: 'me@ourco.example' },
  });
  fireEvent.click(screen.getByTestId('onboarding-save'));
  expect((await screen.findByRole('alert')).textContent).toBe(MESSAGES.quota);
  expect(screen.getByTestId('onboarding')).toBeTruthy();
  expect(await db.get('meta', 'settings')).toBeUndefined();
});
