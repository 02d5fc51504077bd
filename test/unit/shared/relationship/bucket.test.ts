import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Touch } from '@/lib/shared/model';
import {
  type BucketContact,
  leakyBucket,
  lifetimeValue,
  observedRetention,
  summarize,
} from '@/lib/shared/relationship';
import { checkIn, DAY, inbound, meeting, NOW, outbound, ZONE } from './histories';

/**
 * Six known months, October 2025 to March 2026, in Berlin; medium tier everywhere: at risk
 * after 60 days without two-way contact, lost after 180.
 */
const at = (date: string) => Date.parse(`${date}T12:00:00+01:00`);

/** A steady relationship: an exchange every week and a 5/5 check-in every four weeks. */
function steady(contactId: string, from: string, to: string): Touch[] {
  const touches: Touch[] = [];
  for (let t = at(from), week = 0; t <= Math.min(at(to), NOW); t += 7 * DAY, week++) {
    touches.push(inbound(t - DAY, { contactId }), outbound(t, { contactId }));
    if (week % 4 === 0) touches.push({ ...checkIn(t + 3_600_000, 5), contactId });
  }
  return touches;
}

const customer = (id: string, accountId: string, history: [BucketContact['status'], string][]): BucketContact => ({
  id,
  accountId,
  status: history.at(-1)?.[0] ?? 'customer',
  statusHistory: history.map(([status, date]) => ({ status, at: at(date) })),
  createdAt: at(history[0]?.[1] ?? '2024-01-01'),
});

const contacts = [
  // acme: a prospect won in October, in touch every week.
  customer('a1', 'acme', [
    ['prospect', '2025-06-01'],
    ['customer', '2025-10-15'],
  ]),
  // core: a long-time customer marked former in January.
  customer('c1', 'core', [
    ['customer', '2024-01-01'],
    ['former', '2026-01-10'],
  ]),
  // dune: silent since 20 August 2025: at risk from 19 October, lost from 16 February.
  customer('d1', 'dune', [['customer', '2024-06-01']]),
  // echo: two customer contacts; losing one does not lose the account.
  customer('e1', 'echo', [
    ['customer', '2024-03-01'],
    ['former', '2025-12-05'],
  ]),
  customer('e2', 'echo', [['customer', '2024-03-01']]),
  // fern: former in November, won back in February.
  customer('f1', 'fern', [
    ['customer', '2024-02-01'],
    ['former', '2025-11-03'],
    ['customer', '2026-02-10'],
  ]),
];

const touches = [
  ...steady('a1', '2025-06-01', '2026-03-11'),
  ...steady('c1', '2025-01-01', '2026-01-05'),
  ...steady('d1', '2025-01-01', '2025-08-20'),
  ...steady('e1', '2025-01-01', '2025-12-01'),
  ...steady('e2', '2025-01-01', '2026-03-11'),
  ...steady('f1', '2025-01-01', '2025-10-25'),
  meeting(at('2026-02-12'), { contactId: 'f1' }),
];

const summaries = contacts.map((c) => summarize({ contactId: c.id, touches }));
// bolt: won by its first purchase in November, with no customer contact on record.
const purchases = [{ accountId: 'bolt', at: at('2025-11-20') }];

const bucket = leakyBucket({
  contacts,
  accounts: ['acme', 'bolt', 'core', 'dune', 'echo', 'fern'].map((id) => ({ id, valueTier: 'medium' as const })),
  purchases,
  summaries,
  cadence: DEFAULT_SETTINGS.cadence,
  timeZone: ZONE,
  now: NOW,
  months: 6,
});

describe('the leaky bucket over six known months', () => {
  it('counts exactly who was won, lost and at risk each month', () => {
    expect(bucket.map((m) => [m.month, m.wonAccounts, m.lostAccounts, m.atRiskAccounts, m.net, m.active])).toEqual([
      ['2025-10', ['acme'], [], ['dune'], 1, 5],
      ['2025-11', ['bolt'], ['fern'], ['dune'], 0, 5],
      ['2025-12', [], [], ['dune'], 0, 5],
      ['2026-01', [], ['core'], ['dune'], -1, 4],
      ['2026-02', ['fern'], ['dune'], [], 0, 4],
      ['2026-03', [], [], [], 0, 4],
    ]);
    expect(bucket.map((m) => [m.won, m.lost, m.atRisk])).toEqual([
      [1, 0, 1],
      [1, 1, 1],
      [0, 0, 1],
      [0, 1, 1],
      [1, 1, 0],
      [0, 0, 0],
    ]);
  });

  it('gives the same past months when computed later', () => {
    const later = leakyBucket({
      contacts,
      accounts: [],
      purchases,
      summaries,
      cadence: DEFAULT_SETTINGS.cadence,
      timeZone: ZONE,
      now: NOW + 60 * DAY,
      months: 8,
    });
    expect(later.slice(0, 5)).toEqual(bucket.slice(0, 5));
  });
});

describe('lifetime value', () => {
  const sales = [
    { amount: 1000, currency: 'EUR', at: NOW - 3 * 365.25 * DAY },
    { amount: 2000, currency: 'EUR', at: NOW - 365.25 * DAY },
    { amount: 3000, currency: 'EUR', at: NOW - 10 * DAY },
    { amount: 50, currency: 'USD', at: NOW - 10 * DAY },
  ];

  it('sums revenue to date per currency, averages it per year and looks ahead by retention', () => {
    const [eur, usd] = lifetimeValue(sales, { now: NOW, yearlyRetention: 0.8 });
    expect(eur).toMatchObject({ currency: 'EUR', toDate: 6000, perYear: 2000 });
    expect(eur?.expectedYears).toBeCloseTo(4, 10);
    expect(eur?.ahead).toBeCloseTo(8000, 6);
    expect(usd).toMatchObject({ currency: 'USD', toDate: 50, perYear: 50 });
  });

  it('has nothing ahead for a lost account, and no estimate without observed retention', () => {
    expect(lifetimeValue(sales, { now: NOW, yearlyRetention: 0.8, lost: true })[0]?.ahead).toBe(0);
    expect(lifetimeValue(sales, { now: NOW })[0]?.ahead).toBeNull();
  });

  it('reads retention from the bucket: three lost of seven exposed over half a year', () => {
    // Four customer accounts at the start and three wins (acme, bolt, fern back); fern, core and dune lost.
    const retention = observedRetention(bucket);
    expect(retention).toBeCloseTo((1 - 3 / 7) ** 2, 10);
    expect(observedRetention([])).toBeNull();
  });
});
