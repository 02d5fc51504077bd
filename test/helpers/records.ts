import type { Account, Contact, FollowUp, Purchase, Seller, Touch } from '@/lib/shared/model';

/** Small builders for valid records, so each test states only what it is about. */
const T0 = Date.UTC(2026, 0, 5, 9, 0);

export const seller = (over: Partial<Seller> = {}): Seller => ({
  id: 'seller-1',
  name: 'Sam Colleague',
  emails: ['sam@ourco.example'],
  ...over,
});

export const account = (over: Partial<Account> = {}): Account => ({
  id: 'acct-1',
  name: 'Acme',
  domains: ['acme.example'],
  valueTier: 'medium',
  products: [],
  notes: '',
  createdAt: T0,
  updatedAt: T0,
  ...over,
});

export const contact = (over: Partial<Contact> = {}): Contact => ({
  id: 'contact-1',
  name: 'Jane Example',
  emails: ['jane@acme.example'],
  accountId: 'acct-1',
  status: 'customer',
  activeProspect: false,
  notes: '',
  statusHistory: [{ status: 'customer', at: T0 }],
  createdAt: T0,
  updatedAt: T0,
  ...over,
});

export const touch = (over: Partial<Touch> = {}): Touch => ({
  id: 'touch-1',
  contactId: 'contact-1',
  accountId: 'acct-1',
  sellerId: 'me',
  kind: 'email',
  direction: 'inbound',
  at: T0,
  source: 'captured',
  sourceId: 'gmail:1',
  summary: 'Quarterly review',
  ...over,
});

export const purchase = (over: Partial<Purchase> = {}): Purchase => ({
  id: 'purchase-1',
  accountId: 'acct-1',
  amount: 1200,
  currency: 'EUR',
  at: T0,
  ...over,
});

export const followUp = (over: Partial<FollowUp> = {}): FollowUp => ({
  id: 'fu-1',
  contactId: 'contact-1',
  due: '2026-01-12',
  kind: 'check-in',
  reason: { code: 'cadence', params: { days: 30 } },
  state: 'open',
  liveFor: 'contact-1',
  createdAt: T0,
  ...over,
});
