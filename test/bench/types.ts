import type { BrowserContext, Page } from '@playwright/test';
import type { Sizes } from './budgets';
import { median, percentile } from './stats';

export type Status = 'PASS' | 'FAIL' | 'SKIP';

export interface ScenarioResult {
  scenario: string;
  status: Status;
  runs: number;
  /** Milliseconds unless `unit` says otherwise. */
  median?: number;
  p95?: number;
  unit?: string;
  budget: string;
  note?: string;
}

export interface BenchContext {
  context: BrowserContext;
  extensionId: string;
  /** An extension page to send protocol requests from. */
  control: Page;
  sizes: Sizes;
  /** The seller's own address on the bench's Gmail page. */
  me: string;
  now: number;
  /** The floor extension (test/bench/floor/), loaded beside Rapport and seeded to the same size. */
  floorId: string;
}

export interface Scenario {
  name: string;
  run(bench: BenchContext): Promise<ScenarioResult[]>;
}

export const skip = (scenario: string, budget: string, note: string): ScenarioResult => ({
  scenario,
  status: 'SKIP',
  runs: 0,
  budget,
  note,
});

/** PASS when every check holds. */
export const verdict = (...checks: boolean[]): Status => (checks.every(Boolean) ? 'PASS' : 'FAIL');

/** A timed scenario's line: the median and p95 of its runs in ms, judged on the p95. */
export function timed(
  scenario: string,
  runs: readonly number[],
  p95Ms: number,
  note: string,
  budget = `p95 ≤ ${p95Ms} ms`,
): ScenarioResult {
  const p95 = percentile([...runs], 95);
  return { scenario, status: verdict(p95 <= p95Ms), runs: runs.length, median: median([...runs]), p95, budget, note };
}
