import type { Purchase } from '@/lib/shared/model';
import type { BucketMonth } from './bucket';
import { DAY_MS } from './calendar';

/**
 * Lifetime value of an account: revenue to date, the yearly average, and an estimate ahead
 * (the yearly average times the years a customer is expected to stay, from the retention
 * observed in the leaky bucket). One result per currency: sums across currencies would need
 * exchange rates this local-only tool does not have. Value is a reason to plan, never to
 * drop follow-up: nothing else in the engine reads it.
 */
export interface LifetimeValue {
  currency: string;
  toDate: number;
  /** Revenue per year since the first purchase, counting at least one year. */
  perYear: number;
  /** Years since the first purchase. */
  years: number;
  /** Expected revenue ahead; null when retention has not been observed yet. */
  ahead: number | null;
  /** Expected further years as a customer; null when retention has not been observed yet. */
  expectedYears: number | null;
}

const YEAR_MS = 365.25 * DAY_MS;
/** A retention near 100% would promise decades; no estimate looks further than this. */
export const MAX_YEARS_AHEAD = 10;

export interface ValueOptions {
  now: number;
  /** Share of customer accounts kept per year (0..1), e.g. from `observedRetention`. */
  yearlyRetention?: number | null;
  /** A lost account has nothing ahead. */
  lost?: boolean;
}

export function lifetimeValue(
  purchases: readonly Pick<Purchase, 'amount' | 'currency' | 'at'>[],
  { now, yearlyRetention = null, lost = false }: ValueOptions,
): LifetimeValue[] {
  const byCurrency = new Map<string, { toDate: number; first: number }>();
  for (const p of purchases) {
    if (!Number.isFinite(p.amount) || p.at > now) continue;
    const entry = byCurrency.get(p.currency) ?? { toDate: 0, first: p.at };
    entry.toDate += p.amount;
    entry.first = Math.min(entry.first, p.at);
    byCurrency.set(p.currency, entry);
  }
  const expectedYears = lost ? 0 : expectedYearsAhead(yearlyRetention);
  return [...byCurrency]
    .map(([currency, { toDate, first }]) => {
      const years = Math.max(0, now - first) / YEAR_MS;
      const perYear = toDate / Math.max(1, years);
      return {
        currency,
        toDate,
        perYear,
        years,
        expectedYears,
        ahead: expectedYears === null ? null : perYear * expectedYears,
      };
    })
    .sort((a, b) => b.toDate - a.toDate);
}

/** With a yearly retention r, a customer stays r + r² + … = r / (1 - r) more years. */
export function expectedYearsAhead(retention: number | null): number | null {
  if (retention === null || !Number.isFinite(retention)) return null;
  const r = Math.min(1, Math.max(0, retention));
  return r >= 1 ? MAX_YEARS_AHEAD : Math.min(MAX_YEARS_AHEAD, r / (1 - r));
}

/**
 * Yearly retention observed over the bucket's months: the share of accounts exposed (customer
 * at the start, or won during the period) that were not lost, scaled to a year. Null when no
 * account was a customer during the period.
 */
export function observedRetention(months: readonly BucketMonth[]): number | null {
  const first = months[0];
  if (!first) return null;
  const atStart = first.active - first.won + first.lost;
  const exposed = atStart + months.reduce((sum, m) => sum + m.won, 0);
  const lost = months.reduce((sum, m) => sum + m.lost, 0);
  if (exposed <= 0) return null;
  const kept = Math.min(1, Math.max(0, 1 - lost / exposed));
  return kept ** (12 / months.length);
}
