// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@/lib/shared/model';
import { ok } from '../../helpers/api';
import { renderDashboardWith } from '../../helpers/dashboard';

const counts = { sellers: 2, accounts: 1, contacts: 3, touches: 4, purchases: 0, followUps: 1 };
const question = {
  owners: [
    { sellerId: 's-sam', name: 'Samantha Seller', emails: ['samantha@crm.example'], rows: 2, contacts: 2, touches: 3 },
    { sellerId: 's-alex', name: 'Alex Colleague', emails: [], rows: 1, contacts: 1, touches: 1 },
  ],
};
const taught = {
  ...DEFAULT_SETTINGS,
  me: { name: '', emails: ['samantha@crm.example'], crmOwnerName: 'Samantha Seller' },
};

function renderAt(hash: string, open: typeof question | null = question) {
  return renderDashboardWith(hash, {
    'settings.get': () => ok(DEFAULT_SETTINGS),
    'data.counts': () => ok(counts),
    'health.last': () => ok(null),
    'owner.question': () => ok(open),
    'owner.claim': (({ sellerId }: { sellerId: string | null }) =>
      ok({
        contacts: sellerId ? 2 : 0,
        touches: sellerId ? 3 : 0,
        settings: sellerId ? taught : DEFAULT_SETTINGS,
      })) as never,
  });
}

afterEach(cleanup);

describe('which owner is you?', () => {
  it('the overview asks while the question is open, and the answer claims that owner', async () => {
    const api = renderAt('#overview');
    await screen.findByTestId('owner-claim');
    const choices = screen.getAllByTestId('owner-claim-choice');
    expect(choices.map((c) => c.getAttribute('data-owner'))).toEqual(['Samantha Seller', 'Alex Colleague']);
    expect(screen.getByText(/Samantha Seller \(samantha@crm.example\): 2 contacts, 3 activities/)).toBeTruthy();
    const confirm = screen.getByTestId('owner-claim-confirm') as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.click(choices[0] as HTMLElement);
    fireEvent.click(confirm);
    expect((await screen.findByTestId('owner-claim-done')).textContent).toMatch(
      /2 contacts and 3 activities of Samantha Seller are now yours/,
    );
    expect(api.calls.find((c) => c.type === 'owner.claim')?.payload).toEqual({ sellerId: 's-sam' });
    expect(screen.queryByTestId('owner-claim')).toBeNull();
  });

  it('"none of these" sends no owner', async () => {
    const api = renderAt('#import');
    fireEvent.click(await screen.findByTestId('owner-claim-none'));
    fireEvent.click(screen.getByTestId('owner-claim-confirm'));
    await screen.findByTestId('owner-claim-done');
    expect(api.calls.find((c) => c.type === 'owner.claim')?.payload).toEqual({ sellerId: null });
  });

  it('asks nothing when no question is open', async () => {
    const api = renderAt('#overview', null);
    await screen.findByTestId('count-contacts');
    await waitFor(() => expect(api.calls.some((c) => c.type === 'owner.question')).toBe(true));
    expect(screen.queryByTestId('owner-claim')).toBeNull();
  });
});
