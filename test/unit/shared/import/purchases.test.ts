import { describe, expect, it } from 'vitest';
import { indexRecords } from '@/lib/shared/import';
import { account, contact, purchase } from '../../../helpers/records';
import { expectAccounted, fixtureText, importCsv } from './helpers';

const store = () => ({
  contacts: [contact({ id: 'c-jane', emails: ['jane.doe@acme.example'], accountId: 'acct-acme', status: 'customer' })],
  accounts: [
    account({ id: 'acct-acme', name: 'Acme Inc.', domains: ['acme.example'], products: [] }),
    account({ id: 'acct-globex', name: 'Globex', domains: ['globex.example'], products: ['Support Plan'] }),
  ],
});

describe('purchases file', () => {
  const { plan } = importCsv(fixtureText('purchases.csv'), { existing: indexRecords(store()) });

  it('imports every row, finding the account by name, domain or the contact’s address', () => {
    expectAccounted(plan, 4);
    expect(plan.counts.imported).toBe(4);
    const initech = plan.create.accounts.find((a) => a.domains.includes('initech.co.uk'));
    const umbrella = plan.create.accounts.find((a) => a.name === 'Umbrella Labs');
    expect(plan.create.purchases.map((p) => [p.accountId, p.amount, p.currency, p.product])).toEqual([
      ['acct-acme', 1200, 'USD', 'Analytics Suite'],
      ['acct-globex', 499, 'EUR', 'Support Plan'],
      [initech?.id, 2500, 'GBP', 'Analytics Suite'],
      [umbrella?.id, 3000.5, 'EUR', 'Training'],
    ]);
    expect(plan.create.purchases[0]?.contactId).toBe('c-jane');
  });

  it('makes an unknown buyer a customer at their company', () => {
    const priya = plan.create.contacts.find((c) => c.emails.includes('priya.shah@initech.co.uk'));
    expect(priya).toMatchObject({ status: 'customer', accountId: plan.create.purchases[2]?.accountId });
  });

  it('adds the products bought to the account, once', () => {
    expect(plan.merge.accounts.map((m) => [m.id, m.after.products])).toEqual([['acct-acme', ['Analytics Suite']]]);
  });

  it('does not count a purchase twice when the file is imported again', () => {
    const again = importCsv(
      'Date,Account,Amount,Currency\n2024-01-15,Acme Inc.,100,USD\n2024-01-15,Acme Inc.,100,USD\n',
      {
        existing: indexRecords({
          ...store(),
          purchases: [
            purchase({ accountId: 'acct-acme', amount: 100, currency: 'USD', at: new Date(2024, 0, 15).getTime() }),
          ],
        }),
      },
    ).plan;
    // The store had one such purchase: one row matches it, the other is a second purchase.
    expect(again.counts).toMatchObject({ imported: 1, merged: 1 });
  });

  it('reads European dates and decimal commas in `;` files', () => {
    const { plan: eu } = importCsv(fixtureText('semicolon-purchases.csv'));
    expect(eu.create.purchases.map((p) => [p.at, p.amount])).toEqual([
      [new Date(2024, 2, 15).getTime(), 1234.5],
      [new Date(2024, 1, 1).getTime(), 99.9],
    ]);
  });
});
