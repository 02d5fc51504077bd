// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiContext } from '@/components/common/api';
import { Contacts } from '@/components/dashboard/Contacts';
import type { ResponseOf } from '@/lib/messaging/protocol';
import { fakeApi, ok } from '../../helpers/api';

afterEach(cleanup);

type Answer = ResponseOf<'book.contacts'>;
const row = (i: number): Answer['contacts'][number] => ({
  id: `c${i}`,
  name: `Person ${i}`,
  emails: [`person${i}@acme.example`],
  status: 'customer',
  risk: 'healthy',
});
const everyone = Array.from({ length: 300 }, (_, i) => row(i));

describe('the contacts view on a kept answer of the first rows', () => {
  it('shows the first screen with the whole count, and a search waits for today’s whole list', async () => {
    // The worker answers with the kept first rows (stale), then today's whole list when asked
    // for it; today's is held back until the test lets it come.
    let release: () => void = () => undefined;
    const today = new Promise<void>((resolve) => {
      release = resolve;
    });
    const api = fakeApi({
      'book.contacts': (async ({ fresh }: { fresh: boolean }) => {
        if (!fresh) return ok({ contacts: everyone.slice(0, 100), total: 300, asOf: 1, stale: true });
        await today;
        return ok({ contacts: everyone, asOf: 2, stale: false });
      }) as never,
    });
    render(
      <ApiContext.Provider value={api.request}>
        <Contacts />
      </ApiContext.Provider>,
    );
    await screen.findByText('300 of 300 contacts; the first 50 shown');
    expect(screen.getAllByTestId('contact-row')).toHaveLength(50);
    // No "show more" from a part: the whole list is on its way.
    expect(screen.queryByTestId('show-more')).toBeNull();

    // Person 250 is not among the kept rows: no "nothing found" from a part of the book.
    fireEvent.input(screen.getByTestId('search'), { target: { value: 'person 250' } });
    await screen.findByText('Searching all 300 contacts once today’s list is in…');
    expect(screen.queryAllByTestId('contact-row')).toHaveLength(0);

    release();
    await screen.findByText('1 of 300 contacts');
    expect(screen.getAllByTestId('contact-row').map((r) => r.getAttribute('data-email'))).toEqual([
      'person250@acme.example',
    ]);
  });
});
