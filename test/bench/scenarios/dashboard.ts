import { BOOK_MARK } from '@/lib/shared/marks';
import { BUDGETS } from '../budgets';
import { median } from '../stats';
import { type Scenario, timed } from '../types';

const VIEWS = [
  ['dashboard accounts', 'accounts'],
  ['dashboard contacts', 'contacts'],
  ['dashboard leaky bucket', 'bucket'],
] as const;
const RUNS = 5;

/**
 * The dashboard's views on the full store: dashboard opened at a view → the view's first render
 * with its data (`rapport:book` mark, made when the book's answer is on screen). Then the contacts
 * search: time per keystroke from the input event to the next frame, after the first.
 */
export const dashboard: Scenario = {
  name: 'dashboard',
  async run(bench) {
    const results = [];
    for (const [name, hash] of VIEWS) {
      const runs: number[] = [];
      for (let run = 0; run < Math.min(RUNS, bench.sizes.popupRuns); run++) {
        const page = await bench.context.newPage();
        await page.goto(`chrome-extension://${bench.extensionId}/options.html#${hash}`);
        const ms = await page
          .waitForFunction((mark) => performance.getEntriesByName(mark)[0]?.startTime, BOOK_MARK, { timeout: 30_000 })
          .then((h) => h.jsonValue() as Promise<number>);
        runs.push(ms);
        await page.close();
      }
      results.push(timed(name, runs, BUDGETS.dashboard.p95Ms, 'dashboard opened at the view → its data on screen'));
    }
    results.push(await searchKeystrokes(bench));
    return results;
  },
};

async function searchKeystrokes(bench: Parameters<Scenario['run']>[0]) {
  const page = await bench.context.newPage();
  await page.goto(`chrome-extension://${bench.extensionId}/options.html#contacts`);
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, BOOK_MARK, { timeout: 30_000 });
  const search = page.getByTestId('search');
  const times: number[] = [];
  for (const letter of 'contact 12') {
    await search.focus();
    const ms = await page.evaluate(async (key) => {
      const input = document.querySelector('[data-testid="search"]') as HTMLInputElement;
      const start = performance.now();
      input.value += key;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      return performance.now() - start;
    }, letter);
    times.push(ms);
  }
  await page.close();
  const afterFirst = times.slice(1);
  return timed(
    'dashboard search, per keystroke',
    afterFirst,
    BUDGETS.dashboard.keystrokeMs,
    `input → next frame, ${afterFirst.length} keystrokes after the first (median ${median(afterFirst).toFixed(1)} ms)`,
  );
}
