import type { DataSet, RequestOf } from '@/lib/messaging/protocol';
import type { Touch } from '@/lib/shared/model';

const DAY = 86_400_000;

/**
 * A small, believable book of business around the people in the fixtures: Chris Customer
 * (the synthetic Gmail thread the demo opens), Sam Sender (the real Aug-2025 Gmail capture)
 * and Jane Example Doe (the 2024 LinkedIn capture). Times are relative to `now`, so the demo
 * always shows recent history.
 */
export function demoData(now: number): DataSet {
  const ago = (days: number) => now - days * DAY;
  const created = ago(800);
  const accounts: DataSet['accounts'] = [
    {
      id: 'a-example',
      name: 'Example Inc.',
      domains: ['example.com'],
      valueTier: 'high',
      products: ['Platform'],
      notes: '',
      createdAt: created,
      updatedAt: created,
    },
    {
      id: 'a-exorg',
      name: 'Customer Co',
      domains: ['customer.example'],
      valueTier: 'medium',
      products: [],
      notes: '',
      createdAt: created,
      updatedAt: created,
    },
    {
      id: 'a-company',
      name: 'Company 1000001',
      domains: [],
      linkedinCompanyId: '1000001',
      valueTier: 'low',
      products: [],
      notes: '',
      createdAt: created,
      updatedAt: created,
    },
  ];
  const contact = (id: string, name: string, accountId: string, extra: Partial<DataSet['contacts'][number]>) => ({
    id,
    name,
    accountId,
    emails: [],
    status: 'customer' as const,
    activeProspect: false,
    notes: '',
    statusHistory: [{ status: 'customer' as const, at: created }],
    createdAt: created,
    updatedAt: created,
    ...extra,
  });
  const contacts: DataSet['contacts'] = [
    contact('c-sam', 'Sam Sender', 'a-example', { emails: ['sender@example.com'], title: 'Head of Operations' }),
    contact('c-chris', 'Chris Customer', 'a-exorg', { emails: ['chris@customer.example'], title: 'Buyer' }),
    contact('c-jane', 'Jane Example Doe', 'a-company', {
      linkedinId: 'jane-example-doe',
      status: 'prospect',
      activeProspect: true,
    }),
    // A customer at the same company whose LinkedIn profile now names another: the job change.
    contact('c-sam-synthetic', 'Sam Synthetic', 'a-company', {
      linkedinId: 'sam-synthetic',
      emails: ['sam.synthetic@acme.example'],
      title: 'Head of Purchasing',
    }),
  ];
  const touches: Touch[] = [];
  // Sam: two years of monthly two-way e-mail, a check-in last month.
  for (let month = 24; month >= 1; month--) {
    const at = ago(month * 30 + 3);
    touches.push(
      {
        id: `t-sam-out-${month}`,
        contactId: 'c-sam',
        accountId: 'a-example',
        sellerId: 'me',
        kind: 'email',
        direction: 'outbound',
        at,
        source: 'imported',
        summary: 'Monthly review',
      },
      {
        id: `t-sam-in-${month}`,
        contactId: 'c-sam',
        accountId: 'a-example',
        sellerId: 'me',
        kind: 'email',
        direction: 'inbound',
        at: at + DAY,
        source: 'imported',
        summary: 'Re: Monthly review',
      },
    );
  }
  touches.push({
    id: 't-sam-checkin',
    contactId: 'c-sam',
    accountId: 'a-example',
    sellerId: 'me',
    kind: 'check-in',
    direction: 'outbound',
    at: ago(20),
    source: 'manual',
    happiness: 5,
  });
  // Chris: answered for a year, then the seller writes and Chris goes quiet.
  const chris = {
    contactId: 'c-chris',
    accountId: 'a-exorg',
    sellerId: 'me',
    kind: 'email',
    source: 'imported',
  } as const;
  for (const days of [400, 340, 280, 220, 160]) {
    touches.push(
      { ...chris, id: `t-chris-out-${days}`, direction: 'outbound', at: ago(days), summary: 'Quarterly plan' },
      { ...chris, id: `t-chris-in-${days}`, direction: 'inbound', at: ago(days - 2), summary: 'Re: Quarterly plan' },
    );
  }
  for (const days of [80, 50, 20]) {
    touches.push({
      id: `t-chris-${days}`,
      contactId: 'c-chris',
      accountId: 'a-exorg',
      sellerId: 'me',
      kind: 'email',
      direction: 'outbound',
      at: ago(days),
      source: 'imported',
      summary: 'Following up',
    });
  }
  touches.push({
    id: 't-jane-visit',
    contactId: 'c-jane',
    accountId: 'a-company',
    sellerId: 'me',
    kind: 'linkedin-visit',
    direction: 'none',
    at: ago(2),
    source: 'manual',
  });
  const purchases: DataSet['purchases'] = [
    { id: 'p-1', accountId: 'a-example', amount: 24000, currency: 'EUR', at: ago(700), product: 'Platform' },
    { id: 'p-2', accountId: 'a-example', amount: 26000, currency: 'EUR', at: ago(335), product: 'Platform' },
    { id: 'p-3', accountId: 'a-exorg', amount: 4800, currency: 'EUR', at: ago(300), product: 'Starter' },
  ];
  return { sellers: [], accounts, contacts, touches, purchases, followUps: [] };
}

/** The demo seller: the account of the synthetic Gmail thread the demo opens is theirs. */
export const demoSettings: RequestOf<'settings.update'> = {
  me: { name: 'Sam Seller', emails: ['sales@ourco.example'], crmOwnerName: 'Sam Seller' },
  internalDomains: ['ourco.example'],
  confirmedAccounts: ['sales@ourco.example'],
  onboardedAt: Date.UTC(2026, 0, 1),
};

/** The Gmail page the demo shows: a synthetic thread with a customer, the seller and a colleague. */
export const DEMO_GMAIL_THREAD = 'test/fixtures/gmail/variants/SYNTHETIC-thread-outbound-and-colleague.html';
