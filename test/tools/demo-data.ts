import type { DataSet, RequestOf } from '@/lib/messaging/protocol';
import type { Touch } from '@/lib/shared/model';

const DAY = 86_400_000;

/**
 * A small, believable book of business around the people in the fixtures: Sam Sender
 * (the real Aug-2025 Gmail capture), Chris Customer (the synthetic conversation) and
 * Jane Example Doe (the 2024 LinkedIn capture). Times are relative to `now`, so the demo
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
      name: 'Example Org',
      domains: ['example.org'],
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
    contact('c-chris', 'Chris Customer', 'a-exorg', { emails: ['customer@example.org'], title: 'Buyer' }),
    contact('c-jane', 'Jane Example Doe', 'a-company', {
      linkedinId: 'jane-example-doe',
      status: 'prospect',
      activeProspect: true,
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
  // Chris: the seller writes, Chris rarely answers.
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
  ];
  return { sellers: [], accounts, contacts, touches, purchases, followUps: [] };
}

/** The demo seller: the synthetic Gmail fixture's account is theirs. */
export const demoSettings: RequestOf<'settings.update'> = {
  me: { name: 'Alex Agent', emails: ['agent@example.net'], crmOwnerName: 'Alex Agent' },
  internalDomains: ['example.net'],
  onboardedAt: Date.UTC(2026, 0, 1),
};
