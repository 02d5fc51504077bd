import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@/lib/shared/model';
import { leakyBucket, lifetimeValue, observedRetention, summarize } from '@/lib/shared/relationship';
import {
  SIX_MONTHS_ACCOUNTS,
  SIX_MONTHS_CONTACTS,
  SIX_MONTHS_EXPECTED,
  SIX_MONTHS_PURCHASES,
  SIX_MONTHS_TOUCHES,
} from '../../../helpers/six-months';
import { DAY, NOW, ZONE } from './histories';

const contacts = SIX_MONTHS_CONTACTS;
const touches = SIX_MONTHS_TOUCHES;
const summaries = contacts.map((c) => summarize({ contactId: c.id, touches }));
const purchases = SIX_MONTHS_PURCHASES;

const bucket = leakyBucket({
  contacts,
  accounts: SIX_MONTHS_ACCOUNTS.map((id) => ({ id, valueTier: 'medium' as const })),
  purchases,
  summaries,
  cadence: DEFAULT_SETTINGS.cadence,
  timeZone: ZONE,
  now: NOW,
  months: 6,
});

describe('the leaky bucket over six known months', () => {
  it('counts exactly who was won, lost and at risk each month', () => {
    expect(bucket.map((m) => [m.month, m.wonAccounts, m.lostAccounts, m.atRiskAccounts, m.net, m.active])).toEqual(
      SIX_MONTHS_EXPECTED,
    );
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
