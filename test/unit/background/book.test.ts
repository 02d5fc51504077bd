import { describe, expect, it } from 'vitest';
import { deliver, envelope, senders, startBackground } from '../../helpers/background';
import { NOW, SIX_MONTHS_EXPECTED, sixMonthsDataSet, ZONE } from '../../helpers/six-months';

async function sixMonths() {
  await startBackground(() => NOW);
  await deliver(envelope('settings.update', { timeZone: ZONE }), senders.page);
  const put = await deliver(envelope('data.put', sixMonthsDataSet()), senders.page);
  expect(put.ok).toBe(true);
}

type Bucket = {
  months: {
    month: string;
    wonAccounts: string[];
    lostAccounts: string[];
    atRiskAccounts: string[];
    net: number;
    active: number;
  }[];
  names: Record<string, string>;
};

describe('the book of business for the dashboard', () => {
  it('gives the leaky bucket the engine gives for six known months, with the accounts’ names', async () => {
    await sixMonths();
    const result = await deliver(envelope('book.bucket', { months: 6 }), senders.page);
    const { months, names } = result.data as Bucket;
    expect(months.map((m) => [m.month, m.wonAccounts, m.lostAccounts, m.atRiskAccounts, m.net, m.active])).toEqual(
      SIX_MONTHS_EXPECTED,
    );
    expect(names.acme).toBe('Acme');
  });

  it('lists every account with its coverage, contacts, customers and those at risk', async () => {
    await sixMonths();
    const result = await deliver(envelope('book.accounts', {}), senders.page);
    const accounts = (
      result.data as {
        accounts: {
          id: string;
          contacts: number;
          customers: number;
          atRisk: number;
          quadrant: number | null;
          value: unknown[];
        }[];
      }
    ).accounts;
    const byId = Object.fromEntries(accounts.map((a) => [a.id, a]));
    // Two contacts known by one seller within the coverage window: quadrant 2.
    expect(byId.echo).toMatchObject({ contacts: 2, customers: 1, quadrant: 2 });
    expect(byId.dune).toMatchObject({ contacts: 1, customers: 0, quadrant: null });
    expect(byId.bolt).toMatchObject({ contacts: 0, value: [{ currency: 'EUR', toDate: 1000 }] });
  });

  it('lists every contact with its account and risk', async () => {
    await sixMonths();
    const result = await deliver(envelope('book.contacts', {}), senders.page);
    const contacts = (result.data as { contacts: { id: string; account?: string; risk: string }[] }).contacts;
    expect(contacts.find((c) => c.id === 'a1')).toMatchObject({ account: 'Acme', risk: 'healthy' });
    expect(contacts.find((c) => c.id === 'c1')).toMatchObject({ risk: 'lost' });
  });

  it('is for Rapport’s own pages only', async () => {
    await sixMonths();
    for (const type of ['book.accounts', 'book.contacts', 'book.bucket'] as const) {
      expect(await deliver(envelope(type, {}), senders.content)).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
  });
});
